import { formatDuration } from '../time.js';
import { describeWindow, MAX_VALIDITY_SECONDS } from '../zoom-rules.js';
import type { Check } from './check.js';
import { isLifetimeInMilliseconds, lifetimeOf } from './lifetime.js';

export const validityTooLong: Check = {
  id: 'validity-too-long',
  severity: 'error',
  group: 'Time',
  title: 'exp is more than 48 hours after iat',
  hint: 'Set exp = iat + 7200 (two hours), and sign a new token for each join.',
  run({ seconds }) {
    const lifetime = lifetimeOf(seconds);
    if (lifetime === undefined) return undefined;
    // A lifetime added in milliseconds is timestamps-in-ms's finding.
    if (lifetime <= MAX_VALIDITY_SECONDS || isLifetimeInMilliseconds(lifetime)) return [];
    return [
      {
        message: `exp - iat is ${lifetime} s (${formatDuration(lifetime)}); Zoom wants ${describeWindow()}.`,
        claim: 'exp',
        value: seconds.exp,
      },
    ];
  },
};
