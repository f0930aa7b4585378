/**
 * The request bodies of Zoom's sample auth endpoints, read the way those
 * samples read them: numeric strings become numbers, every property is
 * checked, and every problem is reported (not only the first) as
 * `{ property, reason }`, the samples' HTTP 400 shape.
 *
 * Where zoomsig is stricter than the samples it is to keep a bad token from
 * being signed: a meeting number must be digits (spaces, dashes and join URLs
 * are normalised), expirationSeconds a whole number, "1.5" is not coerced,
 * sessionName must not be blank, and sessionKey is held to the same 35
 * characters as userIdentity (Zoom's docs: under 36).
 */
import { isZoomsigError, ZoomsigError } from './errors.js';
import { VIDEO_ZERO_OR_ONE_CLAIMS, type MeetingSignatureOptions, type VideoSignatureOptions } from './generate.js';
import { normaliseGeoRegions, normaliseMeetingNumber, requireZeroOrOne, shown } from './normalise.js';
import {
  describeWindow,
  MAX_TOPIC_LENGTH,
  MAX_VALIDITY_SECONDS,
  MAX_VIDEO_IDENTIFIER_LENGTH,
  MIN_VALIDITY_SECONDS,
} from './zoom-rules.js';

/** One problem with the request body, as Zoom's samples report it. */
export interface PropertyError {
  /** The body property, or `$schema` for a rule across properties. */
  property: string;
  reason: string;
}

/** Signature options taken from a request; the credentials and clock come from the server. */
export type MeetingRequestOptions = Omit<MeetingSignatureOptions, 'key' | 'secret' | 'now'>;
export type VideoRequestOptions = Omit<VideoSignatureOptions, 'key' | 'secret' | 'now'>;

export type BodyReading<T> = { ok: true; options: T } | { ok: false; errors: PropertyError[] };

/**
 * `POST /` of the Meeting SDK sample: `{meetingNumber, role, expirationSeconds?, videoWebRtcMode?}`.
 * meetingNumber and role together make a web signature; neither, a native one.
 */
export function readMeetingBody(body: Readonly<Record<string, unknown>>): BodyReading<MeetingRequestOptions> {
  const reader = new PropertyReader(body);
  const web = reader.has('meetingNumber') && reader.has('role');
  const native = !reader.has('meetingNumber') && !reader.has('role');
  if (!web && !native) {
    reader.fail('$schema', 'meetingNumber and role go together: send both for a web signature, or neither for a native SDK token.');
  }
  const meetingNumber = reader.read('meetingNumber', readMeetingNumber);
  const role = reader.read('role', readZeroOrOne);
  const expiresInSeconds = reader.read('expirationSeconds', readLifetime);
  const videoWebRtcMode = reader.read('videoWebRtcMode', readZeroOrOne);
  if (native && videoWebRtcMode === 1) {
    reader.fail('videoWebRtcMode', 'videoWebRtcMode is for web signatures: send it with meetingNumber and role.');
  }
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };

  const options: MeetingRequestOptions = { sdk: 'meeting', native, webrtc: videoWebRtcMode === 1 };
  if (meetingNumber !== undefined) options.meetingNumber = meetingNumber;
  if (role !== undefined) options.role = role;
  if (expiresInSeconds !== undefined) options.expiresInSeconds = expiresInSeconds;
  return { ok: true, options };
}

/**
 * `POST /video` (the Video SDK sample's `POST /`): `{sessionName, role, sessionKey?,
 * userIdentity?, geoRegions?, cloudRecordingOption?, cloudRecordingElection?,
 * videoWebRtcMode?, audioWebRtcMode?, expirationSeconds?}`.
 */
