/** A notifier that records what it was asked to show. */
import type { Notifier } from '../../../src/grants/ports';
import { yieldOnce } from './shared';

export type SentNotice = Parameters<Notifier['notify']>[0];

export class FakeNotifier implements Notifier {
  readonly sent: SentNotice[] = [];
  /** When set, `notify` rejects with it (and records nothing). */
  failWith: Error | undefined;

  async notify(notification: SentNotice): Promise<void> {
    await yieldOnce();
    if (this.failWith) throw this.failWith;
    this.sent.push(structuredClone(notification));
  }
}
