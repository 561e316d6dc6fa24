/** The seller tools API through the worker: consent, the shops a tool sees, token handout, the proxy. */
import { describe, expect, it, vi } from 'vitest';
import { parseToolsRequest } from '../../../src/background/messaging/tools-parsers';
import type { ConsentDecision, ConsentWindow, OpenConsent } from '../../../src/grants/tools/ports';
import type { ApiCall, ApiClient } from '../../../src/platforms/api-client';
import type { AppCredentials } from '../../../src/platforms/types';
import { SellerAuthError } from '../../../src/shared/errors';
import type { ToolCaller, ToolEvent, ToolsMessageType, ToolsRequestOf } from '../../../src/shared/tools';
import { APP_SECRET, createHarness, type Harness, storeGrant } from './harness';

const TOOL: ToolCaller = { kind: 'extension', id: 'abcdefghijklmnopabcdefghijklmnop' };
const OTHER: ToolCaller = { kind: 'extension', id: 'ponmlkjihgfedcbaponmlkjihgfedcba' };

/** A consent window the test answers as the person would: through the consent page's messages. */
class ScriptedConsent implements ConsentWindow {
  opened: string[] = [];
  /** What the person does once the window shows; undefined closes it without an answer. */
  decide: (shopIds: string[]) => ConsentDecision | undefined = () => undefined;
  onOpen: (id: string) => Promise<void> = async () => {};
  closedByUs = 0;
  constructor(private readonly h: () => Harness) {}

  async open(id: string): Promise<OpenConsent> {
    this.opened.push(id);
    let close: () => void = () => {};
    const closed = new Promise<void>((resolve) => {
      close = resolve;
    });
    void (async () => {
      await this.onOpen(id);
      const view = await this.h().send('consent.get', { id });
      const decision = this.decide(view.shops.map((shop) => shop.id));
      if (decision) await this.h().send('consent.answer', { id, ...decision });
      else close();
    })();
    return {
      closed,
      close: async () => {
        this.closedByUs += 1;
        close();
      },
    };
  }
}

/** Records each call; answers with `script` (an error to throw, or a body). */
class FakeApi implements ApiClient {
  calls: (ApiCall & { appKey: string })[] = [];
  script: (unknown | SellerAuthError)[] = [];
  async call(app: AppCredentials, call: ApiCall): Promise<unknown> {
    this.calls.push({ ...call, appKey: app.appKey });
    const next = this.script.shift() ?? { code: '0', data: { orders: [] } };
    if (next instanceof SellerAuthError) throw next;
    return next;
  }
}

function setup() {
  let harness: Harness | undefined;
  const consent = new ScriptedConsent(() => harness as Harness);
  const api = new FakeApi();
  harness = createHarness({ consentWindow: consent, api });
  const h = harness;
  const tools = <T extends ToolsMessageType>(type: T, caller: ToolCaller, payload?: ToolsRequestOf<T>) => {
    const handler = h.worker.tools[type] as (caller: ToolCaller, input: unknown) => Promise<unknown>;
    return Promise.resolve()
      .then(() => parseToolsRequest(type, payload))
      .then((input) => handler(caller, input)) as ReturnType<(typeof h.worker.tools)[T]>;
  };
  return { h, consent, api, tools };
}

async function twoShops(s: ReturnType<typeof setup>) {
  const app = await s.h.addApp({
    endpoints: { tokenCreateUrl: 'http://127.0.0.1:8787/rest/auth/token/create' as never },
  });
  const first = await storeGrant(s.h, app.id, 'a@shop.sg', '1');
  const second = await storeGrant(s.h, app.id, 'b@shop.sg', '2');
  return { app, first, second };
}

async function approved(
  s: ReturnType<typeof setup>,
  mode: 'tokens' | 'proxy',
  pick: (ids: string[]) => string[],
) {
  s.consent.decide = (ids) => ({ approve: true, shopIds: pick(ids), mode });
  return s.tools('tools.requestAccess', TOOL, { mode });
}

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: SellerAuthError) => error.code,
  );

