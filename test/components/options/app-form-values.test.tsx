import { describe, expect, it } from 'vitest';
import {
  appFieldFromWorker,
  appFormFromView,
  appInputFromForm,
  emptyAppForm,
} from '../../../src/options/app-form-values';
import type { AppView } from '../../../src/shared/model';
import { validUrl } from '../../support/checked';

const IDENTITY_URL = 'https://abcdefghijklmnop.chromiumapp.org/';

const savedApp: AppView = {
  id: 'app-1',
  name: 'Shop tools',
  platform: 'lazada',
  appKey: '100132',
  callbackUrl: 'https://tools.example.com/callback',
  callbackKind: 'tab',
  endpoints: { tokenCreateUrl: validUrl('https://relay.example.com/create') },
  hasSecret: true,
  createdAt: 1,
  updatedAt: 2,
};

describe('app form values', () => {
  it('fills the form from a saved app, with the secret field empty', () => {
    const form = appFormFromView(savedApp);
    expect(form).toMatchObject({
      name: 'Shop tools',
      appKey: '100132',
      appSecret: '',
      callbackKind: 'tab',
      tabCallbackUrl: 'https://tools.example.com/callback',
      tokenCreateUrl: 'https://relay.example.com/create',
      authorizeUrl: '',
    });
  });

  it('builds a trimmed input, leaving out an empty secret and empty endpoints', () => {
    const input = appInputFromForm(
      { ...appFormFromView(savedApp), name: '  Shop tools 2 ', appSecret: '   ', tokenCreateUrl: '' },
      { id: 'app-1', identityCallbackUrl: IDENTITY_URL },
    );
    expect(input).toEqual({
      id: 'app-1',
      name: 'Shop tools 2',
      platform: 'lazada',
      appKey: '100132',
      callbackUrl: 'https://tools.example.com/callback',
    });
  });

  it("uses the extension's callback URL when that choice is made", () => {
    const input = appInputFromForm(
      {
        ...emptyAppForm(),
        name: 'A',
        appKey: '1',
        appSecret: 's',
        tabCallbackUrl: 'https://ignored.example/',
      },
      { identityCallbackUrl: IDENTITY_URL },
    );
    expect(input).toEqual({
      name: 'A',
      platform: 'lazada',
      appKey: '1',
      appSecret: 's',
      callbackUrl: IDENTITY_URL,
    });
  });

  it('maps worker field names to form fields', () => {
    expect(appFieldFromWorker('endpoints.tokenRefreshUrl')).toBe('tokenRefreshUrl');
    expect(appFieldFromWorker('callbackUrl')).toBe('callbackUrl');
    expect(appFieldFromWorker('platform')).toBeUndefined();
    expect(appFieldFromWorker(undefined)).toBeUndefined();
  });
});
