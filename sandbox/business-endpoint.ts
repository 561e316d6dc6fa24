/**
 * Signed business APIs, for the tools proxy: `/seller/get` and `/orders/get`, checked in the gateway's
 * order (required params, known app, rate limit, timestamp window, signature, then the access token:
 * live, of this app), answering the platform's JSON with demo data.
 */
import { demoOrders, demoShopName } from './demo-orders';
import type { GrantLedger } from './grant-ledger';
import { type IopErrorCode, iopErrorBody } from './iop-error';
import type { RateLimiter } from './rate-limiter';
import { checkSignedCall } from './signed-call';
import type { RegisteredApp, SandboxConfig } from './types';

export const BUSINESS_API_PATHS = ['/seller/get', '/orders/get'] as const;
export type BusinessApiPath = (typeof BUSINESS_API_PATHS)[number];

export function isBusinessApiPath(path: string): path is BusinessApiPath {
  return (BUSINESS_API_PATHS as readonly string[]).includes(path);
}

export interface BusinessCallContext {
  findApp(appKey: string): RegisteredApp | undefined;
  ledger: GrantLedger;
  rateLimiter: RateLimiter;
  config: Readonly<SandboxConfig>;
  now: number;
  requestId: string;
}

export interface BusinessAnswer {
  body: Record<string, unknown>;
  outcome: '0' | IopErrorCode;
}

export function answerBusinessCall(
  apiPath: BusinessApiPath,
  params: ReadonlyMap<string, string>,
  context: BusinessCallContext,
): BusinessAnswer {
  const { now, requestId } = context;
  const fail = (code: IopErrorCode, detail?: string): BusinessAnswer => ({
    body: { ...iopErrorBody(code, requestId, detail) },
    outcome: code,
  });

  const checked = checkSignedCall(apiPath, params, context, {
    credentialParam: 'access_token',
    rateKey: (appKey) => `api:${appKey}`,
  });
  if (!checked.ok) return fail(checked.code, checked.detail);
  const { appKey } = checked;

  const grant = context.ledger.findByAccessToken(params.get('access_token') ?? '');
  if (!grant || grant.appKey !== appKey || grant.accessExpiresAt <= now) return fail('IllegalAccessToken');

  const { seller } = grant;
  const venture =
    seller.platform === 'lazada'
      ? (seller.ventures.find((entry) => entry.country === grant.country) ?? seller.ventures[0])
      : undefined;
  const sellerId = seller.platform === 'lazada' ? (venture?.sellerId ?? '') : seller.sellerId;
  if (apiPath === '/seller/get') {
    return {
      body: {
        code: '0',
        data: {
          name: demoShopName(seller.account),
          name_company: `${demoShopName(seller.account)} Pte. Ltd.`,
          seller_id: Number(sellerId),
          short_code: venture?.shortCode ?? '',
          email: seller.account,
          location: grant.country ?? '',
          verified: true,
        },
        request_id: requestId,
      },
      outcome: '0',
    };
  }
  const orders = demoOrders(sellerId, now);
  return {
    body: {
      code: '0',
      data: { count: orders.length, countTotal: orders.length, orders },
      request_id: requestId,
    },
    outcome: '0',
  };
}
