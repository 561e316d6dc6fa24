/** An in-memory AttemptStore, held to the IndexedDB store's contract. */
import type { AttemptStore } from '../../../src/grants/ports';
import { requireId, requireTime } from '../../../src/grants/store/record-checks';
import type { ConnectAttempt } from '../../../src/shared/model';
import { compareText, yieldOnce } from './shared';

/** Attempts by id; the latest is the one started last, as the real store's `startedAt` index answers. */
export class FakeAttemptStore implements AttemptStore {
  private readonly attempts = new Map<string, ConnectAttempt>();

  async latest(): Promise<ConnectAttempt | undefined> {
    await yieldOnce();
    let newest: ConnectAttempt | undefined;
    for (const attempt of this.attempts.values()) {
      // Ties go to the greater id, as a reverse cursor over the index visits them.
      if (
        !newest ||
        attempt.startedAt > newest.startedAt ||
        (attempt.startedAt === newest.startedAt && compareText(attempt.id, newest.id) > 0)
      ) {
        newest = attempt;
      }
    }
    return newest && structuredClone(newest);
  }

  async put(attempt: ConnectAttempt): Promise<void> {
    await yieldOnce();
    requireId(attempt.id, 'id');
    requireTime(attempt.startedAt, 'startedAt');
    this.attempts.set(attempt.id, structuredClone(attempt));
  }

  async clear(): Promise<void> {
    await yieldOnce();
    this.attempts.clear();
  }
}