export function readVideoBody(body: Readonly<Record<string, unknown>>): BodyReading<VideoRequestOptions> {
  const reader = new PropertyReader(body);
  const topic = reader.require('sessionName', readSessionName, 'sessionName is required: the session name (topic) that join() is given.');
  const role = reader.require('role', readZeroOrOne, 'role is required: 0 to join as a participant, 1 as the host.');
  const sessionKey = reader.read('sessionKey', readIdentifier);
  const userIdentity = reader.read('userIdentity', readIdentifier);
  const geoRegions = reader.read('geoRegions', normaliseGeoRegions);
  const flags = VIDEO_ZERO_OR_ONE_CLAIMS.map(([option]) => [option, reader.read(option, readZeroOrOne)] as const);
  const expiresInSeconds = reader.read('expirationSeconds', readLifetime);
  if (reader.errors.length > 0 || topic === undefined) return { ok: false, errors: reader.errors };

  const options: VideoRequestOptions = { sdk: 'video', topic };
  if (role !== undefined) options.role = role;
  if (sessionKey !== undefined) options.sessionKey = sessionKey;
  if (userIdentity !== undefined) options.userIdentity = userIdentity;
  if (geoRegions !== undefined) options.geoRegions = geoRegions;
  for (const [option, value] of flags) if (value !== undefined) options[option] = value;
  if (expiresInSeconds !== undefined) options.expiresInSeconds = expiresInSeconds;
  return { ok: true, options };
}

/** Reads a property with a parser that throws a ZoomsigError, keeping every problem. */
class PropertyReader {
  readonly errors: PropertyError[] = [];

  constructor(private readonly body: Readonly<Record<string, unknown>>) {}

  /** Present, as the samples count it: anything but undefined (null included). */
  has(property: string): boolean {
    return this.body[property] !== undefined;
  }

  fail(property: string, reason: string): void {
    this.errors.push({ property, reason });
  }

  read<T>(property: string, parse: (value: unknown, property: string) => T): T | undefined {
    if (!this.has(property)) return undefined;
    try {
      return parse(this.body[property], property);
    } catch (error) {
      if (!isZoomsigError(error)) throw error;
      this.fail(property, error.message);
      return undefined;
    }
  }

  require<T>(property: string, parse: (value: unknown, property: string) => T, missing: string): T | undefined {
    if (!this.has(property)) this.fail(property, missing);
    return this.read(property, parse);
  }
}

function invalid(property: string, reason: string): ZoomsigError {
  return new ZoomsigError('INVALID_OPTION', reason, property);
}

/** What the samples do to their numeric properties: "1" → 1, " 7200 " → 7200; anything else is left as it is. */
export function coerceNumericString(value: unknown): unknown {
  return typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
}

function readZeroOrOne(value: unknown, property: string): 0 | 1 {
  return requireZeroOrOne(coerceNumericString(value), property);
}

function readLifetime(value: unknown, property: string): number {
  const seconds = coerceNumericString(value);
  if (typeof seconds === 'number' && Number.isInteger(seconds) && seconds >= MIN_VALIDITY_SECONDS && seconds <= MAX_VALIDITY_SECONDS) {
    return seconds;
  }
  throw invalid(property, `${property} must be a whole number of seconds, ${describeWindow()}; got ${shown(value)}.`);
}

function readMeetingNumber(value: unknown, property: string): string {
  const usable = typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value) && value > 0);
  if (usable) {
    try {
      return normaliseMeetingNumber(value);
    } catch (error) {
      if (!isZoomsigError(error)) throw error;
    }
  }
  throw invalid(
    property,
    `${property} must be the meeting's number ("85746065012", "857 4606 5012") or its join URL; got ${shown(value)}.`,
  );
}

function readSessionName(value: unknown, property: string): string {
  if (typeof value !== 'string') throw invalid(property, `${property} must be a string; got ${shown(value)}.`);
  if (value.trim() === '') throw invalid(property, `${property} is empty: send the session name (topic) that join() is given.`);
  if (value.length > MAX_TOPIC_LENGTH) {
    throw invalid(property, `${property} must be at most ${MAX_TOPIC_LENGTH} characters; got ${value.length}.`);
  }
  return value;
}

function readIdentifier(value: unknown, property: string): string {
  if (typeof value !== 'string') throw invalid(property, `${property} must be a string; got ${shown(value)}.`);
  if (value.length > MAX_VIDEO_IDENTIFIER_LENGTH) {
    throw invalid(property, `${property} must be at most ${MAX_VIDEO_IDENTIFIER_LENGTH} characters; got ${value.length}.`);
  }
  return value;
}
