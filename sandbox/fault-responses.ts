/** What each scripted fault answers (all but `drop`, which answers nothing). */
import { iopErrorBody } from './iop-error';
import type { FaultKind } from './types';

export interface PlainResponse {
  status: number;
  contentType: string;
  body: string;
}

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json;charset=UTF-8';

export function faultResponse(kind: Exclude<FaultKind, 'drop'>, requestId: string): PlainResponse {
  switch (kind) {
    case 'http500':
      // What the gateway's front proxy shows when the service behind it fails.
      return {
        status: 500,
        contentType: HTML,
        body: '<html><head><title>500 Internal Server Error</title></head><body><center><h1>500 Internal Server Error</h1></center><hr><center>Tengine</center></body></html>',
      };
    case 'html':
      // A traffic-check interstitial served with HTTP 200 instead of JSON.
      return {
        status: 200,
        contentType: HTML,
        body: '<!DOCTYPE html><html lang="en"><head><title>Verification</title></head><body><p>Sorry, we have detected unusual traffic from your network. Please slide to verify.</p></body></html>',
      };
    case 'malformedJson':
      return {
        status: 200,
        contentType: JSON_TYPE,
        body: `{"code":"0","request_id":"${requestId}","expires_in":`,
      };
    case 'apiCallLimit':
      return {
        status: 200,
        contentType: JSON_TYPE,
        body: JSON.stringify(iopErrorBody('ApiCallLimit', requestId)),
      };
    case 'serviceTimeout':
      return {
        status: 200,
        contentType: JSON_TYPE,
        body: JSON.stringify(iopErrorBody('ServiceTimeout', requestId)),
      };
  }
}
