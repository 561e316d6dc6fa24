/** The sandbox's HTML: small, accessible pages (every control has a label, errors are announced). */
import { COUNTRY_LABELS, PLATFORMS } from '../src/platforms/descriptors';
import type { Country, PlatformId } from '../src/shared/platform';

export const COUNTRY_NAMES: Record<Country, string> = COUNTRY_LABELS;

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1a1a1a; }
label { display: block; margin-top: 1rem; font-weight: 600; }
input, select { display: block; width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; }
.actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
button { padding: .5rem 1.25rem; font: inherit; cursor: pointer; }
[role="alert"] { color: #a50e0e; border: 1px solid currentColor; padding: .5rem .75rem; }
.note { color: #555; font-size: .875rem; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** Shown instead of a redirect when the request itself is wrong (unknown app, bad redirect_uri...). */
export function errorPage(message: string): string {
  return page(
    'Authorization error',
    `<h1>Authorization error</h1>
<p role="alert">${escapeHtml(message)}</p>
<p class="note">IOP sandbox: the request was not redirected.</p>`,
  );
}

export interface LoginPageModel {
  platform: PlatformId;
  appName: string;
  /** The authorize URL with the original request's params: the POST carries them unchanged. */
  formAction: string;
  /** The country choices (Lazada); undefined shows no country select (AliExpress). */
  countries: Country[] | undefined;
  account?: string;
  selectedCountry?: string;
  error?: string;
}

export function loginPage(model: LoginPageModel): string {
  const platformName = PLATFORMS[model.platform].label;
  const countrySelect = model.countries
    ? `<label for="country">Country</label>
<select id="country" name="country">
${model.countries
  .map(
    (country) =>
      `<option value="${country}"${country === model.selectedCountry ? ' selected' : ''}>${COUNTRY_NAMES[country]}</option>`,
  )
  .join('\n')}
</select>`
    : '';
  const error = model.error ? `<p role="alert">${escapeHtml(model.error)}</p>` : '';
  return page(
    `${platformName} seller login`,
    `<h1>${escapeHtml(platformName)} seller login</h1>
<p><strong>${escapeHtml(model.appName)}</strong> asks for access to your shop.</p>
${error}
<form method="post" action="${escapeHtml(model.formAction)}">
<label for="account">Account</label>
<input id="account" name="account" type="text" autocomplete="username" value="${escapeHtml(model.account ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password">
${countrySelect}
<div class="actions">
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>
<p class="note">IOP sandbox: no real account is involved.</p>`,
  );
}

export function callbackPage(): string {
  return page(
    'Authorization received',
    `<h1>Authorization received, you can close this tab</h1>
<p>Seller Auth has picked up the authorization.</p>`,
  );
}

export function notFoundPage(): string {
  return page('Not found', '<h1>Not found</h1><p>The IOP sandbox has nothing at this address.</p>');
}

export function indexPage(urls: Record<string, string>): string {
  const rows = Object.entries(urls)
    .map(([name, url]) => `<li>${escapeHtml(name)}: <code>${escapeHtml(url)}</code></li>`)
    .join('\n');
  return page('IOP sandbox', `<h1>IOP sandbox</h1>\n<ul>\n${rows}\n</ul>`);
}
