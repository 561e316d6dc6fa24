/** A render helper wiring the page fakes in, for popup tests (their views: test/support/builders.ts). */
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { ClientProvider } from '../../../src/ui/client';
import { PageActionsProvider } from '../../../src/ui/open-page';
import { WorkerEventsProvider } from '../../../src/ui/worker-events';
import { createFakePageActions, type FakeClient, type FakePageActions } from '../ui/fake-client';
import { createFakeWorkerEvents, type FakeWorkerEvents } from '../ui/fake-worker-events';

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
