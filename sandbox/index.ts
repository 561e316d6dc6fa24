/**
 * The local IOP sandbox: Lazada and AliExpress's authorize page and signed token endpoints, as strict
 * as the real gateway, on 127.0.0.1. One set of URLs serves both platforms: the app key decides.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAppSecret } from '../src/platforms/app-input';
import { checkEndpointUrl } from '../src/platforms/endpoint-url';
import type { Country, EndpointField } from '../src/shared/platform';
import { SandboxInputError } from './config';
import { DEMO_SELLER_LIST, demoApps } from './demo-data';
import { realSleep } from './http-io';
import { createSandboxState, type SandboxState } from './sandbox-state';
import { createRequestListener, PATHS } from './server';
import type { RegisteredApp, Sandbox, SandboxOptions, SandboxUrls } from './types';

export { DEFAULT_CONFIG, SandboxInputError } from './config';
export * from './demo-data';
export { iopSign, iopSigningString } from './iop-signature';
export * from './types';

const HOST = '127.0.0.1';
const SANDBOX_URL_PLACEHOLDER = '{sandbox}';

/** Callback URLs in options and config files may use `{sandbox}`: the URL is known only once listening. */
function withSandboxUrl(app: RegisteredApp, url: string): RegisteredApp {
  return {
    ...app,
    callbackUrls: app.callbackUrls.map((callback) => callback.replace(SANDBOX_URL_PLACEHOLDER, url)),
  };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const {
    port: requestedPort = 0,
    apps = [],
    sellers = [],
    now = Date.now,
    clock = { now, sleep: realSleep },
    logLimit = 1000,
    ...config
  } = options;

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(requestedPort, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${HOST}:${port}`;

  let state: SandboxState;
  try {
    state = createSandboxState({
      config,
      apps: [...demoApps(url), ...apps.map((app) => withSandboxUrl(app, url))],
      sellers: [...DEMO_SELLER_LIST, ...sellers],
      clock,
      logLimit,
    });
  } catch (error) {
    server.close();
    throw error;
  }

  const endpoints: SandboxUrls = {
    authorizeUrl: url + PATHS.authorize,
    tokenCreateUrl: url + PATHS.tokenCreate,
    tokenRefreshUrl: url + PATHS.tokenRefresh,
    callbackUrl: url + PATHS.callback,
  };

  let closing: Promise<void> | undefined;
  const sandbox: Sandbox = {
    url,
    port,
    get endpoints() {
      return { ...endpoints };
    },
    get apps() {
      return state.apps();
    },
    get sellers() {
      return state.sellers();
    },
    get config() {
      return { ...state.config() };
    },
    get log() {
      return state.log.entries();
    },
    get faults() {
      return state.faults.snapshot();
    },
    configure: (change) => state.configure(change),
    setFaults: (endpoint, spec) => state.faults.set(endpoint, spec),
    failNext: (endpoint, count, kind) => state.faults.failNext(endpoint, count, kind),
    afterProcessingNext: (endpoint, count, after) => state.faults.afterProcessingNext(endpoint, count, after),
    clearFaults: () => state.faults.clear(),
    clearLog: () => state.log.clear(),
    expireCode: (code) => state.ledger.expireCode(code),
    issueCode(appKey, account, country?: Country) {
      const app = state.findApp(appKey);
      const seller = state.findSeller(account);
      if (!app || !seller || seller.platform !== app.platform) {
        throw new SandboxInputError('issueCode needs a registered app and a seller of the same platform');
      }
      const venture = seller.platform === 'lazada' ? (country ?? seller.country) : undefined;
      if (seller.platform === 'lazada' && venture !== seller.country) {
        throw new SandboxInputError(`seller ${account} cannot authorize for ${venture}`);
      }
      return state.ledger.issueCode(app, seller, venture, state.now(), state.config());
    },
    inspectAccessToken(accessToken) {
      const grant = state.ledger.findByAccessToken(accessToken);
      if (!grant || grant.accessExpiresAt <= state.now()) return undefined;
      const { appKey, seller, country, accessExpiresAt, refreshExpiresAt, refreshable } = grant;
      return { appKey, account: seller.account, country, accessExpiresAt, refreshExpiresAt, refreshable };
    },
    revokeAccessToken: (accessToken) => state.ledger.revokeAccessToken(accessToken),
    credentials(appKey) {
      const app = state.findApp(appKey);
      if (!app) throw new SandboxInputError(`no app ${appKey}`);
      // Through the extension's own checks, as apps.save would store them.
      const secret = parseAppSecret(app.appSecret);
      if (secret.value === undefined) throw new SandboxInputError(`app ${appKey}: ${secret.problem}`);
      const checked = (field: EndpointField) => checkEndpointUrl(endpoints[field], field);
      return {
        platform: app.platform,
        appKey,
        appSecret: secret.value,
        endpoints: {
          authorizeUrl: checked('authorizeUrl'),
          tokenCreateUrl: checked('tokenCreateUrl'),
          tokenRefreshUrl: checked('tokenRefreshUrl'),
        },
      };
    },
    registerApp: (app) => state.registerApp(withSandboxUrl(app, url)),
    registerSeller: (seller) => state.registerSeller(seller),
    reset: () => state.reset(),
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
      });
      return closing;
    },
  };

  server.on('request', createRequestListener(state, sandbox, url));
  return sandbox;
}
