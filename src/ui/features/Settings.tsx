// Device settings: the kommun, who is signed in, the app version.
import { useAppState, useServices } from '../app/context.ts';
import { t } from '../i18n/index.ts';
import { StoragePanel } from '../components/StoragePanel.tsx';
import { AppearanceSettings } from './appearance/AppearanceSettings.tsx';
import { SecuritySettings } from './security/SecuritySettings.tsx';
import { href } from '../app/router.ts';

export function Settings() {
  const { catalogue, user, settings } = useAppState();
  const { saveSettings, appVersion } = useServices();
  const kommuner = catalogue.kommuner.filter((k) => user.kommunIds.includes(k.id));
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t.settings.title}</h1>
      <div class="field">
        <label for="f-kommun">{t.settings.kommun}</label>
        <select id="f-kommun" value={settings.kommunId ?? ''} onChange={(e) => saveSettings({ ...settings, kommunId: (e.currentTarget as HTMLSelectElement).value || null })}>
          <option value="">—</option>
          {kommuner.map((k) => (
            <option key={k.id} value={k.id}>{k.name}</option>
          ))}
        </select>
      </div>
      <p>{t.settings.signedInAs(user.displayName)}</p>
      <p>
        <a href={href({ name: 'password' })}>{t.account.changeLink}</a>
      </p>
      <SecuritySettings />
      <AppearanceSettings />
      <StoragePanel />
      <p class="hint">{t.settings.version(appVersion)}</p>
    </section>
  );
}
