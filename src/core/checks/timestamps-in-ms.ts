import { formatDuration, isoFromSeconds, MAX_PLAUSIBLE_SECONDS } from '../time.js';
import type { Check, FindingDraft } from './check.js';
import { isLifetimeInMilliseconds, lifetimeOf } from './lifetime.js';

export const timestampsInMs: Check = {
  id: 'timestamps-in-ms',
  severity: 'error',
  group: 'Time',
  title: 'Milliseconds instead of seconds',
  hint: 'Use Math.floor(Date.now() / 1000), not Date.now() or getTime().',
  run({ decoded, tokenSdk, seconds }) {
    const payload = decoded.payload;
    if (payload === undefined || tokenSdk === undefined) return undefined;
    const drafts: FindingDraft[] = [];
    for (const claim of ['iat', 'exp', 'tokenExp']) {
      const value = payload[claim];
      if (typeof value === 'number' && value > MAX_PLAUSIBLE_SECONDS) {
        drafts.push({
          message: `${claim} is ${value}: that is milliseconds (${isoFromSeconds(Math.floor(value / 1000)) ?? 'far future'} in seconds), Zoom wants seconds.`,
          claim,
          value,
        });
      }
    }
    const lifetime = lifetimeOf(seconds);
    if (lifetime !== undefined && isLifetimeInMilliseconds(lifetime)) {
      drafts.push({
        message: `exp is iat + ${lifetime}: a lifetime written in milliseconds (${formatDuration(lifetime / 1000)} × 1000).`,
        hint: `Add seconds, not milliseconds: exp = iat + ${lifetime / 1000}.`,
        claim: 'exp',
        value: seconds.exp,
      });
    }
    return drafts;
  },
};
