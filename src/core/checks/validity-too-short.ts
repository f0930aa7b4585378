import { formatDuration } from '../time.js';
import { describeWindow, MIN_VALIDITY_SECONDS } from '../zoom-rules.js';
import type { Check } from './check.js';
import { lifetimeOf } from './lifetime.js';

export const validityTooShort: Check = {
  id: 'validity-too-short',
  severity: 'error',
  group: 'Time',
  title: 'exp is less than 30 minutes after iat',
  hint: "Set exp = iat + 7200 (two hours), as Zoom's sample does.",
  run({ seconds }) {
    const lifetime = lifetimeOf(seconds);
    if (lifetime === undefined) return undefined;
    if (lifetime >= MIN_VALIDITY_SECONDS) return [];
    return [
      {
        message:
          lifetime <= 0
            ? `exp is not after iat (exp - iat = ${lifetime} s).`
            : `exp - iat is ${lifetime} s (${formatDuration(lifetime)}); Zoom wants ${describeWindow()}.`,
        claim: 'exp',
        value: seconds.exp,
      },
    ];
  },
};
