/** Options several commands share: --sdk, --now, --format, --skew. */
import { ZoomsigError } from '../core/errors.js';
import { parseClock, toUnixSeconds } from '../core/time.js';
import type { Io } from './io.js';
import type { OptionValues } from './options.js';
import type { Sdk } from './credentials.js';

export type OutputFormat = 'text' | 'json' | 'github';

export function sdkOption(values: OptionValues): Sdk | undefined {
  const raw = values.sdk ?? values.product;
  if (raw === undefined) return undefined;
  const text = raw.trim().toLowerCase();
  if (text === 'meeting' || text === 'meeting-sdk' || text === 'meetingsdk') return 'meeting';
  if (text === 'video' || text === 'video-sdk' || text === 'videosdk') return 'video';
  throw new ZoomsigError('INVALID_OPTION', `--sdk takes "meeting" or "video"; got "${raw}".`, 'sdk');
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
  if (values.skew === undefined) return undefined;
  const skew = Number(values.skew);
  if (!/^\d+$/.test(values.skew.trim()) || !Number.isSafeInteger(skew)) {
    throw new ZoomsigError('INVALID_OPTION', `--skew takes a whole number of seconds (default 60); got "${values.skew}".`, 'skew');
  }
  return skew;
}
