/** Opens the settings page: Chrome's own promise, as the messaging client uses (./runtime-client.ts). */
export async function openOptionsPage(): Promise<void> {
  await chrome.runtime.openOptionsPage();
}
