/** The gateway's error answer: `{"type","code","message","request_id"}` with HTTP 200 (docs/protocol.md#errors). */

export type IopErrorCode =
  | 'MissingParameter'
  | 'InvalidAppKey'
  | 'InvalidTimestamp'
  | 'IncompleteSignature'
  | 'InvalidCode'
  | 'IllegalRefreshToken'
  | 'AUTH_TYPE_UNSUPPORTED'
  | 'ApiCallLimit'
  | 'ServiceTimeout'
  | 'IllegalAccessToken';

/** ISV: the caller's fault; ISP: the platform's. */
const ERRORS: Record<IopErrorCode, { type: 'ISV' | 'ISP'; message: string }> = {
  MissingParameter: { type: 'ISV', message: 'Missing required parameter' },
  InvalidAppKey: { type: 'ISV', message: 'Invalid app key' },
  InvalidTimestamp: { type: 'ISV', message: 'Invalid timestamp: too far from the server time' },
  IncompleteSignature: {
    type: 'ISV',
    message: 'The request signature does not conform to platform standards',
  },
  InvalidCode: { type: 'ISV', message: 'Invalid authorization code' },
  IllegalRefreshToken: { type: 'ISV', message: 'Illegal refresh token' },
  AUTH_TYPE_UNSUPPORTED: { type: 'ISV', message: 'Refresh is not supported for this authorization type' },
  ApiCallLimit: { type: 'ISP', message: 'The request has exceeded the limit, this ban will last 1 seconds' },
  ServiceTimeout: { type: 'ISP', message: 'The service timed out, please try again later' },
  IllegalAccessToken: { type: 'ISV', message: 'Illegal access token' },
};

export interface IopErrorBody {
  type: 'ISV' | 'ISP';
  code: IopErrorCode;
  message: string;
  request_id: string;
}

/** `detail` names a parameter at most: never put a code, token or secret in it. */
export function iopErrorBody(code: IopErrorCode, requestId: string, detail?: string): IopErrorBody {
  const { type, message } = ERRORS[code];
  return { type, code, message: detail ? `${message}: ${detail}` : message, request_id: requestId };
}
