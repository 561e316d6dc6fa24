/** The dependencies the worker is built from: stores plus adapters, all injectable for tests. */
import type { AuthWindow, KeepAwake, OriginAccess } from '../../grants/connect/ports';
import type { Clock, LockManager, Notifier, RefreshJournal } from '../../grants/ports';
import type { StorageHealth } from '../../grants/storage-health';
import type { Stores } from '../../grants/store';
import type { ToolAccessStore } from '../../grants/tools/access';
import type { ConsentWindow, PageBridges } from '../../grants/tools/ports';
import type { ApiClient } from '../../platforms/api-client';
import type { StartTimer } from '../../platforms/token-client';
import type { TokenClient } from '../../platforms/types';
import type { CallbackKind } from '../../shared/model';
import type { Badge, ChangeSignal, DurableStorage, KeptValue, OpenExtensionPage, Scheduler } from './ports';

export interface ExtensionIdentity {
  id: string;
  /** `https://<id>.chromiumapp.org/`, the callback for identity-window apps. */
  identityCallbackUrl: string;
}

export interface WorkerDeps {
  stores: Stores;
  tokens: TokenClient;
  clock: Clock;
  locks: LockManager;
  notifier: Notifier;
  scheduler: Scheduler;
  badge: Badge;
  /** Tells open pages the grants changed (after every re-arm). */
  changes: ChangeSignal;
  authWindows: Record<CallbackKind, AuthWindow>;
  originAccess: OriginAccess;
  openExtensionPage: OpenExtensionPage;
  extension: ExtensionIdentity;
  keepAwake?: KeepAwake;
  /** Where a rotated pair waits for its IndexedDB commit (storage.session); a memory one otherwise. */
  refreshJournal?: RefreshJournal;
  /** Starts the "stop waiting for a refresh" timer (a simulation passes virtual time). */
  startTimer?: StartTimer;
  /** How long one login may take before it counts as abandoned. */
  flowTimeoutMs?: number;
  random?: () => number;
  newId?: () => string;
  /** Tests only: backups exported with a cheaper key derivation than the real 600,000 rounds. */
  backupIterationsForTests?: number;
  /** How scheduled work waits for a grant due within seconds (tests pass the fake clock's). */
  sleep?: (ms: number) => Promise<void>;
  /** Where the storage health outlives the worker (session storage); memory only without it. */
  storageHealth?: KeptValue<StorageHealth>;
  /** Asked on install and browser start not to evict the data. */
  durableStorage?: DurableStorage;
  /** Grants of access to seller tools (IndexedDB); memory only without it. */
  toolAccess?: ToolAccessStore;
  /** The consent window for seller tools; without it every request for access is refused. */
  consentWindow?: ConsentWindow;
  /** Business API calls for the tools proxy (fetch by default). */
  api?: ApiClient;
  /** The bridge content scripts of web page tools (chrome.scripting); no pages without it. */
  pageBridges?: PageBridges;
}

export const DEFAULT_FLOW_TIMEOUT_MS = 10 * 60_000;

/**
 * How long one wake works through due grants. Kept awake by a heartbeat, the worker is not stopped
 * for idleness meanwhile; what is left stays due and the re-armed alarm picks it up (packed installs
 * wait at least 30 s between alarms, so longer wakes drain a backlog sooner).
 */
export const WAKE_BUDGET_MS = 2 * 60_000;
