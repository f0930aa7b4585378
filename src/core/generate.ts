/**
 * Builds Meeting SDK and Video SDK signatures exactly as Zoom's samples do:
 * HS256, base64url without padding, claims in the samples' order, times in
 * seconds. The clock is passed in. Signing is jose's over WebCrypto (jws.ts,
 * imported when the first signature is made), so it is asynchronous.
 */
import { ZoomsigError } from './errors.js';
import { normaliseGeoRegions, normaliseMeetingNumber, normaliseRole, requireZeroOrOne } from './normalise.js';
import { isoFromSeconds, requireClock, type Clock } from './time.js';
import {
  DEFAULT_VALIDITY_SECONDS,
  IAT_BACKDATE_SECONDS,
  MAX_TOPIC_LENGTH,
  MAX_VIDEO_IDENTIFIER_LENGTH,
  describeWindow,
  isValidLifetime,
} from './zoom-rules.js';

export type Role = 0 | 1 | '0' | '1' | 'participant' | 'attendee' | 'host';

interface CommonOptions {
  /** Client ID (or SDK Key) of the Meeting SDK / Video SDK app. */
  key: string;
  /** Client Secret (or SDK Secret). Used as raw UTF-8 bytes. */
  secret: string;
  /** The clock: a Date or Unix seconds. */
  now: Clock;
  /** Lifetime in seconds, 1800..172800. Default 7200. */
  expiresInSeconds?: number;
  /** Seconds to back-date `iat` by, to absorb clock skew. Default 30. */
  backdateSeconds?: number;
}

export interface MeetingSignatureOptions extends CommonOptions {
  sdk?: 'meeting';
  /** Meeting or webinar number: digits, digits with spaces/dashes, or a join URL. Required unless `native`. */
  meetingNumber?: string | number;
  /** 0 to join, 1 to start. Required unless `native`. */
  role?: Role;
  /** Adds `video_webrtc_mode: 1` (web only). */
  webrtc?: boolean;
  /** A native SDK token: no `mn` and no `role`. */
  native?: boolean;
}

export interface VideoSignatureOptions extends CommonOptions {
  sdk: 'video';
  /** The session name (`tpc`): must match the name passed to join(). */
  topic: string;
  /** 1 host, 0 participant. Default 0. */
  role?: Role;
  sessionKey?: string;
  userIdentity?: string;
  /** `geo_regions`: "US,DE" or ["US", "DE"], codes from AU, BR, CA, CN, DE, HK, IN, JP, MX, NL, SG, US. */
  geoRegions?: string | readonly string[];
  /** `cloud_recording_option`, 0 or 1. */
  cloudRecordingOption?: 0 | 1;
  /** `cloud_recording_election`, 0 or 1. */
  cloudRecordingElection?: 0 | 1;
  /** `video_webrtc_mode`, 0 or 1. */
  videoWebRtcMode?: 0 | 1;
  /** `audio_webrtc_mode`, 0 or 1. */
  audioWebRtcMode?: 0 | 1;
}

/**
 * The Video SDK's 0-or-1 options and their claims, in the order Zoom's sample
 * writes them (after `geo_regions`). The option names are the sample
 * endpoint's request properties.
 */
export const VIDEO_ZERO_OR_ONE_CLAIMS = [
  ['cloudRecordingOption', 'cloud_recording_option'],
  ['cloudRecordingElection', 'cloud_recording_election'],
  ['videoWebRtcMode', 'video_webrtc_mode'],
  ['audioWebRtcMode', 'audio_webrtc_mode'],
] as const satisfies readonly (readonly [keyof VideoSignatureOptions, string])[];

export type SignatureOptions = MeetingSignatureOptions | VideoSignatureOptions;

export interface GeneratedSignature {
  /** The compact JWT to hand to the SDK. */
  signature: string;
  /** The key the signature was made for (what `join()` takes as sdkKey / appKey). */
  sdkKey: string;
  header: { alg: 'HS256'; typ: 'JWT' };
  payload: Record<string, string | number>;
  /** ISO 8601 time at which the signature stops working. */
  expiresAt: string;
}

const HEADER = { alg: 'HS256', typ: 'JWT' } as const;

/**
 * Signs `payload` as an HS256 JWT with `secret` (a string is taken as UTF-8),
 * header `{"alg":"HS256","typ":"JWT"}`, claims in the payload's own order.
 * Rejects with a `ZoomsigError` (`MISSING_VALUE`) for an empty secret.
 */
