import { attemptStatus, dismissAttempt } from '../../grants/connect/attempts';
import { type ConnectDeps, connect } from '../../grants/connect/connect-flow';
import type { Handlers } from '../messaging/request-parsers';

export function createConnectHandlers(
  deps: ConnectDeps,
): Pick<Handlers, 'connect.start' | 'connect.status' | 'connect.dismiss'> {
  return {
    'connect.start': (request) => connect(deps, request),
    'connect.status': () => attemptStatus(deps),
    'connect.dismiss': async () => {
      await dismissAttempt(deps);
      return null;
    },
  };
}
