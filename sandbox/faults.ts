/**
 * Scripted faults per endpoint: a standing spec (latency, a failure for every request) and a queue of
 * one-off failures (`failNext`). A queued failure is spent only when a request is actually processed.
 */
import { SandboxInputError } from './config';
import {
  FAULT_KINDS,
  type FaultKind,
  type FaultSpec,
  type FaultsSnapshot,
  SANDBOX_ENDPOINTS,
  type SandboxEndpoint,
} from './types';

export interface FaultBook {
  set(endpoint: SandboxEndpoint, spec: FaultSpec): void;
  failNext(endpoint: SandboxEndpoint, count: number, kind: FaultKind): void;
  clear(): void;
  latencyFor(endpoint: SandboxEndpoint): number;
  /** The failure for the request being processed now, if any; spends one queued failure. */
  take(endpoint: SandboxEndpoint): FaultKind | undefined;
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

export function createFaultBook(): FaultBook {
  const standing = new Map<SandboxEndpoint, FaultSpec>();
  const queued = new Map<SandboxEndpoint, { kind: FaultKind; remaining: number }[]>();

  return {
    set(endpoint, spec) {
      const checked: FaultSpec = {};
      if (spec.latencyMs !== undefined) checked.latencyMs = checkCount(spec.latencyMs, 'latencyMs');
      if (spec.fail !== undefined) checked.fail = checkKind(spec.fail);
      standing.set(checkEndpoint(endpoint), checked);
    },
    failNext(endpoint, count, kind) {
      const queue = queued.get(checkEndpoint(endpoint)) ?? [];
      if (checkCount(count, 'count') > 0) queue.push({ kind: checkKind(kind), remaining: count });
      queued.set(endpoint, queue);
    },
    clear() {
      standing.clear();
      queued.clear();
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
    snapshot() {
      return {
        standing: Object.fromEntries([...standing].map(([endpoint, spec]) => [endpoint, { ...spec }])),
        queued: Object.fromEntries(
          [...queued]
            .filter(([, queue]) => queue.length > 0)
            .map(([endpoint, queue]) => [endpoint, queue.map((entry) => ({ ...entry }))]),
        ),
      };
    },
  };
}
