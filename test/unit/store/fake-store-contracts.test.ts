/**
 * The in-memory stores other tests stand on pass the same contracts as the IndexedDB stores, so a test
 * over a fake means what it would mean over the real store.
 */
import { FakeActivityLog } from '../../support/fakes/memory-activity-log';
import { FakeAppStore } from '../../support/fakes/memory-app-store';
import { FakeAttemptStore } from '../../support/fakes/memory-attempt-store';
import { FakeGrantStore } from '../../support/fakes/memory-grant-store';
import { FakeRecordBatchStore } from '../../support/fakes/memory-record-batch-store';
import { FakeSecretStore } from '../../support/fakes/memory-secret-store';
import { FakeSettingsStore } from '../../support/fakes/memory-settings-store';
import { describeActivityLogContract } from './activity-log-contract';
import { describeAppStoreContract } from './app-store-contract';
import { describeAttemptStoreContract } from './attempt-store-contract';
import { describeGrantStoreContract } from './grant-store-contract';
import { describeRecordBatchContract } from './record-batch-contract';
import { describeSecretStoreContract } from './secret-store-contract';
import { describeSettingsStoreContract } from './settings-store-contract';

describeGrantStoreContract('in-memory fake', async () => new FakeGrantStore());

describeAppStoreContract('in-memory fake', async () => {
  const grants = new FakeGrantStore();
  const secrets = new FakeSecretStore();
  return { apps: new FakeAppStore(grants, secrets), secrets, grants };
});

describeSecretStoreContract('in-memory fake', async () => new FakeSecretStore());

describeAttemptStoreContract('in-memory fake', async () => new FakeAttemptStore());

describeSettingsStoreContract('in-memory fake', async () => new FakeSettingsStore());

describeActivityLogContract(
  'in-memory fake',
  async ({ maxEntries, maxPerShop }) => new FakeActivityLog(maxEntries, maxPerShop),
);

describeRecordBatchContract('in-memory fake', async () => {
  const grants = new FakeGrantStore();
  const secrets = new FakeSecretStore();
  const apps = new FakeAppStore(grants, secrets);
  const settings = new FakeSettingsStore();
  return {
    batch: new FakeRecordBatchStore({ apps, secrets, grants, settings }),
    apps,
    secrets,
    grants,
    settings,
  };
});
