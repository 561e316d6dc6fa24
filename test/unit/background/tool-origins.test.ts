/** Web page origins as seller tools: added after Chrome granted the host, removed with their access. */
import { describe, expect, it } from 'vitest';
import type { PageBridges } from '../../../src/grants/tools/ports';
import { createHarness } from './harness';

class FakeBridges implements PageBridges {
  registered = new Set<string>();
  dropped: string[] = [];
  async list() {
    return [...this.registered];
  }
  async register(origin: string) {
    this.registered.add(origin);
  }
  async unregister(origin: string) {
    this.registered.delete(origin);
  }
  async dropPermission(pattern: string) {
    this.dropped.push(pattern);
  }
}

function setup() {
  const bridges = new FakeBridges();
  const h = createHarness({ pageBridges: bridges });
  return { h, bridges };
}

describe('toolOrigins', () => {
  it('registers the bridge for an origin Chrome granted, once', async () => {
    const { h, bridges } = setup();
    h.origins.allowed.add('https://tool.example');
    expect(await h.send('toolOrigins.add', { origin: 'https://tool.example/' })).toEqual([
      'https://tool.example',
    ]);
    await h.send('toolOrigins.add', { origin: 'https://tool.example' });
    expect([...bridges.registered]).toEqual(['https://tool.example']);
    expect(await h.send('toolOrigins.list')).toEqual(['https://tool.example']);
  });

  it('refuses an origin without host access, naming the pattern to ask for', async () => {
    const { h, bridges } = setup();
    await expect(h.send('toolOrigins.add', { origin: 'https://tool.example' })).rejects.toMatchObject({
      code: 'permission_denied',
      details: { origin: 'https://tool.example/*' },
    });
    await expect(h.send('toolOrigins.add', { origin: 'http://tool.example' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(bridges.registered.size).toBe(0);
  });

  it('removing ends the origin grant of access and gives the permission back', async () => {
    const { h, bridges } = setup();
    h.origins.allowed.add('https://tool.example');
    await h.send('toolOrigins.add', { origin: 'https://tool.example' });
    await h.deps.toolAccess?.put({
      caller: 'origin:https://tool.example',
      who: { kind: 'origin', origin: 'https://tool.example' },
      shopIds: [],
      mode: 'proxy',
      createdAt: h.clock.now(),
    });
    expect(await h.send('toolOrigins.remove', { origin: 'https://tool.example' })).toEqual([]);
    expect(await h.send('toolAccess.list')).toEqual([]);
    expect(bridges.dropped).toEqual(['https://tool.example/*']);
    expect((await h.send('activity.list', {}))[0]).toMatchObject({
      kind: 'tool_access_revoked',
      caller: 'origin:https://tool.example',
    });
  });

  it('keeps the permission while an app still reaches that host', async () => {
    const { h, bridges } = setup();
    await h.addApp({ endpoints: { tokenCreateUrl: 'https://gw.example/rest/auth/token/create' as never } });
    h.origins.allowed.add('https://gw.example');
    await h.send('toolOrigins.add', { origin: 'https://gw.example' });
    await h.send('toolOrigins.remove', { origin: 'https://gw.example' });
    expect(bridges.dropped).toEqual([]);
  });
});
