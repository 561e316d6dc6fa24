/**
 * Asks Chrome for host access to one origin pattern. Called directly in the click, with nothing awaited
 * before it: `permissions.request` works only while the user gesture lasts.
 */
export async function requestHostAccess(origin: string): Promise<boolean> {
  try {
    return await chrome.permissions.request({ origins: [origin] });
  } catch {
    // An origin outside optional_host_permissions throws: to the person, that is a refusal.
    return false;
  }
}

/** The same for several origin patterns at once (one prompt), in the click. */
export async function requestHostAccessTo(origins: readonly string[]): Promise<boolean> {
  if (origins.length === 0) return true;
  try {
    return await chrome.permissions.request({ origins: [...origins] });
  } catch {
    return false;
  }
}
