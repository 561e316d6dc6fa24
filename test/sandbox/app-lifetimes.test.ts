/** Lifetimes per app: the platform sets them by app status (test apps 7 d / 30 d, online 30 d / 180 d). */
import { describe, expect, it } from 'vitest';
import { DEMO_SELLERS, type RegisteredApp, SandboxInputError } from '../../sandbox/index';
import { sandboxWithClock } from './support';

const DAY = 86_400;
const online: RegisteredApp = {
  appKey: '100777',
  appSecret: 'online-app-secret-0123456789abcdef',
  platform: 'lazada',
  name: 'Online app',
  callbackUrls: ['{sandbox}/callback'],
  lifetimes: { accessTtlSeconds: 30 * DAY, refreshTtlSeconds: 180 * DAY },
};
const account = DEMO_SELLERS.lazadaSg.account;

describe('per-app lifetimes', () => {
  it('give an app its own access and refresh lifetimes, on create and on refresh', async () => {
    const { sandbox, call, clock } = await sandboxWithClock({ apps: [online] });
    const grant = (
      await call('create', { appKey: online.appKey, credential: sandbox.issueCode(online.appKey, account) })
    ).json();
    expect(grant).toMatchObject({ expires_in: 30 * DAY, refresh_expires_in: 180 * DAY });

    clock.advance(DAY * 1000);
    const refreshed = (
      await call('refresh', { appKey: online.appKey, credential: String(grant.refresh_token) })
    ).json();
    expect(refreshed).toMatchObject({ expires_in: 30 * DAY, refresh_expires_in: 179 * DAY });
  });

  it('leave the other apps on the sandbox-wide lifetimes', async () => {
    const { sandbox, call } = await sandboxWithClock({ apps: [online], accessTtlSeconds: 600 });
    const demo = sandbox.apps.find((app) => app.platform === 'lazada' && app.appKey !== online.appKey);
    const grant = (
      await call('create', {
        appKey: String(demo?.appKey),
        credential: sandbox.issueCode(String(demo?.appKey), account),
      })
    ).json();
    expect(grant.expires_in).toBe(600);
    expect(sandbox.apps.find((app) => app.appKey === online.appKey)?.lifetimes).toEqual(online.lifetimes);
  });

  it('refuse lifetimes that are not whole seconds', async () => {
    const { sandbox } = await sandboxWithClock();
    expect(() => sandbox.registerApp({ ...online, lifetimes: { accessTtlSeconds: 0 } })).toThrow(
      SandboxInputError,
    );
    expect(() => sandbox.registerApp({ ...online, lifetimes: { refreshTtlSeconds: 1.5 } })).toThrow(
      /app 100777: refreshTtlSeconds/,
    );
    expect(sandbox.apps.some((app) => app.appKey === online.appKey)).toBe(false);
  });
});
