/**
 * What can be said of a token without a secret: its format, its kind, its
 * claims and its time claims, as findings with the contract's check ids.
 * Pure: the clock is passed in.
 */
import type { DecodedToken } from './decode-token.js';
import type { Finding } from './finding.js';
import { TOKEN_KIND_ADVICE, TOKEN_KIND_LABELS } from './token-kind.js';
import { formatDuration, formatRelative, isoFromSeconds, MAX_PLAUSIBLE_SECONDS } from './time.js';
import {
  DEFAULT_SKEW_SECONDS,
  MAX_TOPIC_LENGTH,
  MAX_VALIDITY_SECONDS,
  MAX_VIDEO_IDENTIFIER_LENGTH,
  MIN_VALIDITY_SECONDS,
  describeWindow,
} from './zoom-rules.js';

export interface TokenContext {
  /** The clock, in Unix seconds. */
  now: number;
  /** Which SDK the token is meant for, when the user said. */
  sdk?: 'meeting' | 'video' | undefined;
  /** The key (Client ID / SDK Key) the token should carry. */
  key?: string | undefined;
  /** Where that key came from, for messages ("--key", "ZOOM_MEETING_SDK_KEY"). */
  keyLabel?: string | undefined;
  /** Skip the checks against the clock (expired, iat-in-future, expires-soon). */
  ignoreExp?: boolean | undefined;
  /** Seconds an iat may be ahead of now. Default 60. */
  skewSeconds?: number | undefined;
}

const REGENERATE = 'Generate a new signature on your server for each join: zoomsig generate shows a correct one.';

export function formatFindings(decoded: DecodedToken): Finding[] {
  const findings: Finding[] = [];
  if (decoded.unwrapped.length > 0) {
    findings.push({
      id: 'wrapped-input',
      severity: 'info',
      message: `Took off ${decoded.unwrapped.map((u) => u.description).join(', ')} before reading the token.`,
      hint: 'Pass the SDK the token alone: no quotes, no "Bearer ", not the whole JSON reply.',
    });
  }
  switch (decoded.format) {
    case 'empty':
    case 'unknown':
      findings.push({
        id: 'not-a-token',
        severity: 'error',
        message: decoded.problems[0]?.message ?? 'This is not a JWT (three base64url parts joined by dots) nor any Zoom signature format.',
        hint: 'An SDK signature starts with "eyJ" and has two dots. Check you copied the whole value your server returned.',
      });
      return findings;
    case 'bare-hmac':
      findings.push({
        id: 'bare-hmac',
        severity: 'error',
        message: `This is a bare HMAC (${decoded.token.length} characters, no dots): only the last part of a signature.`,
        hint: 'Return the whole JWT, header.payload.signature, not just the HMAC digest. zoomsig generate shows the full form.',
      });
      return findings;
    case 'encoded-text':
      findings.push({
        id: 'encoded-key-only',
        severity: 'error',
        message: `This is base64 of plain text, not a token: it decodes to "${shorten(decoded.encodedText ?? '', 40)}".`,
        hint: 'Build the signature as a JWT (header.payload.signature) signed with your secret: zoomsig generate shows how.',
        value: decoded.encodedText,
      });
      return findings;
    default:
      break;
  }

  for (const problem of decoded.problems) {
    if (problem.code === 'not-url-safe') {
      findings.push({
        id: 'base64-not-url-safe',
        severity: 'error',
        message: problem.message,
        hint: 'Encode each part with base64url (no "+", "/" or "=") — btoa() and Buffer.toString("base64") are the wrong encoders. Use a JWT library.',
        claim: problem.segment,
      });
    } else {
      findings.push({
        id: 'malformed-token',
        severity: 'error',
        message: problem.message,
        hint: 'Copy the whole token again; if your own code builds it, use a JWT library instead of joining strings by hand.',
        claim: problem.segment,
      });
    }
  }
  return findings;
}

