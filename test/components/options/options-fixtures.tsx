/** Shared set-up for the options page tests: a scripted worker, a fake permission gate, sample data. */
import { cleanup, render } from '@testing-library/preact';
import { afterEach } from 'vitest';
import type { HostNeeds, HostPermissionGate } from '../../../src/options/host-permissions';
import { OptionsPage } from '../../../src/options/OptionsPage';
import type { ActivityEntry, AppView, GrantView } from '../../../src/shared/model';
import { DEFAULT_SETTINGS } from '../../../src/shared/model';
import { ClientProvider } from '../../../src/ui/client';
import { PageActionsProvider } from '../../../src/ui/open-page';
import { WorkerEventsProvider } from '../../../src/ui/worker-events';
import {
  createFakeClient,
  createFakePageActions,
  type FakeClient,
  type FakeHandlers,
} from '../ui/fake-client';
import { createFakeWorkerEvents } from '../ui/fake-worker-events';

// Without vitest globals, testing-library cannot unmount by itself between tests.
afterEach(cleanup);

export const NOW = Date.UTC(2027, 0, 12, 6, 0);
export const IDENTITY_URL = 'https://fffnjcdamfdmpeafhgelpgehapcbeilk.chromiumapp.org/';

export function appView(change: Partial<AppView> = {}): AppView {
  return {
    id: 'app-1',
    name: 'Shop tools',
    platform: 'lazada',
    appKey: '100132',
    callbackUrl: IDENTITY_URL,
    callbackKind: 'identity',
    hasSecret: true,
    createdAt: NOW - 86_400_000,
    updatedAt: NOW - 86_400_000,
    ...change,
  };
}

export function grantView(change: Partial<GrantView> = {}): GrantView {
  return {
    id: 'app-1|u:101|sg',
    appId: 'app-1',
    appName: 'Shop tools',
    platform: 'lazada',
    seller: { account: 'seller@example.com', country: 'sg', countries: [{ country: 'sg' }] },
    status: 'connected',
    health: 'connected',
    accessExpiresAt: NOW + 86_400_000,
    refreshExpiresAt: NOW + 30 * 86_400_000,
    refreshable: true,
    authorizedAt: NOW - 86_400_000,
    failures: 0,
    ...change,
  };
}

export function activity(change: Partial<ActivityEntry> = {}): ActivityEntry {
  return {
    id: 1,
    at: NOW - 60_000,
    kind: 'refreshed',
    grantId: 'app-1|u:101|sg',
    account: 'seller@example.com',
    ...change,
  };
}

/** Records what the form asked for; answers `allow`. */
export function createFakeGate(allow = true): HostPermissionGate & { asked: HostNeeds[] } {
  const asked: HostNeeds[] = [];
  return {
    asked,
    async grantFor(needs) {
      asked.push(needs);
      return allow;
    },
  };
}

export function defaultHandlers(state: { apps?: AppView[]; grants?: GrantView[] } = {}): FakeHandlers {
  return {
    'extension.info': () => ({
      extensionId: 'fffnjcdamfdmpeafhgelpgehapcbeilk',
      identityCallbackUrl: IDENTITY_URL,
    }),
    'apps.list': () => state.apps ?? [],
    'grants.list': () => state.grants ?? [],
    'settings.get': () => DEFAULT_SETTINGS,
    'activity.list': () => [],
  };
}

export function renderOptions(options: { handlers?: FakeHandlers; gate?: HostPermissionGate } = {}) {
  const worker: FakeClient = createFakeClient({ ...defaultHandlers(), ...options.handlers });
  const gate = options.gate ?? createFakeGate();
  const pageActions = createFakePageActions();
  const events = createFakeWorkerEvents();
  const view = render(
    <PageActionsProvider actions={pageActions}>
      <WorkerEventsProvider subscribe={events.subscribe}>
        <ClientProvider client={worker}>
          <OptionsPage hostPermissions={gate} now={() => NOW} />
        </ClientProvider>
      </WorkerEventsProvider>
    </PageActionsProvider>,
  );
  return { ...view, worker, gate, pageActions, events };
}
