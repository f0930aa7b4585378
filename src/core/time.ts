/** Time helpers. The clock is always passed in; nothing here reads it. */
import { ZoomsigError } from './errors.js';

/** Anything above this is not Unix seconds (it would be after the year 5000). */
export const MAX_PLAUSIBLE_SECONDS = 99_999_999_999;

export type Clock = Date | number;

/**
 * The clock a caller passed, as whole Unix seconds, or a ZoomsigError naming
 * the option: missing (MISSING_VALUE; zoomsig never reads the wall clock
 * itself), or NaN, Infinity, an invalid Date, milliseconds, a time before
 * 1970 (INVALID_OPTION). Anything else would sign or judge against a broken clock.
 */
export function requireClock(now: unknown, option = 'now'): number {
  if (now === undefined || now === null) {
    throw new ZoomsigError(
      'MISSING_VALUE',
      `${option} is missing: pass the clock, a Date or Unix seconds (Math.floor(Date.now() / 1000)). zoomsig never reads the clock itself.`,
      option,
    );
  }
  if (now instanceof Date) {
    if (Number.isNaN(now.getTime())) throw new ZoomsigError('INVALID_OPTION', `${option} is an invalid Date (one that did not parse): pass a valid Date or Unix seconds.`, option);
    const seconds = now.getTime() / 1000;
    if (seconds > MAX_PLAUSIBLE_SECONDS) throw new ZoomsigError('INVALID_OPTION', `${option} is a Date after the year 5000: pass today's.`, option);
    return requireClock(seconds, option);
  }
  if (typeof now !== 'number' || !Number.isFinite(now)) {
    throw new ZoomsigError('INVALID_OPTION', `${option} must be a Date or Unix seconds; got ${typeof now === 'number' ? String(now) : typeof now}.`, option);
  }
  if (now > MAX_PLAUSIBLE_SECONDS) {
    throw new ZoomsigError(
      'INVALID_OPTION',
      `${option} is ${now}: that is milliseconds (Date.now()), and Zoom wants seconds. Pass Math.floor(Date.now() / 1000) or a Date.`,
      option,
    );
  }
  if (now < 0) throw new ZoomsigError('INVALID_OPTION', `${option} is ${now}, before 1970: pass Unix seconds or a Date.`, option);
  return Math.floor(now);
}

/** Unix seconds (integer) from a Date or from Unix seconds. */
export function toUnixSeconds(now: Clock): number {
  return Math.floor(typeof now === 'number' ? now : now.getTime() / 1000);
}

/**
 * Parses `--now`: Unix seconds, Unix milliseconds (13 digits), or ISO 8601.
 * A date-time without an offset is read as UTC, never in the machine's time
 * zone, so the same command gives the same answer everywhere.
 */
export function parseClock(text: string): number {
  const value = text.trim();
  if (/^\d{1,11}$/.test(value)) return Number(value);
  if (/^\d{12,14}$/.test(value)) return Math.floor(Number(value) / 1000);
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/.exec(value);
    const ms = Date.parse(local ? `${local[1]}T${local[2]}Z` : value);
    if (!Number.isNaN(ms)) return Math.floor(ms / 1000);
  }
  throw new ZoomsigError(
    'INVALID_OPTION',
    `--now takes Unix seconds (1767225600) or an ISO 8601 date (2026-01-01T00:00:00Z; without an offset it is read as UTC); got "${text}".`,
    'now',
  );
}

/**
 * Unix seconds to ISO 8601 UTC without milliseconds (when there are none);
 * undefined when out of range. What `toISOString()` writes, from the UTC
 * fields: V8's first toISOString() loads the time-zone database
 * (/etc/localtime), ~0.35 ms of every decode and doctor (the median of 15
 * runs, measured in the process), though the string is UTC.
 */
export function isoFromSeconds(seconds: number): string | undefined {
  const date = new Date(seconds * 1000);
  if (!Number.isFinite(seconds) || Number.isNaN(date.getTime())) return undefined;
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  const year = date.getUTCFullYear();
  const yearText = year >= 0 && year <= 9999 ? pad(year, 4) : `${year < 0 ? '-' : '+'}${pad(Math.abs(year), 6)}`;
  const ms = date.getUTCMilliseconds();
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}${ms === 0 ? '' : `.${pad(ms, 3)}`}`;
  return `${yearText}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${time}Z`;
}

/** "1h 59m", "3d 2h", "45s": the largest unit and, when not zero, the next one. */
export function formatDuration(totalSeconds: number): string {
  const rest = Math.round(Math.abs(totalSeconds));
  const units: [string, number][] = [
    ['y', 365 * 86_400],
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ];
  for (let index = 0; index < units.length; index += 1) {
    const [unit, size] = units[index] as [string, number];
    if (rest < size) continue;
    const count = Math.floor(rest / size);
    const next = units[index + 1];
    const nextCount = next ? Math.floor((rest - count * size) / next[1]) : 0;
    return next && nextCount > 0 ? `${count}${unit} ${nextCount}${next[0]}` : `${count}${unit}`;
  }
  return '0s';
}

/** "in 1h 59m", "3d ago", "now". */
export function formatRelative(seconds: number, now: number): string {
  const delta = seconds - now;
  if (delta === 0) return 'now';
  return delta > 0 ? `in ${formatDuration(delta)}` : `${formatDuration(delta)} ago`;
}

/**
 * Parses `--expires-in`: `2h`, `90m`, `1h30m`, `1d`, `7200`, `7200s`.
 * Returns seconds; throws a usage error naming what is allowed.
 */
export function parseDuration(text: string, option = '--expires-in'): number {
  const value = text.trim().toLowerCase();
  if (/^\d+$/.test(value)) return Number(value);
  const match = /^(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m(?:in)?)?\s*(?:(\d+)s)?$/.exec(value);
  if (value !== '' && match && match.slice(1).some((part) => part !== undefined)) {
    const [, d = '0', h = '0', m = '0', s = '0'] = match;
    return Number(d) * 86_400 + Number(h) * 3_600 + Number(m) * 60 + Number(s);
  }
  throw new ZoomsigError(
    'INVALID_OPTION',
    `${option} takes a duration such as 2h, 90m, 1h30m or a number of seconds (7200); got "${text}".`,
    option,
  );
}
