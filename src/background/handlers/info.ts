import type { Handlers } from '../messaging/request-parsers';
import type { ExtensionIdentity } from '../wiring/deps';

export function createInfoHandlers(extension: ExtensionIdentity): Pick<Handlers, 'extension.info'> {
  return {
    'extension.info': async () => ({
      extensionId: extension.id,
      identityCallbackUrl: extension.identityCallbackUrl,
    }),
  };
}
