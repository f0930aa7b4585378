/**
 * The Zoom error codes people bring (../shared/docs/zoom-signatures.md,
 * sections 5 and 6), each with its causes ranked most frequent first. A cause
 * names the doctor checks that look for it; a cause with no check is one no
 * token can show, and says what to do instead.
 */
import { severityRank, type CheckId, type Finding } from './finding.js';

export interface ZoomErrorCause {
  /** The cause, in plain words. */
  cause: string;
  /** The checks that look for it; empty when no token check can see it. */
  checks: readonly CheckId[];
  /** The setup checks that doctor's questions feed, for a cause no token shows. */
  asks?: readonly CheckId[];
  /** What to do about it. */
  fix: string;
}

export interface ZoomErrorCode {
  /** The codes (and native result names) this entry answers to. */
  codes: readonly string[];
  platform: 'Web SDK' | 'Native SDKs' | 'Web and native SDKs';
  /** What Zoom means by it. */
  meaning: string;
  /** Most frequent first. */
  causes: readonly ZoomErrorCause[];
}

const WRONG_APP: ZoomErrorCause = {
  cause:
    "Credentials of the wrong app: a Server-to-Server OAuth, user OAuth or retired JWT app's Client ID/Secret instead of a Meeting SDK app's (or a General app with Embed → Meeting SDK turned on). The REST API works and the JWT looks fine on a decoder, but Zoom rejects it every time.",
  checks: [],
  asks: ['wrong-app-type'],
  fix: 'In the Zoom App Marketplace, open the Meeting SDK app (or the General app with Features → Embed → Meeting SDK on) and sign with its Client ID and Client Secret. Video SDK credentials are a separate pair again.',
};
const SECRET_MISMATCH: ZoomErrorCause = {
  cause: "The token is not signed with the secret of the app whose key it carries (another app's, dev vs prod, Video vs Meeting).",
  checks: ['signature-invalid', 'key-mismatch'],
  fix: 'Give doctor your secret (--secret-file, or several to find which one signed it) and the key you expect (--key).',
};
const MILLISECONDS: ZoomErrorCause = {
  cause: 'Milliseconds instead of seconds: Date.now() or getTime() in iat/exp, or exp = iat + 7200 * 1000.',
  checks: ['timestamps-in-ms'],
  fix: 'Use Math.floor(Date.now() / 1000).',
};
const CLOCK_AHEAD: ZoomErrorCause = {
  cause: "The signing server's clock runs ahead, so iat is in Zoom's future (intermittent; servers behind a load balancer).",
  checks: ['iat-in-future'],
  fix: 'Sync the clock (NTP) and back-date iat by 30 s.',
};
const LOCAL_TIME: ZoomErrorCause = {
  cause: 'Local time taken as UTC: iat off by a whole number of hours or half hours.',
  checks: ['timezone-offset'],
  fix: 'Read the time from the UTC clock, never from a local date-time.',
};
const WINDOW: ZoomErrorCause = {
  cause: 'The validity window is out of range: exp - iat under 30 minutes or over 48 hours, exp before iat, tokenExp too short, or the token expired.',
  checks: ['validity-too-short', 'validity-too-long', 'token-exp-out-of-range', 'expired'],
  fix: 'exp = iat + 7200 and tokenExp = exp, signed right before join().',
};
const ENCODING: ZoomErrorCause = {
  cause:
    'Hand-rolled encoding: btoa or standard base64 leaves "+", "/" or "=" in a part, so only some payloads fail ("1 in 10 joins"); JSON joined by hand names a key twice; an edited last character of the signature.',
  checks: ['base64-not-url-safe', 'malformed-token', 'duplicate-json-key', 'non-canonical-signature'],
  fix: 'Sign with a JWT library, which writes base64url.',
};
const NOT_A_JWT: ZoomErrorCause = {
  cause: 'Not the whole token: only the HMAC, base64 of the key alone, or something that is no token at all.',
  checks: ['bare-hmac', 'encoded-key-only', 'not-a-token', 'wrapped-input'],
  fix: 'Return the whole JWT (header.payload.signature) from your endpoint, and pass exactly that to join().',
};
const CLAIMS: ZoomErrorCause = {
  cause: 'Claim names and types: meetingNumber instead of mn, role as the string "1", iat as a string, mn with spaces or dashes, a missing appKey or tokenExp.',
  checks: ['wrong-claim-name', 'claim-type', 'meeting-number-format', 'missing-claim', 'invalid-role', 'mn-role-pairing'],
  fix: "Write the payload exactly as Zoom's sample does: zoomsig generate --json shows it.",
};
const ROLE: ZoomErrorCause = {
  cause: 'The wrong role: role 1 for a meeting the user does not host, or starting as host without a ZAK.',
  checks: ['role-mismatch', 'host-needs-zak'],
  fix: 'Sign with role 0 to join; to start, sign with role 1 and pass the host\'s ZAK to join(). Give doctor --role or --join to compare.',
};
const MANGLED_SECRET: ZoomErrorCause = {
  cause: 'A mangled secret: a trailing newline or space from an env file, key and secret swapped, a hex- or base64-decoded secret.',
  checks: ['secret-whitespace', 'key-secret-swapped', 'secret-encoding'],
  fix: 'Sign with the secret exactly as the Marketplace shows it.',
};
const LEGACY: ZoomErrorCause = {
  cause: 'The retired JWT-app web signature sent to a current SDK (Web SDK 2.7.0 and later cannot use it).',
  checks: ['legacy-signature'],
  fix: 'Generate an SDK JWT with Meeting SDK credentials.',
};
const JOIN_KEY: ZoomErrorCause = {
  cause: "The sdkKey passed to join() differs from the key in the signature, or the signature has no appKey on Web SDK 5.x.",
  checks: ['sdk-key-join-mismatch', 'join-signature-differs', 'key-mismatch', 'missing-claim'],
  fix: 'Put the same Client ID in appKey (and sdkKey), and pass join() that one or none. Give doctor --join to compare.',
};
const OTHER_TOKEN: ZoomErrorCause = {
  cause: 'Another token pasted as the signature: an OAuth access token, a ZAK, a JWT-app token, or a token for the other SDK.',
  checks: [
    'oauth-token-as-signature',
    'zak-as-signature',
    'jwt-app-token-as-signature',
    'video-token-for-meeting-sdk',
    'meeting-token-for-video-sdk',
    'wrong-alg',
  ],
  fix: 'Sign a Meeting SDK (or Video SDK) JWT of your own: zoomsig generate.',
};
const MEETING_MISMATCH: ZoomErrorCause = {
  cause: 'The token is signed for another meeting number than the one passed to join().',
  checks: ['meeting-number-mismatch', 'meeting-number-format'],
  fix: 'Sign for the meeting you join; give doctor --meeting or --join to compare.',
};
const EXTERNAL_MEETING: ZoomErrorCause = {
  cause:
    "The meeting belongs to another Zoom account: since 2026-03-02 an app joining meetings outside its own account needs a ZAK or OBF token and a published app. It looks like signature trouble but is not.",
  checks: [],
  asks: ['external-meeting'],
  fix: 'Publish the app in the Marketplace, and pass an OBF token (obfToken in join()) or the ZAK of a user who is in the meeting.',
};
const SDK_VERSION: ZoomErrorCause = {
  cause:
    'SDK version rules: Web SDK 5.0.0 (2025-11) requires appKey in the signature; 3.12.0 (2025-03) removed client-side generateSDKSignature; 2.7.0 (2022-08) dropped the JWT-app apiKey.',
  checks: [],
  asks: ['sdk-version'],
  fix: 'Check the SDK version your page loads, and sign on a server with appKey, sdkKey, mn, role, iat, exp and tokenExp.',
};
const ACCOUNT_SETTINGS: ZoomErrorCause = {
  cause: 'Something about the meeting or account, not the token: the meeting number, passcode, registration or host.',
  checks: [],
  fix: 'Open the meeting in the Zoom client with the same number and passcode; if that fails too, the token is not the problem.',
};
const TIME_CAUSES = [MILLISECONDS, CLOCK_AHEAD, LOCAL_TIME, WINDOW] as const;

