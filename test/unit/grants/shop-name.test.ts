import { describe, expect, it } from 'vitest';
import { fetchShopName, type ShopNameDeps } from '../../../src/grants/shop-name';
import type { ApiCall } from '../../../src/platforms/api-client';
import { SellerAuthError } from '../../../src/shared/errors';
import { aGrant, anApp } from '../../support/builders';
import { appSecret } from '../../support/checked';
import { FakeAppStore } from '../../support/fakes/memory-app-store';
import { FakeGrantStore } from '../../support/fakes/memory-grant-store';
import { FakeSecretStore } from '../../support/fakes/memory-secret-store';

function setup(answer: unknown, allowed = ['https://api.lazada.sg']) {
  const grants = new FakeGrantStore();
  const secrets = new FakeSecretStore();
  const apps = new FakeAppStore(grants, secrets);
  const calls: ApiCall[] = [];
  let rearms = 0;
  const deps: ShopNameDeps = {
    grants,
    apps,
    credentials: async () => ({
      platform: 'lazada',
      appKey: '100132',
      appSecret: appSecret('a-secret-for-the-name-test'),
      endpoints: {} as never,
    }),
    api: {
      call: async (_app, call) => {
        calls.push(call);
        if (answer instanceof Error) throw answer;
        return answer;
      },
    },
    originAccess: { has: async (url) => allowed.includes(new URL(url).origin) },
    rearm: async () => {
      rearms += 1;
    },
  };
  return { deps, grants, apps, calls, rearms: () => rearms };
}

describe('fetchShopName', () => {
  it("stores the name and short code /seller/get answers, with the shop's own token", async () => {
    const { deps, grants, apps, calls, rearms } = setup({
      code: '0',
      data: { name: ' Acme SG ', short_code: 'SG4H2K9' },
    });
    await apps.put(anApp());
    const grant = aGrant();
    await grants.put(grant);
    expect(await fetchShopName(deps, grant)).toBe(true);
    expect(grants.peek(grant.id)).toMatchObject({ shopName: 'Acme SG', shopCode: 'SG4H2K9' });
    expect(calls).toEqual([
      expect.objectContaining({ apiPath: '/seller/get', accessToken: grant.accessToken }),
    ]);
    expect(rearms()).toBe(1);
  });

  it('changes nothing on a failure, without host access, or for a grant authorized again meanwhile', async () => {
    for (const [answer, allowed] of [
      [new SellerAuthError('timeout', 'slow'), undefined],
      [{ code: '0', data: {} }, undefined],
      [{ code: '0', data: { name: 'Acme' } }, []],
    ] as const) {
      const { deps, grants, apps } = setup(answer, allowed ? [...allowed] : undefined);
      await apps.put(anApp());
      const grant = aGrant();
      await grants.put(grant);
      expect(await fetchShopName(deps, grant)).toBe(false);
      expect(grants.peek(grant.id)?.shopName).toBeUndefined();
    }
    const { deps, grants, apps } = setup({ code: '0', data: { name: 'Acme' } });
    await apps.put(anApp());
    const grant = aGrant();
    await grants.put({ ...grant, authorizedAt: grant.authorizedAt + 1 });
    expect(await fetchShopName(deps, grant)).toBe(false);
  });
});
