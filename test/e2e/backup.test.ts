/**
 * Backup, move and restore through the options page, in real Chromium against the sandbox: a file
 * saved by one browser profile (a real download) and imported into a fresh profile (a real file
 * chooser), whose shops then refresh there; and "Move", after which the first profile never refreshes
 * the moved shop again while the second one does.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, type OnTestFinishedHandler, test } from 'vitest';
import { DEMO_SELLERS, type Sandbox } from '../../sandbox/index';
import { DUE_ALARM } from '../../src/background/adapters/alarm-scheduler';
import type { Grant } from '../../src/grants/model';
import { connectSeller, type Session, sandboxOutcomes, startSession, waitUntil } from '../support/session';

const PASSPHRASE = 'orange kettle under seven bridges';
/** An access token of 120 s is due for refresh a minute after it was issued. */
const ACCESS_TTL_SECONDS = 120;
const DUE_SLACK_MS = 15_000;

async function session(
  onTestFinished: (handler: OnTestFinishedHandler) => void,
  sharedSandbox?: Sandbox,
): Promise<Session> {
  const started = await startSession(
    sharedSandbox ? { sharedSandbox } : { sandbox: { accessTtlSeconds: ACCESS_TTL_SECONDS } },
  );
  onTestFinished(() => started.close());
  return started;
}

function onlyGrant(grants: Grant[]): Grant {
  if (grants.length !== 1) throw new Error(`expected one stored grant, found ${grants.length}`);
  return grants[0] as Grant;
}

function backupOf(options: Page) {
  return options.getByRole('region', { name: 'Backup' });
}

/** Types the passphrase twice, presses `button` (and confirms a move), and returns the saved file's path. */
async function exportThroughPage(options: Page, mode: 'copy' | 'move', includeSecrets: boolean) {
  const form = options.getByRole('form', { name: 'Export' });
  await form.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await form.getByLabel('Passphrase again').fill(PASSPHRASE);
  if (includeSecrets) await form.getByLabel('Include app secrets').check();
  const download = options.waitForEvent('download');
  if (mode === 'copy') {
    await form.getByRole('button', { name: 'Export a copy' }).click();
  } else {
    await form.getByRole('button', { name: 'Move to another browser…' }).click();
    await form.getByRole('button', { name: 'Move and save the file' }).click();
  }
  const saved = await download;
  // Kept apart from the browser's own download folder, which goes with that browser.
  const path = join(await mkdtemp(join(tmpdir(), 'seller-auth-backup-')), saved.suggestedFilename());
  await saved.saveAs(path);
  return { path, fileName: saved.suggestedFilename() };
}

async function importThroughPage(options: Page, path: string) {
  const form = options.getByRole('form', { name: 'Import' });
  await form.getByLabel('Backup file').setInputFiles(path);
  await form.getByLabel(/^Passphrase of /).fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Show what it imports' }).click();
  const preview = form.getByRole('region', { name: 'What the import does' });
  await preview.getByRole('list', { name: 'Shops added (1)' }).waitFor();
  const previewText = await preview.textContent();
  await form.getByRole('button', { name: 'Apply import' }).click();
  await options.getByRole('status').filter({ hasText: 'Backup imported: 1 shop added, 0 updated' }).waitFor();
  return previewText ?? '';
}

