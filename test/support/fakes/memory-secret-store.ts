/** An in-memory SecretStore, held to the IndexedDB store's contract. */
import type { SecretStore } from '../../../src/grants/ports';
import { requireId } from '../../../src/grants/store/record-checks';
import type { AppSecret } from '../../../src/shared/checked';
import { yieldOnce } from './shared';

export class FakeSecretStore implements SecretStore {
  private readonly secrets = new Map<string, AppSecret>();

  async get(appId: string): Promise<AppSecret | undefined> {
    await yieldOnce();
    return this.secrets.get(appId);
  }

  async put(appId: string, secret: AppSecret): Promise<void> {
    await yieldOnce();
    requireId(appId, 'appId');
    this.secrets.set(appId, secret);
  }

  async has(appId: string): Promise<boolean> {
    await yieldOnce();
    return this.secrets.has(appId);
  }

  /** Synchronous delete (the fake AppStore's cascade). */
  delete(appId: string): void {
    this.secrets.delete(appId);
  }
}
