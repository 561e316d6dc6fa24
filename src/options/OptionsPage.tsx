/** The options page: apps, settings, backup and the activity log in one column. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { ActivitySection } from './ActivitySection';
import { AppsSection } from './AppsSection';
import { BackupSection } from './BackupSection';
import type { HostPermissionGate } from './host-permissions';
import { SettingsSection } from './SettingsSection';
import { Toast, useToast } from './Toast';
import { ToolsSection } from './ToolsSection';

export interface OptionsPageProps {
  hostPermissions: HostPermissionGate;
  now?: () => number;
}

export function OptionsPage(props: OptionsPageProps): JSX.Element {
  const toast = useToast();
  // Saving or removing writes to the activity log: reload it so the page never shows stale history.
  const [activityVersion, setActivityVersion] = useState(0);
  // An import writes apps and settings too: those sections read them again.
  const [importVersion, setImportVersion] = useState(0);
  const changed = (message: string) => {
    toast.show(message);
    setActivityVersion((version) => version + 1);
  };
  const imported = (message: string) => {
    changed(message);
    setImportVersion((version) => version + 1);
  };

  return (
    <main class="options">
      <header class="options__header">
        <h1>{t('options_title')}</h1>
        <p class="muted">
          Connect your open-platform apps. Seller staff then connect shops from the toolbar button.
        </p>
      </header>
      <AppsSection
        key={`apps-${importVersion}`}
        hostPermissions={props.hostPermissions}
        onChanged={changed}
      />
      <SettingsSection key={`settings-${importVersion}`} onSaved={toast.show} />
      <BackupSection onChanged={changed} onImported={imported} />
      <ToolsSection onChanged={changed} />
      <ActivitySection key={activityVersion} {...(props.now ? { now: props.now } : {})} />
      <Toast message={toast.message} />
    </main>
  );
}
