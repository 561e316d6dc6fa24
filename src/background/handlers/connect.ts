import { attemptStatus, dismissAttempt } from '../../grants/connect/attempts';
import { type ConnectDeps, connect } from '../../grants/connect/connect-flow';
import { COUNTRIES, type Country } from '../../shared/platform';
import type { Handlers } from '../../shared/protocol';
import { type Fields, fieldsOf, invalid, optionalString, requiredString } from '../messaging/payload';

function countriesOf(fields: Fields): Country[] | undefined {
  const value = fields.countries;
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalid('countries', 'Countries must be a list.');
  const countries = value.filter((item): item is Country => COUNTRIES.some((country) => country === item));
  if (countries.length !== value.length)
    throw invalid('countries', 'One of the chosen countries is not available.');
  return countries;
}

export function createConnectHandlers(
  deps: ConnectDeps,
): Pick<Handlers, 'connect.start' | 'connect.status' | 'connect.dismiss'> {
  return {
    'connect.start': async (payload) => {
      const fields = fieldsOf(payload);
      return connect(deps, {
        appId: requiredString(fields, 'appId'),
        countries: countriesOf(fields),
        reauthorizeGrantId: optionalString(fields, 'reauthorizeGrantId'),
      });
    },
    'connect.status': () => attemptStatus(deps),
    'connect.dismiss': async () => {
      await dismissAttempt(deps);
      return null;
    },
  };
}
