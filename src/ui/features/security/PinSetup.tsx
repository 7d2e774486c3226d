// Choosing a PIN: after the first online login (before the app is shown), and after a
// recovery login. Weak and mistyped PINs are refused here, before any key is made.
import { useState } from 'preact/hooks';
import { checkNewPin, PIN_MAX, PIN_MIN, type PinProblem } from '../../../security/pin-rules.ts';
import { t } from '../../i18n/index.ts';
import { PinField } from './PinField.tsx';
import { pinProblemText } from './problems.ts';

interface Props {
  recovered?: boolean;
  onSubmit: (pin: string) => Promise<void>;
}

export function PinSetup({ recovered = false, onSubmit }: Props) {
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<PinProblem | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const s = t.security;
  return (
    <form
      class="login pin-setup"
      aria-labelledby="pin-setup-title"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const found = checkNewPin(pin, repeat);
        setProblem(found);
        setFailure(null);
        if (found) return;
        setBusy(true);
        try {
          await onSubmit(pin);
        } catch (err) {
          setFailure(err instanceof Error ? err.message : String(err));
          setBusy(false);
        }
      }}
    >
      <h1 id="pin-setup-title">{recovered ? s.setupRecoveredTitle : s.setupTitle}</h1>
      <p class="notice">{recovered ? s.setupRecoveredIntro : s.setupIntro}</p>
      <PinField id="pin-new" label={s.newPin} value={pin} onInput={setPin} hint={s.pinHint(PIN_MIN, PIN_MAX)} error={problem && problem !== 'mismatch' ? pinProblemText(problem) : null} autoFocus />
      <PinField id="pin-repeat" label={s.repeatPin} value={repeat} onInput={setRepeat} error={problem === 'mismatch' ? pinProblemText(problem) : null} />
      {failure && <p class="error-summary" role="alert">{failure}</p>}
      <div class="form-actions">
        <button type="submit" class="primary big" disabled={busy}>{busy ? s.setupBusy : s.setupSubmit}</button>
      </div>
    </form>
  );
}