/** Why "Invalid signature" happens, most frequent first (brief, section 6). */
const INVALID_SIGNATURE_CAUSES: readonly ZoomErrorCause[] = [
  WRONG_APP,
  SECRET_MISMATCH,
  ...TIME_CAUSES,
  ENCODING,
  NOT_A_JWT,
  CLAIMS,
  ROLE,
  MANGLED_SECRET,
  LEGACY,
  JOIN_KEY,
  OTHER_TOKEN,
  MEETING_MISMATCH,
  SDK_VERSION,
  EXTERNAL_MEETING,
];

function only(cause: string, fix: string): ZoomErrorCause[] {
  return [{ cause, checks: [], fix }];
}

export const ZOOM_ERROR_CODES: readonly ZoomErrorCode[] = [
  { codes: ['3712'], platform: 'Web SDK', meaning: 'Signature is invalid.', causes: INVALID_SIGNATURE_CAUSES },
  {
    codes: ['200'],
    platform: 'Web SDK',
    meaning: 'Fail to join the meeting: the component view\'s generic failure; the server\'s text is often "Invalid signature."',
    causes: [...INVALID_SIGNATURE_CAUSES, ACCOUNT_SETTINGS],
  },
  {
    codes: ['1'],
    platform: 'Web SDK',
    meaning: "The client view's generic failure; the cause is in the console's error text.",
    causes: [...INVALID_SIGNATURE_CAUSES, ACCOUNT_SETTINGS],
  },
  {
    codes: ['3704'],
    platform: 'Web SDK',
    meaning: 'The API key is wrong.',
    causes: [
      { ...SECRET_MISMATCH, checks: ['key-mismatch', 'missing-claim', 'signature-invalid'] },
      JOIN_KEY,
      WRONG_APP,
      OTHER_TOKEN,
    ],
  },
  {
    codes: ['3705'],
    platform: 'Web SDK',
    meaning: 'The signature has expired.',
    causes: [
      WINDOW,
      {
        cause: 'The signature was made long before join() (once at page load, or cached) and ran out before the user joined.',
        checks: ['expires-soon', 'expired'],
        fix: 'Fetch a new signature from your endpoint right before each join().',
      },
      MILLISECONDS,
      LOCAL_TIME,
      CLOCK_AHEAD,
    ],
  },
  {
    codes: ['3706'],
    platform: 'Web SDK',
    meaning: 'The meeting number is wrong.',
    causes: [MEETING_MISMATCH, { ...CLAIMS, checks: ['meeting-number-format', 'wrong-claim-name', 'mn-role-pairing'] }],
  },
  {
    codes: ['3707'],
    platform: 'Web SDK',
    meaning: 'The meeting number is not found.',
    causes: [
      MEETING_MISMATCH,
      ...only('The meeting was deleted, has ended for good, or its number was mistyped.', 'Open the join URL in the Zoom client to see whether the meeting exists.'),
    ],
  },
  {
    codes: ['3708'],
    platform: 'Web SDK',
    meaning: 'The role is not applicable.',
    causes: [ROLE, { ...CLAIMS, checks: ['invalid-role', 'claim-type', 'mn-role-pairing'] }],
  },
  {
    codes: ['3709'],
    platform: 'Web SDK',
    meaning: 'The meeting host is not found.',
    causes: only("The meeting's host user no longer exists or is in another account.", 'Check the meeting in the host account\'s web portal.'),
  },
  {
    codes: ['3710'],
    platform: 'Web SDK',
    meaning: 'The account has not enabled the API/SDK.',
    causes: [
      WRONG_APP,
      ...only('The app is not activated, or the account does not allow the Meeting SDK.', 'Activate the app in the Marketplace and check the account\'s settings.'),
    ],
  },
  {
    codes: ['3711'],
    platform: 'Web SDK',
    meaning: "Cannot be host in another account's meeting.",
    causes: [ROLE, EXTERNAL_MEETING],
  },
  { codes: ['3713'], platform: 'Web SDK', meaning: 'No permission.', causes: [WRONG_APP, EXTERNAL_MEETING] },
  {
    codes: ['3001', '3610'],
    platform: 'Web SDK',
    meaning: 'The meeting does not exist.',
    causes: [MEETING_MISMATCH, ACCOUNT_SETTINGS],
  },
  {
    codes: ['3008'],
    platform: 'Web SDK',
    meaning: 'The meeting has not started.',
    causes: only('The host has not started the meeting and join before host is off.', 'Start the meeting as host (role 1 with a ZAK), or turn on join before host.'),
  },
  {
    codes: ['3004'],
    platform: 'Web SDK',
    meaning: 'Wrong passcode.',
    causes: only('The passcode passed to join() (passWord) is not the meeting\'s.', 'Pass the passcode from the invitation; the pwd= of a join URL is an encoded form, not the passcode.'),
  },
  {
    codes: ['3099'],
    platform: 'Web SDK',
    meaning: 'Registration is required.',
    causes: only('The meeting requires registration.', "Register the attendee and pass the registrant token (tk) to join()."),
  },
  {
    codes: ['124'],
    platform: 'Web and native SDKs',
    meaning: 'The token (tk, the registrant token) has expired; native SDKs also report it for bad JWT time claims.',
    causes: [
      ...TIME_CAUSES,
      ...only('The registrant token (tk) passed to join() has expired.', 'Register again or ask for a new registration link.'),
    ],
  },
  {
    codes: ['4011'],
    platform: 'Web SDK',
    meaning: 'An external meeting: the SDK app must be published.',
    causes: [EXTERNAL_MEETING],
  },
  {
    codes: ['4012', '4013', '4014', '4015'],
    platform: 'Web SDK',
    meaning: 'The OBF token is missing, invalid, or for another meeting.',
    causes: [EXTERNAL_MEETING],
  },
  {
    codes: ['JWTTOKENWRONG', '11'],
    platform: 'Native SDKs',
    meaning: 'Auth result JWTTOKENWRONG (11 in the desktop header): the JWT is wrong.',
    causes: INVALID_SIGNATURE_CAUSES,
  },
  {
    codes: ['AUTHRET_TOKENWRONG', '5'],
    platform: 'Native SDKs',
    meaning: 'Android auth result AUTHRET_TOKENWRONG (5): the JWT is wrong.',
    causes: INVALID_SIGNATURE_CAUSES,
  },
  {
    codes: ['KEYORSECRETWRONG', '2'],
    platform: 'Native SDKs',
    meaning: 'Auth result KEYORSECRETWRONG (2): the key or secret is wrong.',
    causes: [SECRET_MISMATCH, MANGLED_SECRET, WRONG_APP, JOIN_KEY],
  },
  {
    codes: ['63'],
    platform: 'Native SDKs',
    meaning: 'Meeting fail code 63: an external meeting needs a published app.',
    causes: [EXTERNAL_MEETING],
  },
  {
    codes: ['500', '501', '502', '503', '504', '505', '506'],
    platform: 'Native SDKs',
    meaning: 'ZAK or OBF token problems.',
    causes: [
      EXTERNAL_MEETING,
      { cause: 'A ZAK passed where the signature goes, or the signature where the ZAK goes.', checks: ['zak-as-signature', 'host-needs-zak'], fix: 'The JWT signature and the ZAK are two different tokens: pass each in its own place.' },
    ],
  },
];

