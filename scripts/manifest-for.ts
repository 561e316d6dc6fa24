/**
 * The manifest each build gets from `manifest.json`. The source manifest is the store's: minimal
 * permissions, no loopback host, pages and worker may connect over https only. The sandbox build adds
 * the local sandbox's hosts, as host permissions and as CSP `connect-src` sources; the store package
 * drops `key` (the Web Store refuses it and assigns its own id).
 */
import { createHash, createPublicKey } from 'node:crypto';

/** What these functions read or change; every other field passes through untouched. */
export interface SourceManifest {
  name: string;
  key?: string;
  host_permissions: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string };
}

export type Flavour = 'store' | 'sandbox';

export interface ManifestOptions {
  flavour: Flavour;
  /**
   * The store listing's public key (`SELLER_AUTH_PUBLIC_KEY`), base64 or PEM. It replaces the
   * repository's development key in the store flavour, so an unpacked build gets the store's id and
   * its chromiumapp.org callback. The sandbox build always keeps the development key: its demo apps
   * register that id's callback.
   */
  publicKey?: string | undefined;
}

/** The sandbox on 127.0.0.1 without a prompt; `localhost` when a person points an app there. */
const SANDBOX_HOSTS = ['http://127.0.0.1/*'];
const SANDBOX_OPTIONAL_HOSTS = ['http://localhost/*'];
/** The same hosts for the CSP, on any port (the sandbox picks a free one). */
const SANDBOX_CONNECT_SOURCES = ['http://127.0.0.1:*', 'http://localhost:*'];

export class PublicKeyError extends Error {
  override name = 'PublicKeyError';
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

export function manifestFor<M extends SourceManifest>(base: M, options: ManifestOptions): M {
  if (options.flavour === 'sandbox') {
    return withConnectSources(
      {
        ...base,
        name: `${base.name} (sandbox)`,
        host_permissions: [...base.host_permissions, ...SANDBOX_HOSTS],
        optional_host_permissions: [...(base.optional_host_permissions ?? []), ...SANDBOX_OPTIONAL_HOSTS],
      },
      SANDBOX_CONNECT_SOURCES,
    );
  }
  const key = normalizePublicKey(options.publicKey);
  return key ? { ...base, key } : base;
}

/**
 * The manifest with `sources` added to the `connect-src` of its extension pages' CSP (which covers the
 * service worker too). The source manifest must have that directive: without it nothing would limit
 * where the pages and the worker connect, and adding sources would silently mean nothing.
 */
export function withConnectSources<M extends SourceManifest>(manifest: M, sources: readonly string[]): M {
  const policy = manifest.content_security_policy?.extension_pages ?? '';
  const directives = policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '');
  const index = directives.findIndex((directive) => directive.split(/\s+/)[0] === 'connect-src');
  if (index < 0) {
    throw new ManifestError('manifest.json: content_security_policy.extension_pages has no connect-src.');
  }
  directives[index] = [directives[index], ...sources].join(' ');
  return {
    ...manifest,
    content_security_policy: { ...manifest.content_security_policy, extension_pages: directives.join('; ') },
  };
}

/** The manifest inside the store zip: the same, without `key`. */
export function storePackageManifest<M extends { key?: string }>(manifest: M): Omit<M, 'key'> {
  const { key: _key, ...rest } = manifest;
  return rest;
}

/**
 * Accepts the Developer Dashboard's "Public key" as shown (PEM with BEGIN/END lines) or as one base64
 * line; gives the base64 DER the manifest wants. Empty or unset: `undefined` (keep the manifest's).
 */
export function normalizePublicKey(value: string | undefined): string | undefined {
  const base64 = (value ?? '').replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
  if (base64 === '') return undefined;
  const der = Buffer.from(base64, 'base64');
  let valid = der.toString('base64') === base64;
  try {
    if (valid) createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch {
    valid = false;
  }
  if (!valid) {
    throw new PublicKeyError(
      'SELLER_AUTH_PUBLIC_KEY is not a public key: paste the "Public key" of the store listing ' +
        '(Developer Dashboard, Package), with or without its BEGIN/END lines.',
    );
  }
  return base64;
}

/** Chrome's rule: the first 32 hex digits of sha256(DER public key), each mapped 0-f to a-p. */
export function extensionIdFromKey(key: string): string {
  const digest = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...digest].map((hex) => String.fromCharCode(97 + Number.parseInt(hex, 16))).join('');
}
