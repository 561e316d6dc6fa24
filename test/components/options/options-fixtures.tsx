/** Shared set-up for the options page tests: a scripted worker and a fake permission gate. */
import { cleanup, render } from '@testing-library/preact';
import { afterEach } from 'vitest';
import type { HostNeeds, HostPermissionGate } from '../../../src/options/host-permissions';
import { OptionsPage } from '../../../src/options/OptionsPage';
import type { AppView, GrantView } from '../../../src/shared/model';
import { DEFAULT_SETTINGS } from '../../../src/shared/model';
import { ClientProvider } from '../../../src/ui/client';
import { PageActionsProvider } from '../../../src/ui/open-page';
import { WorkerEventsProvider } from '../../../src/ui/worker-events';
import { CALLBACK_URL, PAGE_NOW } from '../../support/builders';
import {
  createFakeClient,
  createFakePageActions,
  type FakeClient,
  type FakeHandlers,
} from '../ui/fake-client';
import { createFakeWorkerEvents } from '../ui/fake-worker-events';

// Without vitest globals, testing-library cannot unmount by itself between tests.
afterEach(cleanup);

export const IDENTITY_URL = CALLBACK_URL;

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
    'backup.status': () => ({ shops: 0, notBackedUp: 0 }),
    'toolAccess.list': () => [],
    'toolOrigins.list': () => [],
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
          <OptionsPage hostPermissions={gate} now={() => PAGE_NOW} />
        </ClientProvider>
      </WorkerEventsProvider>
    </PageActionsProvider>,
  );
  return { ...view, worker, gate, pageActions, events };
}
