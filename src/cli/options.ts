/**
 * Every option of every command, described once: the table the commander
 * program is built from (src/cli/program.ts). A command lists the names it
 * takes (src/cli/commands.ts); commander parses, validates and writes the help.
 *
 * `parse` checks a value as it is parsed and throws the sentence that says
 * what is allowed; it returns the value as given (the command turns it into a
 * number or a date with the same function, which then cannot fail).
 */
import { normaliseOrigin } from '../core/endpoint-access.js';
import { isZoomsigError, ZoomsigError } from '../core/errors.js';
import { normaliseMeetingNumber, normaliseRole } from '../core/normalise.js';
import { parseVersion } from '../core/setup-answers.js';
import { parseClock, parseDuration } from '../core/time.js';
import { describeWindow, isValidLifetime } from '../core/zoom-rules.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Repeated values are all kept, in order. */
  multiple?: boolean;
  short?: string;
  /** Placeholder in help: `<s>`. */
  value?: string;
  description: string;
  /** The only values allowed (commander's .choices()). */
  choices?: readonly string[];
  /** Checks a value as it is parsed; throws the sentence that says what is allowed. */
  parse?: (raw: string) => void;
  /** Options it cannot be given with (commander's .conflicts()), and why. */
  conflicts?: { with: readonly string[]; reason: string };
}

/** A whole number from `min` to `max`, or the sentence that says so. */
/** The arguments before `--`: what may be an option (read from argv itself where commander has not run yet). */
export function optionArguments(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  return end === -1 ? argv : argv.slice(0, end);
}

export function wholeNumber(raw: string, name: string, min: number, max: number, what: string): number {
  const text = raw.trim();
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new ZoomsigError('INVALID_OPTION', `${name} takes ${what}; got "${raw}".`, name.replace(/^-+/, ''));
  }
  return value;
}

/** --skew in seconds: a whole number, 0 or more. */
export function parseSkew(raw: string): number {
  return wholeNumber(raw, '--skew', 0, Number.MAX_SAFE_INTEGER, 'a whole number of seconds, 0 or more (default 60)');
}

/** A port: 0 to 65535. `name` is --port or PORT. */
export function parsePort(raw: string, name = '--port'): number {
  return wholeNumber(raw, name, 0, 65_535, 'a port number from 0 to 65535 (0 picks a free one)');
}

/** --timeout in milliseconds: 5, 5s, 2.5s, 500ms; 100 ms to 2 minutes. */
export function parseTimeout(raw: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s)?$/.exec(raw.trim().toLowerCase());
  const ms = match ? Number(match[1]) * (match[2] === 'ms' ? 1 : 1_000) : Number.NaN;
  if (!(ms >= 100 && ms <= 120_000)) {
    throw new ZoomsigError('INVALID_OPTION', `--timeout takes a duration from 100ms to 120s, such as 5, 5s or 500ms (default 5s); got "${raw}".`, 'timeout');
  }
  return Math.round(ms);
}

/** --max-reply in bytes: 65536, 64k, 64KiB, 1m, 1.5MB; 1 KiB to 16 MiB. */
export function parseMaxReply(raw: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(?:(k|m)(?:i?b)?|b)?$/.exec(raw.trim().toLowerCase());
  const bytes = match ? Math.round(Number(match[1]) * (match[2] === 'm' ? 1024 * 1024 : match[2] === 'k' ? 1024 : 1)) : Number.NaN;
  if (!(bytes >= 1024 && bytes <= 16 * 1024 * 1024)) {
    throw new ZoomsigError('INVALID_OPTION', `--max-reply takes a size from 1k to 16m, such as 64k, 1m or 65536 (default 64k); got "${raw}".`, 'max-reply');
  }
  return bytes;
}

export const COUNT_LIMITS = { requests: { fallback: 10, max: 1_000 }, concurrency: { fallback: 2, max: 100 } } as const;

export function parseCount(raw: string, name: keyof typeof COUNT_LIMITS): number {
  const { fallback, max } = COUNT_LIMITS[name];
  return wholeNumber(raw, `--${name}`, 1, max, `a whole number from 1 to ${max} (default ${fallback})`);
}

/** --sdk-version: the Web SDK version the page loads, as x.y or x.y.z. */
export function parseSdkVersion(raw: string): string {
  if (parseVersion(raw) === undefined) {
    throw new ZoomsigError('INVALID_OPTION', `--sdk-version takes the Web SDK version your page loads, as x.y or x.y.z (5.1.0); got "${raw}".`, 'sdk-version');
  }
  return raw.trim();
}

/** --sdk / --product: meeting or video, in any case, "-sdk" or not. */
export function parseSdk(raw: string, name = '--sdk'): 'meeting' | 'video' {
  const text = raw.trim().toLowerCase();
  if (text === 'meeting' || text === 'meeting-sdk' || text === 'meetingsdk') return 'meeting';
  if (text === 'video' || text === 'video-sdk' || text === 'videosdk') return 'video';
  throw new ZoomsigError('INVALID_OPTION', `${name} takes "meeting" or "video"; got "${raw}".`, 'sdk');
}