describe('a tool without access', () => {
  it('gets hello with its state, and a named refusal for everything else', async () => {
    const s = setup();
    const { first } = await twoShops(s);
    expect(await s.tools('tools.hello', TOOL)).toMatchObject({
      name: 'Seller Auth',
      version: 1,
      access: { granted: false, shops: 0 },
    });
    expect(await code(s.tools('tools.listShops', TOOL))).toBe('tools_not_allowed');
    expect(await code(s.tools('tools.getToken', TOOL, { shopId: first.id }))).toBe('tools_not_allowed');
    expect(await code(s.tools('tools.call', TOOL, { shopId: first.id, apiPath: '/orders/get' }))).toBe(
      'tools_not_allowed',
    );
    expect(s.api.calls).toEqual([]);
  });
});

describe('tools.requestAccess', () => {
  it('stores what the person approved, and the tool sees only those shops, without tokens', async () => {
    const s = setup();
    const { first, second } = await twoShops(s);
    let asked: unknown;
    s.consent.onOpen = async (id) => {
      asked = await s.h.send('consent.get', { id });
    };
    const reply = await approved(s, 'proxy', () => [first.id]);

    expect(asked).toMatchObject({ caller: TOOL, askedMode: 'proxy' });
    expect(reply.shops.map((shop) => shop.id)).toEqual([first.id]);
    const shops = await s.tools('tools.listShops', TOOL);
    expect(shops).toEqual([
      {
        id: first.id,
        name: 'a@shop.sg',
        platform: 'lazada',
        country: 'sg',
        countries: first.seller.countries,
        health: 'connected',
        accessExpiresAt: first.accessExpiresAt,
        refreshExpiresAt: first.refreshExpiresAt,
      },
    ]);
    const text = JSON.stringify([reply, shops, await s.h.send('toolAccess.list')]);
    for (const secret of [first.accessToken, first.refreshToken, second.accessToken, APP_SECRET]) {
      expect(text).not.toContain(secret);
    }
    expect(s.consent.closedByUs).toBe(1);
    expect(await code(s.tools('tools.listShops', OTHER))).toBe('tools_not_allowed');
    expect((await s.h.send('activity.list', {}))[0]).toMatchObject({ kind: 'tool_access_granted' });
  });

  it('is refused when the person closes the window or denies, and nothing is stored', async () => {
    const s = setup();
    await twoShops(s);
    expect(await code(s.tools('tools.requestAccess', TOOL, {}))).toBe('tools_consent_refused');
    s.consent.decide = (ids) => ({ approve: false, shopIds: ids, mode: 'tokens' });
    expect(await code(s.tools('tools.requestAccess', TOOL, {}))).toBe('tools_consent_refused');
    expect(await s.h.send('toolAccess.list')).toEqual([]);
    expect((await s.h.send('activity.list', {})).map((entry) => entry.kind)).toEqual([
      'tool_access_refused',
      'tool_access_refused',
    ]);
  });

  it('opens one window at a time', async () => {
    const s = setup();
    await twoShops(s);
    let letGo: () => void = () => {};
    s.consent.onOpen = () =>
      new Promise<void>((resolve) => {
        letGo = resolve;
      });
    const first = code(s.tools('tools.requestAccess', TOOL, {}));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await code(s.tools('tools.requestAccess', OTHER, {}))).toBe('tools_consent_busy');
    letGo();
    expect(await first).toBe('tools_consent_refused');
    expect(s.consent.opened).toHaveLength(1);
  });

  it('grants no shop id that does not exist', async () => {
    const s = setup();
    const { first } = await twoShops(s);
    const reply = await approved(s, 'proxy', () => [first.id, 'made-up']);
    expect(reply.shops.map((shop) => shop.id)).toEqual([first.id]);
  });
});

