import { describe, expect, it } from 'vitest';
import {
  createToolsConnectListener,
  type PortLike,
} from '../../../../src/background/messaging/tools-subscribe';
import { SellerAuthError } from '../../../../src/shared/errors';
import { TOOLS_SUBSCRIBE_PORT } from '../../../../src/shared/tools';

const SELF = {
  id: 'fffnjcdamfdmpeafhgelpgehapcbeilk',
  origin: 'chrome-extension://fffnjcdamfdmpeafhgelpgehapcbeilk',
};
const TOOL_ID = 'abcdefghijklmnopabcdefghijklmnop';

function fakePort(name: string, sender?: PortLike['sender']) {
  const port = {
    name,
    sender,
    posted: [] as unknown[],
    disconnected: 0,
    closeListeners: [] as (() => void)[],
    postMessage(message: unknown) {
      port.posted.push(message);
    },
    disconnect() {
      port.disconnected += 1;
    },
    onDisconnect: {
      addListener(listener: () => void) {
        port.closeListeners.push(listener);
      },
    },
  };
  return port;
}

describe('the subscribe port', () => {
  it('closes a port of another name, or from a sender we do not answer, without subscribing', async () => {
    let subscribed = 0;
    const listener = createToolsConnectListener(async () => {
      subscribed += 1;
      return () => {};
    }, SELF);
    const ports = [
      fakePort('other', { id: TOOL_ID, url: `chrome-extension://${TOOL_ID}/p.html` }),
      fakePort(TOOLS_SUBSCRIBE_PORT, { id: TOOL_ID, url: 'https://shop.example/' }),
      fakePort(TOOLS_SUBSCRIBE_PORT),
    ];
    for (const port of ports) listener(port);
    expect(ports.map((port) => port.disconnected)).toEqual([1, 1, 1]);
    expect(subscribed).toBe(0);
  });

  it('posts a refusal and closes when the tool has no access', async () => {
    const listener = createToolsConnectListener(async () => {
      throw new SellerAuthError('tools_not_allowed', 'no access');
    }, SELF);
    const port = fakePort(TOOLS_SUBSCRIBE_PORT, { id: TOOL_ID, url: `chrome-extension://${TOOL_ID}/p.html` });
    listener(port);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(port.posted).toEqual([
      { event: 'error', error: { code: 'tools_not_allowed', message: 'no access' } },
    ]);
    expect(port.disconnected).toBe(1);
  });

  it('unsubscribes when the tool closes its port', async () => {
    let stopped = 0;
    const listener = createToolsConnectListener(async (_caller, post) => {
      post({ event: 'shops', shops: [] });
      return () => (stopped += 1);
    }, SELF);
    const port = fakePort(TOOLS_SUBSCRIBE_PORT, { id: TOOL_ID, url: `chrome-extension://${TOOL_ID}/p.html` });
    listener(port);
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const close of port.closeListeners) close();
    expect(stopped).toBe(1);
    expect(port.posted).toEqual([{ event: 'shops', shops: [] }]);
  });
});
