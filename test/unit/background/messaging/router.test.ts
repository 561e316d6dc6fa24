import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../../../src/background/messaging/request-parsers';
import { createMessageListener } from '../../../../src/background/messaging/router';
import { SellerAuthError } from '../../../../src/shared/errors';
import type { Reply } from '../../../../src/shared/protocol';

const SELF = {
  id: 'abcdefghijklmnopabcdefghijklmnop',
  origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
};
const POPUP = { id: SELF.id, url: `${SELF.origin}/src/popup/index.html`, origin: SELF.origin };

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const unexpected = async () => {
    throw new Error('unexpected handler');
  };
  return new Proxy(overrides, {
    get: (target, key: string) => target[key as keyof Handlers] ?? unexpected,
  }) as Handlers;
}

function send(
  handlers: Handlers,
  message: unknown,
  sender: object,
): { sync: unknown; reply: Promise<Reply<unknown>> } {
  const listener = createMessageListener(handlers, SELF);
  let resolveReply: (reply: Reply<unknown>) => void = () => {};
  const reply = new Promise<Reply<unknown>>((resolve) => {
    resolveReply = resolve;
  });
  const sync = listener(message, sender, resolveReply);
  return { sync, reply };
}

const INFO = { extensionId: SELF.id, identityCallbackUrl: `https://${SELF.id}.chromiumapp.org/` };
const info = async () => INFO;

describe('createMessageListener', () => {
  it('runs the handler for our own page and replies ok, keeping the channel open synchronously', async () => {
    const { sync, reply } = send(handlersWith({ 'extension.info': info }), { type: 'extension.info' }, POPUP);
    expect(sync).toBe(true);
    expect(await reply).toEqual({ ok: true, value: INFO });
  });

  it('passes the payload and the verified page path to the handler', async () => {
    const activity = vi.fn(async () => []);
    const message = { type: 'activity.list', payload: { grantId: 'g1', limit: 5 } };
    const { reply } = send(handlersWith({ 'activity.list': activity }), message, POPUP);
    await reply;
    expect(activity).toHaveBeenCalledWith({ grantId: 'g1', limit: 5 });
  });

  it.each([
    ['another extension', { ...POPUP, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }],
    ['a web page', { id: SELF.id, url: 'https://evil.example/page', origin: 'https://evil.example' }],
    [
      'a content script in a tab',
      {
        id: SELF.id,
        url: 'https://sellercenter.lazada.sg/',
        origin: 'https://sellercenter.lazada.sg',
        tab: { id: 4 },
      },
    ],
    ['a sender without a url', { id: SELF.id }],
    ['a web page on a browser that reports no origin', { id: SELF.id, url: 'https://evil.example/page' }],
    [
      'a look-alike extension URL',
      { id: SELF.id, url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' },
    ],
    ['a forged url with a foreign origin', { ...POPUP, origin: 'https://evil.example' }],
  ])('refuses %s with forbidden_sender and never runs a handler', async (_name, sender) => {
    const handler = vi.fn(async () => INFO);
    const { sync, reply } = send(
      handlersWith({ 'extension.info': handler }),
      { type: 'extension.info' },
      sender,
    );
    expect(sync).toBe(true);
    const answer = await reply;
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.code).toBe('forbidden_sender');
    expect(handler).not.toHaveBeenCalled();
  });

  it('accepts an extension page opened in a tab (the options page)', async () => {
    const sender = { ...POPUP, url: `${SELF.origin}/src/options/index.html`, tab: { id: 9 } };
    const { reply } = send(handlersWith({ 'extension.info': info }), { type: 'extension.info' }, sender);
    expect((await reply).ok).toBe(true);
  });

  it.each([
    ['an unknown type', { type: 'grants.export' }],
    ['a missing type', { payload: {} }],
    ['a string', 'extension.info'],
    ['null', null],
    ['an inherited property name', { type: 'toString' }],
  ])('answers invalid_input for %s', async (_name, message) => {
    const { reply } = send(handlersWith({}), message, POPUP);
    const answer = await reply;
    expect(!answer.ok && answer.error.code).toBe('invalid_input');
  });

  it('replies with the SellerAuthError data a handler threw', async () => {
    const handlers = handlersWith({
      'grants.remove': async () => {
        throw new SellerAuthError('not_found', 'This shop is no longer in the list.');
      },
    });
    const { reply } = send(handlers, { type: 'grants.remove', payload: { grantId: 'x' } }, POPUP);
    expect(await reply).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'This shop is no longer in the list.', retryable: false },
    });
  });

  it('hides the text and stack of an unexpected error, which may hold anything', async () => {
    const handlers = handlersWith({
      'settings.get': async () => {
        throw new TypeError('secret=S3CR3T token=50000601c30atpedfgu3');
      },
    });
    const { reply } = send(handlers, { type: 'settings.get' }, POPUP);
    const text = JSON.stringify(await reply);
    expect(text).toContain('"code":"internal"');
    expect(text).not.toContain('S3CR3T');
    expect(text).not.toContain('50000601c30');
    expect(text).not.toContain('stack');
  });

  it('turns a handler that throws synchronously into an error reply', async () => {
    const handlers = handlersWith({
      'connect.status': (() => {
        throw new SellerAuthError('storage_failed', 'Could not read.');
      }) as Handlers['connect.status'],
    });
    const { reply } = send(handlers, { type: 'connect.status' }, POPUP);
    const answer = await reply;
    expect(!answer.ok && answer.error.code).toBe('storage_failed');
  });
});
