/**
 * A tiny second extension for browser tests: one empty page, pinned to a known id by its own manifest
 * `key`, from which a test sends messages to Seller Auth as that extension.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Reply } from '../../src/shared/protocol';
import {
  TOOLS_SUBSCRIBE_PORT,
  type ToolsMessageType,
  type ToolsRequestOf,
  type ToolsResponseOf,
} from '../../src/shared/tools';
import { EXTENSION_ID } from './browser';

export interface TestExtension {
  dir: string;
  id: string;
  remove(): Promise<void>;
}

export async function writeTestExtension(name: string): Promise<TestExtension> {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  // Chrome's id: the first 32 hex digits of sha256(key), each digit mapped 0-f to a-p.
  const id = [...createHash('sha256').update(der).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode('a'.charCodeAt(0) + Number.parseInt(digit, 16)))
    .join('');
  const dir = await mkdtemp(join(tmpdir(), 'seller-auth-tool-'));
  const manifest = { manifest_version: 3, name, version: '1.0', key: der.toString('base64') };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(join(dir, 'page.html'), `<!DOCTYPE html><title>${name}</title>`);
  return { dir, id, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Sends tools messages from one page of the test extension; keeps every reply for a final scan. */
export function toolClient(context: BrowserContext, extension: TestExtension, replies: unknown[]) {
  let page: Page | undefined;
  const open = async () => {
    if (!page || page.isClosed()) {
      page = await context.newPage();
      await page.goto(`chrome-extension://${extension.id}/page.html`);
    }
    return page;
  };
  const send = async <T extends ToolsMessageType>(
    type: T,
    ...payload: ToolsRequestOf<T> extends undefined ? [] : [ToolsRequestOf<T>]
  ): Promise<Reply<ToolsResponseOf<T>>> => {
    const from = await open();
    const reply = (await from.evaluate(({ target, message }) => chrome.runtime.sendMessage(target, message), {
      target: EXTENSION_ID,
      message: { type, payload: payload[0] } as { type: string; payload: unknown },
    })) as Reply<ToolsResponseOf<T>>;
    replies.push(reply);
    return reply;
  };
  /** Like send, but throws on an error reply. */
  const call = async <T extends ToolsMessageType>(
    type: T,
    ...payload: ToolsRequestOf<T> extends undefined ? [] : [ToolsRequestOf<T>]
  ): Promise<ToolsResponseOf<T>> => {
    const reply = await send(type, ...payload);
    if (!reply.ok) throw new Error(`${type} failed: ${reply.error.code}: ${reply.error.message}`);
    return reply.value;
  };
  /** Sends raw, for messages outside the tools protocol. */
  const raw = async (message: unknown): Promise<unknown> => {
    const from = await open();
    const reply = await from.evaluate(({ target, body }) => chrome.runtime.sendMessage(target, body), {
      target: EXTENSION_ID,
      body: message as Record<string, unknown>,
    });
    replies.push(reply);
    return reply;
  };
  /** Opens the subscribe port; `events()` reads what came on it (and `{ closed: true }` once it closed). */
  const subscribe = async () => {
    const from = await open();
    await from.evaluate(
      ({ target, name }) => {
        const events: unknown[] = [];
        (globalThis as { toolEvents?: unknown[] }).toolEvents = events;
        const port = chrome.runtime.connect(target, { name });
        port.onMessage.addListener((message: unknown) => events.push(message));
        port.onDisconnect.addListener(() => events.push({ closed: true }));
      },
      { target: EXTENSION_ID, name: TOOLS_SUBSCRIBE_PORT },
    );
    return {
      events: async (): Promise<unknown[]> => {
        const seen = (await from.evaluate(
          () => (globalThis as { toolEvents?: unknown[] }).toolEvents ?? [],
        )) as unknown[];
        replies.push(...seen);
        return seen;
      },
    };
  };
  return { send, call, raw, subscribe };
}
