/** The text `npm run sandbox` prints: URLs, demo apps (key, secret, callbacks) and seller logins. */
import { DEMO_PASSWORD } from './demo-data';
import type { Sandbox } from './types';

function duration(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  return `${seconds} s`;
}

export function describeSandbox(sandbox: Sandbox): string {
  const { endpoints, config } = sandbox;
  const lines = [
    `IOP sandbox listening on ${sandbox.url}`,
    '',
    `  authorize      ${endpoints.authorizeUrl}`,
    `  token create   ${endpoints.tokenCreateUrl}`,
    `  token refresh  ${endpoints.tokenRefreshUrl}`,
    `  callback page  ${endpoints.callbackUrl}`,
    `  admin          ${sandbox.url}/__admin/ (log, config, faults, reset)`,
    '',
    `  access token ${duration(config.accessTtlSeconds)}, ${
      config.refreshDisabled ? 'refresh disabled' : `refresh deadline ${duration(config.refreshTtlSeconds)}`
    }`,
    '',
    'Apps:',
  ];
  for (const app of sandbox.apps) {
    lines.push(`  ${app.name} (${app.platform})`);
    lines.push(`    app key     ${app.appKey}`);
    lines.push(`    app secret  ${app.appSecret}`);
    for (const callback of app.callbackUrls) lines.push(`    callback    ${callback}`);
  }
  lines.push('', 'Seller logins:');
  for (const seller of sandbox.sellers) {
    const where = seller.platform === 'lazada' ? `lazada ${seller.country}` : 'aliexpress';
    const password = seller.password === DEMO_PASSWORD ? DEMO_PASSWORD : '(from config)';
    lines.push(`  ${seller.account.padEnd(28)} ${password.padEnd(14)} ${where}`);
  }
  return lines.join('\n');
}