export function kindFindings(decoded: DecodedToken, context: TokenContext): Finding[] {
  const findings: Finding[] = [];
  const advice = TOKEN_KIND_ADVICE[decoded.kind];
  switch (decoded.kind) {
    case 'legacy-web-signature':
      findings.push({
        id: 'legacy-signature',
        severity: 'error',
        message: 'This is the retired JWT-app web signature (base64 of key.meeting.timestamp.role.hash), not an SDK JWT.',
        hint: advice,
      });
      break;
    case 'oauth-token':
      findings.push({ id: 'oauth-token-as-signature', severity: 'error', message: `This is a ${TOKEN_KIND_LABELS['oauth-token']}.`, hint: advice });
      break;
    case 'zak':
      findings.push({ id: 'zak-as-signature', severity: 'error', message: `This is a ${TOKEN_KIND_LABELS.zak}.`, hint: advice });
      break;
    case 'jwt-app-api-token':
      findings.push({ id: 'jwt-app-token-as-signature', severity: 'error', message: `This is a ${TOKEN_KIND_LABELS['jwt-app-api-token']}.`, hint: advice });
      break;
    case 'video-sdk':
      if (context.sdk === 'meeting') {
        findings.push({
          id: 'video-token-for-meeting-sdk',
          severity: 'error',
          message: 'This is a Video SDK token (app_key, tpc, role_type), but it is meant for the Meeting SDK.',
          hint: 'The Meeting SDK needs appKey, mn, role, iat, exp and tokenExp, signed with Meeting SDK credentials: zoomsig generate --sdk meeting.',
        });
      }
      break;
    case 'meeting-sdk':
      if (context.sdk === 'video') {
        findings.push({
          id: 'meeting-token-for-video-sdk',
          severity: 'error',
          message: 'This is a Meeting SDK token (appKey, mn, role), but it is meant for the Video SDK.',
          hint: 'The Video SDK needs app_key, tpc, role_type and version, signed with Video SDK credentials: zoomsig generate --sdk video.',
        });
      }
      break;
    default:
      break;
  }
  return findings;
}

export function headerFindings(decoded: DecodedToken): Finding[] {
  const header = decoded.header;
  // OAuth tokens and ZAKs are Zoom's own (HS512 and all): their kind finding says what to do.
  if (header === undefined || decoded.format !== 'jwt' || decoded.kind === 'oauth-token' || decoded.kind === 'zak') return [];
  if (header.alg !== 'HS256') {
    return [
      {
        id: 'wrong-alg',
        severity: 'error',
        message: `The header says "alg": ${JSON.stringify(header.alg) ?? 'nothing'}; Zoom accepts only HS256.`,
        hint: 'Sign with HMAC-SHA256 (HS256) and your SDK secret; the header must be {"alg":"HS256","typ":"JWT"}.',
        claim: 'alg',
        value: header.alg,
      },
    ];
  }
  return [];
}

/** Claim names people write instead of the right ones. */
const WRONG_CLAIM_NAMES: Record<'meeting' | 'video', Record<string, string>> = {
  meeting: {
    meetingNumber: 'mn',
    meeting_number: 'mn',
    apiKey: 'appKey',
    api_key: 'appKey',
    sdk_key: 'sdkKey',
    app_key: 'appKey',
    token_exp: 'tokenExp',
  },
  video: { appKey: 'app_key', sdkKey: 'app_key', roleType: 'role_type', topic: 'tpc', sessionName: 'tpc' },
};

