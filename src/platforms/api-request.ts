/**
 * A signed business API call (docs/protocol.md#signing): the same signer as the token calls, with the
 * shop's access token. Path-style APIs are signed with their path; dotted `/sync` methods carry
 * `method` and are signed without a prefix. Pure.
 */
import { type ApiGateway, isDottedMethod } from './api-hosts';
import { signIopRequest, withoutEmpty } from './signing';
import type { AppCredentials } from './types';

/** Set by Seller Auth on every call: a tool may not send (or override) them. */
export const RESERVED_API_PARAMS: readonly string[] = [
  'app_key',
  'timestamp',
  'sign',
  'sign_method',
  'access_token',
  'method',
];

export interface SignedApiRequest {
  url: string;
  form: URLSearchParams;
}

export async function signedApiRequest(
  app: Pick<AppCredentials, 'appKey' | 'appSecret'>,
  gateway: ApiGateway,
  call: { accessToken: string; apiPath: string; params: Readonly<Record<string, string>>; timestamp: number },
): Promise<SignedApiRequest> {
  const dotted = isDottedMethod(call.apiPath);
  const params = withoutEmpty({
    ...call.params,
    app_key: app.appKey,
    timestamp: String(call.timestamp),
    sign_method: 'sha256',
    access_token: call.accessToken,
    ...(dotted ? { method: call.apiPath } : {}),
  });
  const sign = await signIopRequest(app.appSecret, dotted ? '' : call.apiPath, params);
  return {
    url: dotted ? gateway.sync : gateway.rest + call.apiPath,
    form: new URLSearchParams({ ...params, sign }),
  };
}
