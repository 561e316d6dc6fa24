/**
 * Standard base64 (RFC 4648, with padding) for the file's binary fields. Decoding is strict: anything
 * but the one canonical encoding of the bytes is refused, so a file edited by hand cannot decode "close enough".
 */

const CANONICAL = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** btoa takes a binary string; building it in slices keeps large backups off the call-stack limit. */
const CHUNK = 0x8000;

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

/** The bytes, or undefined when `text` is not canonical base64. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!CANONICAL.test(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  // atob ignores the unused bits of the last character: "QR==" and "QQ==" both give "A". Refuse the former.
  return encodeBase64(bytes) === text ? bytes : undefined;
}
