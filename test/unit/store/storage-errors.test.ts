import { describe, expect, it } from 'vitest';
import {
  CallerFailure,
  guardStorage,
  StorageFailure,
  storageFailed,
  transact,
} from '../../../src/grants/store/storage-errors';
import { SellerAuthError } from '../../../src/shared/errors';

const RECORD_TEXT = 'refresh-token-500016000300bwa2WteaQyfwBMnPx';

describe('storageFailed', () => {
  it('names a full disk in words, without the browser’s message', () => {
    const error = storageFailed(
      'save the grant',
      new DOMException(`could not write ${RECORD_TEXT}`, 'QuotaExceededError'),
    );
    expect(error).toMatchObject({ code: 'storage_failed', retryable: true, kind: 'quota' });
    expect(error.message).toBe('The browser has no room left to save the grant.');
    expect(error.cause).toBeUndefined();
  });

  it('names the kind of any other failure, and nothing of its text', () => {
    const error = storageFailed(
      'save the grant',
      new DOMException(`${RECORD_TEXT} could not be cloned`, 'DataCloneError'),
    );
    expect(error.message).toBe('Could not save the grant (DataCloneError).');
    expect(JSON.stringify(error.toData())).not.toContain(RECORD_TEXT);
  });

  it.each([
    ['a failed operation', 'AbortError', 'operation', 'transaction'],
    ['an operation the browser refused', 'UnknownError', 'operation', 'transaction'],
    ['a full disk while opening', 'QuotaExceededError', 'open', 'quota'],
    ['an aborted upgrade', 'AbortError', 'open', 'upgrade'],
    ['a newer stored version', 'VersionError', 'open', 'newer_version'],
    ['a failed open', 'UnknownError', 'open', 'open'],
  ] as const)('keeps the kind of %s for the person who must fix it', (_case, name, stage, kind) => {
    const error = storageFailed('open the stored data', new DOMException('x', name), stage);
    expect(error).toBeInstanceOf(StorageFailure);
    expect(error).toMatchObject({ code: 'storage_failed', kind });
    // The kind is the worker's own: a page gets a plain storage_failed.
    expect(error.toData()).not.toHaveProperty('kind');
  });

  it('copes with a thrown non-error', () => {
    expect(storageFailed('read settings', RECORD_TEXT).message).toBe(
      'Could not read settings (UnknownError).',
    );
  });
});

describe('guardStorage', () => {
  it('turns a failure into storage_failed', async () => {
    await expect(
      guardStorage('list grants', () => Promise.reject(new DOMException('x', 'AbortError'))),
    ).rejects.toMatchObject({
      code: 'storage_failed',
      message: 'Could not list grants (AbortError).',
    });
  });

  it('passes named errors and caller failures through unchanged', async () => {
    const named = new SellerAuthError('invalid_input', 'bad', { field: 'id' });
    await expect(guardStorage('x', () => Promise.reject(named))).rejects.toBe(named);
    const callers = new TypeError('a bug in the caller');
    await expect(guardStorage('x', () => Promise.reject(new CallerFailure(callers)))).rejects.toBe(callers);
  });
});

describe('transact', () => {
  function fakeTransaction(commit: Promise<void>) {
    return {
      done: commit,
      aborted: false,
      abort() {
        this.aborted = true;
      },
    };
  }

  it('waits for the commit before answering', async () => {
    let commit!: () => void;
    const tx = fakeTransaction(new Promise<void>((resolve) => (commit = resolve)));
    let answered = false;
    const result = transact(tx, async () => 'value').then((value) => {
      answered = true;
      return value;
    });
    await Promise.resolve();
    expect(answered).toBe(false);
    commit();
    expect(await result).toBe('value');
    expect(tx.aborted).toBe(false);
  });

  it('aborts when the work fails, and rethrows that failure', async () => {
    const tx = fakeTransaction(new Promise<void>(() => {}));
    const failure = new Error('half-way');
    await expect(transact(tx, async () => Promise.reject(failure))).rejects.toBe(failure);
    expect(tx.aborted).toBe(true);
  });

  it('reports a failed commit', async () => {
    const tx = fakeTransaction(Promise.reject(new DOMException('full', 'QuotaExceededError')));
    await expect(transact(tx, async () => 'value')).rejects.toMatchObject({ name: 'QuotaExceededError' });
  });
});
