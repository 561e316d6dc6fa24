/** The grant life cycle's public face, for the worker: build, refresh, run due work, show. */

export {
  createPacer,
  type DueWorkDeps,
  type DueWorkOptions,
  type DueWorkSummary,
  type Pacer,
  runDueWork,
} from './due-work';
export { type GrantFromTokensContext, grantFromTokens } from './grant-from-tokens';
export { attentionCount, byAttention, grantHealth, needsAttention, toGrantView } from './health';
export { announceNeedsAuthorization } from './notices';
export {
  type RefreshDeps,
  type RefreshOutcome,
  type RefreshRequest,
  refreshGrant,
  refreshLockName,
} from './refresh-grant';
export { nextDueAt } from './schedule';
