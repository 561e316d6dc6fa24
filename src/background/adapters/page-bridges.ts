/// <reference types="@crxjs/vite-plugin/client" />
/**
 * The bridge content script per allowed web page origin, through `chrome.scripting`: registered for
 * that origin's pages (every frame, so a frame's request is refused by name rather than lost), kept
 * across browser restarts. The registered scripts are the list of allowed origins.
 */
import bridgeScript from '../../bridge/adapters/content-bridge?script&iife';
import type { PageBridges } from '../../grants/tools/ports';
import { pageOriginPattern } from '../../platforms/page-origin';

const ID_PREFIX = 'seller-auth-bridge:';

/** The slices of `browser.scripting` and `browser.permissions` the bridges need. */
export interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string }[]>;
  registerContentScripts(
    scripts: {
      id: string;
      matches: string[];
      js: string[];
      allFrames: boolean;
      runAt: 'document_start' | 'document_end' | 'document_idle';
      persistAcrossSessions: boolean;
    }[],
  ): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

export interface PermissionRemovalApi {
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

export function createPageBridges(scripting: ScriptingApi, permissions: PermissionRemovalApi): PageBridges {
  return {
    async list() {
      const scripts = await scripting.getRegisteredContentScripts();
      return scripts
        .filter((script) => script.id.startsWith(ID_PREFIX))
        .map((script) => script.id.slice(ID_PREFIX.length));
    },
    async register(origin) {
      // A pattern covers every port of the host: the worker still answers only this exact origin.
      await scripting.registerContentScripts([
        {
          id: ID_PREFIX + origin,
          matches: [pageOriginPattern(origin)],
          js: [bridgeScript],
          allFrames: true,
          runAt: 'document_start',
          persistAcrossSessions: true,
        },
      ]);
    },
    async unregister(origin) {
      const id = ID_PREFIX + origin;
      const [registered] = await scripting.getRegisteredContentScripts({ ids: [id] });
      if (registered) await scripting.unregisterContentScripts({ ids: [id] });
    },
    async dropPermission(pattern) {
      try {
        await permissions.remove({ origins: [pattern] });
      } catch {
        // A required host permission (the sandbox's loopback) cannot be removed: nothing to give back.
      }
    },
  };
}
