import { describe, expect, it } from 'vitest';
import { createBridgeListener } from '../../../../src/background/messaging/bridge-router';
import type { Handlers } from '../../../../src/background/messaging/request-parsers';
import { createMessageListener } from '../../../../src/background/messaging/router';
import type { ToolsHandlers } from '../../../../src/background/messaging/tools-parsers';
import { parsePageOrigin } from '../../../../src/platforms/page-origin';
import type { Reply } from '../../../../src/shared/protocol';
import { BRIDGE_CHANNEL, type ToolCaller } from '../../../../src/shared/tools';

const SELF = {
  id: 'fffnjcdamfdmpeafhgelpgehapcbeilk',
  origin: 'chrome-extension://fffnjcdamfdmpeafhgelpgehapcbeilk',
};
const PAGE = 'https://tool.example';
const fromPage = { id: SELF.id, url: `${PAGE}/app`, origin: PAGE, tab: {}, frameId: 0 };

function setup() {
  const callers: ToolCaller[] = [];
  const tools = {
    'tools.hello': async (caller: ToolCaller) => {
      callers.push(caller);
      return { hello: true };
    },
  } as unknown as ToolsHandlers;
  const bridge = createBridgeListener(tools, SELF, async () => [PAGE]);
  const pages = { 'grants.list': async () => [] } as unknown as Handlers;
  const listener = createMessageListener(pages, SELF, bridge);
  const send = (message: unknown, sender: object) =>
    new Promise<Reply<unknown>>((resolve) => {
      listener(message, sender, resolve);
    });
  return { callers, send };
}

const bridged = (type: string) => ({ channel: BRIDGE_CHANNEL, type });

describe('the bridge listener', () => {
  it("answers an allowed page's top frame as that origin, from Chrome's sender", async () => {
    const { callers, send } = setup();
    expect(await send({ ...bridged('tools.hello'), origin: 'https://evil.example' }, fromPage)).toEqual({
      ok: true,
      value: { hello: true },
    });
    expect(callers).toEqual([{ kind: 'origin', origin: PAGE }]);
  });

  it('refuses a frame, another origin, and a sender that is not our content script', async () => {
    const { callers, send } = setup();
    const refusals = [
      { ...fromPage, frameId: 3 },
      { ...fromPage, origin: 'https://other.example', url: 'https://other.example/' },
      { ...fromPage, id: 'abcdefghijklmnopabcdefghijklmnop' },
      { id: SELF.id, url: `${SELF.origin}/src/popup/index.html` },
    ];
    for (const sender of refusals) {
      expect(await send(bridged('tools.hello'), sender)).toMatchObject({
        ok: false,
        error: { code: 'tools_not_allowed' },
      });
    }
    expect(callers).toEqual([]);
  });

  it("never lets a bridged message reach the pages' protocol", async () => {
    const { send } = setup();
    expect(await send(bridged('grants.list'), fromPage)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    // And a content script's plain message is refused by the pages' router as before.
    expect(await send({ type: 'grants.list' }, fromPage)).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
  });
});

describe('parsePageOrigin', () => {
  it('keeps the origin only, https or loopback http', () => {
    expect(parsePageOrigin(' https://Tool.Example:8443/ ')).toBe('https://tool.example:8443');
    expect(parsePageOrigin('http://127.0.0.1:4000')).toBe('http://127.0.0.1:4000');
    for (const bad of [
      'http://tool.example',
      'https://tool.example/app',
      'https://u:p@tool.example',
      'tool',
    ]) {
      expect(() => parsePageOrigin(bad)).toThrow();
    }
  });
});
