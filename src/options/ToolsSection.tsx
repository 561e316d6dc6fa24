/** "Connected tools": which seller tools may use which shops, when each was last used, and revoke. */
import type { JSX } from 'preact';
import { t, tPlural } from '../shared/i18n';
import type { ToolAccessView } from '../shared/tools';
import { useClient } from '../ui/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatDate } from '../ui/time-words';
import { useWorkerAnswer } from '../ui/use-worker-answer';
import { ToolPagesSection } from './ToolPagesSection';

function toolName(access: ToolAccessView): string {
  const extension = access.kind === 'extension';
  if (access.declaredName) {
    return extension
      ? t('tools_name_declared_extension', access.declaredName, access.label)
      : t('tools_name_declared_page', access.declaredName, access.label);
  }
  return extension ? t('tools_name_extension', access.label) : t('tools_name_page', access.label);
}

export function ToolsSection(props: { onChanged(message: string): void }): JSX.Element {
  const client = useClient();
  const { value: tools, error, reload, run } = useWorkerAnswer('toolAccess.list');

  const revoke = (access: ToolAccessView) =>
    run(async () => {
      await client.send('toolAccess.revoke', { caller: access.caller });
      props.onChanged(t('tools_revoked', access.declaredName ?? access.label));
      await reload();
    });

  return (
    <section aria-labelledby="tools-heading">
      <div class="section-header">
        <h2 id="tools-heading">{t('tools_heading')}</h2>
      </div>
      <p class="muted">{t('tools_intro')}</p>
      {error && <ErrorNotice error={error} />}
      {tools && tools.length === 0 && <p class="muted">{t('tools_none')}</p>}
      {tools && tools.length > 0 && (
        <table class="table">
          <caption class="visually-hidden">{t('tools_heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tools_col_tool')}</th>
              <th scope="col">{t('tools_col_access')}</th>
              <th scope="col">{t('tools_col_last_used')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('tools_col_actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tools.map((access) => (
              <tr key={access.caller}>
                <td>{toolName(access)}</td>
                <td>
                  {tPlural(
                    'tools_access',
                    access.shopIds.length,
                    access.mode === 'tokens' ? t('tools_mode_tokens') : t('tools_mode_proxy'),
                  )}
                </td>
                <td>{access.lastUsedAt ? formatDate(access.lastUsedAt) : t('tools_never')}</td>
                <td>
                  <button
                    type="button"
                    class="button button--danger"
                    aria-label={t('tools_revoke_for', toolName(access))}
                    onClick={() => void revoke(access)}
                  >
                    {t('tools_revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ToolPagesSection
        onChanged={(message) => {
          props.onChanged(message);
          void reload();
        }}
      />
    </section>
  );
}
