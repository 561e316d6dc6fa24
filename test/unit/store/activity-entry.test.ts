import { describe, expect, it } from 'vitest';
import { MAX_DETAIL_LENGTH, prepareActivityEntry, REDACTED } from '../../../src/grants/store/activity-entry';
import type { ActivityEntry } from '../../../src/shared/model';
import { T0 } from '../../support/builders';

// Shapes from docs/protocol.md (#token-response, #callback): a Lazada access token and an authorization code.
const ACCESS_TOKEN = '50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBg';
const AUTH_CODE = '0_100132_2DL4DV3jcU1UOT7WGI1A4rY91';

describe('prepareActivityEntry', () => {
  it('keeps an ordinary entry as it is', () => {
    const entry = {
      at: T0,
      kind: 'refresh_failed',
      grantId: 'g-1',
      appId: 'app-1',
      account: 'seller@example.com',
      errorCode: 'rate_limited',
      detail: 'ApiCallLimit: this ban will last 1 seconds (request 0ba2887315178178017221014)',
    } as const;
    expect(prepareActivityEntry(entry)).toEqual(entry);
  });

  it('blanks out anything shaped like a token or an authorization code', () => {
    const detail = `refreshed with ${ACCESS_TOKEN}; code=${AUTH_CODE}.`;
    const prepared = prepareActivityEntry({ at: T0, kind: 'refreshed', detail });
    expect(prepared.detail).toBe(`refreshed with ${REDACTED}; code=${REDACTED}.`);
  });

  it('caps a long detail', () => {
    const prepared = prepareActivityEntry({ at: T0, kind: 'refreshed', detail: 'word '.repeat(1000) });
    expect(prepared.detail).toHaveLength(MAX_DETAIL_LENGTH);
    expect(prepared.detail?.endsWith('…')).toBe(true);
  });

  it('drops a stray id so the entry is appended, never written over an older one', () => {
    const entry = { id: 1, at: T0, kind: 'refreshed' } as ActivityEntry;
    expect(prepareActivityEntry(entry)).toEqual({ at: T0, kind: 'refreshed' });
  });

  it('refuses an entry without a time or a kind', () => {
    expect(() => prepareActivityEntry({ at: Number.NaN, kind: 'refreshed' })).toThrow(
      expect.objectContaining({ code: 'invalid_input', details: { field: 'at' } }),
    );
    expect(() => prepareActivityEntry({ at: T0, kind: '' as ActivityEntry['kind'] })).toThrow(
      expect.objectContaining({ code: 'invalid_input', details: { field: 'kind' } }),
    );
  });
});
