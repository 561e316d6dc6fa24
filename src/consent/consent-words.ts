/** The words of the consent window, in the installed language. Pure. */
import { t } from '../shared/i18n';
import type { ToolCaller, ToolShop } from '../shared/tools';
import { countryName, PLATFORM_NAMES } from '../ui/labels';

/** Who asks: the sentence that introduces it, its id or origin, and the name it declares (unverified). */
export function callerWords(caller: ToolCaller): { asks: string; id: string; name?: string } {
  if (caller.kind === 'origin') return { asks: t('consent_asks_page'), id: caller.origin };
  return {
    asks: t('consent_asks_extension'),
    id: caller.id,
    ...(caller.declaredName ? { name: caller.declaredName } : {}),
  };
}

export function shopWords(shop: ToolShop): string {
  return `${shop.name} · ${PLATFORM_NAMES[shop.platform]} ${countryName(shop.country)}`;
}
