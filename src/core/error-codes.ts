/**
 * The Zoom error codes people bring (../shared/docs/zoom-signatures.md,
 * sections 5 and 6, and section 7 where the SDKs' code says otherwise: how
 * the client maps the server's text to 3704-3713, the generic and offline
 * codes, 124 and what comes after the signature was accepted), each with its
 * causes ranked most frequent first. A cause
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
  platform: 'Web SDK' | 'Native SDKs' | 'Video SDK' | 'Web, native and Video SDKs';
  /** What Zoom means by it. */
  meaning: string;
  /** The server's message that the Web SDK maps to this code, word for word, when it is such a code. */
  serverMessage?: string;
  /** Where the code comes from and what it rules out, when that matters for the diagnosis. */
  note?: string;
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
    'Hand-rolled encoding: btoa or standard base64 leaves "+", "/" or "=" in a part, so only some payloads fail ("1 in 10 joins"); JSON joined by hand names a key twice; an edited last character of the signature; a signature cut short, run on, or written in hex.',
  checks: ['base64-not-url-safe', 'malformed-token', 'duplicate-json-key', 'non-canonical-signature', 'signature-length'],
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
  cause:
    'A mangled secret: a trailing newline or space from an env file, quotes kept around it or the whole NAME=value line, key and secret swapped, a hex- or base64-decoded secret.',
  checks: ['secret-whitespace', 'secret-wrapped', 'key-secret-swapped', 'secret-encoding'],
  fix: 'Sign with the secret exactly as the Marketplace shows it.',
};
const LEGACY: ZoomErrorCause = {
  cause:
    'The retired JWT-app web signature sent to a current SDK: Web SDK 2.7.0 and later cannot use it, and what users see is silence (client view) or a TypeError (component view) rather than 3712. Fields that read "undefined" mean the endpoint never got meetingNumber and role (no Content-Type: application/json).',
  checks: ['legacy-signature'],
  fix: 'Generate an SDK JWT with Meeting SDK credentials.',
};
const JOIN_KEY: ZoomErrorCause = {
  cause:
    "The signature has no appKey (Web SDK 6.x then sends no API key; native SDKs need it), or the sdkKey passed to join() differs from the key in the signature (fatal on Web SDK 3.x, harmless from 4.0, which takes the signature's key).",
  checks: ['missing-claim', 'sdk-key-join-mismatch', 'join-signature-differs', 'key-mismatch'],
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
const NATIVE_FOR_WEB: ZoomErrorCause = {
  cause: 'A native SDK token (no mn, no role: what Zoom\'s sample signs when the request body has neither) used with the Web SDK.',
  checks: ['native-token-for-web', 'mn-role-pairing'],
  fix: 'Post meetingNumber and role to your endpoint as JSON (Content-Type: application/json), so that it signs mn and role.',
};
const JOIN_OBJECT: ZoomErrorCause = {
  cause: 'The object passed to join() itself: a meetingNumber over 12 characters (4003), both zak and obfToken (3636), a JWT-app apiKey (3).',
  checks: ['join-meeting-number-format', 'zak-with-obf-token', 'api-key-in-join'],
  fix: 'Give doctor the object with --join: meetingNumber in digits only, one of zak and obfToken, no apiKey.',
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
    'SDK version rules: Web SDK 6.x sends no API key without appKey in the signature (4.x-5.x sent the sdkKey; the 5.0.0 changelog calls appKey required); 4.0.0 takes the key from the signature, not from join(); 3.12.0 (2025-03) removed client-side generateSDKSignature; 2.7.0 (2022-08) dropped the JWT-app apiKey.',
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
  NATIVE_FOR_WEB,
  OTHER_TOKEN,
  MEETING_MISMATCH,
  JOIN_OBJECT,
  SDK_VERSION,
  EXTERNAL_MEETING,
];

/** 4011-4015: the meeting server's answers once the signature was accepted. */
const AFTER_SIGNATURE = 'It comes from the meeting server after the signature was accepted: it is never a signature problem.';

function only(cause: string, fix: string): ZoomErrorCause[] {
  return [{ cause, checks: [], fix }];
}

export const ZOOM_ERROR_CODES: readonly ZoomErrorCode[] = [
  {
    codes: ['3712'],
    platform: 'Web SDK',
    meaning: 'Signature is invalid.',
    serverMessage: 'Invalid signature.',
    note: 'Zoom\'s server never sends 3712 as a number: it is the client\'s name for the server\'s message "Invalid signature." (errorCode 200).',
    causes: INVALID_SIGNATURE_CAUSES,
  },
  {
    codes: ['200'],
    platform: 'Web SDK',
    meaning: 'Fail to join the meeting: the component view\'s generic failure; the server\'s text is often "Invalid signature."',
    note: 'The component view shows 200, with the server\'s raw text, for any text it does not map to 3704-3713, for most other server codes, and for the server\'s 124 (token expired).',
    causes: [...INVALID_SIGNATURE_CAUSES, ACCOUNT_SETTINGS],
  },
  {
    codes: ['1'],
    platform: 'Web SDK',
    meaning: "Fail to join the meeting: the client view's generic failure; the cause is in the console's error text.",
    note: 'The client view shows 1 for any server text it does not map to 3704-3713, and when it is offline.',
    causes: [...INVALID_SIGNATURE_CAUSES, ACCOUNT_SETTINGS],
  },
  {
    codes: ['-3000'],
    platform: 'Web SDK',
    meaning: 'The component view is offline: no answer from Zoom.',
    note: 'Nothing was judged: the signature never reached Zoom.',
    causes: only(
      'The browser could not reach Zoom: no network, a proxy or firewall blocking zoom.us, or a content blocker.',
      'Open https://zoom.us in the same browser; allow zoom.us and its subdomains (WebSocket too) through the proxy or blocker.',
    ),
  },
  {
    codes: ['3704'],
    platform: 'Web SDK',
    serverMessage: "The api key is wrong.",
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
    serverMessage: "The signature has expired.",
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
    serverMessage: "The meeting number is wrong.",
    meaning: 'The meeting number is wrong.',
    causes: [MEETING_MISMATCH, { ...CLAIMS, checks: ['meeting-number-format', 'wrong-claim-name', 'mn-role-pairing'] }],
  },
  {
    codes: ['3707'],
    platform: 'Web SDK',
    serverMessage: "The meeting number is not found.",
    meaning: 'The meeting number is not found.',
    causes: [
      MEETING_MISMATCH,
      ...only('The meeting was deleted, has ended for good, or its number was mistyped.', 'Open the join URL in the Zoom client to see whether the meeting exists.'),
    ],
  },
  {
    codes: ['3708'],
    platform: 'Web SDK',
    serverMessage: "The role is not applicable.",
    meaning: 'The role is not applicable.',
    causes: [ROLE, { ...CLAIMS, checks: ['invalid-role', 'claim-type', 'mn-role-pairing'] }],
  },
  {
    codes: ['3709'],
    platform: 'Web SDK',
    serverMessage: "The meeting host is not found.",
    meaning: 'The meeting host is not found.',
    causes: only("The meeting's host user no longer exists or is in another account.", 'Check the meeting in the host account\'s web portal.'),
  },
  {
    codes: ['3710'],
    platform: 'Web SDK',
    serverMessage: "The account don't enable API.",
    meaning: 'The account has not enabled the API/SDK.',
    causes: [
      WRONG_APP,
      ...only('The app is not activated, or the account does not allow the Meeting SDK.', 'Activate the app in the Marketplace and check the account\'s settings.'),
    ],
  },
  {
    codes: ['3711'],
    platform: 'Web SDK',
    serverMessage: "Can not be host in other account's meeting.",
    meaning: "Cannot be host in another account's meeting.",
    causes: [ROLE, EXTERNAL_MEETING],
  },
  { codes: ['3713'], platform: 'Web SDK', meaning: 'No permission.', serverMessage: 'No permission', causes: [WRONG_APP, EXTERNAL_MEETING] },
  {
    codes: ['3001'],
    platform: 'Web SDK',
    meaning: 'The meeting does not exist.',
    causes: [MEETING_MISMATCH, ACCOUNT_SETTINGS],
  },
  {
    codes: ['3610'],
    platform: 'Web SDK',
    meaning: 'Token has expired: the client view\'s code for the server\'s 124.',
    note: 'The component view shows the same answer as 200.',
    causes: [
      ...TIME_CAUSES,
      ...only('The registrant token (tk) passed to join() has expired.', 'Register again or ask for a new registration link.'),
    ],
  },
  {
    codes: ['4003'],
    platform: 'Web SDK',
    meaning: 'meetingNumber length > 12: the client view refuses the join() object before any request.',
    causes: [JOIN_OBJECT],
  },
  {
    codes: ['3636'],
    platform: 'Web SDK',
    meaning: 'join() got both zak and obfToken (client view; the component view rejects the join).',
    causes: [JOIN_OBJECT],
  },
  {
    codes: ['3'],
    platform: 'Web SDK',
    meaning: 'Using a Zoom JWT App type API Key is no longer available in version 2.7.0+: join() got apiKey.',
    causes: [JOIN_OBJECT, LEGACY],
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
    platform: 'Web, native and Video SDKs',
    meaning:
      'The token has expired (the registrant token tk, or the JWT\'s time claims); native SDKs also report it for bad JWT time claims. The Web SDK shows it as 3610 (client view) or 200 (component view). The Video SDK shows "The token has expired, is over 2 days old, or is ineffective" for a server text with "expired or more than 2 days or ineffective", and "Verify JWT failed" for any other 124.',
    causes: [
      ...TIME_CAUSES,
      ...only('The registrant token (tk) passed to join() has expired.', 'Register again or ask for a new registration link.'),
    ],
  },
  {
    codes: ['4011'],
    platform: 'Web SDK',
    meaning: 'An external meeting: the SDK app must be published.',
    note: AFTER_SIGNATURE,
    causes: [EXTERNAL_MEETING],
  },
  {
    codes: ['4012'],
    platform: 'Web SDK',
    meaning: 'Anonymous join is not allowed: a ZAK or an OBF token is needed.',
    note: AFTER_SIGNATURE,
    causes: [EXTERNAL_MEETING],
  },
  {
    codes: ['4013', '4014', '4015'],
    platform: 'Web SDK',
    meaning: 'The OBF token is missing (4013), invalid (4014), or for another meeting (4015).',
    note: AFTER_SIGNATURE,
    causes: [EXTERNAL_MEETING],
  },
  {
    codes: ['5013'],
    platform: 'Video SDK',
    meaning: 'The topic, the token or the userName passed to join() is not a string (checked locally, before anything is sent).',
    note: 'The Video SDK does not decode the token before sending it: locally it checks only these types and that the topic is at most 200 characters; everything else is the server\'s.',
    causes: only(
      'join(topic, token, userName) got a number, an object or undefined where a string goes: often the token is the whole reply object or a Promise.',
      'Pass the signature string itself (reply.signature), the session name and the user name as strings; the topic at most 200 characters.',
    ),
  },
  {
    codes: ['3010'],
    platform: 'Video SDK',
    meaning: 'The role type error: the server\'s 3000 "The role type error", about role_type.',
    causes: [
      { ...CLAIMS, checks: ['invalid-role', 'claim-type', 'missing-claim'] },
      { ...OTHER_TOKEN, checks: ['meeting-token-for-video-sdk'] },
    ],
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

/**
 * The causes of a code that no token check can see, less those the user's
 * answers settled: a cause whose setup checks all ran (passed or found
 * something) is ruled out or reported, not unseen.
 */
export function unseenCauses(entry: ZoomErrorCode, answered: ReadonlySet<CheckId> = new Set()): ZoomErrorCause[] {
  return entry.causes.filter(
    (cause) => cause.checks.length === 0 && !(cause.asks !== undefined && cause.asks.length > 0 && cause.asks.every((id) => answered.has(id))),
  );
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
