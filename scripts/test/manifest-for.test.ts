import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import {
  extensionIdFromKey,
  ManifestError,
  manifestFor,
  normalizePublicKey,
  PublicKeyError,
  storePackageManifest,
  withConnectSources,
} from '../manifest-for';

const LOOPBACK = /127\.0\.0\.1|localhost|\[::1\]/;

function storeListingKey() {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    base64: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

describe('manifestFor', () => {
  it('gives the store build the source manifest: development key, no loopback host', () => {
    const store = manifestFor(manifest, { flavour: 'store' });
    expect(store).toEqual(manifest);
    expect(extensionIdFromKey(store.key)).toBe('fffnjcdamfdmpeafhgelpgehapcbeilk');
    expect(JSON.stringify(store)).not.toMatch(LOOPBACK);
  });

  it('adds the sandbox hosts, and nothing else, to the sandbox build', () => {
    const sandbox = manifestFor(manifest, { flavour: 'sandbox', publicKey: storeListingKey().base64 });
    expect(sandbox.name).toBe('Seller Auth (sandbox)');
    expect(sandbox.host_permissions).toEqual([...manifest.host_permissions, 'http://127.0.0.1/*']);
    expect(sandbox.optional_host_permissions).toEqual([
      ...manifest.optional_host_permissions,
      'http://localhost/*',
    ]);
    // The sandbox's demo apps register the development id's callback.
    expect(sandbox.key).toBe(manifest.key);
    expect(sandbox.permissions).toEqual(manifest.permissions);
    expect(sandbox.content_security_policy.extension_pages).toBe(
      "script-src 'self'; object-src 'self'; connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
    );
  });

  it('lets the store build connect over https only: no plain http, no websocket, no data: URL', () => {
    const policy = manifestFor(manifest, { flavour: 'store' }).content_security_policy.extension_pages;
    const connect = policy.split(';').find((directive) => directive.trim().startsWith('connect-src'));
    expect(connect?.trim().split(/\s+/)).toEqual(['connect-src', "'self'", 'https:']);
    // Chrome's minimum for extension pages, unchanged: no remote or inline script.
    expect(policy).toMatch(/^script-src 'self'; object-src 'self';/);
  });

  it('pins the store build to the store listing key, given as PEM or as base64', () => {
    const key = storeListingKey();
    const fromPem = manifestFor(manifest, { flavour: 'store', publicKey: key.pem });
    expect(fromPem.key).toBe(key.base64);
    expect(manifestFor(manifest, { flavour: 'store', publicKey: `  ${key.base64}\n` }).key).toBe(key.base64);
    expect(extensionIdFromKey(fromPem.key)).toMatch(/^[a-p]{32}$/);
    expect(extensionIdFromKey(fromPem.key)).not.toBe(extensionIdFromKey(manifest.key));
    expect(manifestFor(manifest, { flavour: 'store', publicKey: '' }).key).toBe(manifest.key);
  });

  it.each([
    ['not base64', 'this is not a key'],
    ['base64 of something else', Buffer.from('hello world, not DER').toString('base64')],
    ['a truncated key', storeListingKey().base64.slice(0, 100)],
  ])('refuses %s with a named error', (_what, publicKey) => {
    expect(() => manifestFor(manifest, { flavour: 'store', publicKey })).toThrow(PublicKeyError);
    expect(() => normalizePublicKey(publicKey)).toThrow(/SELLER_AUTH_PUBLIC_KEY is not a public key/);
  });
});

describe('withConnectSources', () => {
  it('adds sources to connect-src and leaves the other directives alone', () => {
    const widened = withConnectSources(manifest, ['ws://localhost:5173']);
    expect(widened.content_security_policy.extension_pages).toBe(
      "script-src 'self'; object-src 'self'; connect-src 'self' https: ws://localhost:5173",
    );
    expect(manifest.content_security_policy.extension_pages).not.toContain('ws:');
  });

  it('refuses a manifest whose CSP has no connect-src, rather than add sources to nothing', () => {
    const noConnect = { ...manifest, content_security_policy: { extension_pages: "script-src 'self'" } };
    expect(() => withConnectSources(noConnect, ['http://127.0.0.1:*'])).toThrow(ManifestError);
    const { content_security_policy: _csp, ...noPolicy } = manifest;
    expect(() => withConnectSources(noPolicy, ['http://127.0.0.1:*'])).toThrow(/has no connect-src/);
  });
});

describe('storePackageManifest', () => {
  it('drops the key the Web Store refuses and keeps everything else', () => {
    const packaged = storePackageManifest(manifest);
    expect(packaged).not.toHaveProperty('key');
    expect({ ...packaged, key: manifest.key }).toEqual(manifest);
  });
});
