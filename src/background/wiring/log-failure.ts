import { toErrorData } from '../../shared/errors';

/** Codes only: a log line never carries data (accounts, tokens, secrets). */
export const logFailure = (event: string) => (error: unknown) =>
  console.warn(`seller-auth: ${event} failed (${toErrorData(error).code})`);
