import { SellerAuthError } from '../../src/shared/errors';

/** The SellerAuthError a synchronous call throws; anything else (or no throw) fails the test. */
export function thrown(task: () => unknown): SellerAuthError {
  try {
    task();
  } catch (error) {
    if (error instanceof SellerAuthError) return error;
    throw error;
  }
  throw new Error('expected a throw');
}
