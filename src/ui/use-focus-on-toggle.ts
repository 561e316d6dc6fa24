/**
 * For an inline confirmation or a panel that replaces the control that opened it: when `open` turns on,
 * the focus moves to `whenOpen` (its first or safe action); when it turns off and the focus fell to the
 * page with the closed part, it goes to `whenClosed` (the control that opened it). While `ready` is
 * false (its buttons are disabled, so they cannot take the focus), the move waits.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function useFocusOnToggle(
  open: boolean,
  whenOpen: RefObject<HTMLElement | null>,
  whenClosed: RefObject<HTMLElement | null>,
  ready = true,
): void {
  const handled = useRef(open);
  useEffect(() => {
    if (!ready || handled.current === open) return;
    handled.current = open;
    const active = document.activeElement;
    if (open) whenOpen.current?.focus();
    else if (active === null || active === document.body) whenClosed.current?.focus();
  }, [open, ready]);
}
