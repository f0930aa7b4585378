/** Options several commands share: --sdk, --now, --format, --skew. */
import { ZoomsigError } from '../core/errors.js';
import { parseClock, toUnixSeconds } from '../core/time.js';
import type { Io } from './io.js';
import { parseSdk, parseSkew, type OptionValues } from './options.js';
import type { Sdk } from './credentials.js';

export type OutputFormat = 'text' | 'json' | 'github';

export function sdkOption(values: OptionValues): Sdk | undefined {
  if (values.sdk !== undefined) return parseSdk(values.sdk);
  return values.product === undefined ? undefined : parseSdk(values.product, '--product');
}

/** Unix seconds: --now, or the wall clock. */
export function nowOption(values: OptionValues, io: Io): number {
  return values.now === undefined ? toUnixSeconds(io.clock()) : parseClock(values.now);
}

export function formatOption(values: OptionValues, allowed: readonly OutputFormat[]): OutputFormat {
  if (values.json) return 'json';
  const raw = values.format;
  if (raw === undefined) return 'text';
  const format = raw.trim().toLowerCase() as OutputFormat;
  if (!allowed.includes(format)) {
    throw new ZoomsigError('INVALID_OPTION', `--format takes ${allowed.join(', ')}; got "${raw}".`, 'format');
  }
  return format;
}

export function skewOption(values: OptionValues): number | undefined {
  return values.skew === undefined ? undefined : parseSkew(values.skew);
}
