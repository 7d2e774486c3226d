// "Säkerhet" in Mer: when the app locks itself, lock now, change the PIN, log out.
// Logging out never discards queued work without the officer typing RADERA.
import { useState } from 'preact/hooks';
import { WrongPinError } from '../../../crypto/wrap.ts';
import { HIDDEN_CHOICES, IDLE_CHOICES } from '../../../security/lock-times.ts';
import { checkNewPin, PIN_MAX, PIN_MIN, type PinProblem } from '../../../security/pin-rules.ts';
import { t } from '../../i18n/index.ts';
import { useSecurity, type SecurityServices } from './context.ts';
import { PinField } from './PinField.tsx';
import { pinProblemText } from './problems.ts';

function LockTimeChoice({ id, label, value, choices, onChange }: { id: string; label: string; value: number; choices: readonly number[]; onChange: (v: number) => void }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={String(value)} onChange={(e) => onChange(Number((e.currentTarget as HTMLSelectElement).value))}>
        {choices.map((m) => (
          <option key={m} value={String(m)}>{t.security.minutes(m)}</option>
        ))}
      </select>
    </div>
  );
}

function ChangePin({ security }: { security: SecurityServices }) {
  const [form, setForm] = useState({ current: '', next: '', repeat: '' });
  const [problem, setProblem] = useState<PinProblem | null>(null);
  const [wrong, setWrong] = useState(false);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const s = t.security;
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  return (
    <form
      class="change-pin"
      aria-labelledby="change-pin-title"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const found = checkNewPin(form.next, form.repeat);
        setProblem(found);
        setWrong(false);
        setDone(false);
        if (found) return;
        setBusy(true);
        try {
          await security.changePin(form.current, form.next);
          setDone(true);
          setForm({ current: '', next: '', repeat: '' });
        } catch (err) {
          if (!(err instanceof WrongPinError)) throw err;
          setWrong(true);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3 id="change-pin-title">{s.changePinTitle}</h3>
      {done && <p class="notice ok-notice" role="status">{s.changePinDone}</p>}
      <PinField id="pin-current" label={s.currentPin} value={form.current} onInput={(current) => set({ current })} error={wrong ? s.changePinWrong : null} />
      <PinField id="pin-change-new" label={s.newPin} value={form.next} onInput={(next) => set({ next })} hint={s.pinHint(PIN_MIN, PIN_MAX)} error={problem && problem !== 'mismatch' ? pinProblemText(problem) : null} />
      <PinField id="pin-change-repeat" label={s.repeatPin} value={form.repeat} onInput={(repeat) => set({ repeat })} error={problem === 'mismatch' ? pinProblemText(problem) : null} />
      <button type="submit" disabled={busy || !form.current}>{s.changePinSubmit}</button>
    </form>
  );
}

function Logout({ security }: { security: SecurityServices }) {
  const [waiting, setWaiting] = useState<number | null>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const s = t.security;
  const run = async (confirmLoss: boolean) => {
    setBusy(true);
    try {
      const result = await security.logout(confirmLoss);
      if (result.kind === 'refused') setWaiting(result.waiting);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="logout">
      <p class="hint">{s.logoutIntro}</p>
      {!security.online() && <p class="hint">{s.logoutOffline}</p>}
      {waiting === null ? (
        <button type="button" class="danger" disabled={busy} onClick={() => void run(false)}>{busy ? s.logoutWorking : s.logout}</button>
      ) : (
        <div class="confirm confirm-danger" role="group" aria-labelledby="logout-waiting">
          <p id="logout-waiting" class="error" role="alert">{s.logoutWaiting(waiting)}</p>
          <p>{s.logoutTryLater}</p>
          <div class="field">
            <label for="logout-confirm">{s.logoutConfirmLabel(s.logoutConfirmWord)}</label>
            <input id="logout-confirm" type="text" autoComplete="off" autoCapitalize="characters" value={typed} onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)} />
          </div>
          <div class="actions">
            <button type="button" class="danger" disabled={busy || typed.trim() !== s.logoutConfirmWord} onClick={() => void run(true)}>{s.logoutConfirm(waiting)}</button>
            <button type="button" onClick={() => (setWaiting(null), setTyped(''))}>{s.logoutCancel}</button>
          </div>
        </div>
      )}
    </div>
  );
}

/** The security part of Mer. Renders nothing where Root does not provide the services. */
export function SecuritySettings() {
  const security = useSecurity();
  if (!security) return null;
  const s = t.security;
  const times = security.lockTimes;
  return (
    <section class="security-settings" aria-labelledby="security-title">
      <h2 id="security-title">{s.settingsTitle}</h2>
      <LockTimeChoice id="f-lock-idle" label={s.idleLabel} value={times.idleMinutes} choices={IDLE_CHOICES} onChange={(idleMinutes) => void security.setLockTimes({ ...times, idleMinutes })} />
      <LockTimeChoice id="f-lock-hidden" label={s.hiddenLabel} value={times.hiddenMinutes} choices={HIDDEN_CHOICES} onChange={(hiddenMinutes) => void security.setLockTimes({ ...times, hiddenMinutes })} />
      <button type="button" onClick={security.lockNow}>{s.lockNow}</button>
      <ChangePin security={security} />
      <Logout security={security} />
    </section>
  );
}
