/**
 * The consent window: names the tool that asks (an extension id with the name it declares, marked
 * unverified, or a page origin), lets the person pick shops and raw tokens or proxied calls, and
 * answers. Closing the window without answering is a refusal (the worker sees it close).
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type ErrorData, toErrorData } from '../shared/errors';
import { t } from '../shared/i18n';
import type { ConsentRequestView, ToolsMode } from '../shared/tools';
import { useClient } from '../ui/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { callerWords, shopWords } from './consent-words';

export interface ConsentPageProps {
  requestId: string;
  /** Chrome's prompt for the shops' API hosts: called first thing in the click. */
  requestHostAccess(origins: readonly string[]): Promise<boolean>;
  closeWindow(): void;
}

export function ConsentPage(props: ConsentPageProps): JSX.Element {
  const client = useClient();
  const [request, setRequest] = useState<ConsentRequestView>();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [mode, setMode] = useState<ToolsMode>('proxy');
  const [error, setError] = useState<ErrorData>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    client.send('consent.get', { id: props.requestId }).then(
      (view) => {
        setRequest(view);
        const known = new Set(view.shops.map((shop) => shop.id));
        setChosen(new Set(view.askedShops.filter((id) => known.has(id))));
        setMode(view.askedMode);
      },
      (failure: unknown) => setError(toErrorData(failure)),
    );
  }, [client, props.requestId]);

  const answer = async (approve: boolean) => {
    if (!request) return;
    setBusy(true);
    setError(undefined);
    const shopIds = request.shops.map((shop) => shop.id).filter((id) => chosen.has(id));
    // In the click, before anything else is awaited: the prompt needs the gesture.
    const origins = [...new Set(shopIds.map((id) => request.apiOrigins[id]).filter((o): o is string => !!o))];
    // A refused prompt still grants the access: calls then answer "permission needed" until allowed.
    if (approve) await props.requestHostAccess(origins);
    try {
      await client.send('consent.answer', { id: request.id, approve, shopIds, mode });
      props.closeWindow();
    } catch (failure) {
      setError(toErrorData(failure));
      setBusy(false);
    }
  };

  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };

  if (error && !request) {
    return (
      <main class="consent">
        <h1>{t('consent_title_short')}</h1>
        <ErrorNotice error={error} />
      </main>
    );
  }
  if (!request) return <main class="consent" aria-busy="true" />;
  const caller = callerWords(request.caller);

  return (
    <main class="consent">
      <h1>{t('consent_title')}</h1>
      <p>{caller.asks}</p>
      <p class="consent__caller">{caller.id}</p>
      {caller.name && <p>{t('consent_declared_name', caller.name)}</p>}
      <fieldset>
        <legend>{t('consent_shops_legend')}</legend>
        {request.shops.length === 0 && <p class="muted">{t('consent_no_shops')}</p>}
        {request.shops.map((shop) => (
          <label key={shop.id}>
            <input type="checkbox" checked={chosen.has(shop.id)} onChange={() => toggle(shop.id)} />
            {shopWords(shop)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('consent_mode_legend')}</legend>
        <label>
          <input type="radio" name="mode" checked={mode === 'proxy'} onChange={() => setMode('proxy')} />
          {t('consent_mode_proxy')}
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === 'tokens'} onChange={() => setMode('tokens')} />
          {t('consent_mode_tokens')}
        </label>
      </fieldset>
      {error && <ErrorNotice error={error} />}
      <div class="consent__actions">
        <button type="button" class="button" disabled={busy} onClick={() => void answer(false)}>
          {t('consent_deny')}
        </button>
        <button
          type="button"
          class="button button--primary"
          disabled={busy || chosen.size === 0}
          onClick={() => void answer(true)}
        >
          {t('consent_allow')}
        </button>
      </div>
    </main>
  );
}
