import { resolveEndpoints } from '../../platforms/descriptors';
import type { AppCredentials } from '../../platforms/types';
import type { AppStore, SecretStore } from '../ports';

/** What token calls sign with: the app profile, its secret and its endpoints. Worker-only. */
export function createCredentialsSource(apps: AppStore, secrets: SecretStore) {
  return async (appId: string): Promise<AppCredentials | undefined> => {
    const [app, appSecret] = await Promise.all([apps.get(appId), secrets.get(appId)]);
    if (!app || appSecret === undefined) return undefined;
    return {
      platform: app.platform,
      appKey: app.appKey,
      appSecret,
      endpoints: resolveEndpoints(app.platform, app.endpoints),
    };
  };
}
