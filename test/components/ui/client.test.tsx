import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SellerAuthError } from '../../../src/shared/errors';
import type { Message } from '../../../src/shared/protocol';
import { ClientProvider, createClientOver, useClient, type WorkerClient } from '../../../src/ui/client';

afterEach(cleanup);

function clientReplying(reply: unknown | (() => Promise<unknown>)) {
  const sent: Message[] = [];
  const client = createClientOver(async (message) => {
    sent.push(message);
    return typeof reply === 'function' ? (reply as () => Promise<unknown>)() : reply;
  });
  return { client, sent };
}

async function failureOf(promise: Promise<unknown>): Promise<SellerAuthError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof SellerAuthError)) throw new Error('expected a SellerAuthError');
  return error;
}

describe('createClientOver', () => {
  it('sends {type, payload} and resolves with the value of an ok reply', async () => {
    const { client, sent } = clientReplying({ ok: true, value: { removedGrants: 2 } });
    await expect(client.send('apps.remove', { appId: 'app-1' })).resolves.toEqual({ removedGrants: 2 });
    expect(sent).toEqual([{ type: 'apps.remove', payload: { appId: 'app-1' } }]);
  });

  it('throws the worker error as a SellerAuthError with its code and details', async () => {
    const { client } = clientReplying({
      ok: false,
      error: {
        code: 'refresh_token_invalid',
        message: 'Dead.',
        retryable: false,
        platformCode: 'IllegalRefreshToken',
      },
    });
    const error = await failureOf(client.send('grants.refresh', { grantId: 'g' }));
    expect(error.code).toBe('refresh_token_invalid');
    expect(error.details.platformCode).toBe('IllegalRefreshToken');
  });

  it('treats a missing reply as the background service not answering', async () => {
    const { client } = clientReplying(undefined);
    const error = await failureOf(client.send('apps.list', undefined));
    expect(error.code).toBe('worker_unavailable');
    expect(error.retryable).toBe(true);
  });

  it('treats a rejected sendMessage as the background service not answering', async () => {
    const { client } = clientReplying(() => Promise.reject(new Error('Could not establish connection.')));
    const error = await failureOf(client.send('apps.list', undefined));
    expect(error.code).toBe('worker_unavailable');
    expect(error.message).toContain('stopped before it answered');
  });

  it('does not trust a reply whose error has an unknown code', async () => {
    const { client } = clientReplying({ ok: false, error: { code: 'weird', message: 'x' } });
    const error = await failureOf(client.send('apps.list', undefined));
    expect(error.code).toBe('internal');
    expect(error.message).toContain('did not answer as expected');
  });
});

describe('useClient', () => {
  function ShowsClient(props: { seen: WorkerClient[] }) {
    props.seen.push(useClient());
    return null;
  }

  it('hands components the provided client', () => {
    const { client } = clientReplying(undefined);
    const seen: WorkerClient[] = [];
    render(
      <ClientProvider client={client}>
        <ShowsClient seen={seen} />
      </ClientProvider>,
    );
    expect(seen[0]).toBe(client);
  });

  it('fails loudly without a provider', () => {
    expect(() => render(<ShowsClient seen={[]} />)).toThrow(/ClientProvider/);
  });
});