/** serve --allow-origin: an origin as browsers send it (`https://app.example.com`), or `*`. */
export function parseAllowOrigin(raw: string): string {
  const origin = normaliseOrigin(raw);
  if (origin !== undefined) return origin;
  throw new ZoomsigError(
    'INVALID_OPTION',
    `--allow-origin takes an origin, the scheme, host and port of a page (https://app.example.com, http://localhost:8080), or * for any; got "${raw}".`,
    'allow-origin',
  );
}

/** serve --allow-host: a host name (any port), an IP address, or `*`. */
export function parseAllowHost(raw: string): string {
  const text = raw.trim();
  if (text === '*' || /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d+)?$/.test(text)) return text;
  throw new ZoomsigError('INVALID_OPTION', `--allow-host takes a host name as clients call it (sig.example.com; any port), or * for any; got "${raw}".`, 'allow-host');
}

/** serve --max-role: 0 (participant tokens only) or 1. */
export function parseMaxRole(raw: string): 0 | 1 {
  try {
    return normaliseRole(raw);
  } catch (error) {
    if (!isZoomsigError(error)) throw error;
    throw new ZoomsigError('INVALID_OPTION', `--max-role takes 0 (sign participant tokens only) or 1 (host tokens too, the default); got "${raw}".`, 'max-role');
  }
}

/** serve --max-expiration: a lifetime Zoom accepts, in seconds. */
export function parseMaxExpiration(raw: string): number {
  const seconds = parseDuration(raw, '--max-expiration');
  if (isValidLifetime(seconds)) return seconds;
  throw new ZoomsigError('INVALID_OPTION', `--max-expiration must be ${describeWindow()}; got "${raw}" (${seconds} seconds).`, 'max-expiration');
}

