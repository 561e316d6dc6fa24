/** A notification click opens the popup page with `?grant=<id>`: that shop is scrolled to and highlighted. */
export function grantIdFromSearch(search: string): string | undefined {
  return new URLSearchParams(search).get('grant') || undefined;
}
