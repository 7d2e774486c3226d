// Chosen once per device; the officer's police area decides which kommuner are offered.
import { useAppState, useServices } from '../../app/context.ts';
import { t } from '../../i18n/index.ts';

export function KommunPicker() {
  const { catalogue, user, settings } = useAppState();
  const { saveSettings } = useServices();
  const kommuner = catalogue.kommuner.filter((k) => user.kommunIds.includes(k.id));
  return (
    <section aria-labelledby="pick-kommun">
      <h1 id="pick-kommun">{t.home.pickKommun}</h1>
      <p class="hint">{t.home.pickKommunHelp}</p>
      <ul class="activity-grid">
        {kommuner.map((k) => (
          <li key={k.id}>
            <button type="button" class="activity-button" aria-pressed={settings.kommunId === k.id} onClick={() => saveSettings({ ...settings, kommunId: k.id })}>
              <span class="activity-title">{k.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
