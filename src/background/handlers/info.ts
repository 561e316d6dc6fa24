import type { Handlers } from '../../shared/protocol';
import type { ExtensionIdentity } from '../wiring/deps';

export function createInfoHandlers(extension: ExtensionIdentity): Pick<Handlers, 'extension.info'> {
  return {
    'extension.info': async () => ({
      extensionId: extension.id,
      identityCallbackUrl: extension.identityCallbackUrl,
    }),
  };
}
