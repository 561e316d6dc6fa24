/**
 * Which hosts an app may send its signed calls to without the person vouching for a custom gateway:
 * the platforms' own domains (every regional domain they serve from), over https. Pure.
 */

/** Lazada's marketplaces and its open platform (auth.lazada.com, api.lazada.sg, ...). */
const LAZADA_DOMAINS = [
  'lazada.com',
  'lazada.sg',
  'lazada.com.my',
  'lazada.co.th',
  'lazada.vn',
  'lazada.com.ph',
  'lazada.co.id',
] as const;

/** AliExpress's open platform (api-sg.aliexpress.com) and its regional sites. */
const ALIEXPRESS_DOMAINS = ['aliexpress.com', 'aliexpress.ru', 'aliexpress.us'] as const;

export const PLATFORM_DOMAINS: readonly string[] = [...LAZADA_DOMAINS, ...ALIEXPRESS_DOMAINS];

/** The domain itself or any subdomain of it; the hostname is compared lower-case, as URL gives it. */
export function isPlatformHost(url: URL): boolean {
  if (url.protocol !== 'https:' || url.port !== '') return false;
  const host = url.hostname.replace(/\.$/, '');
  return PLATFORM_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
