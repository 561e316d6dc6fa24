/** The words of the consent window. Pure. */
import { COUNTRY_LABELS, PLATFORMS } from '../platforms/descriptors';
import type { Country } from '../shared/platform';
import type { ToolCaller, ToolShop } from '../shared/tools';

export function callerWords(caller: ToolCaller): { kind: string; id: string; name?: string } {
  if (caller.kind === 'origin') return { kind: 'The web page', id: caller.origin };
  return {
    kind: 'The extension',
    id: caller.id,
    ...(caller.declaredName ? { name: caller.declaredName } : {}),
  };
}

export function shopWords(shop: ToolShop): string {
  const country = COUNTRY_LABELS[shop.country as Country] ?? shop.country.toUpperCase();
  return `${shop.name} · ${PLATFORMS[shop.platform].label} ${country}`;
}
