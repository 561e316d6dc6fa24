import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { SellerAuthError } from '../../../src/shared/errors';
import { ClientProvider } from '../../../src/ui/client';
import { useWorkerAnswer } from '../../../src/ui/use-worker-answer';
import { createFakeClient } from './fake-client';

afterEach(cleanup);

function Origins(props: { act(): Promise<void> }) {
  const { value, error, reload, run } = useWorkerAnswer('toolOrigins.list');
  return (
    <div>
      <p>{value ? `origins: ${value.join(', ')}` : 'waiting'}</p>
      {error && <p role="alert">{error.message}</p>}
      <button type="button" onClick={() => void run(props.act)}>
        act
      </button>
      <button type="button" onClick={() => void reload()}>
        reload
      </button>
    </div>
  );
}

it('asks once on mount, shows an action failure, and clears it when the next action starts', async () => {
  const client = createFakeClient({ 'toolOrigins.list': () => ['https://tool.example'] });
  let outcome: 'fail' | 'pass' = 'fail';
  const act = async () => {
    if (outcome === 'fail') throw new SellerAuthError('permission_denied', 'Chrome said no.');
  };
  render(
    <ClientProvider client={client}>
      <Origins act={act} />
    </ClientProvider>,
  );
  await screen.findByText('origins: https://tool.example');
  expect(client.callsOf('toolOrigins.list')).toHaveLength(1);

  fireEvent.click(screen.getByRole('button', { name: 'act' }));
  expect((await screen.findByRole('alert')).textContent).toBe('Chrome said no.');
  outcome = 'pass';
  fireEvent.click(screen.getByRole('button', { name: 'act' }));
  await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
});

it('shows a failed question and the answer once asked again', async () => {
  let failing = true;
  const client = createFakeClient({
    'toolOrigins.list': () => {
      if (failing) throw new SellerAuthError('timeout', 'The worker did not answer.');
      return [];
    },
  });
  render(
    <ClientProvider client={client}>
      <Origins act={async () => {}} />
    </ClientProvider>,
  );
  expect((await screen.findByRole('alert')).textContent).toBe('The worker did not answer.');
  expect(screen.getByText('waiting')).toBeTruthy();
  failing = false;
  fireEvent.click(screen.getByRole('button', { name: 'reload' }));
  await screen.findByText('origins:');
  expect(screen.queryByRole('alert')).toBeNull();
});
