/** Checked values for tests, minted by the same checks `apps.save` runs (never by a cast). */
import { parseAppSecret } from '../../src/platforms/app-input';
import { checkEndpointUrl } from '../../src/platforms/endpoint-url';
import type { AppSecret, ValidUrl } from '../../src/shared/checked';

export function validUrl(text: string): ValidUrl {
  return checkEndpointUrl(text, 'authorizeUrl');
}

export function appSecret(text: string): AppSecret {
  const checked = parseAppSecret(text);
  if (checked.value === undefined) throw new Error(`not an app secret: ${checked.problem}`);
  return checked.value;
}
