/// <reference types="node" />
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };

/** Chrome's rule: the id is the first 32 hex digits of sha256(DER public key), mapped 0-f to a-p. */
function extensionIdFromKey(key: string): string {
  const digest = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...digest].map((hex) => String.fromCharCode(97 + Number.parseInt(hex, 16))).join('');
}

describe('manifest', () => {
  it('pins the extension id, so the chromiumapp.org callback is the same everywhere', () => {
    expect(extensionIdFromKey(manifest.key)).toBe('fffnjcdamfdmpeafhgelpgehapcbeilk');
  });

  it('asks only for the permissions Seller Auth uses', () => {
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'identity', 'notifications', 'storage']);
    expect(manifest.host_permissions).toEqual([
      'https://auth.lazada.com/*',
      'https://api-sg.aliexpress.com/*',
    ]);
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('content_scripts');
  });

  it('ships every icon size', () => {
    expect(Object.keys(manifest.icons).sort()).toEqual(['128', '16', '32', '48']);
  });
});
