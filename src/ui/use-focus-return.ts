/**
 * A control disabled while its work runs drops the keyboard focus to the page, and a keyboard user
 * starts again from the top. This hook notes what had the focus when `busy` turned on and gives the
 * focus back to it when `busy` turns off, unless the focus has gone somewhere else meanwhile.
 */
import { useEffect, useRef } from 'preact/hooks';

export function useFocusReturn(busy: boolean): void {
  const wasBusy = useRef(busy);
  const returnTo = useRef<HTMLElement | null>(null);
  // Read during the render that turns `busy` on: the DOM does not show it (nor the disabling) yet.
  if (busy && !wasBusy.current) {
    const active = typeof document === 'undefined' ? null : document.activeElement;
    returnTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }
  wasBusy.current = busy;

  useEffect(() => {
    if (busy) return;
    const target = returnTo.current;
    returnTo.current = null;
    if (!target?.isConnected) return;
    const active = document.activeElement;
    if (active === null || active === document.body || active === target) target.focus();
  }, [busy]);
}
