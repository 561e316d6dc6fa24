/** A short success message ("App saved") announced politely and cleared after a few seconds. */
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';

const TOAST_MS = 4000;

export function useToast(): { message: string | undefined; show: (message: string) => void } {
  const [toast, setToast] = useState<{ message: string; serial: number }>();
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(undefined), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  // The serial restarts the timer when the same message is shown twice in a row.
  const show = useCallback(
    (message: string) => setToast((old) => ({ message, serial: (old?.serial ?? 0) + 1 })),
    [],
  );
  return { message: toast?.message, show };
}

/** Always rendered, so screen readers are already watching the live region when a message lands. */
export function Toast(props: { message: string | undefined }): JSX.Element {
  return (
    <div class="toast" role="status" aria-live="polite">
      {props.message}
    </div>
  );
}
