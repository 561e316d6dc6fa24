/**
 * `runtime.onConnectExternal`: a seller tool extension opens a port named TOOLS_SUBSCRIBE_PORT to hear
 * shop changes. The sender is checked like its messages; a port of any other name, or from a sender we
 * do not answer, is closed at once. A tool without access hears one `error` and the port closes.
 */
import { toErrorData } from '../../shared/errors';
import { TOOLS_SUBSCRIBE_PORT, type ToolCaller, type ToolEvent } from '../../shared/tools';
import { extensionCallerOf } from './tools-router';
import type { ExtensionSelf, MessageSenderLike } from './trusted-sender';

/** The slice of `runtime.Port` the subscription needs. */
export interface PortLike {
  name: string;
  sender?: MessageSenderLike;
  postMessage(message: unknown): void;
  disconnect(): void;
  onDisconnect: { addListener(listener: () => void): void };
}

export type SubscribeTool = (
  caller: ToolCaller,
  post: (event: ToolEvent) => void,
  end: () => void,
) => Promise<() => void>;

export function createToolsConnectListener(subscribe: SubscribeTool, self: ExtensionSelf) {
  return (port: PortLike): void => {
    const id = port.sender ? extensionCallerOf(port.sender, self) : undefined;
    if (port.name !== TOOLS_SUBSCRIBE_PORT || id === undefined) {
      port.disconnect();
      return;
    }
    let open = true;
    let unsubscribe: (() => void) | undefined;
    port.onDisconnect.addListener(() => {
      open = false;
      unsubscribe?.();
    });
    const post = (event: ToolEvent) => {
      if (open) port.postMessage(event);
    };
    const end = () => {
      open = false;
      unsubscribe?.();
      port.disconnect();
    };
    subscribe({ kind: 'extension', id }, post, end).then(
      (stop) => {
        unsubscribe = stop;
        if (!open) stop();
      },
      (error: unknown) => {
        const { code, message } = toErrorData(error);
        post({ event: 'error', error: { code, message } });
        end();
      },
    );
  };
}
