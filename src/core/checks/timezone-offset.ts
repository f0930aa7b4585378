import { formatDuration } from '../time.js';
import type { Check } from './check.js';

/** How far from a zone's offset iat may be: the token was made a few minutes ago at most. */
const TOLERANCE_SECONDS = 180;

/** The UTC offsets in use, in minutes: whole hours from −12 to +14, and the half- and quarter-hour zones. */
const ZONE_OFFSETS_MINUTES = [
  ...Array.from({ length: 27 }, (_, i) => (i - 12) * 60),
  -570, -210, 210, 270, 330, 345, 390, 525, 570, 630, 765,
].filter((minutes) => minutes !== 0);

export const timezoneOffset: Check = {
  id: 'timezone-offset',
  // A heuristic: a token made exactly some hours ago looks the same.
  severity: 'warning',
  group: 'Time',
  title: 'iat is off by whole half-hours: local time written as UTC',
  hint:
    'Take the time from the UTC clock: Math.floor(Date.now() / 1000) in JavaScript, Instant.now().getEpochSecond() in Java (not LocalDateTime.now().toInstant(ZoneOffset.UTC)), int(time.time()) in Python (not datetime.utcnow().timestamp()).',
  run({ seconds: { iat, exp }, now, ignoreExp }) {
    if (iat === undefined || ignoreExp) return undefined;
    const offset = iat - now;
    const zone = ZONE_OFFSETS_MINUTES.find((minutes) => Math.abs(offset - minutes * 60) <= TOLERANCE_SECONDS);
    if (zone === undefined) return [];
    // Behind by some hours only matters when it made the token expire.
    if (zone < 0 && (exp === undefined || exp > now)) return [];
    const distance = formatDuration(Math.abs(zone) * 60);
    const culprit = `a server in ${formatZone(zone)} that writes its local time as if it were UTC`;
    return [
      {
        message:
          zone > 0
            ? `iat is ${distance} ahead of now, within minutes: ${culprit} makes exactly this.`
            : `iat is ${distance} behind now, within minutes: if the token was made just now, ${culprit} makes exactly this (if it was made ${distance} ago, it has simply expired).`,
        claim: 'iat',
        value: iat,
      },
    ];
  },
};

function formatZone(offsetMinutes: number): string {
  const minutes = Math.abs(offsetMinutes);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `UTC${offsetMinutes > 0 ? '+' : '−'}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}
