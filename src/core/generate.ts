/**
 * Builds Meeting SDK and Video SDK signatures exactly as Zoom's samples do:
 * HS256, base64url without padding, claims in the samples' order, times in
 * seconds. The clock is passed in. Signing is jose's over WebCrypto (jws.ts,
 * imported when the first signature is made), so it is asynchronous.
 */
import { ZoomsigError } from './errors.js';
import { normaliseGeoRegions, normaliseMeetingNumber, normaliseRole, requireZeroOrOne } from './normalise.js';
import { isoFromSeconds, toUnixSeconds, type Clock } from './time.js';
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
 * Generates a signature. Rejects with a `ZoomsigError` (code `INVALID_OPTION`
 * or `MISSING_VALUE`) that says what is allowed when an option is wrong.
 */
export async function generateSignature(options: SignatureOptions): Promise<GeneratedSignature> {
  const key = requireText(options.key, 'key', 'the Client ID / SDK Key');
  const secret = requireText(options.secret, 'secret', 'the Client Secret / SDK Secret');
  const lifetime = checkLifetime(options.expiresInSeconds ?? DEFAULT_VALIDITY_SECONDS);
  const backdate = options.backdateSeconds ?? IAT_BACKDATE_SECONDS;
  const iat = toUnixSeconds(options.now) - backdate;
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

/** Returns `seconds` when Zoom accepts that lifetime; throws a usage error naming the window otherwise. */
export function checkLifetime(seconds: number): number {
  if (!isValidLifetime(seconds)) {
    throw new ZoomsigError(
      'INVALID_OPTION',
      `--expires-in must be ${describeWindow()}; got ${String(seconds)} seconds.`,
      'expires-in',
    );
  }
  return seconds;
}

function meetingPayload(options: MeetingSignatureOptions, key: string, iat: number, exp: number) {
  const payload: Record<string, string | number> = { appKey: key, sdkKey: key };
  if (options.native && options.webrtc) {
    throw new ZoomsigError('INVALID_OPTION', '--webrtc (video_webrtc_mode) is for web signatures; leave it out with --native.', 'webrtc');
  }
  if (!options.native) {
    if (options.meetingNumber === undefined || String(options.meetingNumber).trim() === '') {
      throw new ZoomsigError(
        'MISSING_VALUE',
        'A web signature needs the meeting number (--meeting); use --native for a native SDK token without one.',
        'meeting',
      );
    }
    if (options.role === undefined) {
      throw new ZoomsigError(
        'MISSING_VALUE',
        'A web signature needs the role (--role 0 to join, 1 to start); use --native for a native SDK token without one.',
        'role',
      );
    }
    payload.mn = normaliseMeetingNumber(options.meetingNumber);
    payload.role = normaliseRole(options.role);
  }
  payload.iat = iat;
  payload.exp = exp;
  payload.tokenExp = exp;
  if (options.webrtc) payload.video_webrtc_mode = 1;
  return payload;
}

function videoPayload(options: VideoSignatureOptions, key: string, iat: number, exp: number) {
  const topic = typeof options.topic === 'string' ? options.topic : '';
  if (topic.trim() === '') {
    throw new ZoomsigError('MISSING_VALUE', 'A Video SDK signature needs the session name (--topic).', 'topic');
  }
  if (topic.length > MAX_TOPIC_LENGTH) {
    throw new ZoomsigError(
      'INVALID_OPTION',
      `--topic (the session name) must be at most ${MAX_TOPIC_LENGTH} characters; got ${topic.length}.`,
      'topic',
    );
  }
  const payload: Record<string, string | number> = {
    app_key: key,
    role_type: normaliseRole(options.role ?? 0),
    tpc: topic,
    version: 1,
    iat,
    exp,
  };
  if (options.userIdentity !== undefined) {
    payload.user_identity = limitIdentifier(options.userIdentity, 'user-identity');
  }
  if (options.sessionKey !== undefined) payload.session_key = limitIdentifier(options.sessionKey, 'session-key');
  if (options.geoRegions !== undefined) payload.geo_regions = normaliseGeoRegions(options.geoRegions);
  for (const [option, claim] of VIDEO_ZERO_OR_ONE_CLAIMS) {
    if (options[option] !== undefined) payload[claim] = requireZeroOrOne(options[option], option);
  }
  return payload;
}

function limitIdentifier(value: string, option: string): string {
  if (value.length > MAX_VIDEO_IDENTIFIER_LENGTH) {
    throw new ZoomsigError(
      'INVALID_OPTION',
      `--${option} must be under 36 characters; got ${value.length}.`,
      option,
    );
  }
  return value;
}

function requireText(value: unknown, option: string, what: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new ZoomsigError('MISSING_VALUE', `${what} is missing (--${option}).`, option);
  }
  return value;
}