export async function signHs256(payload: Record<string, unknown>, secret: string | Uint8Array): Promise<string> {
  const { signCompact } = await loadJws();
  return signCompact(HEADER, payload, secret);
}

/** jose, imported once: an import() of a loaded ES module still costs a trip through the loader at every signature. */
let jws: Promise<typeof import('./jws.js')> | undefined;
const loadJws = (): Promise<typeof import('./jws.js')> => (jws ??= import('./jws.js'));

/**
 * Generates a signature. Rejects with a `ZoomsigError` naming the option (as
 * this function takes it: `now`, `meetingNumber`, …) for anything that would
 * make a token Zoom refuses: `MISSING_VALUE` for a missing key, secret, `now`
 * (the clock is never read here), meeting number, role or topic;
 * `INVALID_OPTION` for a wrong one, such as `now` in milliseconds, NaN,
 * Infinity or an invalid Date, a `backdateSeconds` that is not a whole number
 * of seconds, or an option of the other SDK's signature.
 */
export async function generateSignature(options: SignatureOptions): Promise<GeneratedSignature> {
  if (options === null || typeof options !== 'object') {
    throw new ZoomsigError('MISSING_VALUE', 'generateSignature needs its options: { key, secret, now, meetingNumber, role } (or sdk: "video" with a topic).', 'options');
  }
  checkOptionsFitSdk(options);
  const key = requireText(options.key, 'key', 'the Client ID / SDK Key');
  const secret = requireText(options.secret, 'secret', 'the Client Secret / SDK Secret');
  const now = requireClock(options.now);
  const lifetime = checkLifetime(options.expiresInSeconds ?? DEFAULT_VALIDITY_SECONDS, 'expiresInSeconds');
  const backdate = checkBackdate(options.backdateSeconds ?? IAT_BACKDATE_SECONDS, lifetime);
  const iat = now - backdate;
  const exp = iat + lifetime;

  const payload = options.sdk === 'video' ? videoPayload(options, key, iat, exp) : meetingPayload(options, key, iat, exp);
  return {
    signature: await signHs256(payload, secret),
    sdkKey: key,
    header: { ...HEADER },
    payload,
    expiresAt: isoFromSeconds(exp) ?? '',
  };
}

/** Returns `seconds` when Zoom accepts that lifetime; throws a usage error naming the option and the window otherwise. */
export function checkLifetime(seconds: number, option = '--expires-in'): number {
  if (!isValidLifetime(seconds)) {
    throw new ZoomsigError('INVALID_OPTION', `${option} must be ${describeWindow()}; got ${String(seconds)} seconds.`, option.replace(/^--/, ''));
  }
  return seconds;
}

/** Back-dating: whole seconds, not negative (iat ahead of now), not past the lifetime (born expired). */
function checkBackdate(seconds: unknown, lifetime: number): number {
  if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds < 0 || seconds >= lifetime) {
    throw new ZoomsigError(
      'INVALID_OPTION',
      `backdateSeconds must be a whole number of seconds from 0 to less than the lifetime (${lifetime}), default ${IAT_BACKDATE_SECONDS}; got ${String(seconds)}.`,
      'backdateSeconds',
    );
  }
  return seconds;
}

/** Options only one SDK's signature has: given to the other, they would be silently dropped. */
const MEETING_ONLY = ['meetingNumber', 'webrtc', 'native'] as const;
const VIDEO_ONLY = [
  'topic',
  'sessionKey',
  'userIdentity',
  'geoRegions',
  ...VIDEO_ZERO_OR_ONE_CLAIMS.map(([option]) => option),
] as const;

