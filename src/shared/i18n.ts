/**
 * Every word a person reads goes through `t`: Chrome's own catalog (`_locales/<lang>/messages.json`,
 * read by `chrome.i18n` in the pages and the worker), or the same JSON in tests and the simulator.
 * A page installs its source once at start; the catalog never enters the bundle.
 */
/** Every message the English catalog has: `t` takes no other key. */
export type MessageKey = keyof typeof import('../_locales/en/messages.json');

/** A message with two forms, `<base>_one` and `<base>_other` (CLDR plural categories one / other). */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_one` ? Base : never;
}[MessageKey];

export interface MessageSource {
  /** The message with `$1`..`$9` filled in, as `chrome.i18n.getMessage`; empty when unknown. */
  message(key: string, substitutions: readonly string[]): string;
  /** The language the messages are in (BCP 47), for `Intl` formats. */
  language(): string;
}

let source: MessageSource | undefined;
let plurals: Intl.PluralRules | undefined;

export function installMessages(next: MessageSource): void {
  source = next;
  plurals = undefined;
}

/** The installed language ('en' before any is installed). */
export function uiLanguage(): string {
  return source?.language() ?? 'en';
}

export function t(key: MessageKey, ...substitutions: readonly (string | number)[]): string {
  // A missing message shows its key: visible in a test or a screenshot, never an empty line.
  return source?.message(key, substitutions.map(String)) || key;
}

let numbers: { language: string; format: Intl.NumberFormat } | undefined;

/** A count as the installed language writes it ("5,000", "5.000"...). */
export function formatCount(value: number): string {
  const language = uiLanguage();
  if (numbers?.language !== language) numbers = { language, format: new Intl.NumberFormat(language) };
  return numbers.format.format(value);
}

/**
 * The form of `base` for `count` (passed as `$1`, then `rest`). Only "one" gets its own form: the
 * languages here have no other category Seller Auth needs, and Filipino's "one" (1, 2, 3, 5, 7, ...)
 * comes from `Intl.PluralRules`, never from `count === 1`.
 */
export function tPlural(base: PluralKey, count: number, ...rest: readonly (string | number)[]): string {
  plurals ??= new Intl.PluralRules(uiLanguage());
  const form = plurals.select(count) === 'one' ? 'one' : 'other';
  return t(`${base}_${form}` as MessageKey, count, ...rest);
}
