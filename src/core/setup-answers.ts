/**
 * What the user says of their setup, for the causes of 3712 that no token can
 * show: which kind of Marketplace app made the credentials, whose meeting it
 * is, join or start, which SDK and version. Asked by doctor on a terminal;
 * the setup checks turn the answers that explain a failure into findings.
 */

export const APP_TYPES = [
  'meeting-sdk',
  'general-embed',
  'video-sdk',
  'server-to-server-oauth',
  'oauth',
  'jwt',
  'unknown',
] as const;
export type AppType = (typeof APP_TYPES)[number];

export const APP_TYPE_LABELS: Record<AppType, string> = {
  'meeting-sdk': 'Meeting SDK app',
  'general-embed': 'General app with Features → Embed → Meeting SDK on',
  'video-sdk': 'Video SDK app',
  'server-to-server-oauth': 'Server-to-Server OAuth app',
  oauth: 'OAuth app (user-managed or admin-managed)',
  jwt: 'JWT app (retired in 2023)',
  unknown: "I don't know",
};

export const SDK_PLATFORMS = ['web', 'android', 'ios', 'windows', 'macos', 'electron', 'other'] as const;
export type SdkPlatform = (typeof SDK_PLATFORMS)[number];

export interface SetupAnswers {
  /** The Marketplace app whose Client ID / Secret signed the token. */
  appType?: AppType;
  /** Whose account the meeting belongs to. */
  meetingOwner?: 'same-account' | 'other-account' | 'unknown';
  /** Whether the app is published in the Marketplace. */
  appPublished?: boolean;
  /** Join as participant, or start as host. */
  intent?: 'join' | 'start';
  /** Whether join() gets the host's ZAK (when starting). */
  hasZak?: boolean;
  /** Which SDK. */
  platform?: SdkPlatform;
  /** Its version, "5.0.2". */
  sdkVersion?: string;
}

/** [major, minor, patch] of "5.0.2", "v4.1", "3"; undefined for anything else. */
export function parseVersion(text: string | undefined): [number, number, number] | undefined {
  const match = /^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text ?? '');
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

/** True when `version` is at least `minimum`. */
export function versionAtLeast(version: readonly number[], minimum: readonly number[]): boolean {
  for (let i = 0; i < 3; i += 1) {
    const a = version[i] ?? 0;
    const b = minimum[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}
