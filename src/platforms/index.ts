/** The pure protocol core: IOP signing, platform descriptors, authorize URL, callback, token calls. */

export { type AuthorizeUrlInput, buildAuthorizeUrl, createState, MIN_STATE_LENGTH } from './authorize-url';
export { isCallbackFor, parseCallback } from './callback';
export {
  COUNTRY_LABELS,
  PLATFORMS,
  type PlatformDescriptor,
  resolveEndpoints,
  TOKEN_CREATE_PATH,
  TOKEN_REFRESH_PATH,
} from './descriptors';
export { classifyPlatformError, platformErrorFromBody } from './platform-error';
export { buildSignString, signIopRequest, withoutEmpty } from './signing';
export { createTokenClient, DEFAULT_TOKEN_TIMEOUT_MS, type TokenClientOptions } from './token-client';
export { parseTokenResponse } from './token-response';
export * from './types';