/** The entry for a code or native result name, in any case. */
export function findErrorCode(text: string): ZoomErrorCode | undefined {
  const wanted = text.trim().toUpperCase();
  return ZOOM_ERROR_CODES.find((entry) => entry.codes.includes(wanted));
}

/** The causes of a code that no token check can see. */
export function unseenCauses(entry: ZoomErrorCode): ZoomErrorCause[] {
  return entry.causes.filter((cause) => cause.checks.length === 0);
}

/** The checks, token checks and setup checks alike, that speak to a cause. */
function checksOf(cause: ZoomErrorCause): readonly CheckId[] {
  return cause.asks ? [...cause.checks, ...cause.asks] : cause.checks;
}

/** The codes whose causes a check looks for. */
export function codesForCheck(id: string): string[] {
  return ZOOM_ERROR_CODES.filter((entry) => entry.causes.some((cause) => checksOf(cause).some((check) => check === id))).map(
    (entry) => entry.codes[0] ?? '',
  );
}

/**
 * Findings ordered by how well they explain the code: errors before warnings
 * before info, and within each, those of the code's most frequent cause first,
 * then the rest in their usual order.
 */
export function rankFindings(findings: readonly Finding[], entry: ZoomErrorCode): Finding[] {
  const rank = (finding: Finding): number => {
    const index = entry.causes.findIndex((cause) => checksOf(cause).includes(finding.id));
    return index === -1 ? entry.causes.length : index;
  };
  return findings
    .map((finding, order) => ({ finding, order, rank: rank(finding), severity: severityRank(finding.severity) }))
    .sort((a, b) => a.severity - b.severity || a.rank - b.rank || a.order - b.order)
    .map(({ finding }) => finding);
}
