/**
 * Web pages allowed to ask as seller tools: each added origin gets Seller Auth's bridge on its pages
 * (after Chrome grants the host, asked in the click), and still needs consent like any tool. Removing
 * one unregisters the bridge, ends its access and gives the permission back.
 */
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { pageOriginPattern, parsePageOrigin } from '../platforms/page-origin';
import { type ErrorData, toErrorData } from '../shared/errors';
import { t } from '../shared/i18n';
import { useClient } from '../ui/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { usePageActions } from '../ui/open-page';

export function ToolPagesSection(props: { onChanged(message: string): void }): JSX.Element {
  const client = useClient();
  const { requestHostAccess } = usePageActions();
  const [origins, setOrigins] = useState<string[]>();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<ErrorData>();

  const load = useCallback(async () => {
    try {
      setOrigins(await client.send('toolOrigins.list', undefined));
    } catch (failure) {
      setError(toErrorData(failure));
    }
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  const add = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    let origin: string;
    try {
      origin = parsePageOrigin(typed);
    } catch (failure) {
      setError(toErrorData(failure));
      return;
    }
    // First thing in the click: the prompt needs the gesture.
    if (!(await requestHostAccess(pageOriginPattern(origin)))) {
      setError({
        code: 'permission_denied',
        message: t('tool_pages_denied'),
        retryable: false,
      });
      return;
    }
    try {
      setOrigins(await client.send('toolOrigins.add', { origin }));
      setTyped('');
      props.onChanged(t('tool_pages_added', origin));
    } catch (failure) {
      setError(toErrorData(failure));
    }
  };

  const remove = async (origin: string) => {
    setError(undefined);
    try {
      setOrigins(await client.send('toolOrigins.remove', { origin }));
      props.onChanged(t('tool_pages_removed', origin));
    } catch (failure) {
      setError(toErrorData(failure));
    }
  };

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
