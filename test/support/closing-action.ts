import type { Page } from 'playwright-core';

/**
 * Runs a click or key press that closes its own window (consent answered, login redirect landed). The
 * window may close before Playwright hears the action return; that is the action succeeding, not an
 * error. Any other failure is still thrown.
 */
export async function actionThatCloses(page: Page, act: () => Promise<unknown>): Promise<void> {
  await act().catch((error: unknown) => {
    if (!page.isClosed()) throw error;
  });
}
