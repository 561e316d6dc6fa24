import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { requestOrigins } from '../../../src/options/adapters/host-permission-gate';
import { originsToRequest } from '../../../src/options/host-permissions';

const manifest = { host_permissions: ['https://auth.lazada.com/*', 'https://api-sg.aliexpress.com/*'] };

describe('originsToRequest', () => {
  it('needs nothing for default endpoints and the extension callback', () => {
    expect(
      originsToRequest({ callbackKind: 'identity', callbackUrl: 'https://abc.chromiumapp.org/' }, manifest),
    ).toEqual([]);
  });

  it('asks for custom endpoint hosts the manifest does not allow, once each', () => {
    const origins = originsToRequest(
      {
        callbackKind: 'identity',
        callbackUrl: 'https://abc.chromiumapp.org/',
        endpoints: {
          authorizeUrl: 'https://auth.lazada.com/oauth/authorize',
          tokenCreateUrl: 'https://relay.example.com/create',
          tokenRefreshUrl: 'https://relay.example.com/refresh',
        },
      },
      manifest,
    );
    expect(origins).toEqual(['https://relay.example.com/*']);
  });

  it('asks for the tab callback host, keeping http for the local sandbox', () => {
    expect(
      originsToRequest({ callbackKind: 'tab', callbackUrl: 'http://127.0.0.1:8788/cb' }, manifest),
    ).toEqual(['http://127.0.0.1/*']);
  });

  it('ignores the callback URL of the identity flow', () => {
    expect(
      originsToRequest({ callbackKind: 'identity', callbackUrl: 'https://other.example/' }, manifest),
    ).toEqual([]);
  });

  it('honours wildcard scheme, subdomain and all-hosts patterns in the manifest', () => {
    const needs = { callbackKind: 'tab' as const, callbackUrl: 'https://shop.example.com/cb' };
    expect(originsToRequest(needs, { host_permissions: ['*://*.example.com/*'] })).toEqual([]);
    expect(originsToRequest(needs, { host_permissions: ['http://shop.example.com/*'] })).toEqual([
      'https://shop.example.com/*',
    ]);
    expect(originsToRequest(needs, { host_permissions: ['https://*/*'] })).toEqual([]);
    expect(originsToRequest(needs, { host_permissions: ['<all_urls>'] })).toEqual([]);
    expect(originsToRequest(needs, {})).toEqual(['https://shop.example.com/*']);
  });
});

describe('requestOrigins', () => {
  const contains = vi.fn<(p: chrome.permissions.Permissions) => Promise<boolean>>();
  const request = vi.fn<(p: chrome.permissions.Permissions) => Promise<boolean>>();
  beforeAll(() => {
    vi.stubGlobal('chrome', { permissions: { contains, request } });
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });
  afterEach(() => {
    contains.mockReset();
    request.mockReset();
  });

  it('asks nothing when no origin is needed', async () => {
    expect(await requestOrigins([])).toBe(true);
    expect(contains).not.toHaveBeenCalled();
  });

  it('does not prompt when the origins are already granted', async () => {
    contains.mockResolvedValue(true);
    expect(await requestOrigins(['https://relay.example.com/*'])).toBe(true);
    expect(request).not.toHaveBeenCalled();
  });

  it('prompts and reports the answer', async () => {
    contains.mockResolvedValue(false);
    request.mockResolvedValue(false);
    expect(await requestOrigins(['https://relay.example.com/*'])).toBe(false);
    expect(request).toHaveBeenCalledWith({ origins: ['https://relay.example.com/*'] });
  });

  it('treats an origin Chrome refuses to ask for as denied', async () => {
    contains.mockResolvedValue(false);
    request.mockRejectedValue(new Error('Only permissions specified in the manifest may be requested.'));
    expect(await requestOrigins(['http://intranet.example/*'])).toBe(false);
  });
});
