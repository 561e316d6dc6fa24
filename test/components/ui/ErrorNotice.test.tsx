import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ERROR_CODES, type ErrorData, isRetryable, nextActionFor } from '../../../src/shared/errors';
import { ErrorNotice } from '../../../src/ui/ErrorNotice';
import { PageActionsProvider } from '../../../src/ui/open-page';
import { createFakePageActions } from './fake-client';

afterEach(cleanup);

function errorOf(code: ErrorData['code']): ErrorData {
  return { code, message: 'x', retryable: isRetryable(code) };
}

function renderNotice(error: ErrorData) {
  const actions = createFakePageActions();
  const onRetry = vi.fn();
  const onReauthorize = vi.fn();
  render(
    <PageActionsProvider actions={actions}>
      <ErrorNotice error={error} onRetry={onRetry} onReauthorize={onReauthorize} subject="shop@example.com" />
    </PageActionsProvider>,
  );
  return { actions, onRetry, onReauthorize };
}

describe('ErrorNotice', () => {
  it.each(ERROR_CODES)('offers the next step for %s and runs it', (code) => {
    const { actions, onRetry, onReauthorize } = renderNotice(errorOf(code));
    const action = nextActionFor(code);
    const buttons = screen.queryAllByRole('button');
    if (action === 'none') {
      expect(buttons).toHaveLength(0);
      return;
    }
    const label = {
      retry: 'Try again',
      reauthorize: 'Authorize again',
      settings: 'Open settings',
      allow_access: 'Allow access',
    }[action];
    fireEvent.click(screen.getByRole('button', { name: `${label} for shop@example.com` }));
    expect(onRetry).toHaveBeenCalledTimes(action === 'retry' ? 1 : 0);
    expect(onReauthorize).toHaveBeenCalledTimes(action === 'reauthorize' ? 1 : 0);
    // Allow access without a known origin can only point at the settings.
    expect(actions.optionsOpened).toBe(action === 'settings' || action === 'allow_access' ? 1 : 0);
  });

  /** A permission_denied notice whose "Allow access" the person answers with `granted`. */
  function clickAllowAccess(granted: boolean) {
    const actions = createFakePageActions();
    actions.grantAccess = granted;
    const onRetry = vi.fn();
    const error = { ...errorOf('permission_denied'), origin: 'https://auth.lazada.com/*' };
    render(
      <PageActionsProvider actions={actions}>
        <ErrorNotice error={error} onRetry={onRetry} />
      </PageActionsProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Allow access' }));
    return { actions, onRetry };
  }

  it('asks Chrome for the missing origin in the click, then tries again once it is granted', async () => {
    const { actions, onRetry } = clickAllowAccess(true);
    expect(actions.accessRequested).toEqual(['https://auth.lazada.com/*']);
    await vi.waitFor(() => expect(onRetry).toHaveBeenCalledOnce());
  });

  it('does not try again when the person refuses the access', async () => {
    const { actions, onRetry } = clickAllowAccess(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(actions.accessRequested).toHaveLength(1);
    expect(onRetry).not.toHaveBeenCalled();
  });

  it('shows no button for a step nobody handles', () => {
    render(<ErrorNotice error={errorOf('network')} />);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.getByRole('alert').textContent).toContain('No connection');
  });

  it('mentions the platform code and request id in small print, never the raw message', () => {
    render(
      <ErrorNotice
        error={{
          ...errorOf('refresh_token_invalid'),
          message: '{"code":"IllegalRefreshToken"}',
          platformCode: 'IllegalRefreshToken',
          requestId: '0ba2887315178178017221014',
        }}
      />,
    );
    const text = screen.getByRole('alert').textContent ?? '';
    expect(text).toContain('Platform code: IllegalRefreshToken');
    expect(text).toContain('Request 0ba2887315178178017221014');
    expect(text).not.toContain('{');
  });

  it('lets the person dismiss it', () => {
    const onDismiss = vi.fn();
    render(<ErrorNotice error={errorOf('network')} onDismiss={onDismiss} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});
