import { describe, expect, it } from 'vitest';
import { createStores } from '../../../src/grants/store';
import { aGrant, anApp } from '../../support/builders';
import { appSecret } from '../../support/checked';
import { describeRecordBatchContract } from './record-batch-contract';
import { openTestDb } from './test-db';

describeRecordBatchContract('IndexedDB', async () => createStores((await openTestDb()).db));

describe('IndexedDB RecordBatchStore', () => {
  it('commits: a new connection reads what one batch wrote', async () => {
    const test = await openTestDb();
    await createStores(test.db).batch.write({
      apps: [anApp({ id: 'app-2' })],
      secrets: [{ appId: 'app-2', secret: appSecret('new-secret') }],
      grants: [{ id: 'g2', change: () => aGrant({ id: 'g2', appId: 'app-2' }) }],
      settings: { refreshLeadMinutes: 45 },
    });

    const reopened = createStores(await test.reopen());
    expect((await reopened.apps.list()).map((app) => app.id)).toEqual(['app-2']);
    expect(await reopened.secrets.get('app-2')).toBe('new-secret');
    expect((await reopened.grants.get('g2'))?.appId).toBe('app-2');
    expect((await reopened.settings.get()).refreshLeadMinutes).toBe(45);
  });
});