export function claimFindings(decoded: DecodedToken, context: TokenContext): Finding[] {
  const payload = decoded.payload;
  if (payload === undefined) return [];
  const findings: Finding[] = [];
  const has = (claim: string): boolean => Object.hasOwn(payload, claim);
  const missing = (claim: string, message: string, severity: Finding['severity'] = 'error'): void => {
    findings.push({ id: 'missing-claim', severity, message, claim, hint: REGENERATE });
  };

  if (decoded.kind === 'jwt') {
    missing(
      'appKey',
      'This JWT has none of the claims of an SDK signature (appKey, sdkKey, mn, tokenExp for the Meeting SDK; app_key, tpc, role_type for the Video SDK).',
    );
    return findings;
  }
  if (decoded.kind !== 'meeting-sdk' && decoded.kind !== 'video-sdk') return findings;
  const sdk = decoded.kind === 'meeting-sdk' ? 'meeting' : 'video';

  for (const [wrong, right] of Object.entries(WRONG_CLAIM_NAMES[sdk])) {
    if (has(wrong) && !has(right)) {
      findings.push({
        id: 'wrong-claim-name',
        severity: 'error',
        message: `The claim is named "${wrong}"; Zoom reads "${right}".`,
        hint: `Rename "${wrong}" to "${right}" in the payload.`,
        claim: wrong,
        value: payload[wrong],
      });
    }
  }

  const keyClaims = sdk === 'meeting' ? ['appKey', 'sdkKey'] : ['app_key'];
  if (sdk === 'meeting') {
    if (!has('appKey') && !has('sdkKey')) {
      missing('appKey', 'There is no appKey (nor sdkKey): Zoom cannot tell which app signed it.');
    } else if (!has('appKey')) {
      missing(
        'appKey',
        'There is sdkKey but no appKey. Native SDKs and Web SDK 5.0 and later require appKey.',
        'warning',
      );
    }
    if (has('appKey') && has('sdkKey') && payload.appKey !== payload.sdkKey) {
      findings.push({
        id: 'key-mismatch',
        severity: 'error',
        message: `appKey (${JSON.stringify(payload.appKey)}) and sdkKey (${JSON.stringify(payload.sdkKey)}) differ.`,
        hint: 'Both must be the Client ID (SDK Key) of the app whose secret signs the token.',
        claim: 'sdkKey',
        value: payload.sdkKey,
      });
    }
    findings.push(...meetingRoleFindings(payload), ...modeFindings(payload, ['video_webrtc_mode']));
    for (const claim of ['iat', 'exp', 'tokenExp']) {
      if (!has(claim)) missing(claim, `There is no ${claim} claim.`);
    }
  } else {
    for (const claim of ['app_key', 'tpc', 'role_type', 'version', 'iat', 'exp']) {
      if (!has(claim)) missing(claim, `There is no ${claim} claim.`);
    }
    if (has('role_type') && payload.role_type !== 0 && payload.role_type !== 1) {
      findings.push(roleFinding('role_type', payload.role_type));
    }
    findings.push(...videoLimitFindings(payload));
    if (has('version') && payload.version !== 1) {
      findings.push({
        id: 'claim-type',
        severity: 'warning',
        message: `version is ${JSON.stringify(payload.version)}; Zoom's docs and sample use the number 1.`,
        hint: 'Set "version": 1.',
        claim: 'version',
        value: payload.version,
      });
    }
  }

  if (context.key !== undefined) {
    for (const claim of keyClaims) {
      const value = payload[claim];
      if (typeof value === 'string' && value !== context.key) {
        findings.push({
          id: 'key-mismatch',
          severity: 'error',
          message: `${claim} is "${value}", but ${context.keyLabel ? `the key from ${context.keyLabel}` : 'the key you gave'} is "${context.key}".`,
          hint: 'Sign with the Client ID and Client Secret of the same app, and pass that Client ID to join().',
          claim,
          value,
        });
        break;
      }
    }
  }
  return findings;
}

/** Video SDK limits (domain brief, section 3): tpc <= 200, identifiers < 36, modes 0/1. */
function videoLimitFindings(payload: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  const tooLong = (claim: string, max: number): void => {
    const value = payload[claim];
    if (typeof value === 'string' && value.length > max) {
      findings.push({
        id: 'claim-type',
        severity: 'error',
        message: `${claim} is ${value.length} characters long; the Video SDK allows at most ${max}.`,
        hint: `Shorten ${claim}${claim === 'tpc' ? ' (and pass the same session name to join())' : ''}.`,
        claim,
        value,
      });
    }
  };
  tooLong('tpc', MAX_TOPIC_LENGTH);
  tooLong('user_identity', MAX_VIDEO_IDENTIFIER_LENGTH);
  tooLong('user_key', MAX_VIDEO_IDENTIFIER_LENGTH);
  tooLong('session_key', MAX_VIDEO_IDENTIFIER_LENGTH);
  findings.push(...modeFindings(payload, ['video_webrtc_mode', 'audio_webrtc_mode']));
  return findings;
}

