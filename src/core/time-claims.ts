/** The time claims of a token, each as seconds, ISO 8601 and relative to a clock. */
import type { DecodedToken } from './decode-token.js';
import { formatRelative, isoFromSeconds, MAX_PLAUSIBLE_SECONDS } from './time.js';

export interface TimeClaim {
  claim: string;
  /** The value as found in the token. */
  value: unknown;
  /** The unit the value appears to be in. */
  unit: 'seconds' | 'milliseconds';
  /** ISO 8601 UTC, when the value is a number. */
  iso: string | undefined;
  /** "in 1h 59m", "3d ago". */
  relative: string | undefined;
}

const TIME_CLAIMS = ['iat', 'nbf', 'exp', 'tokenExp'];

export function timeClaimsOf(decoded: DecodedToken, now: number): TimeClaim[] {
  const claims: TimeClaim[] = [];
  const payload = decoded.payload ?? {};
  for (const claim of TIME_CLAIMS) {
    if (Object.hasOwn(payload, claim)) claims.push(describe(claim, payload[claim], now));
  }
  if (decoded.legacy) claims.push(describe('timestamp', decoded.legacy.timestamp, now));
  return claims;
}

function describe(claim: string, value: unknown, now: number): TimeClaim {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number)) return { claim, value, unit: 'seconds', iso: undefined, relative: undefined };
  const unit = number > MAX_PLAUSIBLE_SECONDS ? 'milliseconds' : 'seconds';
  const seconds = Math.floor(unit === 'milliseconds' ? number / 1000 : number);
  const iso = isoFromSeconds(seconds);
  return { claim, value, unit, iso, relative: iso === undefined ? undefined : formatRelative(seconds, now) };
}
