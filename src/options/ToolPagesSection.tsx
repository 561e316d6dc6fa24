/**
 * Web pages allowed to ask as seller tools: each added origin gets Seller Auth's bridge on its pages
 * (after Chrome grants the host, asked in the click), and still needs consent like any tool. Removing
 * one unregisters the bridge, ends its access and gives the permission back.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { pageOriginPattern, parsePageOrigin } from '../platforms/page-origin';
import { t } from '../shared/i18n';
import { useClient } from '../ui/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { usePageActions } from '../ui/open-page';
import { useWorkerAnswer } from '../ui/use-worker-answer';

export function ToolPagesSection(props: { onChanged(message: string): void }): JSX.Element {
  const client = useClient();
  const { requestHostAccess } = usePageActions();
  const { value: origins, setValue: setOrigins, error, setError, run } = useWorkerAnswer('toolOrigins.list');
  const [typed, setTyped] = useState('');

  const add = (event: Event) => {
    event.preventDefault();
    // Nothing awaited before the prompt: it needs the click's gesture.
    return run(async () => {
      const origin = parsePageOrigin(typed);
      if (!(await requestHostAccess(pageOriginPattern(origin)))) {
        setError({ code: 'permission_denied', message: t('tool_pages_denied'), retryable: false });
        return;
      }
      setOrigins(await client.send('toolOrigins.add', { origin }));
      setTyped('');
      props.onChanged(t('tool_pages_added', origin));
    });
  };

  const remove = (origin: string) =>
    run(async () => {
      setOrigins(await client.send('toolOrigins.remove', { origin }));
      props.onChanged(t('tool_pages_removed', origin));
    });

  return (
    <div>
      <h3 id="tool-pages-heading">{t('tool_pages_heading')}</h3>
      <p class="muted">{t('tool_pages_intro')}</p>
      {origins && origins.length > 0 && (
        <ul aria-labelledby="tool-pages-heading">
          {origins.map((origin) => (
            <li key={origin}>
              {origin}{' '}
              <button
                type="button"
                class="button button--quiet"
                aria-label={t('remove_for', origin)}
                onClick={() => void remove(origin)}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void add(event)}>
        <label class="field">
          {t('tool_pages_address')}
          <input
            type="url"
            placeholder="https://tool.example"
            value={typed}
            onInput={(event) => setTyped((event.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" class="button">
          {t('tool_pages_add')}
        </button>
      </form>
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
