/** An in-memory GrantStore, held to the IndexedDB store's contract. */
import { type Grant, NEVER_DUE, withoutTokens } from '../../../src/grants/model';
import type { GrantStore } from '../../../src/grants/ports';
import { checkStorableGrant } from '../../../src/grants/store/record-checks';
import { SellerAuthError } from '../../../src/shared/errors';
import { compareText, storageFailed, yieldOnce } from './shared';

/** GrantStore in a Map. `update` reads, changes and writes with no await in between: atomic, like a transaction. */
export class FakeGrantStore implements GrantStore {
  private readonly rows = new Map<string, Grant>();
  private writesToFail = 0;
  /** Successful writes so far. */
  writes = 0;
  /** Called with each grant id written or removed (a worker's shop summary follows direct test writes). */
  onChange: (id: string) => void = () => {};

  constructor(grants: readonly Grant[] = []) {
    for (const grant of grants) this.rows.set(grant.id, structuredClone(grant));
  }

  /** The next `count` writes reject with `storage_failed` and store nothing. */
  failNextWrites(count = 1): void {
    this.writesToFail = count;
  }

  /** A synchronous copy, for assertions. */
  peek(id: string): Grant | undefined {
    const grant = this.rows.get(id);
    return grant && structuredClone(grant);
  }

  /** Synchronous copies of every grant, by id. */
  all(): Grant[] {
    return [...this.rows.values()]
      .sort((a, b) => compareText(a.id, b.id))
      .map((grant) => structuredClone(grant));
  }

  /** Removes every grant `matches` selects at once (the fake AppStore's cascade). */
  removeWhere(matches: (grant: Grant) => boolean): number {
    let removed = 0;
    for (const [id, grant] of this.rows) {
      if (matches(grant)) {
        this.rows.delete(id);
        this.onChange(id);
        removed += 1;
      }
    }
    return removed;
  }

  async get(id: string): Promise<Grant | undefined> {
    await yieldOnce();
    return this.peek(id);
  }

  async list(): Promise<Grant[]> {
    await yieldOnce();
    return this.all();
  }

  async listByApp(appId: string): Promise<Grant[]> {
    await yieldOnce();
    return this.all().filter((grant) => grant.appId === appId);
  }

  async put(grant: Grant): Promise<void> {
    await yieldOnce();
    this.write(grant);
  }

  async update(
    id: string,
    change: (current: Grant | undefined) => Grant | undefined,
  ): Promise<Grant | undefined> {
    await yieldOnce();
    const next = change(this.peek(id));
    if (next === undefined) return this.peek(id);
    if (next.id !== id) {
      throw new SellerAuthError('invalid_input', "An update cannot change a grant's id.", { field: 'id' });
    }
    this.write(next);
    return this.peek(id);
  }

  async remove(id: string): Promise<boolean> {
    await yieldOnce();
    const existed = this.rows.delete(id);
    this.onChange(id);
    return existed;
  }

  async listDue(now: number, limit: number): Promise<Grant[]> {
    await yieldOnce();
    if (Number.isNaN(now)) {
      throw new SellerAuthError('invalid_input', 'Due grants are listed for a time, not NaN.', {
        field: 'now',
      });
    }
    const count = Math.floor(limit);
    if (!(count > 0)) return [];
    return this.all()
      .filter((grant) => grant.dueAt <= now && grant.dueAt < NEVER_DUE)
      .sort((a, b) => a.dueAt - b.dueAt || compareText(a.id, b.id))
      .slice(0, count);
  }

  async earliestDueAt(): Promise<number | undefined> {
    await yieldOnce();
    let earliest: number | undefined;
    for (const grant of this.rows.values()) {
      if (grant.dueAt < NEVER_DUE && (earliest === undefined || grant.dueAt < earliest))
        earliest = grant.dueAt;
    }
    return earliest;
  }

  /** Times the listing was saved. */
  listingSaves = 0;

  async listing(): Promise<Grant[]> {
    await yieldOnce();
    return this.all().map(withoutTokens);
  }

  async saveListing(): Promise<void> {
    await yieldOnce();
    this.listingSaves += 1;
  }

  private write(grant: Grant): void {
    if (this.writesToFail > 0) {
      this.writesToFail -= 1;
      throw storageFailed();
    }
    // The IndexedDB store's own checks, so the fake does not accept what production would not.
    checkStorableGrant(grant);
    this.rows.set(grant.id, structuredClone(grant));
    this.writes += 1;
    this.onChange(grant.id);
  }
}