describe('tools.getToken', () => {
  it('hands out the live token with tokens consent, logged without the token', async () => {
    const s = setup();
    const { first } = await twoShops(s);
    await approved(s, 'tokens', (ids) => ids);
    expect(await s.tools('tools.getToken', TOOL, { shopId: first.id })).toEqual({
      accessToken: first.accessToken,
      expiresAt: first.accessExpiresAt,
    });
    const [entry] = await s.h.send('activity.list', {});
    expect(entry).toMatchObject({ kind: 'tool_token_handout', grantId: first.id });
    expect(JSON.stringify(entry)).not.toContain(first.accessToken);
    expect((await s.h.send('toolAccess.list'))[0]?.lastUsedAt).toBe(s.h.clock.now());
  });

  it('refreshes first when the token would expire within minValidityS', async () => {
    const s = setup();
    const { first } = await twoShops(s);
    await approved(s, 'tokens', (ids) => ids);
    await s.h.clock.advanceTo(first.accessExpiresAt - 10 * 60_000);
    const kept = await s.tools('tools.getToken', TOOL, { shopId: first.id, minValidityS: 300 });
    expect(kept.accessToken).toBe(first.accessToken);
    const reply = await s.tools('tools.getToken', TOOL, { shopId: first.id, minValidityS: 900 });
    expect(s.h.tokens.refreshTokensSent).toEqual([first.refreshToken]);
    expect(reply.accessToken).toBe(s.h.stores.grants.peek(first.id)?.accessToken);
    expect(reply.accessToken).not.toBe(first.accessToken);
  });

  it('is refused with proxy consent, and for a shop not shared', async () => {
    const s = setup();
    const { first, second } = await twoShops(s);
    await approved(s, 'proxy', () => [first.id]);
    expect(await code(s.tools('tools.getToken', TOOL, { shopId: first.id }))).toBe(
      'tools_tokens_not_granted',
    );
    await approved(s, 'tokens', () => [first.id]);
    expect(await code(s.tools('tools.getToken', TOOL, { shopId: second.id }))).toBe('tools_shop_not_granted');
  });
});

describe('toolAccess.revoke', () => {
  it('ends the access: the tool is refused again', async () => {
    const s = setup();
    const { first } = await twoShops(s);
    await approved(s, 'tokens', (ids) => ids);
    await s.h.send('toolAccess.revoke', { caller: `ext:${TOOL.kind === 'extension' ? TOOL.id : ''}` });
    expect(await code(s.tools('tools.getToken', TOOL, { shopId: first.id }))).toBe('tools_not_allowed');
    expect(await s.h.send('toolAccess.list')).toEqual([]);
    expect((await s.h.send('activity.list', {}))[0]).toMatchObject({ kind: 'tool_access_revoked' });
  });
});

