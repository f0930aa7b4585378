/** Options several commands share: --sdk, --now, --format, --skew. */
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

/** --json, else --format (commander has checked it against the command's formats: commands.ts), else text. */
export function formatOption(values: OptionValues): OutputFormat {
  if (values.json) return 'json';
  return (values.format as OutputFormat | undefined) ?? 'text';
}

export function skewOption(values: OptionValues): number | undefined {
  return values.skew === undefined ? undefined : parseSkew(values.skew);
}
