import { formatRelative, isoFromSeconds } from '../time.js';
import { REGENERATE, type Check } from './check.js';

export const expired: Check = {
  id: 'expired',
  severity: 'error',
  group: 'Time',
  title: 'The signature has expired',
  hint: REGENERATE,
  run({ seconds: { exp }, now, ignoreExp }) {
    if (exp === undefined || ignoreExp) return undefined;
    if (exp > now) return [];
    return [
      {
        message: `exp was ${isoFromSeconds(exp)}, ${formatRelative(exp, now)}: the signature has expired.`,
        claim: 'exp',
        value: exp,
      },
    ];
  },
};
