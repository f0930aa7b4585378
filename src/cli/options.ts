/**
 * Every option of every command, described once. A command lists the names
 * it takes; parsing and help are both made from this table.
 */
import { normaliseOrigin } from '../core/endpoint-access.js';
import { isZoomsigError, ZoomsigError } from '../core/errors.js';
import { normaliseRole } from '../core/normalise.js';
import { parseDuration } from '../core/time.js';
import { describeWindow, isValidLifetime } from '../core/zoom-rules.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** Placeholder in help: `<s>`. */
  value?: string;
  description: string;
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
  },
  role: {
    type: 'string',
    value: '<r>',
    description: '0 / participant (join) or 1 / host (start); required for a web signature, default 0 for video',
  },
  sdk: { type: 'string', value: '<meeting|video>', description: 'which SDK the token is for (default: meeting)' },
  product: { type: 'string', value: '<meeting|video>', description: 'alias of --sdk' },
  now: {
    type: 'string',
    value: '<t>',
    description: 'the clock, to judge time claims at (decode, verify, doctor, check) or to sign at (generate, serve): Unix seconds or ISO 8601 (default: the system clock)',
  },
  'expires-in': {
    type: 'string',
    value: '<duration>',
    description: 'lifetime: 2h, 90m, 7200; 30 min to 48 h (default 2h)',
  },
  webrtc: { type: 'boolean', description: 'add video_webrtc_mode: 1 (web only)' },
  native: { type: 'boolean', description: 'a native SDK token: no mn and no role' },
  topic: { type: 'string', value: '<name>', description: 'video: the session name (tpc), as passed to join()' },
  'session-key': { type: 'string', value: '<k>', description: 'video: session_key claim' },
  'user-identity': { type: 'string', value: '<id>', description: 'video: user_identity claim' },
  join: {
    type: 'string',
    value: '<file>',
    description: 'doctor: the JSON object passed to client.join() / ZoomMtg.join() (meetingNumber, sdkKey, zak, role, signature)',
  },
  error: {
    type: 'string',
    value: '<code>',
    description: 'doctor: the error Zoom gave (3712, 200, 3705, 124, 63, JWTTOKENWRONG…): findings ranked by it',
  },
  verbose: { type: 'boolean', short: 'v', description: 'doctor: list the checks that passed too' },
  'ignore-exp': { type: 'boolean', description: 'do not judge exp / iat against the clock' },
  skew: { type: 'string', value: '<seconds>', description: 'how far iat may be ahead of now (default 60)' },
  strict: { type: 'boolean', description: 'warnings fail too (exit 1)' },
  port: {
    type: 'string',
    value: '<n>',
    description: 'serve: the port to listen on (env PORT; default 4000; 0 picks a free one and prints it)',
  },
  host: {
    type: 'string',
    value: '<address>',
    description: 'serve: the address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 for every interface)',
  },
  'allow-origin': {
    type: 'string',
    multiple: true,
    value: '<origin>',
    description: 'serve: also answer pages from this origin (repeatable; https://app.example.com). Default: loopback pages only (http://localhost:*, 127.0.0.1, [::1]); * any page, as Zoom\'s sample',
  },
  'allow-host': {
    type: 'string',
    multiple: true,
    value: '<name>',
    description: 'serve: also answer requests whose Host is this name (repeatable; the public name behind a proxy). Default: the address listened on; others get 421',
  },
  'max-role': { type: 'string', value: '<r>', description: 'serve: 0 signs participant tokens only (host tokens get 403); default 1' },
  'max-expiration': {
    type: 'string',
    value: '<duration>',
    description: 'serve: the longest expirationSeconds signed (1h, 2h; 30 min to 48 h); longer requests get 403',
  },
  'auth-token-file': {
    type: 'string',
    value: '<path>',
    description: 'serve: require Authorization: Bearer <token> with the token in this file (env ZOOMSIG_SERVE_TOKEN); 401 otherwise',
  },
  endpoint: {
    type: 'string',
    value: '<url>',
    description: 'check: the auth endpoint to call (http or https); without it, check looks at the credentials',
  },
  requests: { type: 'string', value: '<n>', description: 'check: how many requests to send to the endpoint (default 10)' },
  concurrency: { type: 'string', value: '<n>', description: 'check: how many requests at a time (default 2)' },
  timeout: { type: 'string', value: '<duration>', description: 'check: how long each request may take: 5, 5s, 500ms (default 5s)' },
  origin: {
    type: 'string',
    value: '<url>',
    description: 'check: the origin of the page that calls the endpoint, for the CORS checks (default http://localhost:3000; the endpoint\'s own origin: no CORS checks)',
  },
  junit: { type: 'string', value: '<file>', description: 'check: also write a JUnit XML report to this file' },
  json: { type: 'boolean', description: 'machine-readable output on stdout' },
  format: { type: 'string', value: '<text|json|github>', description: 'output format; github prints Actions annotations' },
  'no-color': { type: 'boolean', description: 'no colour (also NO_COLOR, or output that is not a terminal)' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

export type OptionValues = {
  [K in OptionName]?: (typeof OPTIONS)[K] extends { type: 'boolean' }
    ? boolean
    : (typeof OPTIONS)[K] extends { multiple: true }
      ? string[]
      : string;
};
