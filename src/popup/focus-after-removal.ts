/**
 * Where the keyboard focus goes when a shop's row is about to go: the first control of the next row,
 * else of the row before, else the "Connect shop" button, so it never drops to the page.
 */
const ROW = '[data-grant-id]';
const CONTROL = 'button:not(:disabled)';

/** The id of the popup's "Connect shop" button. */
export const CONNECT_BUTTON_ID = 'connect-shop';

/** Picks the target while the row is still there; the returned function moves the focus once it is gone. */
export function focusAfterRemoval(inRow: Element | null): () => void {
  const row = inRow?.closest(ROW);
  const neighbour = [row?.nextElementSibling, row?.previousElementSibling].find((candidate) =>
    candidate?.matches(ROW),
  );
  const control = neighbour?.querySelector<HTMLElement>(CONTROL) ?? null;
  return () => (control?.isConnected ? control : document.getElementById(CONNECT_BUTTON_ID))?.focus();
}
