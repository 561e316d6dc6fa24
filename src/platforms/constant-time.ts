/**
 * Compares two strings without returning early at the first difference, so the time taken does
 * not reveal how much of a secret value (the OAuth `state`) an attacker guessed right.
 * Lengths are not secret: only the contents are protected.
 */
export function timingSafeEqual(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let difference = left.length ^ right.length;
  const length = Math.max(left.length, right.length);
  for (let index = 0; index < length; index++) {
    difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  }
  return difference === 0;
}
