import { formatDuration, isoFromSeconds } from '../time.js';
import type { Check } from './check.js';

export const iatInFuture: Check = {
  id: 'iat-in-future',
  severity: 'error',
  group: 'Time',
  title: 'iat is ahead of the clock',
  hint: "The signing server's clock runs ahead: sync it (NTP), and back-date iat by 30 s as Zoom's sample once did.",
  run({ seconds: { iat }, now, ignoreExp, skewSeconds }) {
    if (iat === undefined || ignoreExp) return undefined;
    if (iat <= now + skewSeconds) return [];
    return [
      {
        message: `iat is ${isoFromSeconds(iat)}, ${formatDuration(iat - now)} ahead of now (${isoFromSeconds(now)}), more than the ${skewSeconds} s allowed.`,
        claim: 'iat',
        value: iat,
      },
    ];
  },
};
