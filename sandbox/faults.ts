/**
 * Scripted faults per endpoint: a standing spec (latency, a failure for every request, a lost answer)
 * and queues of one-offs (`failNext`, `afterProcessingNext`). A queued failure is spent only when a
 * request gets past its latency; a queued lost answer only when a request is actually processed.
 */
import { SandboxInputError } from './config';
import {
  type AfterProcessing,
  FAULT_KINDS,
  type FaultKind,
  type FaultSpec,
  type FaultsSnapshot,
  SANDBOX_ENDPOINTS,
  type SandboxEndpoint,
  TOKEN_ENDPOINTS,
  type TokenEndpoint,
} from './types';

export interface FaultBook {
  set(endpoint: SandboxEndpoint, spec: FaultSpec): void;
  failNext(endpoint: SandboxEndpoint, count: number, kind: FaultKind): void;
  afterProcessingNext(endpoint: TokenEndpoint, count: number, after: AfterProcessing): void;
  clear(): void;
  latencyFor(endpoint: SandboxEndpoint): number;
  /** The failure for the request being processed now, if any; spends one queued failure. */
  take(endpoint: SandboxEndpoint): FaultKind | undefined;
  /** How the answer of a request just processed is lost, if it is; spends one queued lost answer. */
  takeAfterProcessing(endpoint: SandboxEndpoint): AfterProcessing | undefined;
  snapshot(): FaultsSnapshot;
}

export function isSandboxEndpoint(value: unknown): value is SandboxEndpoint {
  return SANDBOX_ENDPOINTS.includes(value as SandboxEndpoint);
}

export function isFaultKind(value: unknown): value is FaultKind {
  return FAULT_KINDS.includes(value as FaultKind);
}

function checkEndpoint(endpoint: unknown): SandboxEndpoint {
  if (isSandboxEndpoint(endpoint)) return endpoint;
  throw new SandboxInputError(`endpoint must be one of ${SANDBOX_ENDPOINTS.join(', ')}`);
}

function checkKind(kind: unknown): FaultKind {
  if (isFaultKind(kind)) return kind;
  throw new SandboxInputError(`fault kind must be one of ${FAULT_KINDS.join(', ')}`);
}

function checkCount(value: unknown, name: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw new SandboxInputError(`${name} must be a whole number, 0 or more`);
}

function checkTokenEndpoint(endpoint: unknown): TokenEndpoint {
  if (TOKEN_ENDPOINTS.includes(endpoint as TokenEndpoint)) return endpoint as TokenEndpoint;
  throw new SandboxInputError(`a lost answer needs a token endpoint: ${TOKEN_ENDPOINTS.join(' or ')}`);
}

/** `{mode: 'drop'}` or `{mode: 'delay_ms', delayMs: n}`, from code or JSON; a copy, so callers cannot change it. */
export function checkAfterProcessing(value: unknown): AfterProcessing {
  const after = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (after.mode === 'drop') return { mode: 'drop' };
  if (after.mode === 'strip_identity') return { mode: 'strip_identity' };
  if (after.mode === 'delay_ms') return { mode: 'delay_ms', delayMs: checkCount(after.delayMs, 'delayMs') };
  throw new SandboxInputError(
    'afterProcessing must be {"mode": "drop"}, {"mode": "delay_ms", "delayMs": n} or {"mode": "strip_identity"}',
  );
}

function copySpec(spec: FaultSpec): FaultSpec {
  return spec.afterProcessing ? { ...spec, afterProcessing: { ...spec.afterProcessing } } : { ...spec };
}

export function createFaultBook(): FaultBook {
  const standing = new Map<SandboxEndpoint, FaultSpec>();
  const queued = new Map<SandboxEndpoint, { kind: FaultKind; remaining: number }[]>();
  const queuedAfter = new Map<TokenEndpoint, { after: AfterProcessing; remaining: number }[]>();

  return {
    set(endpoint, spec) {
      const checked: FaultSpec = {};
      if (spec.latencyMs !== undefined) checked.latencyMs = checkCount(spec.latencyMs, 'latencyMs');
      if (spec.fail !== undefined) checked.fail = checkKind(spec.fail);
      if (spec.afterProcessing !== undefined) {
        checkTokenEndpoint(endpoint);
        checked.afterProcessing = checkAfterProcessing(spec.afterProcessing);
      }
      standing.set(checkEndpoint(endpoint), checked);
    },
    failNext(endpoint, count, kind) {
      const queue = queued.get(checkEndpoint(endpoint)) ?? [];
      if (checkCount(count, 'count') > 0) queue.push({ kind: checkKind(kind), remaining: count });
      queued.set(endpoint, queue);
    },
    afterProcessingNext(endpoint, count, after) {
      const queue = queuedAfter.get(checkTokenEndpoint(endpoint)) ?? [];
      const checked = checkAfterProcessing(after);
      if (checkCount(count, 'count') > 0) queue.push({ after: checked, remaining: count });
      queuedAfter.set(endpoint, queue);
    },
    clear() {
      standing.clear();
      queued.clear();
      queuedAfter.clear();
    },
    latencyFor(endpoint) {
      return standing.get(endpoint)?.latencyMs ?? 0;
    },
    take(endpoint) {
      const next = queued.get(endpoint)?.[0];
      if (next) {
        next.remaining -= 1;
        if (next.remaining === 0) queued.get(endpoint)?.shift();
        return next.kind;
      }
      return standing.get(endpoint)?.fail;
    },
    takeAfterProcessing(endpoint) {
      const queue = queuedAfter.get(endpoint as TokenEndpoint);
      const next = queue?.[0];
      if (next) {
        next.remaining -= 1;
        if (next.remaining === 0) queue?.shift();
        return { ...next.after };
      }
      const after = standing.get(endpoint)?.afterProcessing;
      return after && { ...after };
    },
    snapshot() {
      const snapshot: FaultsSnapshot = {
        standing: Object.fromEntries([...standing].map(([endpoint, spec]) => [endpoint, copySpec(spec)])),
        queued: Object.fromEntries(
          [...queued]
            .filter(([, queue]) => queue.length > 0)
            .map(([endpoint, queue]) => [endpoint, queue.map((entry) => ({ ...entry }))]),
        ),
      };
      const lost = [...queuedAfter].filter(([, queue]) => queue.length > 0);
      if (lost.length > 0) {
        snapshot.queuedAfterProcessing = Object.fromEntries(
          lost.map(([endpoint, queue]) => [
            endpoint,
            queue.map((entry) => ({ after: { ...entry.after }, remaining: entry.remaining })),
          ]),
        );
      }
      return snapshot;
    },
  };
}
