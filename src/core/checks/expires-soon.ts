import { formatRelative, isoFromSeconds } from '../time.js';
import type { Check } from './check.js';

/** Less time left than this is worth a warning. */
const SOON_SECONDS = 5 * 60;

export const expiresSoon: Check = {
  id: 'expires-soon',
  severity: 'warning',
  group: 'Time',
  title: 'The signature expires within 5 minutes',
  hint: 'Generate the signature right before join(), not once at page load.',
  run({ seconds: { exp }, now, ignoreExp }) {
    if (exp === undefined || ignoreExp) return undefined;
    // Already expired is expired's finding.
    if (exp <= now || exp - now >= SOON_SECONDS) return [];
    return [{ message: `exp is ${isoFromSeconds(exp)}, ${formatRelative(exp, now)}.`, claim: 'exp', value: exp }];
  },
};
