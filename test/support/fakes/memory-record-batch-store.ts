/**
 * RecordBatchStore over the in-memory fakes: every grant change is worked out and checked against the
 * stored grants first, then everything is written, so a change that throws or a record the store would
 * refuse leaves all of it unwritten (as the one IndexedDB transaction does).
 */
import type { Grant } from '../../../src/grants/model';
import type { RecordBatch, RecordBatchStore } from '../../../src/grants/ports';
import { checkStorableGrant } from '../../../src/grants/store/record-checks';
import { SellerAuthError } from '../../../src/shared/errors';
import type { FakeAppStore } from './memory-app-store';
import type { FakeGrantStore } from './memory-grant-store';
import type { FakeSecretStore } from './memory-secret-store';
import type { FakeSettingsStore } from './memory-settings-store';

export class FakeRecordBatchStore implements RecordBatchStore {
  /** Batches written so far. */
  readonly batches: RecordBatch[] = [];

  constructor(
    private readonly stores: {
      apps: FakeAppStore;
      secrets: FakeSecretStore;
      grants: FakeGrantStore;
      settings: FakeSettingsStore;
    },
  ) {}

  async write(batch: RecordBatch): Promise<string[]> {
    const grants: Grant[] = [];
    for (const { id, change } of batch.grants ?? []) {
      const next = change(this.stores.grants.peek(id));
      if (next === undefined) continue;
      // What the IndexedDB batch refuses before it writes anything.
      checkStorableGrant(next);
      if (next.id !== id) {
        throw new SellerAuthError('invalid_input', "A batch cannot change a grant's id.", { field: 'id' });
      }
      grants.push(next);
    }
    for (const app of batch.apps ?? []) await this.stores.apps.put(app);
    for (const { appId, secret } of batch.secrets ?? []) await this.stores.secrets.put(appId, secret);
    for (const grant of grants) await this.stores.grants.put(grant);
    if (batch.settings && Object.keys(batch.settings).length > 0)
      await this.stores.settings.save(batch.settings);
    this.batches.push(batch);
    return grants.map((grant) => grant.id);
  }
}
