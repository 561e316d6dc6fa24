/**
 * Seeds thousands of connected shops the honest way up to the last step: sellers registered on the
 * sandbox, a code each, tokens through the real token client (signed calls over HTTP), grants built by
 * the extension's own `grantFromTokens`; only the final write goes straight into IndexedDB.
 */
import { DEMO_PASSWORD } from '../sandbox/index';
import { forEachConcurrently } from '../src/grants/concurrency';
import { HOUR_MS } from '../src/grants/durations';
import { grantFromTokens } from '../src/grants/grant-from-tokens';
import type { Grant } from '../src/grants/model';
import { createTokenClient } from '../src/platforms/token-client';
import type { AppView, Settings } from '../src/shared/model';
import type { Session } from '../test/support/session';
import { benchSellers } from './bench-sellers';
import { progress } from './progress';
import { writeGrants } from './worker-idb';

/**
 * A fresh grant is never due at once (its refresh lands half a lifetime or more later), so the seeded
 * shops read as authorized an hour ago with access tokens that expire in 15 minutes: inside the 30-minute
 * refresh lead, every one of them really is due, as after a browser that stayed closed.
 */
const SEED_ACCESS_TTL_SECONDS = 15 * 60;
const AUTHORIZED_AGO_MS = HOUR_MS;
const TOKEN_CALLS_AT_ONCE = 16;

export interface SeededShops {
  grants: Grant[];
  accounts: string[];
  /** Wall time to register, authorize and store them. */
  seconds: number;
}

export async function seedShops(
  session: Session,
  options: { app: AppView; settings: Settings; count: number },
): Promise<SeededShops> {
  const { sandbox } = session;
  const started = Date.now();
  const before = sandbox.config;
  sandbox.configure({ accessTtlSeconds: SEED_ACCESS_TTL_SECONDS, rateLimitPerSecond: 0 });

  const sellers = benchSellers(options.count, DEMO_PASSWORD);
  for (const seller of sellers) sandbox.registerSeller(seller);
  progress(`registered ${sellers.length} sellers on the sandbox`);

  const credentials = sandbox.credentials(options.app.appKey);
  const tokens = createTokenClient({ clock: { now: () => Date.now() } });
  const grants: Grant[] = [];
  await forEachConcurrently(sellers, TOKEN_CALLS_AT_ONCE, async (seller) => {
    const code = sandbox.issueCode(options.app.appKey, seller.account);
    const issued = await tokens.create(credentials, code);
    grants.push(
      grantFromTokens(issued, {
        appId: options.app.id,
        platform: options.app.platform,
        now: issued.obtainedAt - AUTHORIZED_AGO_MS,
        settings: options.settings,
      }),
    );
    if (grants.length % 1000 === 0) progress(`token.create: ${grants.length}/${sellers.length}`);
  });
  sandbox.configure({
    accessTtlSeconds: before.accessTtlSeconds,
    rateLimitPerSecond: before.rateLimitPerSecond,
  });

  const dueAt = Date.now();
  const due = grants.map((grant) => ({ ...grant, dueAt }));
  await writeGrants(session.browser.worker, due);
  progress(`wrote ${due.length} grants into IndexedDB (dueAt = now)`);
  return {
    grants: due,
    accounts: sellers.map((seller) => seller.account),
    seconds: (Date.now() - started) / 1000,
  };
}

/**
 * Shops for the popup alone (no token calls, never due): `count` connected grants of `appId` with
 * accounts `list-00042@bench.test`, spread over the six ventures, written straight into IndexedDB.
 */
export function listOnlyGrants(appId: string, count: number, from = 0): Grant[] {
  const now = Date.now();
  const ventures = ['sg', 'my', 'th', 'vn', 'ph', 'id'];
  return Array.from({ length: count }, (_, n) => {
    const index = from + n;
    const country = ventures[index % ventures.length] ?? 'sg';
    const userId = String(9_000_000 + index);
    const sellerId = String(8_000_000 + index);
    return {
      id: `${appId}|u:${userId}|${country}`,
      appId,
      platform: 'lazada',
      seller: {
        account: `list-${String(index).padStart(5, '0')}@bench.test`,
        country,
        userId,
        sellerId,
        countries: [{ country, userId, sellerId }],
      },
      accessToken: `list-access-${index}`,
      refreshToken: `list-refresh-${index}`,
      refreshable: true,
      accessExpiresAt: now + 25 * 24 * HOUR_MS,
      refreshExpiresAt: now + (60 + (index % 30)) * 24 * HOUR_MS,
      status: 'connected',
      dueAt: now + 20 * 24 * HOUR_MS,
      failures: 0,
      authorizedAt: now,
      remindedDays: [],
      deathNotified: false,
      createdAt: now,
      updatedAt: now,
    } satisfies Grant;
  });
}
