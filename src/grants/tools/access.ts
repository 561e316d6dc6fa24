/** Grants of access to seller tools: who may use which shops, and how. Stored in `toolAccess`. */
import type { ToolAccessView, ToolCaller, ToolsMode } from '../../shared/tools';
import { callerKey } from '../../shared/tools';

export interface ToolAccess {
  /** `callerKey(caller)`: `ext:<id>` or `origin:<origin>`. */
  caller: string;
  who: ToolCaller;
  shopIds: string[];
  mode: ToolsMode;
  createdAt: number;
  lastUsedAt?: number;
}

export interface ToolAccessStore {
  get(caller: string): Promise<ToolAccess | undefined>;
  list(): Promise<ToolAccess[]>;
  put(access: ToolAccess): Promise<void>;
  remove(caller: string): Promise<boolean>;
}

/** A new grant, or the old one with the new answer (its creation date and last use kept). */
export function grantAccess(
  who: ToolCaller,
  answer: { shopIds: readonly string[]; mode: ToolsMode },
  now: number,
  previous?: ToolAccess,
): ToolAccess {
  return {
    caller: callerKey(who),
    who,
    shopIds: [...new Set(answer.shopIds)],
    mode: answer.mode,
    createdAt: previous?.createdAt ?? now,
    ...(previous?.lastUsedAt !== undefined ? { lastUsedAt: previous.lastUsedAt } : {}),
  };
}

export function toAccessView(access: ToolAccess): ToolAccessView {
  const { who } = access;
  return {
    caller: access.caller,
    kind: who.kind,
    label: who.kind === 'extension' ? who.id : who.origin,
    ...(who.kind === 'extension' && who.declaredName ? { declaredName: who.declaredName } : {}),
    mode: access.mode,
    shopIds: [...access.shopIds],
    createdAt: access.createdAt,
    ...(access.lastUsedAt !== undefined ? { lastUsedAt: access.lastUsedAt } : {}),
  };
}

/** In memory: the worker's fallback when no IndexedDB store is wired (tests). */
export function createMemoryToolAccessStore(initial: readonly ToolAccess[] = []): ToolAccessStore {
  const rows = new Map(initial.map((access) => [access.caller, structuredClone(access)]));
  return {
    get: async (caller) => {
      const row = rows.get(caller);
      return row && structuredClone(row);
    },
    list: async () => [...rows.values()].map((row) => structuredClone(row)),
    put: async (access) => {
      rows.set(access.caller, structuredClone(access));
    },
    remove: async (caller) => rows.delete(caller),
  };
}
