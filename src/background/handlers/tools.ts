/**
 * The seller tools API, both sides: the tools' own messages (from other extensions, by caller), and
 * what Seller Auth's pages send about them (the consent window's answer, "Connected tools").
 */
import type { ToolService } from '../../grants/tools/tool-service';
import type { Handlers } from '../messaging/request-parsers';
import type { ToolsHandlers } from '../messaging/tools-parsers';

export function createToolsHandlers(service: ToolService): ToolsHandlers {
  return {
    'tools.hello': (caller) => service.hello(caller),
    'tools.requestAccess': (caller, request) => service.requestAccess(caller, request),
    'tools.listShops': (caller) => service.listShops(caller),
    'tools.getToken': (caller, request) => service.getToken(caller, request),
    'tools.call': (caller, request) => service.call(caller, request),
  };
}

export function createToolAccessHandlers(
  service: ToolService,
): Pick<
  Handlers,
  | 'consent.get'
  | 'consent.answer'
  | 'toolAccess.list'
  | 'toolAccess.revoke'
  | 'toolOrigins.list'
  | 'toolOrigins.add'
  | 'toolOrigins.remove'
> {
  return {
    'consent.get': ({ id }) => service.consentRequest(id),
    'consent.answer': (answer) => service.answerConsent(answer),
    'toolAccess.list': () => service.listAccess(),
    'toolAccess.revoke': ({ caller }) => service.revoke(caller),
    'toolOrigins.list': () => service.listOrigins(),
    'toolOrigins.add': ({ origin }) => service.addOrigin(origin),
    'toolOrigins.remove': ({ origin }) => service.removeOrigin(origin),
  };
}
