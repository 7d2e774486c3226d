// The Swedish sentence for each PIN problem (pin-rules.ts decides, this only words it).
import { PIN_MAX, PIN_MIN, type PinProblem } from '../../../security/pin-rules.ts';
import { t } from '../../i18n/index.ts';

export function pinProblemText(p: PinProblem): string {
  const texts = t.security.problems;
  return p === 'length' ? texts.length(PIN_MIN, PIN_MAX) : texts[p];
}