function checkOptionsFitSdk(options: SignatureOptions): void {
  const sdk: unknown = options.sdk;
  if (sdk !== undefined && sdk !== 'meeting' && sdk !== 'video') {
    throw new ZoomsigError('INVALID_OPTION', `sdk must be "meeting" (the default) or "video"; got ${JSON.stringify(sdk)}.`, 'sdk');
  }
  const video = sdk === 'video';
  const given = (names: readonly string[]): string[] => names.filter((name) => (options as unknown as Record<string, unknown>)[name] !== undefined);
  const foreign = given(video ? MEETING_ONLY : VIDEO_ONLY);
  if (foreign.length > 0) {
    const names = foreign.join(', ');
    const are = foreign.length === 1 ? 'is' : 'are';
    throw new ZoomsigError(
      'INVALID_OPTION',
      video
        ? `${names} ${are} for Meeting SDK signatures, and this one is a Video SDK signature (sdk: "video"): leave ${foreign.length === 1 ? 'it' : 'them'} out.`
        : `${names} ${are} for Video SDK signatures, and this one is a Meeting SDK signature: set sdk: "video", or leave ${foreign.length === 1 ? 'it' : 'them'} out.`,
      foreign[0],
    );
  }
  if (!video && (options as MeetingSignatureOptions).native === true) {
    const web = given(['meetingNumber', 'role']);
    if (web.length > 0) {
      throw new ZoomsigError('INVALID_OPTION', `native: true makes a token without mn and role: leave out ${web.join(' and ')}.`, web[0]);
    }
  }
}

function meetingPayload(options: MeetingSignatureOptions, key: string, iat: number, exp: number) {
  const payload: Record<string, string | number> = { appKey: key, sdkKey: key };
  if (options.native && options.webrtc) {
    throw new ZoomsigError('INVALID_OPTION', 'webrtc (video_webrtc_mode) is for web signatures; leave it out with native: true.', 'webrtc');
  }
  if (!options.native) {
    if (options.meetingNumber === undefined || String(options.meetingNumber).trim() === '') {
      throw new ZoomsigError(
        'MISSING_VALUE',
        'meetingNumber is missing: a web signature needs it; set native: true for a native SDK token without one.',
        'meetingNumber',
      );
    }
    if (options.role === undefined) {
      throw new ZoomsigError(
        'MISSING_VALUE',
        'role is missing: a web signature needs it (0 to join, 1 to start); set native: true for a native SDK token without one.',
        'role',
      );
    }
    payload.mn = normaliseMeetingNumber(options.meetingNumber, 'meetingNumber');
    payload.role = normaliseRole(options.role, 'role');
  }
  payload.iat = iat;
  payload.exp = exp;
  payload.tokenExp = exp;
  if (options.webrtc) payload.video_webrtc_mode = 1;
  return payload;
}

function videoPayload(options: VideoSignatureOptions, key: string, iat: number, exp: number) {
  const topic = checkTopic(options.topic, 'topic');
  const payload: Record<string, string | number> = {
    app_key: key,
    role_type: normaliseRole(options.role ?? 0, 'role'),
    tpc: topic,
    version: 1,
    iat,
    exp,
  };
  if (options.userIdentity !== undefined) {
    payload.user_identity = limitIdentifier(options.userIdentity, 'userIdentity');
  }
  if (options.sessionKey !== undefined) payload.session_key = limitIdentifier(options.sessionKey, 'sessionKey');
  if (options.geoRegions !== undefined) payload.geo_regions = normaliseGeoRegions(options.geoRegions);
  for (const [option, claim] of VIDEO_ZERO_OR_ONE_CLAIMS) {
    if (options[option] !== undefined) payload[claim] = requireZeroOrOne(options[option], option);
  }
  return payload;
}

/** The session name: there, and at most 200 characters. `option` names it in the message (`topic`, `--topic`). */
export function checkTopic(value: unknown, option: string): string {
  const topic = typeof value === 'string' ? value : '';
  if (topic.trim() === '') {
    throw new ZoomsigError('MISSING_VALUE', `${option} is missing: a Video SDK signature needs the session name.`, option.replace(/^--/, ''));
  }
  if (topic.length > MAX_TOPIC_LENGTH) {
    throw new ZoomsigError(
      'INVALID_OPTION',
      `${option} (the session name) must be at most ${MAX_TOPIC_LENGTH} characters; got ${topic.length}.`,
      option.replace(/^--/, ''),
    );
  }
  return topic;
}

/** user_identity and session_key: a string under 36 characters. `option` names it (`userIdentity`, `--user-identity`). */
export function limitIdentifier(value: unknown, option: string): string {
  if (typeof value !== 'string' || value.length > MAX_VIDEO_IDENTIFIER_LENGTH) {
    throw new ZoomsigError(
      'INVALID_OPTION',
      `${option} must be a string under 36 characters; got ${typeof value === 'string' ? `${value.length} characters` : typeof value}.`,
      option.replace(/^--/, ''),
    );
  }
  return value;
}

function requireText(value: unknown, option: string, what: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new ZoomsigError('MISSING_VALUE', `${option} is missing: ${what}.`, option);
  }
  return value;
}
