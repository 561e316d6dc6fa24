/**
 * A message source that asks the one beneath it once per message. `chrome.i18n.getMessage` crosses
 * into the extension bindings on every call, and a popup of 50 shops asks hundreds of times per
 * render (profiled: the largest single cost of rendering the list). So each message is fetched once
 * with marker substitutions, kept as a template, and filled here; the language is read once.
 */
import type { MessageSource } from './i18n';

/** A private-use character followed by the substitution's index: no catalog message contains one. */
const MARKER = '\uE000';
const MARKED = /\uE000(\d)/g;

export function cachedMessages(source: MessageSource): MessageSource {
  const templates = new Map<string, string>();
  let language: string | undefined;
  return {
    message(key, substitutions) {
      const id = `${key}\u0000${substitutions.length}`;
      let template = templates.get(id);
      if (template === undefined) {
        template = source.message(
          key,
          substitutions.map((_, index) => `${MARKER}${index}`),
        );
        templates.set(id, template);
      }
      // One pass: a substitution's own text (an account with "$1" in it) is never filled again.
      return substitutions.length === 0
        ? template
        : template.replace(MARKED, (_, index: string) => substitutions[Number(index)] ?? '');
    },
    language() {
      language ??= source.language();
      return language;
    },
  };
}
