import type { ConnectDeps } from '../../grants/connect/connect-flow';
import type { ToolService } from '../../grants/tools/tool-service';
import type { Handlers } from '../messaging/request-parsers';
import type { ExtensionIdentity } from '../wiring/deps';
import type { StorageHealthMonitor } from '../wiring/storage-health-monitor';
import { createActivityHandlers } from './activity';
import { type AppHandlerDeps, createAppHandlers } from './apps';
import { type BackupHandlerDeps, createBackupHandlers } from './backup';
import { createConnectHandlers } from './connect';
import { createGrantHandlers, type GrantHandlerDeps } from './grants';
import { createHealthHandlers } from './health';
import { createInfoHandlers } from './info';
import { createSettingsHandlers, type SettingsHandlerDeps } from './settings';
import { createToolAccessHandlers } from './tools';

export interface HandlerDeps {
  extension: ExtensionIdentity;
  apps: AppHandlerDeps;
  connect: ConnectDeps;
  grants: GrantHandlerDeps;
  settings: SettingsHandlerDeps;
  activity: AppHandlerDeps['activity'];
  health: StorageHealthMonitor;
  backup: BackupHandlerDeps;
  tools: ToolService;
}

/** The full map: typed from `Protocol`, so a message without a handler fails the type check. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...createInfoHandlers(deps.extension),
    ...createAppHandlers(deps.apps),
    ...createConnectHandlers(deps.connect),
    ...createGrantHandlers(deps.grants),
    ...createSettingsHandlers(deps.settings),
    ...createActivityHandlers(deps.activity),
    ...createHealthHandlers(deps.health),
    ...createBackupHandlers(deps.backup),
    ...createToolAccessHandlers(deps.tools),
  };
}
