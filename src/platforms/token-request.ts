/** The signed form body of a token call (create or refresh). */
import { signIopRequest, withoutEmpty } from './signing';
import type { AppCredentials } from './types';

/**
 * `app_key`, `timestamp`, `sign_method=sha256`, the grant parameter (`code` or `refresh_token`) and
 * `sign`. The timestamp is given by the caller, so the value signed is the value sent.
 */
export async function signedTokenForm(
  app: Pick<AppCredentials, 'appKey' | 'appSecret'>,
  apiPath: string,
  grant: { code: string } | { refresh_token: string },
  timestamp: number,
): Promise<URLSearchParams> {
  const params = withoutEmpty({
    app_key: app.appKey,
    timestamp: String(timestamp),
    sign_method: 'sha256',
    ...grant,
  });
  const sign = await signIopRequest(app.appSecret, apiPath, params);
  return new URLSearchParams({ ...params, sign });
}
