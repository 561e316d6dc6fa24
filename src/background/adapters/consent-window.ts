/**
 * The consent window for seller tools: Seller Auth's own page in a small popup window, one per request.
 * `closed` settles when the window goes, however it went (the person closed it, or we did).
 */
import type { ConsentWindow } from '../../grants/tools/ports';

export const CONSENT_PAGE = 'src/consent/index.html';

/** The slice of `browser.windows` the consent window needs. */
export interface ConsentWindowsApi {
  create(details: {
    url: string;
    type: 'popup';
    width: number;
    height: number;
    focused: boolean;
  }): Promise<{ id?: number }>;
  remove(windowId: number): Promise<void>;
  onRemoved: {
    addListener(listener: (windowId: number) => void): void;
    removeListener(listener: (windowId: number) => void): void;
  };
}

export function createConsentWindow(
  windows: ConsentWindowsApi,
  pageUrl: (path: string) => string,
): ConsentWindow {
  return {
    async open(requestId) {
      let settle: () => void = () => {};
      const closed = new Promise<void>((resolve) => {
        settle = resolve;
      });
      let windowId: number | undefined;
      const onRemoved = (removed: number) => {
        if (removed !== windowId) return;
        windows.onRemoved.removeListener(onRemoved);
        settle();
      };
      windows.onRemoved.addListener(onRemoved);
      try {
        const created = await windows.create({
          url: pageUrl(`${CONSENT_PAGE}?id=${encodeURIComponent(requestId)}`),
          type: 'popup',
          width: 460,
          height: 640,
          focused: true,
        });
        windowId = created.id;
      } catch (error) {
        windows.onRemoved.removeListener(onRemoved);
        throw error;
      }
      if (windowId === undefined) settle();
      return {
        closed,
        close: async () => {
          if (windowId !== undefined) await windows.remove(windowId).catch(() => {});
        },
      };
    },
  };
}
