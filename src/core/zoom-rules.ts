/**
 * Numbers from Zoom's rules (../shared/docs/zoom-signatures.md), in one place.
 */

/** The shortest signature lifetime Zoom accepts: exp - iat >= 30 minutes. */
export const MIN_VALIDITY_SECONDS = 1_800;
/** The longest: exp - iat <= 48 hours. */
export const MAX_VALIDITY_SECONDS = 172_800;
/** What Zoom's sample uses when no expiry is asked for. */
export const DEFAULT_VALIDITY_SECONDS = 7_200;
/** How far iat is back-dated to absorb a little clock skew. */
export const IAT_BACKDATE_SECONDS = 30;
/** How far ahead of now an iat may be before it is reported. */
export const DEFAULT_SKEW_SECONDS = 60;
/** Meeting numbers are 9 to 11 digits in practice. */
export const MEETING_NUMBER_DIGITS = { min: 9, max: 11 } as const;
/** Video SDK session names are at most 200 characters. */
export const MAX_TOPIC_LENGTH = 200;
/** Video SDK user_identity and session_key are under 36 characters. */
export const MAX_VIDEO_IDENTIFIER_LENGTH = 35;
/** The regions a Video SDK token's geo_regions may name. */
export const VIDEO_GEO_REGIONS = ['AU', 'BR', 'CA', 'CN', 'DE', 'HK', 'IN', 'JP', 'MX', 'NL', 'SG', 'US'] as const;

export const ENV = {
  meetingKey: 'ZOOM_MEETING_SDK_KEY',
  meetingSecret: 'ZOOM_MEETING_SDK_SECRET',
  videoKey: 'ZOOM_VIDEO_SDK_KEY',
  videoSecret: 'ZOOM_VIDEO_SDK_SECRET',
} as const;

/** True when Zoom accepts a signature that lives this many seconds. */
export function isValidLifetime(seconds: number): boolean {
  return Number.isInteger(seconds) && seconds >= MIN_VALIDITY_SECONDS && seconds <= MAX_VALIDITY_SECONDS;
}

export function describeWindow(): string {
  return '30 minutes to 48 hours (1800 to 172800 seconds)';
}
