/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { extensionIdFromKey } from '../../scripts/manifest-for';

describe('manifest', () => {
  it('pins the extension id, so the chromiumapp.org callback is the same everywhere', () => {
    expect(extensionIdFromKey(manifest.key)).toBe('fffnjcdamfdmpeafhgelpgehapcbeilk');
  });

  it('asks only for the permissions Seller Auth uses', () => {
    expect([...manifest.permissions].sort()).toEqual([
      'alarms',
      // Blocks the callback URL in a tab login's own tab; no install warning, needs host access.
      'declarativeNetRequestWithHostAccess',
      'identity',
      'notifications',
      // The bridge content script, registered only for web pages a person adds as seller tools.
      'scripting',
      'storage',
      // Grants must not be evicted under disk pressure; the worker also asks navigator.storage.persist().
      'unlimitedStorage',
    ]);
    expect(manifest.host_permissions).toEqual([
      'https://auth.lazada.com/*',
      'https://api-sg.aliexpress.com/*',
    ]);
    // Loopback hosts are the sandbox build's (scripts/manifest-for.ts), never the store's.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    // Other extensions may message the worker (the seller tools API checks each sender in code);
    // no `matches`: no web page gets a messaging API.
    expect(manifest.externally_connectable).toEqual({ ids: ['*'] });
    expect(manifest).not.toHaveProperty('content_scripts');
  });

  it('ships every icon size', () => {
    expect(Object.keys(manifest.icons).sort()).toEqual(['128', '16', '32', '48']);
  });
});
