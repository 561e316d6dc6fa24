/**
 * `npm start`: the demo, no real credentials needed. Builds the sandbox flavour of the extension,
 * starts the local IOP sandbox, opens Chromium with the extension loaded and the sandbox apps
 * configured. With a display: a normal window to click through. Without one (or with --headless):
 * runs "Connect shop" by itself, prints each step, and saves screenshots to demo-output/.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'vite';
import { DEMO_PASSWORD, DEMO_SELLERS } from '../sandbox/index';
import { loginOnSandbox, startSession } from '../test/support/session';

const ROOT = resolve(import.meta.dirname, '..');
const OUTPUT = resolve(ROOT, 'demo-output');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

function step(text: string) {
  process.stdout.write(`\n> ${text}\n`);
}

step('Building the extension (sandbox flavour: dist-sandbox/)');
await build({ root: ROOT, mode: 'sandbox', logLevel: 'warn' });

step('Starting the local IOP sandbox and Chromium with Seller Auth loaded');
const session = await startSession({ headless, sandbox: { port: Number(process.env.SANDBOX_PORT ?? 0) } });
const { sandbox } = session;
console.log(`  sandbox:   ${sandbox.url}`);
console.log(`  extension: ${session.browser.extensionId}`);

step('Configuring the sandbox apps in the extension (as an app owner would on the options page)');
const lazada = await session.addSandboxApp({ platform: 'lazada' });
await session.addSandboxApp({ platform: 'aliexpress' });
console.log(`  ${lazada.name} (app key ${lazada.appKey}), callback ${lazada.callbackUrl}`);

// The sandbox's demo seller tool page may ask Seller Auth (its loopback host is granted in this build).
await session.call('toolOrigins.add', { origin: sandbox.url });
console.log(`  demo seller tool: ${sandbox.url}/demo-tool (added under "Connected tools")`);
const sellers = Object.values(DEMO_SELLERS).map((seller) => `${seller.account} (${seller.platform})`);
console.log(`  demo sellers: ${sellers.join(', ')}; password "${DEMO_PASSWORD}"`);

if (!headless) {
  step('Chromium is open. Click the Seller Auth icon (puzzle piece menu), then "Connect shop".');
  console.log('  Or open the popup as a page:');
  console.log(`  chrome-extension://${session.browser.extensionId}/src/popup/index.html`);
  await session.browser.openPage('src/popup/index.html');
  console.log(`  Then open ${sandbox.url}/demo-tool and click "Ask Seller Auth for access".`);
  await (await session.browser.context.newPage()).goto(`${sandbox.url}/demo-tool`);
  console.log('  Close the browser window or press Ctrl+C to end the demo.');
  const stop = async () => {
    await session.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  session.browser.context.once('close', () => void sandbox.close().then(() => process.exit(0)));
} else {
  await mkdir(OUTPUT, { recursive: true });
  const popup = await session.browser.openPage('src/popup/index.html');
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.getByRole('button', { name: 'Connect shop' }).waitFor();
  await popup.screenshot({ path: `${OUTPUT}/1-popup-before.png` });
  step('Popup before connecting: saved demo-output/1-popup-before.png');

  step('Choosing the Lazada app and the Cross-border country in the popup');
  await popup.getByLabel('App').selectOption(lazada.id);
  await popup.getByLabel('Cross-border').check();

  step('Clicking "Connect shop": the worker opens the platform login (launchWebAuthFlow)');
  const loginOpened = session.browser.context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Connect shop' }).click();
  const login = await loginOpened;
  await login.waitForLoadState('domcontentloaded');
  await login.screenshot({ path: `${OUTPUT}/2-sandbox-login.png` });
  console.log('  login page: saved demo-output/2-sandbox-login.png');

  const seller = DEMO_SELLERS.lazadaCrossBorder;
  step(`Logging in as ${seller.account} (cross-border) and approving`);
  await loginOnSandbox(login, { account: seller.account, country: 'cb' });

  step('Waiting for the shop to appear in the popup');
  await popup.getByText(seller.account).first().waitFor({ timeout: 20_000 });
  await popup.screenshot({ path: `${OUTPUT}/3-popup-connected.png`, fullPage: true });
  console.log('  connected: saved demo-output/3-popup-connected.png');

  const options = await session.browser.openPage('src/options/index.html');
  await options.setViewportSize({ width: 1000, height: 1200 });
  await options.getByText(lazada.name).first().waitFor();
  await options.screenshot({ path: `${OUTPUT}/4-options.png`, fullPage: true });
  step('Options page (apps, settings, activity): saved demo-output/4-options.png');

  const [grant] = await session.call('grants.list', undefined);
  if (grant) {
    const countries = grant.seller.countries.map((entry) => entry.country).join(', ');
    console.log(`\n  Connected ${grant.seller.account}: ${grant.health}, countries ${countries}.`);
    console.log(`  Access token expires ${new Date(grant.accessExpiresAt).toISOString()};`);
    console.log(`  authorize again by ${new Date(grant.refreshExpiresAt).toISOString()}.`);
  }
  step('The demo seller tool asks for access; approving in the consent window shares the shop');
  const tool = await session.browser.context.newPage();
  await tool.goto(`${sandbox.url}/demo-tool`);
  const consentOpened = session.browser.context.waitForEvent('page', (page) =>
    page.url().includes('src/consent/'),
  );
  await tool.getByRole('button', { name: 'Ask Seller Auth for access' }).click();
  const consent = await consentOpened;
  await consent.getByRole('heading', { name: /Allow a seller tool/ }).waitFor();
  await consent.getByRole('checkbox').first().check();
  await consent.screenshot({ path: `${OUTPUT}/5-consent.png` });
  console.log('  consent window: saved demo-output/5-consent.png');
  await consent.getByRole('button', { name: 'Allow' }).click();
  await tool
    .getByRole('button', { name: /^Show orders of / })
    .first()
    .click();
  await tool.getByRole('table').waitFor();
  await tool.screenshot({ path: `${OUTPUT}/6-demo-tool-orders.png`, fullPage: true });
  step("The tool listed the shop's orders through Seller Auth: saved demo-output/6-demo-tool-orders.png");
  await session.close();
  step('Demo finished.');
}
