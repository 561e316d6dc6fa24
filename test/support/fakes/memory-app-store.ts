/** An in-memory AppStore, held to the IndexedDB store's contract. */
import type { AppStore } from '../../../src/grants/ports';
import { requireId } from '../../../src/grants/store/record-checks';
import type { AppProfile } from '../../../src/shared/model';
import type { FakeGrantStore } from './memory-grant-store';
import type { FakeSecretStore } from './memory-secret-store';
import { compareText, yieldOnce } from './shared';

/** Removing an app removes its secret and its grants in the same step, as the real store's transaction does. */
export class FakeAppStore implements AppStore {
  private readonly apps = new Map<string, AppProfile>();
  /** Called after each app written or removed (app names show in the shop list). */
  onChange: () => void = () => {};

  constructor(
    private readonly grants?: FakeGrantStore,
    private readonly secrets?: FakeSecretStore,
  ) {}

  async get(id: string): Promise<AppProfile | undefined> {
    await yieldOnce();
    const app = this.apps.get(id);
    return app && structuredClone(app);
  }

  async list(): Promise<AppProfile[]> {
    await yieldOnce();
    // Key order, as IndexedDB's getAll answers.
    return [...this.apps.values()].sort((a, b) => compareText(a.id, b.id)).map((app) => structuredClone(app));
  }

  async put(app: AppProfile): Promise<void> {
    await yieldOnce();
    requireId(app.id, 'id');
    this.apps.set(app.id, structuredClone(app));
    this.onChange();
  }

  async remove(id: string): Promise<number> {
    await yieldOnce();
    this.apps.delete(id);
    this.secrets?.delete(id);
    this.onChange();
    return this.grants?.removeWhere((grant) => grant.appId === id) ?? 0;
  }
}
