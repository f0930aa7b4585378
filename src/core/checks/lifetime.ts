/** exp - iat, as the time checks read it. */
import { MAX_VALIDITY_SECONDS, MIN_VALIDITY_SECONDS } from '../zoom-rules.js';
import type { TimeSeconds } from './check.js';

/** exp - iat in seconds, when both are whole seconds. */
export function lifetimeOf(seconds: TimeSeconds): number | undefined {
  return seconds.iat !== undefined && seconds.exp !== undefined ? seconds.exp - seconds.iat : undefined;
}

/** exp = iat + lifetime * 1000: seconds timestamps with a lifetime added in milliseconds. */
export function isLifetimeInMilliseconds(lifetime: number): boolean {
  const asSeconds = lifetime / 1000;
  return (
    lifetime > MAX_VALIDITY_SECONDS &&
    lifetime % 1000 === 0 &&
    asSeconds >= MIN_VALIDITY_SECONDS &&
    asSeconds <= MAX_VALIDITY_SECONDS
  );
}
