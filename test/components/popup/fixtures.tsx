/** Plain views for popup tests, and a render helper wiring the fakes in. */
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import type { AppView, AttemptView, GrantView } from '../../../src/shared/model';
import { ClientProvider } from '../../../src/ui/client';
import { PageActionsProvider } from '../../../src/ui/open-page';
import { WorkerEventsProvider } from '../../../src/ui/worker-events';
import { createFakePageActions, type FakeClient, type FakePageActions } from '../ui/fake-client';
import { createFakeWorkerEvents, type FakeWorkerEvents } from '../ui/fake-worker-events';

export const NOW = new Date(2026, 11, 14, 14, 5).getTime();
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function makeApp(overrides: Partial<AppView> = {}): AppView {
  return {
    id: 'app-1',
    name: 'Order Sync',
    platform: 'lazada',
    appKey: '100132',
    callbackUrl: 'https://fffnjcdamfdmpeafhgelpgehapcbeilk.chromiumapp.org/',
    createdAt: NOW - 30 * DAY,
    updatedAt: NOW - 30 * DAY,
    hasSecret: true,
    callbackKind: 'identity',
    ...overrides,
  };
}

export function makeGrant(overrides: Partial<GrantView> = {}): GrantView {
  return {
    id: 'app-1|u:10101|sg',
    appId: 'app-1',
    appName: 'Order Sync',
    platform: 'lazada',
    seller: {
      account: 'shop@example.com',
      country: 'sg',
      sellerId: '1001',
      userId: '10101',
      countries: [{ country: 'sg', sellerId: '1001', userId: '10101' }],
    },
    status: 'connected',
    health: 'connected',
    accessExpiresAt: NOW + 6 * DAY + 2 * HOUR,
    refreshExpiresAt: NOW + 29 * DAY,
    refreshable: true,
    authorizedAt: NOW - DAY,
    failures: 0,
    ...overrides,
  };
}

/** `count` distinct shops, spread over both platforms, several ventures and every health. */
export function makeManyGrants(count: number): GrantView[] {
  const countries = ['sg', 'my', 'th', 'vn', 'ph', 'id'];
  const healths = ['connected', 'expiring', 'failing', 'needs_authorization'] as const;
  return Array.from({ length: count }, (_, index) => {
    const country = countries[index % countries.length]!;
    const health = healths[index % healths.length]!;
    return makeGrant({
      id: `app-1|u:${index}|${country}`,
      platform: index % 3 === 0 ? 'aliexpress' : 'lazada',
      seller: {
        account: `seller${index}@example.com`,
        country,
        sellerId: `S${index}`,
        userId: `${index}`,
        countries: [{ country, sellerId: `S${index}`, userId: `${index}` }],
      },
      health,
      status: health === 'needs_authorization' ? 'needs_authorization' : 'connected',
      refreshExpiresAt: NOW + (index % 90) * DAY + HOUR,
    });
  });
}

export function makeAttempt(overrides: Partial<AttemptView> = {}): AttemptView {
  return {
    id: 'attempt-1',
    appId: 'app-1',
    redirectUri: 'https://fffnjcdamfdmpeafhgelpgehapcbeilk.chromiumapp.org/',
    countries: [],
    phase: 'waiting_for_login',
    startedAt: NOW,
    ...overrides,
  };
}

export function renderWith(
  ui: ComponentChildren,
  client: FakeClient,
  actions: FakePageActions = createFakePageActions(),
  events: FakeWorkerEvents = createFakeWorkerEvents(),
) {
  const result = render(
    <ClientProvider client={client}>
      <PageActionsProvider actions={actions}>
        <WorkerEventsProvider subscribe={events.subscribe}>{ui}</WorkerEventsProvider>
      </PageActionsProvider>
    </ClientProvider>,
  );
  return { ...result, actions, events };
}
