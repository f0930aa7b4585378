/** Normalisers for the values a user types: meeting numbers, roles, Video SDK regions and 0/1 flags. */
import { ZoomsigError } from './errors.js';
import { VIDEO_GEO_REGIONS } from './zoom-rules.js';

/**
 * Meeting number from digits, digits with spaces or dashes, or a join URL
 * (`https://us05web.zoom.us/j/85746065012?pwd=…`, `/w/`, `/s/`, `/wc/join/`,
 * `zoommtg://…?confno=…`). Throws a usage error for anything else.
 */
export function normaliseMeetingNumber(input: string | number, option = '--meeting'): string {
  // Digits alone, the usual case (and what serve normalises twice per request): no pattern to run.
  if (typeof input === 'string' && isDigits(input, 0) && input.length > 0) return input;
  const text = String(input).trim();
  const fromUrl = meetingNumberFromUrl(text);
  if (fromUrl !== undefined) return fromUrl;
  if (/^\d[\d\s-]*\d$|^\d$/.test(text)) return text.replace(/[\s-]/g, '');
  throw new ZoomsigError(
    'INVALID_OPTION',
    `${option} takes a meeting number (85746065012, "857 4606 5012", 857-4606-5012) or a join URL (https://zoom.us/j/85746065012); got "${text}".`,
    option.replace(/^--/, ''),
  );
}

function meetingNumberFromUrl(text: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const path = /\/(?:j|w|s|wc\/join|wc|meeting)\/(\d{5,})/.exec(url.pathname);
  if (path?.[1]) return path[1];
  const query = url.searchParams.get('confno') ?? url.searchParams.get('meetingNumber') ?? url.searchParams.get('mn');
  if (query && /^\d+$/.test(query)) return query;
  return undefined;
}

/** Whether text[from..] is ASCII digits only (an empty rest is). */
export function isDigits(text: string, from: number): boolean {
  for (let index = from; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/** Role from `0`, `1`, `participant`, `attendee`, `host`. */
export function normaliseRole(input: string | number, option = '--role'): 0 | 1 {
  if (input === 0 || input === 1) return input;
  const text = String(input).trim().toLowerCase();
  if (text === '0' || text === 'participant' || text === 'attendee') return 0;
  if (text === '1' || text === 'host') return 1;
  throw new ZoomsigError(
    'INVALID_OPTION',
    `${option} takes 0 (or "participant") to join, or 1 (or "host") to start; got "${String(input)}".`,
    option.replace(/^--/, ''),
  );
}

/**
 * Video SDK `geo_regions` from "US,DE", " us , de " or ["US", "DE"]: the
 * region codes, upper case, joined by commas. `name` is what the message
 * calls the value.
 */
export function normaliseGeoRegions(input: unknown, name = 'geoRegions'): string {
  const parts = typeof input === 'string' ? input.split(',') : Array.isArray(input) ? input : undefined;
  const allowed = VIDEO_GEO_REGIONS.join(', ');
  if (parts === undefined || !parts.every((part) => typeof part === 'string')) {
    throw new ZoomsigError(
      'INVALID_OPTION',
      `${name} takes a comma-separated string or an array of region codes (${allowed}); got ${shown(input)}.`,
      name,
    );
  }
  const regions = parts.map((part) => part.replace(/\s+/g, '').toUpperCase()).filter((part) => part !== '');
  if (regions.length === 0) {
    throw new ZoomsigError('INVALID_OPTION', `${name} names no region: give one or more of ${allowed}.`, name);
  }
  const unknown = regions.filter((region) => !(VIDEO_GEO_REGIONS as readonly string[]).includes(region));
  if (unknown.length > 0) {
    throw new ZoomsigError(
      'INVALID_OPTION',
      `${name} has ${unknown.map((region) => `"${region}"`).join(', ')}, not a Zoom region: use ${allowed}.`,
      name,
    );
  }
  return regions.join(',');
}

/** A claim that is the number 0 or 1 (cloud_recording_option, video_webrtc_mode, ...). */
export function requireZeroOrOne(input: unknown, name: string): 0 | 1 {
  if (input === 0 || input === 1) return input;
  throw new ZoomsigError('INVALID_OPTION', `${name} must be the number 0 or 1; got ${shown(input)}.`, name);
}

/** A value as a message shows it: JSON, cut short. */
export function shown(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
