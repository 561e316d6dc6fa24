import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { ToolAccessView } from '../../../src/shared/tools';
import { PAGE_NOW } from '../../support/builders';
import { renderOptions } from './options-fixtures';

const TOOL_ID = 'abcdefghijklmnopabcdefghijklmnop';
const access: ToolAccessView = {
  caller: `ext:${TOOL_ID}`,
  kind: 'extension',
  label: TOOL_ID,
  declaredName: 'Order Tool',
  mode: 'proxy',
  shopIds: ['g1', 'g2'],
  createdAt: PAGE_NOW - 1000,
  lastUsedAt: PAGE_NOW - 500,
};

const section = () => within(screen.getByRole('region', { name: 'Connected tools' }));

describe('Connected tools', () => {
  it('lists each tool with its unverified name, access and last use, and revokes one', async () => {
    let listed = [access];
    const { worker } = renderOptions({
      handlers: {
        'toolAccess.list': () => listed,
        'toolAccess.revoke': () => {
          listed = [];
          return null;
        },
      },
    });
    const row = await waitFor(() => section().getByRole('row', { name: /Order Tool/ }));
    expect(row.textContent).toContain('Order Tool (unverified name)');
    expect(row.textContent).toContain('Calls through Seller Auth, 2 shops');
    fireEvent.click(within(row).getByRole('button', { name: /^Revoke / }));
    await waitFor(() => section().getByText('No tool has access.'));
    expect(worker.callsOf('toolAccess.revoke')).toEqual([{ caller: access.caller }]);
  });

  it('says so when no tool has access', async () => {
    renderOptions();
    await waitFor(() => section().getByText('No tool has access.'));
  });
});

describe('the activity log', () => {
  it('names the tool an entry is about', async () => {
    renderOptions({
      handlers: {
        'activity.list': () => [
          {
            id: 1,
            at: PAGE_NOW - 60_000,
            kind: 'tool_api_call',
            grantId: 'g1',
            account: 'a@shop.sg',
            caller: `ext:${TOOL_ID}`,
            detail: '/orders/get',
          },
        ],
      },
    });
    const activity = within(screen.getByRole('region', { name: 'Activity' }));
    const row = await waitFor(() => activity.getByRole('row', { name: /API call for a tool/ }));
    expect(row.textContent).toContain(`extension ${TOOL_ID}`);
    expect(row.textContent).toContain('/orders/get');
  });
});