export const OPTIONS = {
  secret: {
    type: 'string',
    multiple: true,
    value: '<s>',
    description:
      'SDK / Client secret (env ZOOM_MEETING_SDK_SECRET, or ZOOM_VIDEO_SDK_SECRET for video). Visible in shell history: prefer --secret-file or env.',
  },
  'secret-file': {
    type: 'string',
    multiple: true,
    value: '<path>',
    description: 'read the secret from a file (its trailing newline is removed)',
  },
  key: {
    type: 'string',
    value: '<k>',
    description: 'SDK key / Client ID (env ZOOM_MEETING_SDK_KEY, or ZOOM_VIDEO_SDK_KEY for video)',
  },
  meeting: {
    type: 'string',
    value: '<n>',
    description: 'meeting number: 85746065012, "857 4606 5012", 857-4606-5012 or a join URL',
    parse: (raw) => void normaliseMeetingNumber(raw),
  },
  role: {
    type: 'string',
    value: '<r>',
    description: '0 / participant (join) or 1 / host (start)',
    parse: (raw) => void normaliseRole(raw),
  },
  sdk: {
    type: 'string',
    value: '<meeting|video>',
    description: 'which SDK the token is for',
    parse: (raw) => void parseSdk(raw),
  },
  product: { type: 'string', value: '<meeting|video>', description: 'alias of --sdk', parse: (raw) => void parseSdk(raw, '--product') },
  now: {
    type: 'string',
    value: '<t>',
    description: 'the clock, to judge time claims at: Unix seconds or ISO 8601, read as UTC when it has no offset (default: the system clock)',
    parse: (raw) => void parseClock(raw),
  },
  'expires-in': {
    type: 'string',
    value: '<duration>',
    description: 'lifetime: 2h, 90m, 7200; 30 min to 48 h (default 2h)',
    parse: (raw) => void parseDuration(raw),
  },
  webrtc: { type: 'boolean', description: 'add video_webrtc_mode: 1 (web only)' },
  native: {
    type: 'boolean',
    description: 'a native SDK token: no mn and no role',
    conflicts: { with: ['meeting', 'role'], reason: 'a native SDK token has no mn and no role' },
  },
  topic: { type: 'string', value: '<name>', description: 'video: the session name (tpc), as passed to join()' },
  'session-key': { type: 'string', value: '<k>', description: 'video: session_key claim' },
  'user-identity': { type: 'string', value: '<id>', description: 'video: user_identity claim' },
  join: {
    type: 'string',
    value: '<file>',
    description: 'the JSON object passed to client.join() / ZoomMtg.join() (meetingNumber, sdkKey, zak, role, signature)',
  },
  error: {
    type: 'string',
    value: '<code>',
    description: 'the error Zoom gave (3712, 200, 3705, 124, 63, JWTTOKENWRONG…): findings ranked by it',
  },
  verbose: { type: 'boolean', short: 'v', description: 'list the checks that passed too' },
  'ignore-exp': { type: 'boolean', description: 'do not judge exp / iat against the clock (the output says they were not judged)' },
  'sdk-version': {
    type: 'string',
    value: '<x.y>',
    description: 'the Web SDK version the page loads (default: a current one, 6.x); older ones read the key differently',
    parse: (raw) => void parseSdkVersion(raw),
  },
  skew: {
    type: 'string',
    value: '<seconds>',
    description: 'how far iat may be ahead of now (default 60)',
    parse: (raw) => void parseSkew(raw),
  },
  strict: { type: 'boolean', description: 'warnings fail too (exit 1)' },
  port: {
    type: 'string',
    value: '<n>',
    description: 'the port to listen on (env PORT; default 4000; 0 picks a free one and prints it)',
    parse: (raw) => void parsePort(raw),
  },
  host: {
    type: 'string',
    value: '<address>',
    description: 'the address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 for every interface)',
  },
  'allow-origin': {
    type: 'string',
    multiple: true,
    value: '<origin>',
    description: 'also answer pages from this origin (repeatable; https://app.example.com). Default: loopback pages only (http://localhost:*, 127.0.0.1, [::1]); * any page, as Zoom\'s sample',
    parse: (raw) => void parseAllowOrigin(raw),
  },
  'allow-host': {
    type: 'string',
    multiple: true,
    value: '<name>',
    description: 'also answer requests whose Host is this name (repeatable; the public name behind a proxy). Default: the address listened on; others get 421',
    parse: (raw) => void parseAllowHost(raw),
  },
  'max-role': {
    type: 'string',
    value: '<r>',
    description: '0 signs participant tokens only (host tokens get 403); default 1',
    parse: (raw) => void parseMaxRole(raw),
  },
  'max-expiration': {
    type: 'string',
    value: '<duration>',
    description: 'the longest expirationSeconds signed (1h, 2h; 30 min to 48 h); longer requests get 403',
    parse: (raw) => void parseMaxExpiration(raw),
  },
  'auth-token-file': {
    type: 'string',
    value: '<path>',
    description: 'require Authorization: Bearer <token> with the token in this file (env ZOOMSIG_SERVE_TOKEN); 401 otherwise',
  },
  endpoint: {
    type: 'string',
    value: '<url>',
    description: 'the auth endpoint to call (http or https); without it, check looks at the credentials',
  },
  requests: {
    type: 'string',
    value: '<n>',
    description: 'how many requests to send to the endpoint (default 10)',
    parse: (raw) => void parseCount(raw, 'requests'),
  },
  concurrency: {
    type: 'string',
    value: '<n>',
    description: 'how many requests at a time (default 2)',
    parse: (raw) => void parseCount(raw, 'concurrency'),
  },
  timeout: {
    type: 'string',
    value: '<duration>',
    description: 'how long each request may take: 5, 5s, 500ms (default 5s)',
    parse: (raw) => void parseTimeout(raw),
  },
  origin: {
    type: 'string',
    value: '<url>',
    description: 'the origin of the page that calls the endpoint, for the CORS checks (default http://localhost:3000; the endpoint\'s own origin: no CORS checks)',
  },
  'max-reply': {
    type: 'string',
    value: '<size>',
    description: 'the largest reply to read, on the wire and decompressed: 64k, 1m, 65536 (default 64k; 1k to 16m)',
    parse: (raw) => void parseMaxReply(raw),
  },
  'follow-redirects': {
    type: 'boolean',
    description: 'follow the endpoint\'s redirects on its own origin (default: a redirect is a finding)',
  },
  junit: { type: 'string', value: '<file>', description: 'also write a JUnit XML report to this file' },
  open: { type: 'boolean', description: 'open the page in the default browser' },
  out: {
    type: 'string',
    value: '<file>',
    description: 'write the page to this file (one self-contained HTML file) instead of serving it',
    conflicts: { with: ['port', 'host'], reason: '--out writes the page to a file and serves nothing' },
  },
  json: { type: 'boolean', description: 'machine-readable output on stdout (same as --format json)' },
  format: {
    type: 'string',
    value: '<format>',
    description: 'output format',
    choices: ['text', 'json', 'github'],
  },
  'no-color': { type: 'boolean', description: 'no colour (also NO_COLOR, TERM=dumb, or output that is not a terminal; FORCE_COLOR forces it)' },
  quiet: { type: 'boolean', short: 'q', description: 'no notes or warnings on stderr (errors stay)' },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** The options every command takes, before or after its name (and --help). */
export const GLOBAL_OPTIONS = ['json', 'format', 'no-color', 'quiet'] as const satisfies readonly OptionName[];

export type OptionValues = {
  [K in OptionName]?: (typeof OPTIONS)[K] extends { type: 'boolean' }
    ? boolean
    : (typeof OPTIONS)[K] extends { multiple: true }
      ? string[]
      : string;
};
