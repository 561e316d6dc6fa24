import { describe, expect, it } from 'vitest';
import {
  createSellerAuthClient,
  createSellerAuthPageClient,
  SellerAuthToolError,
} from '../../../src/tools-client/seller-auth-client';

const ID = 'fffnjcdamfdmpeafhgelpgehapcbeilk';

function clientAnswering(reply: unknown) {
  const sent: { id: string; message: unknown }[] = [];
  const client = createSellerAuthClient({
    extensionId: ID,
    sendMessage: async (id, message) => {
      sent.push({ id, message });
      if (reply instanceof Error) throw reply;
      return reply;
    },
  });
  return { client, sent };
}

describe('createSellerAuthClient', () => {
  it('sends each call as a tools message to Seller Auth and answers the value', async () => {
    const { client, sent } = clientAnswering({ ok: true, value: { code: '0' } });
    expect(await client.call('g1', '/orders/get', { limit: 10, desc: true })).toEqual({ code: '0' });
    await client.getToken('g1', { minValidityS: 300 });
    await client.requestAccess({ name: 'My tool', mode: 'tokens' });
    expect(sent).toEqual([
      {
        id: ID,
        message: {
          type: 'tools.call',
          payload: { shopId: 'g1', apiPath: '/orders/get', params: { limit: '10', desc: 'true' } },
        },
      },
      { id: ID, message: { type: 'tools.getToken', payload: { shopId: 'g1', minValidityS: 300 } } },
      { id: ID, message: { type: 'tools.requestAccess', payload: { name: 'My tool', mode: 'tokens' } } },
    ]);
  });

  it('throws the named error of a refusal', async () => {
    const { client } = clientAnswering({
      ok: false,
      error: { code: 'tools_not_allowed', message: 'no access', retryable: false },
    });
    const error = await client.listShops().catch((e: SellerAuthToolError) => e);
    expect(error).toBeInstanceOf(SellerAuthToolError);
    expect(error).toMatchObject({ code: 'tools_not_allowed', retryable: false });
  });

  it('says no_answer when Seller Auth is not there, bad_answer for a stranger reply', async () => {
    await expect(
      clientAnswering(new Error('Could not establish connection')).client.hello(),
    ).rejects.toMatchObject({
      code: 'no_answer',
      retryable: true,
    });
    await expect(clientAnswering(undefined).client.hello()).rejects.toMatchObject({ code: 'bad_answer' });
  });
});

describe('createSellerAuthPageClient', () => {
  it('posts each request to its own window with one port, and reads the answer from that port', async () => {
    const posted: { message: unknown; origin: string }[] = [];
    const page = {
      location: { origin: 'https://tool.example' },
      postMessage(message: unknown, origin: string, transfer: Transferable[]) {
        posted.push({ message, origin });
        (transfer[0] as MessagePort).postMessage({ ok: true, value: [{ id: 'g1' }] });
      },
    };
    const client = createSellerAuthPageClient({ window: page });
    expect(await client.listShops()).toEqual([{ id: 'g1' }]);
    expect(posted).toEqual([
      {
        message: { sellerAuth: 'seller-auth:request', type: 'tools.listShops' },
        origin: 'https://tool.example',
      },
    ]);
  });

  it('ends as no_answer when no bridge answers', async () => {
    const page = { location: { origin: 'https://tool.example' }, postMessage() {} };
    await expect(createSellerAuthPageClient({ window: page, timeoutMs: 10 }).hello()).rejects.toMatchObject({
      code: 'no_answer',
    });
  });
});

describe('subscribe', () => {
  it('opens the subscribe port and hands each event over', () => {
    const listeners: ((message: unknown) => void)[] = [];
    const opened: string[] = [];
    const client = createSellerAuthClient({
      extensionId: ID,
      sendMessage: async () => undefined,
      connect: (id, info) => {
        opened.push(`${id}:${info.name}`);
        return {
          postMessage() {},
          disconnect() {},
          onMessage: { addListener: (listener) => listeners.push(listener) },
          onDisconnect: { addListener() {} },
        };
      },
    });
    const events: unknown[] = [];
    client.subscribe((event) => events.push(event));
    for (const listener of listeners) listener({ event: 'shops', shops: [] });
    expect(opened).toEqual([`${ID}:seller-auth.tools.subscribe`]);
    expect(events).toEqual([{ event: 'shops', shops: [] }]);
  });
});
