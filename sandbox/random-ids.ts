/** Codes, tokens and request ids shaped like the real gateway's (docs/protocol.md#callback, #token-response). */
import { randomBytes } from 'node:crypto';
import type { PlatformId } from '../src/shared/platform';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// Largest multiple of 62 below 256: bytes above it are skipped so every character is equally likely.
const UNBIASED_LIMIT = 248;

// One randomBytes call per 4 KiB instead of per token: a benchmark mints thousands of tokens a second.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let poolOffset = 0;

function nextRandomByte(): number {
  if (poolOffset === POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  return pool[poolOffset++] ?? 0;
}

export function randomAlphanumeric(length: number): string {
  const chars: string[] = [];
  while (chars.length < length) {
    const byte = nextRandomByte();
    if (byte < UNBIASED_LIMIT) chars.push(ALPHANUMERIC.charAt(byte % ALPHANUMERIC.length));
  }
  return chars.join('');
}

/** `0_<appkey>_<random>` on Lazada, `3_<appkey>_<random>` on AliExpress. */
export function newAuthorizationCode(platform: PlatformId, appKey: string): string {
  return `${platform === 'lazada' ? '0' : '3'}_${appKey}_${randomAlphanumeric(25)}`;
}

/** 60 characters like `50000601c30atpedfgu3LVvik87...`; refresh tokens start `50001`. */
export function newAccessToken(): string {
  return `50000${randomAlphanumeric(55)}`;
}

export function newRefreshToken(): string {
  return `50001${randomAlphanumeric(55)}`;
}

let requestCounter = 0;

/** 25 characters like `0ba2887315178178017221014`: host hex, epoch ms, a sequence number. */
export function newRequestId(now: number): string {
  requestCounter = (requestCounter + 1) % 10_000;
  let host = '';
  for (let i = 0; i < 4; i += 1) host += nextRandomByte().toString(16).padStart(2, '0');
  return `${host}${String(now).padStart(13, '0').slice(-13)}${String(requestCounter).padStart(4, '0')}`;
}