describe('backup and restore through the options page', () => {
  test('a copy saved in one profile restores into a fresh one, which then refreshes the shop', {
    retry: 1,
  }, async ({ expect, onTestFinished }) => {
    const first = await session(onTestFinished);
    const app = await first.addSandboxApp();
    await connectSeller(first, app, DEMO_SELLERS.lazadaSg);
    const original = onlyGrant(await first.storedGrants());
    const options = first.control;
    await options.reload();
    await backupOf(options).getByText('1 shop is not in any backup.').waitFor();

    const file = await exportThroughPage(options, 'copy', true);

    expect(file.fileName).toMatch(/^seller-auth-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readFile(file.path, 'utf8');
    for (const token of [original.accessToken, original.refreshToken, first.sandbox.apps[0]!.appSecret]) {
      expect(text).not.toContain(token);
    }
    await backupOf(options)
      .getByText(/^Last backup: /)
      .waitFor();
    expect(await backupOf(options).getByText('not in any backup', { exact: false }).count()).toBe(0);
    // A copy leaves this browser in charge.
    expect(onlyGrant(await first.storedGrants()).movedAt).toBeUndefined();
    await first.browser.close();

    const fresh = await session(onTestFinished, first.sandbox);
    expect(await fresh.storedGrants()).toEqual([]);
    const preview = await importThroughPage(fresh.control, file.path);
    expect(preview).toContain(DEMO_SELLERS.lazadaSg.account);

    const [restoredApp] = await fresh.call('apps.list', undefined);
    expect(restoredApp).toMatchObject({ appKey: app.appKey, hasSecret: true });
    const restored = onlyGrant(await fresh.storedGrants());
    expect(restored).toMatchObject({ refreshToken: original.refreshToken, status: 'connected' });
    const refreshed = await fresh.call('grants.refresh', { grantId: restored.id });
    expect(refreshed.health).toBe('connected');
    expect(sandboxOutcomes(first.sandbox, 'token.refresh')).toEqual(['0']);
    const after = onlyGrant(await fresh.storedGrants());
    expect(after.refreshToken).not.toBe(original.refreshToken);
    expect(after.lastRefreshedAt).toBeDefined();
  });

  test('a moved shop is never refreshed by the profile it left; the profile it moved to takes over', async ({
    expect,
    onTestFinished,
  }) => {
    const first = await session(onTestFinished);
    const app = await first.addSandboxApp();
    await connectSeller(first, app, DEMO_SELLERS.lazadaSg);
    const original = onlyGrant(await first.storedGrants());
    await first.control.reload();

    const file = await exportThroughPage(first.control, 'move', true);
    await first.control.getByText(/1 shop moved: import this file in the other browser now\./).waitFor();

    const moved = onlyGrant(await first.storedGrants());
    expect(moved.movedAt).toBeGreaterThanOrEqual(original.authorizedAt);
    expect(moved.refreshToken).toBe(original.refreshToken);
    const popup = await first.browser.openPage('src/popup/index.html');
    await popup.getByText(/^Moved to another browser on /).waitFor();
    expect(await first.badgeText()).toBe('');

    const second = await session(onTestFinished, first.sandbox);
    const preview = await importThroughPage(second.control, file.path);
    expect(preview).toContain('takes over refreshing 1 shop');
    const takenOver = onlyGrant(await second.storedGrants());
    expect(takenOver.movedAt).toBeUndefined();

    // Past the time the shop was due, wake both profiles' schedulers.
    await waitUntil(original.dueAt + 1_000);
    await first.afterCatchUp(() => first.fireAlarm(DUE_ALARM));
    await second.afterCatchUp(() => second.fireAlarm(DUE_ALARM));
    const givesUpAt = Date.now() + DUE_SLACK_MS;
    while (onlyGrant(await second.storedGrants()).lastRefreshedAt === undefined && Date.now() < givesUpAt) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    // One refresh in all, and it was the second profile's: the first sent nothing for the moved shop.
    expect(sandboxOutcomes(first.sandbox, 'token.refresh')).toEqual(['0']);
    const leftBehind = onlyGrant(await first.storedGrants());
    expect(leftBehind).toMatchObject({ refreshToken: original.refreshToken, movedAt: moved.movedAt });
    expect(leftBehind.lastRefreshedAt).toBeUndefined();
    expect(leftBehind.refreshStartedAt).toBeUndefined();
    const live = onlyGrant(await second.storedGrants());
    expect(live.lastRefreshedAt).toBeDefined();
    expect(live.refreshToken).not.toBe(original.refreshToken);
    // A click on the moved shop in the first profile does not refresh it either.
    await first.call('grants.refresh', { grantId: leftBehind.id });
    expect(sandboxOutcomes(first.sandbox, 'token.refresh')).toEqual(['0']);
  });
});
