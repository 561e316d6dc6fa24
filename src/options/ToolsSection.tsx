/** "Connected tools": which seller tools may use which shops, when each was last used, and revoke. */
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { type ErrorData, toErrorData } from '../shared/errors';
import type { ToolAccessView } from '../shared/tools';
import { useClient } from '../ui/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatDate } from '../ui/time-words';
import { ToolPagesSection } from './ToolPagesSection';

function toolName(access: ToolAccessView): string {
  const kind = access.kind === 'extension' ? 'Extension' : 'Web page';
  return access.declaredName
    ? `${access.declaredName} (unverified name), ${kind.toLowerCase()} ${access.label}`
    : `${kind} ${access.label}`;
}

export function ToolsSection(props: { onChanged(message: string): void }): JSX.Element {
  const client = useClient();
  const [tools, setTools] = useState<ToolAccessView[]>();
  const [error, setError] = useState<ErrorData>();

  const load = useCallback(async () => {
    try {
      setTools(await client.send('toolAccess.list', undefined));
    } catch (failure) {
      setError(toErrorData(failure));
    }
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  const revoke = async (access: ToolAccessView) => {
    setError(undefined);
    try {
      await client.send('toolAccess.revoke', { caller: access.caller });
      props.onChanged(`Access revoked for ${access.declaredName ?? access.label}.`);
      await load();
    } catch (failure) {
      setError(toErrorData(failure));
    }
  };

  return (
    <section aria-labelledby="tools-heading">
      <div class="section-header">
        <h2 id="tools-heading">Connected tools</h2>
      </div>
      <p class="muted">
        Seller tools (other extensions) that asked for your shops and were allowed. They ask through Seller
        Auth; revoking stops them at once.
      </p>
      {error && <ErrorNotice error={error} />}
      {tools && tools.length === 0 && <p class="muted">No tool has access.</p>}
      {tools && tools.length > 0 && (
        <table class="table">
          <caption class="visually-hidden">Connected tools</caption>
          <thead>
            <tr>
              <th scope="col">Tool</th>
              <th scope="col">Access</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tools.map((access) => (
              <tr key={access.caller}>
                <td>{toolName(access)}</td>
                <td>
                  {access.mode === 'tokens' ? 'Raw tokens' : 'Calls through Seller Auth'},{' '}
                  {access.shopIds.length} shop{access.shopIds.length === 1 ? '' : 's'}
                </td>
                <td>{access.lastUsedAt ? formatDate(access.lastUsedAt) : 'Never'}</td>
                <td>
                  <button
                    type="button"
                    class="button button--danger"
                    aria-label={`Revoke ${toolName(access)}`}
                    onClick={() => void revoke(access)}
                  >
                    Revoke
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
          void load();
        }}
      />
    </section>
  );
}
