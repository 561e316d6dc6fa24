import { describe, expect, it } from 'vitest';
import { parseToolsRequest, type ToolsHandlers } from '../../../../src/background/messaging/tools-parsers';
import { createToolsMessageListener } from '../../../../src/background/messaging/tools-router';
import type { Reply } from '../../../../src/shared/protocol';
import type { ToolCaller } from '../../../../src/shared/tools';

const SELF = {
  id: 'fffnjcdamfdmpeafhgelpgehapcbeilk',
  origin: 'chrome-extension://fffnjcdamfdmpeafhgelpgehapcbeilk',
};
const TOOL_ID = 'abcdefghijklmnopabcdefghijklmnop';
const fromTool = { id: TOOL_ID, url: `chrome-extension://${TOOL_ID}/page.html` };

function listenerWithCalls() {
  const seen: { type: string; caller: ToolCaller; input: unknown }[] = [];
  const record =
    (type: string) =>
    async (caller: ToolCaller, input: unknown): Promise<never> => {
      seen.push({ type, caller, input });
      return { ok: 'yes' } as never;
    };
  const handlers = {
    'tools.hello': record('tools.hello'),
    'tools.requestAccess': record('tools.requestAccess'),
    'tools.listShops': record('tools.listShops'),
    'tools.getToken': record('tools.getToken'),
    'tools.call': record('tools.call'),
  } as ToolsHandlers;
  const listener = createToolsMessageListener(handlers, SELF);
  const send = (message: unknown, sender: Parameters<typeof listener>[1]) =>
    new Promise<Reply<unknown>>((resolve) => {
      expect(listener(message, sender, resolve)).toBe(true);
    });
  return { seen, send };
}

describe('the external message listener', () => {
  it('answers another extension, naming it by the id Chrome gives', async () => {
    const { seen, send } = listenerWithCalls();
    expect(await send({ type: 'tools.hello' }, fromTool)).toEqual({ ok: true, value: { ok: 'yes' } });
    await send(
      { type: 'tools.requestAccess', payload: { name: 'Orders\u0007 tool', mode: 'tokens' } },
      fromTool,
    );
    expect(seen.map((call) => call.caller)).toEqual([
      { kind: 'extension', id: TOOL_ID },
      { kind: 'extension', id: TOOL_ID, declaredName: 'Orders tool' },
    ]);
  });

  it('refuses senders that are not another extension page or worker', async () => {
    const { seen, send } = listenerWithCalls();
    const senders = [
      {},
      { id: SELF.id, url: `${SELF.origin}/src/popup/index.html` },
      { id: TOOL_ID, url: 'https://shop.example/page' },
      { id: TOOL_ID },
      { id: 'not-an-id', url: 'chrome-extension://not-an-id/x' },
      { ...fromTool, origin: 'https://shop.example' },
    ];
    for (const sender of senders) {
      expect(await send({ type: 'tools.hello' }, sender)).toMatchObject({
        ok: false,
        error: { code: 'tools_not_allowed' },
      });
    }
    expect(seen).toEqual([]);
  });

  it("knows nothing of the pages' protocol", async () => {
    const { seen, send } = listenerWithCalls();
    const reply = await send({ type: 'grants.accessToken', payload: { grantId: 'g' } }, fromTool);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(seen).toEqual([]);
  });

  it('refuses a malformed payload with the field, before any handler runs', async () => {
    const { seen, send } = listenerWithCalls();
    const reply = await send({ type: 'tools.call', payload: { shopId: 'g', apiPath: '../x' } }, fromTool);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'apiPath' } });
    expect(seen).toEqual([]);
  });
});

describe('parseToolsRequest', () => {
  it('reads a call: path or dotted method, text params, none of Seller Auth own', () => {
    expect(
      parseToolsRequest('tools.call', {
        shopId: 'g',
        apiPath: '/orders/get',
        params: { limit: 10, sort: 'x' },
      }),
    ).toEqual({ shopId: 'g', apiPath: '/orders/get', params: { limit: '10', sort: 'x' } });
    expect(parseToolsRequest('tools.call', { shopId: 'g', apiPath: 'aliexpress.order.get' }).apiPath).toBe(
      'aliexpress.order.get',
    );
    for (const bad of [
      { shopId: 'g', apiPath: 'http://evil/x' },
      { shopId: 'g', apiPath: '/orders/get', params: { access_token: 'x' } },
      { shopId: 'g', apiPath: '/orders/get', params: { sign: 'x' } },
      { shopId: 'g', apiPath: '/orders/get', params: { a: { b: 1 } } },
      { apiPath: '/orders/get' },
    ]) {
      expect(() => parseToolsRequest('tools.call', bad)).toThrow();
    }
  });

  it('reads getToken and requestAccess', () => {
    expect(parseToolsRequest('tools.getToken', { shopId: 'g', minValidityS: 600 })).toEqual({
      shopId: 'g',
      minValidityS: 600,
    });
    expect(() => parseToolsRequest('tools.getToken', { shopId: 'g', minValidityS: -1 })).toThrow();
    expect(parseToolsRequest('tools.requestAccess', undefined)).toEqual({});
    expect(() => parseToolsRequest('tools.requestAccess', { mode: 'admin' })).toThrow();
    expect(() => parseToolsRequest('tools.requestAccess', { shops: [1] })).toThrow();
  });
});
