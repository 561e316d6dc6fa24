import type { OriginAccess } from '../../grants/connect/ports';

/** The slice of `browser.permissions` the worker needs. */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

/** The match pattern for a URL's origin (`https://shop.example/*`); ports are not part of patterns. */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

export function createOriginAccess(permissions: PermissionsApi): OriginAccess {
  return {
    has: (url) => permissions.contains({ origins: [originPattern(url)] }),
  };
}