/** `video_webrtc_mode` / `audio_webrtc_mode` are 0 or 1. */
function modeFindings(payload: Record<string, unknown>, claims: readonly string[]): Finding[] {
  return claims
    .filter((claim) => Object.hasOwn(payload, claim) && payload[claim] !== 0 && payload[claim] !== 1)
    .map((claim) => ({
      id: 'claim-type' as const,
      severity: 'error' as const,
      message: `${claim} is ${JSON.stringify(payload[claim])}; it must be the number 0 or 1.`,
      hint: `Set "${claim}" to 0 or 1, or leave it out.`,
      claim,
      value: payload[claim],
    }));
}

function meetingRoleFindings(payload: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  const hasMn = Object.hasOwn(payload, 'mn');
  const hasRole = Object.hasOwn(payload, 'role');
  if (hasMn !== hasRole) {
    findings.push({
      id: 'mn-role-pairing',
      severity: 'error',
      message: hasMn ? 'There is mn but no role.' : 'There is role but no mn.',
      hint: 'A web signature carries both mn and role; a native-only token carries neither.',
      claim: hasMn ? 'role' : 'mn',
    });
  }
  if (hasRole && payload.role !== 0 && payload.role !== 1) findings.push(roleFinding('role', payload.role));
  if (hasMn) {
    const mn = payload.mn;
    const text = typeof mn === 'number' && Number.isInteger(mn) ? String(mn) : typeof mn === 'string' ? mn : undefined;
    if (text === undefined || !/^\d+$/.test(text)) {
      findings.push({
        id: 'meeting-number-format',
        severity: 'error',
        message: `mn is ${JSON.stringify(mn)}; it must be the meeting number in digits only.`,
        hint: 'Remove spaces and dashes ("857 4606 5012" → "85746065012"); take it from the join URL after /j/.',
        claim: 'mn',
        value: mn,
      });
    }
  }
  return findings;
}

function roleFinding(claim: string, value: unknown): Finding {
  if (value === '0' || value === '1') {
    return {
      id: 'claim-type',
      severity: 'error',
      message: `${claim} is the string ${JSON.stringify(value)}; Zoom wants the number ${String(value)}.`,
      hint: `Write "${claim}": ${String(value)} without quotes (convert with Number() / parseInt).`,
      claim,
      value,
    };
  }
  return {
    id: 'invalid-role',
    severity: 'error',
    message: `${claim} is ${JSON.stringify(value)}; it must be 0 (join as participant) or 1 (start as host).`,
    hint: `Set "${claim}" to 0 or 1.`,
    claim,
    value,
  };
}