describe('tools.call', () => {
  it("signs with the app and the shop's token, on the app's gateway, and logs the call", async () => {
    const s = setup();
    const { first } = await twoShops(s);
    await approved(s, 'proxy', (ids) => ids);
    s.api.script = [{ code: '0', data: { orders: [{ order_id: 1 }] } }];
    const answer = await s.tools('tools.call', TOOL, {
      shopId: first.id,
      apiPath: '/orders/get',
      params: { created_after: '2025-01-01' },
    });
    expect(answer).toEqual({ code: '0', data: { orders: [{ order_id: 1 }] } });
    expect(s.api.calls).toEqual([
      {
        appKey: '100132',
        gateway: { rest: 'http://127.0.0.1:8787/rest', sync: 'http://127.0.0.1:8787/sync' },
        accessToken: first.accessToken,
        apiPath: '/orders/get',
        params: { created_after: '2025-01-01' },
      },
    ]);
    const [entry] = await s.h.send('activity.list', {});
    expect(entry).toMatchObject({ kind: 'tool_api_call', grantId: first.id });
    expect(entry).toMatchObject({
      detail: '/orders/get',
      caller: `ext:${TOOL.kind === 'extension' ? TOOL.id : ''}`,
    });
  });

  it('refreshes once and retries once when the platform refuses the access token', async () => {
    const s = setup();
    const { first } = await twoShops(s);
    await approved(s, 'proxy', (ids) => ids);
    await s.h.clock.advance(1000);
    s.api.script = [new SellerAuthError('access_token_invalid', 'refused'), { code: '0', data: {} }];
    expect(await s.tools('tools.call', TOOL, { shopId: first.id, apiPath: '/seller/get' })).toEqual({
      code: '0',
      data: {},
    });
    const fresh = s.h.stores.grants.peek(first.id)?.accessToken;
    expect(s.api.calls.map((call) => call.accessToken)).toEqual([first.accessToken, fresh]);
    expect(s.h.tokens.refreshTokensSent).toEqual([first.refreshToken]);

    await s.h.clock.advance(1000);
    s.api.script = [
      new SellerAuthError('access_token_invalid', 'refused'),
      new SellerAuthError('access_token_invalid', 'refused again'),
    ];
    expect(await code(s.tools('tools.call', TOOL, { shopId: first.id, apiPath: '/seller/get' }))).toBe(
      'access_token_invalid',
    );
    expect(s.api.calls).toHaveLength(4);
    expect(s.h.tokens.refreshTokensSent).toHaveLength(2);
  });

  it('answers the named error of a limit or an outage, and logs it', async () => {
    const s = setup();
    const { first } = await twoShops(s);
    await approved(s, 'proxy', (ids) => ids);
    s.api.script = [new SellerAuthError('upstream_unavailable', 'HTTP 503', { httpStatus: 503 })];
    expect(await code(s.tools('tools.call', TOOL, { shopId: first.id, apiPath: '/orders/get' }))).toBe(
      'upstream_unavailable',
    );
    expect((await s.h.send('activity.list', {}))[0]).toMatchObject({
      kind: 'tool_api_call',
      errorCode: 'upstream_unavailable',
    });
    s.api.script = [new SellerAuthError('rate_limited', 'ApiCallLimit')];
    expect(await code(s.tools('tools.call', TOOL, { shopId: first.id, apiPath: '/orders/get' }))).toBe(
      'rate_limited',
    );
  });

  it("needs Chrome's host access to the shop's regional API host", async () => {
    const s = setup();
    const app = await s.h.addApp();
    const grant = await storeGrant(s.h, app.id, 'c@shop.sg', '3');
    await approved(s, 'proxy', (ids) => ids);
    const refused = await s
      .tools('tools.call', TOOL, { shopId: grant.id, apiPath: '/orders/get' })
      .catch((error: SellerAuthError) => error);
    expect(refused).toMatchObject({
      code: 'permission_denied',
      details: { origin: 'https://api.lazada.sg/*' },
    });
    expect(s.api.calls).toEqual([]);
    s.h.origins.allowed.add('https://api.lazada.sg');
    await s.tools('tools.call', TOOL, { shopId: grant.id, apiPath: '/orders/get' });
    expect(s.api.calls[0]?.gateway.rest).toBe('https://api.lazada.sg/rest');
  });
});

describe('subscribe', () => {
  it('is refused without access', async () => {
    const s = setup();
    await expect(
      s.h.worker.subscribeTool(
        TOOL,
        () => {},
        () => {},
      ),
    ).rejects.toMatchObject({
      code: 'tools_not_allowed',
    });
  });

  it('tells the shops at once, then each change of a granted shop, and the end of access', async () => {
    const s = setup();
    const { first, second } = await twoShops(s);
    await approved(s, 'proxy', () => [first.id]);
    const events: ToolEvent[] = [];
    let ended = 0;
    await s.h.worker.subscribeTool(
      TOOL,
      (event) => events.push(event),
      () => (ended += 1),
    );
    expect(events).toEqual([{ event: 'shops', shops: [expect.objectContaining({ id: first.id })] }]);

    await s.h.clock.advance(60_000);
    await s.h.send('grants.refresh', { grantId: second.id });
    await s.h.send('grants.refresh', { grantId: first.id });
    const refreshed = s.h.stores.grants.peek(first.id);
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(events[1]).toEqual({
      event: 'shop.changed',
      shop: expect.objectContaining({ id: first.id, accessExpiresAt: refreshed?.accessExpiresAt }),
    });
    expect(JSON.stringify(events)).not.toContain(refreshed?.accessToken ?? 'none');

    await s.h.send('toolAccess.revoke', { caller: `ext:${TOOL.kind === 'extension' ? TOOL.id : ''}` });
    expect(events.at(-1)).toEqual({ event: 'access.ended' });
    expect(ended).toBe(1);
  });
});
