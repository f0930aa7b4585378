import { formatDuration } from '../time.js';
import type { Check } from './check.js';

const HALF_HOUR = 1800;
/** How far from a whole number of half hours iat may be: the token was made a few minutes ago at most. */
const TOLERANCE_SECONDS = 180;
/** Time zones run from UTC−12 to UTC+14. */
const MAX_OFFSET_SECONDS = 14 * 3600;

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
    const halfHours = Math.round(offset / HALF_HOUR);
    const nearWhole = Math.abs(offset - halfHours * HALF_HOUR) <= TOLERANCE_SECONDS;
    if (halfHours === 0 || !nearWhole || Math.abs(offset) > MAX_OFFSET_SECONDS + TOLERANCE_SECONDS) return [];
    // Behind by some hours only matters when it made the token expire.
    if (halfHours < 0 && (exp === undefined || exp > now)) return [];
    const zone = formatZone(halfHours);
    const direction = halfHours > 0 ? 'ahead of' : 'behind';
    return [
      {
        message: `iat is ${formatDuration(Math.abs(halfHours) * HALF_HOUR)} ${direction} now, within minutes: a server in ${zone} that writes its local time as if it were UTC makes exactly this.`,
        claim: 'iat',
        value: iat,
      },
    ];
  },
};

function formatZone(halfHours: number): string {
  const minutes = Math.abs(halfHours) * 30;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `UTC${halfHours > 0 ? '+' : '−'}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}
