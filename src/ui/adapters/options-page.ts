/** Opens the settings page, through the polyfill the messaging client already loads on first use. */
export async function openOptionsPage(): Promise<void> {
  const { default: browser } = await import('webextension-polyfill');
  await browser.runtime.openOptionsPage();
}
