/**
 * The bridge content script, registered only for web page origins a person allowed as seller tools
 * ("Connected tools"). A page posts `{ sellerAuth: 'seller-auth:request', type, payload }` to its own
 * window with one MessagePort; the bridge forwards type and payload to the worker (which learns the
 * page origin and frame from Chrome, never from the message) and answers on that port, once.
 */
import { BRIDGE_CHANNEL, PAGE_READY, PAGE_REQUEST } from '../../shared/tools';

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window || event.origin !== location.origin) return;
  const data: unknown = event.data;
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { sellerAuth?: unknown }).sellerAuth !== PAGE_REQUEST
  ) {
    return;
  }
  const [port] = event.ports;
  if (!port) return;
  const { type, payload } = data as { type?: unknown; payload?: unknown };
  chrome.runtime
    .sendMessage({ channel: BRIDGE_CHANNEL, type, payload })
    .then(
      (reply: unknown) => port.postMessage(reply),
      () =>
        port.postMessage({
          ok: false,
          error: { code: 'worker_unavailable', message: 'Seller Auth did not answer.', retryable: true },
        }),
    )
    .finally(() => port.close());
});

window.postMessage({ sellerAuth: PAGE_READY }, location.origin);
