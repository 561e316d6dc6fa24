/** What the in-memory fakes share: every async call yields at least once, like IndexedDB does. */
import { SellerAuthError } from '../../../src/shared/errors';

export function storageFailed(): SellerAuthError {
  return new SellerAuthError('storage_failed', 'The fake store was told to fail this write.');
}

export const yieldOnce = (): Promise<void> => Promise.resolve();

/** IndexedDB key order for strings: code units, not locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
