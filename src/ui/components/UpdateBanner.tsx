// "Ny version finns – uppdatera": the new version is taken into use only when the officer
// agrees, and only after every open form is stored as a draft.
import { useEffect, useState } from 'preact/hooks';
import { applyUpdate, onUpdateWaiting } from '../../pwa/bridge.ts';
import { flushAllDrafts } from '../app/drafts.ts';
import { t } from '../i18n/index.ts';

export function UpdateBanner() {
  const [waiting, setWaiting] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => onUpdateWaiting(() => setWaiting(true)), []);
  if (!waiting || dismissed) return null;
  return (
    <div class="update-banner" role="alert">
      <span>{t.update.available}</span>
      <button type="button" class="small" onClick={() => void applyUpdate(flushAllDrafts)}>{t.update.apply}</button>
      <button type="button" class="small" onClick={() => setDismissed(true)}>{t.update.later}</button>
    </div>
  );
}