export function timeFindings(decoded: DecodedToken, context: TokenContext): Finding[] {
  const payload = decoded.payload;
  if (payload === undefined || (decoded.kind !== 'meeting-sdk' && decoded.kind !== 'video-sdk')) return [];
  const findings: Finding[] = [];
  const now = context.now;
  const seconds: Record<string, number> = {};

  for (const claim of ['iat', 'exp', 'tokenExp']) {
    if (!Object.hasOwn(payload, claim)) continue;
    const value = payload[claim];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      findings.push({
        id: 'claim-type',
        severity: 'error',
        message: `${claim} is ${JSON.stringify(value)}; it must be a number of seconds since 1970, not a ${typeof value}.`,
        hint: `Write "${claim}" as a JSON number: Math.floor(Date.now() / 1000), not a string.`,
        claim,
        value,
      });
      continue;
    }
    if (value > MAX_PLAUSIBLE_SECONDS) {
      findings.push({
        id: 'timestamps-in-ms',
        severity: 'error',
        message: `${claim} is ${value}: that is milliseconds (${isoFromSeconds(Math.floor(value / 1000)) ?? 'far future'} in seconds), Zoom wants seconds.`,
        hint: 'Use Math.floor(Date.now() / 1000), not Date.now() or getTime().',
        claim,
        value,
      });
      continue;
    }
    if (!Number.isInteger(value)) {
      findings.push({
        id: 'claim-type',
        severity: 'warning',
        message: `${claim} is ${value}: not a whole number of seconds.`,
        hint: 'Round down: Math.floor(Date.now() / 1000).',
        claim,
        value,
      });
    }
    seconds[claim] = Math.floor(value);
  }

  const { iat, exp, tokenExp } = seconds;
  if (iat !== undefined && exp !== undefined) {
    const lifetime = exp - iat;
    const lifetimeMs = lifetime / 1000;
    if (lifetime > MAX_VALIDITY_SECONDS && lifetime % 1000 === 0 && lifetimeMs >= MIN_VALIDITY_SECONDS && lifetimeMs <= MAX_VALIDITY_SECONDS) {
      findings.push({
        id: 'timestamps-in-ms',
        severity: 'error',
        message: `exp is iat + ${lifetime}: a lifetime written in milliseconds (${formatDuration(lifetimeMs)} × 1000).`,
        hint: `Add seconds, not milliseconds: exp = iat + ${lifetimeMs}.`,
        claim: 'exp',
        value: exp,
      });
    } else if (lifetime < MIN_VALIDITY_SECONDS) {
      findings.push({
        id: 'validity-too-short',
        severity: 'error',
        message:
          lifetime <= 0
            ? `exp is not after iat (exp - iat = ${lifetime} s).`
            : `exp - iat is ${lifetime} s (${formatDuration(lifetime)}); Zoom wants ${describeWindow()}.`,
        hint: 'Set exp = iat + 7200 (two hours), as Zoom\'s sample does.',
        claim: 'exp',
        value: exp,
      });
    } else if (lifetime > MAX_VALIDITY_SECONDS) {
      findings.push({
        id: 'validity-too-long',
        severity: 'error',
        message: `exp - iat is ${lifetime} s (${formatDuration(lifetime)}); Zoom wants ${describeWindow()}.`,
        hint: 'Set exp = iat + 7200 (two hours), and sign a new token for each join.',
        claim: 'exp',
        value: exp,
      });
    }
  }
  if (iat !== undefined && tokenExp !== undefined && tokenExp - iat < MIN_VALIDITY_SECONDS) {
    findings.push({
      id: 'token-exp-out-of-range',
      severity: 'error',
      message: `tokenExp is iat + ${tokenExp - iat} s; it must be at least iat + 1800 (30 minutes).`,
      hint: 'Set tokenExp equal to exp, as Zoom\'s sample does.',
      claim: 'tokenExp',
      value: tokenExp,
    });
  }

  if (context.ignoreExp) return findings;
  const skew = context.skewSeconds ?? DEFAULT_SKEW_SECONDS;
  if (iat !== undefined && iat > now + skew) {
    findings.push({
      id: 'iat-in-future',
      severity: 'error',
      message: `iat is ${isoFromSeconds(iat)}, ${formatDuration(iat - now)} ahead of now (${isoFromSeconds(now)}).`,
      hint: 'The signing server\'s clock runs ahead: sync it (NTP), and back-date iat by 30 s as Zoom\'s sample once did.',
      claim: 'iat',
      value: iat,
    });
  }
  if (exp !== undefined) {
    if (exp <= now) {
      findings.push({
        id: 'expired',
        severity: 'error',
        message: `exp was ${isoFromSeconds(exp)}, ${formatRelative(exp, now)}: the signature has expired.`,
        hint: REGENERATE,
        claim: 'exp',
        value: exp,
      });
    } else if (exp - now < 5 * 60) {
      findings.push({
        id: 'expires-soon',
        severity: 'warning',
        message: `exp is ${isoFromSeconds(exp)}, ${formatRelative(exp, now)}.`,
        hint: 'Generate the signature right before join(), not once at page load.',
        claim: 'exp',
        value: exp,
      });
    }
  }
  return findings;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
