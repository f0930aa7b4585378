#!/usr/bin/env node
/**
 * Writes fixtures/tokens/<scenario>.json: one pasted input per scenario, the
 * clock to judge it against, the options passed to diagnoseToken (doctor)
 * and the expected result: the finding ids, and `ok` as verify answers it
 * (no error, and the signature verified with a secret). A fixture whose
 * severity rests on what Zoom's SDK code does carries that evidence in its
 * `note` (docs/zoom-signatures.md, section 7).
 *
 * And the fixtures of `zoomsig check`: fixtures/credentials/<scenario>.json,
 * keys and secrets as found, with the ids and verdict checkCredentials must
 * give; fixtures/endpoints/<scenario>.json, exchanges with an auth endpoint
 * as recorded, with the findings (id, count, total) checkEndpoint must give.
 *
 * Independent of the code under test on purpose: tokens are built here with
 * node:crypto alone, and the expectations are written by hand from
 * docs/zoom-signatures.md and the CLI contract, never read back from zoomsig.
 * Deterministic: a fixed clock and fixed, obviously fake credentials.
 *
 *   node scripts/make-fixtures.mjs
 */
import { createHmac } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tokens');

// 2026-01-01T00:00:00Z: the clock every fixture is judged against.
const NOW = 1767225600;
// Tokens are "generated" a minute ago, back-dated 30 s as Zoom's sample once did.
const IAT = NOW - 90;
const EXP = IAT + 7200;

const KEY = 'FakeClientId0123456789';
const SECRET = 'FakeClientSecret0123456789abcdef';
const OTHER_KEY = 'OtherClientId9876543210';
const OTHER_SECRET = 'OtherClientSecretZYXWVUTSRQPONML';
const VIDEO_KEY = 'FakeVideoSdkKey0123456789';
const VIDEO_SECRET = 'FakeVideoSdkSecret0123456789abcd';
const HEX_SECRET = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const API_KEY = 'FakeJwtAppApiKey012345';
const API_SECRET = 'FakeJwtAppApiSecret0123456789abc';
const ZOOM_SIDE_SECRET = 'FakeZoomServerSideSigningSecret0';
const MEETING = '85746065012';

const HS256 = { alg: 'HS256', typ: 'JWT' };

const b64url = (data) => Buffer.from(data).toString('base64url');
const b64 = (data) => Buffer.from(data).toString('base64');
const json = (value) => JSON.stringify(value);

/** A compact JWS with HMAC-SHA256 (or another HMAC) over header.payload. */
function jwt(payload, secret = SECRET, { header = HS256, hash = 'sha256' } = {}) {
  const input = `${b64url(json(header))}.${b64url(json(payload))}`;
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`;
}

/** A compact JWS over header and payload text as given (keys twice, say), HMAC-SHA256 with the secret. */
function jwtFromText(headerText, payloadText, secret = SECRET) {
  const input = `${b64url(headerText)}.${b64url(payloadText)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const BASE64URL_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The token with its signature's last character replaced by one whose two spare bits (past byte 32) are set. */
function withSpareBitsSet(token) {
  const last = BASE64URL_DIGITS.indexOf(token.at(-1));
  return `${token.slice(0, -1)}${BASE64URL_DIGITS[last | 3]}`;
}

/** Zoom's Meeting SDK sample payload, claim for claim, with overrides. */
function meetingPayload(overrides = {}) {
  return { appKey: KEY, sdkKey: KEY, mn: MEETING, role: 0, iat: IAT, exp: EXP, tokenExp: EXP, ...overrides };
}

/** The sample payload without some claims. */
function without(payload, ...claims) {
  const copy = { ...payload };
  for (const claim of claims) delete copy[claim];
  return copy;
}

function nativePayload() {
  return without(meetingPayload(), 'mn', 'role');
}

function videoPayload(overrides = {}) {
  return { app_key: VIDEO_KEY, role_type: 1, tpc: 'Fake session', version: 1, iat: IAT, exp: EXP, ...overrides };
}

/** The retired JWT-app web signature, as in docs/zoom-signatures.md section 2. */
function legacySignature(apiKey, apiSecret, meetingNumber, role, ts) {
  const msg = b64(`${apiKey}${meetingNumber}${ts}${role}`);
  const hash = createHmac('sha256', apiSecret).update(msg).digest('base64');
  return b64(`${apiKey}.${meetingNumber}.${ts}.${role}.${hash}`);
}

/**
 * A hand-rolled token: every part in standard base64 (btoa), padding kept.
 * An ASCII payload rarely yields "+" or "/", the HMAC nearly always does:
 * tries meeting numbers of 9 to 11 digits and issue times a second apart until
 * the payload is padded with "=" and the signature holds "+" or "/" and "=".
 */
function btoaToken() {
  for (let n = 0; n < 3000; n += 1) {
    const mn = MEETING.slice(0, 9 + (n % 3));
    const iat = IAT - Math.floor(n / 3);
    const payload = meetingPayload({ mn, iat, exp: iat + 7200, tokenExp: iat + 7200 });
    const input = `${b64(json(HS256))}.${b64(json(payload))}`;
    const mac = createHmac('sha256', SECRET).update(input).digest('base64');
    if (input.endsWith('=') && /[+/]/.test(mac)) return `${input}.${mac}`;
  }
  throw new Error('no payload with "=" padding and a signature with "+" or "/" found');
}

/** A Server-to-Server OAuth access token, signed by Zoom (here: a stand-in secret). */
const oauthToken = jwt(
  {
    aud: 'https://oauth.zoom.us',
    uid: 'FakeUserId0123456789ab',
    ver: 10,
    auid: 'fakeauid0123456789abcdef01234567',
    nbf: IAT,
    code: 'FakeCode0123456789abcd',
    iss: `zm:cid:${KEY}`,
    gno: 0,
    exp: IAT + 3600,
    type: 3,
    iat: IAT,
    aid: 'FakeAccountId012345678',
  },
  ZOOM_SIDE_SECRET,
  { header: { alg: 'HS512', v: '2.0', kid: 'fake-kid-0123' }, hash: 'sha512' },
);

const valid = jwt(meetingPayload());
const validNative = jwt(nativePayload());
const validVideo = jwt(videoPayload(), VIDEO_SECRET);

const meetingOk = { kind: 'meeting-sdk', format: 'jwt' };

/**
 * What Zoom's own SDKs do, as read and run offline (docs/zoom-signatures.md,
 * section 7): the evidence behind the severities of the fixtures that carry a
 * `note`.
 */
const SDK = {
  noAppKey:
    '@zoom/meetingsdk 6.0-6.2, client view: with sdkKey but no appKey it warns, then sends apiKey=undefined to Zoom, which refuses it; 4.x-5.x sent the sdkKey instead. Native SDKs need appKey.',
  noKeyAtAll:
    '@zoom/meetingsdk 6.x: with neither appKey nor sdkKey the client view silently does nothing (a console error, no callback, no request); the component view rejects with "appKey can not empty in the signature".',
  appKeyWins: '@zoom/meetingsdk 6.x, both views: when appKey and sdkKey differ, appKey wins.',
  tokenExp: 'No @zoom/meetingsdk bundle (3.13.2 to 6.2.0) reads tokenExp; Zoom\'s own removed 2.x generator did not write it.',
  joinSdkKey:
    '@zoom/meetingsdk 4.0+: an sdkKey passed to join() is overwritten by the signature\'s key, with a warning; 3.x requires it there and sends it as the API key.',
  native: 'The Web SDK reads role from the signature; a token without mn and role is what Zoom\'s sample signs for native SDKs, and the Web SDK cannot join with it.',
  legacy:
    'Web SDK 2.7.0+: a legacy base64 signature has no appKey: the client view stops silently, the component view throws a TypeError before any request.',
  joinLength: '@zoom/meetingsdk 6.x client view: join() with a meetingNumber over 12 characters stops with error 4003 "meetingNumber length > 12"; the component view sends it.',
  zakObf: '@zoom/meetingsdk 6.x: join() with both zak and obfToken stops with error 3636 (client view) or rejects (component view).',
  apiKey: '@zoom/meetingsdk 2.7.0+: join() with apiKey stops with error 3 ("Using a Zoom JWT App type API Key is no longer available in version 2.7.0+").',
};
const videoOk = { kind: 'video-sdk', format: 'jwt' };
const secret = { secrets: [SECRET] };

/** scenario name → fixture (without `now`, which is the same for all). */
const scenarios = {
  'valid-meeting-web': {
    description: 'A Meeting SDK web signature exactly as Zoom\'s sample builds it, checked with its secret: Zoom accepts it.',
    input: valid,
    options: { ...secret, key: KEY, sdk: 'meeting' },
    expect: { ...meetingOk, ids: [], ok: true },
  },
  'valid-meeting-native': {
    description: 'A native Meeting SDK token with neither mn nor role, which native SDKs accept.',
    input: validNative,
    options: secret,
    expect: { ...meetingOk, ids: [], ok: true },
  },
  'valid-video': {
    description: 'A Video SDK signature as Zoom\'s Video SDK sample builds it, checked with the Video SDK secret.',
    input: validVideo,
    options: { secrets: [VIDEO_SECRET], key: VIDEO_KEY, sdk: 'video' },
    expect: { ...videoOk, ids: [], ok: true },
  },
  'valid-meeting-web-no-secret': {
    description: 'A correct web signature decoded without a secret: nothing is wrong, but nothing proves Zoom will accept it.',
    input: valid,
    expect: { ...meetingOk, ids: ['signature-unverified'], ok: false },
  },
  'valid-meeting-native-no-secret': {
    description: 'A correct native token checked without a secret.',
    input: validNative,
    expect: { ...meetingOk, ids: ['signature-unverified'], ok: false },
  },
  'valid-video-no-secret': {
    description: 'A correct Video SDK token checked without a secret.',
    input: validVideo,
    expect: { ...videoOk, ids: ['signature-unverified'], ok: false },
  },
  'mn-as-number': {
    description: 'mn written as a JSON number instead of a string, which Zoom accepts.',
    input: jwt(meetingPayload({ mn: Number(MEETING) })),
    options: secret,
    expect: { ...meetingOk, ids: [], ok: true },
  },
  'two-secrets-second-matches': {
    description: 'Two secrets (prod, then dev) are tried and the second one signed the token: it is valid.',
    input: valid,
    options: { secrets: [OTHER_SECRET, SECRET] },
    expect: { ...meetingOk, ids: [], ok: true },
  },
  'legacy-web-signature-matching': {
    description: 'The retired JWT-app web signature, whose hash matches the API secret given: still rejected by today\'s Web SDK.',
    input: legacySignature(API_KEY, API_SECRET, MEETING, 0, NOW * 1000 - 30000),
    options: { secrets: [API_SECRET] },
    expect: { kind: 'legacy-web-signature', format: 'legacy', ids: ['legacy-signature'], ok: false },
  },
  'legacy-web-signature-wrong-secret': {
    description: 'A legacy web signature checked with a Meeting SDK secret that did not make it.',
    input: legacySignature(API_KEY, API_SECRET, MEETING, 1, NOW * 1000 - 30000).replace(/=+$/, ''),
    options: secret,
    expect: { kind: 'legacy-web-signature', format: 'legacy', ids: ['legacy-signature', 'signature-invalid'], ok: false },
  },
  'oauth-access-token': {
    description: 'A Server-to-Server OAuth access token pasted as the SDK signature: it is for the REST API and signed by Zoom.',
    input: oauthToken,
    options: secret,
    expect: { kind: 'oauth-token', format: 'jwt', ids: ['oauth-token-as-signature'], ok: false },
  },
  zak: {
    description: 'A ZAK pasted as the signature: it belongs in join() as zak when starting as host.',
    input: jwt(
      {
        aud: 'clientsm',
        uid: 'FakeUserId0123456789ab',
        iss: 'web',
        sk: '0',
        sty: 100,
        wcd: 'us05',
        clt: 0,
        exp: IAT + 7200,
        iat: IAT,
        aid: 'FakeAccountId012345678',
        cid: '',
      },
      ZOOM_SIDE_SECRET,
      { header: { typ: 'JWT', zm_skm: 'zm_o2m', alg: 'HS256' } },
    ),
    options: secret,
    expect: { kind: 'zak', format: 'jwt', ids: ['zak-as-signature'], ok: false },
  },
  'jwt-app-api-token': {
    description: 'A token of the retired JWT app (iss = API key), signed with its API secret, pasted as the signature.',
    input: jwt({ aud: null, iss: API_KEY, exp: IAT + 3600, iat: IAT }, API_SECRET),
    options: { secrets: [API_SECRET] },
    expect: { kind: 'jwt-app-api-token', format: 'jwt', ids: ['jwt-app-token-as-signature'], ok: false },
  },
  'unrelated-jwt': {
    description: 'A JWT of no Zoom kind (a login token with sub and name), checked with the SDK secret.',
    input: jwt({ sub: '1234567890', name: 'John Doe', iat: IAT }, 'your-256-bit-secret'),
    options: secret,
    expect: { kind: 'jwt', format: 'jwt', ids: ['missing-claim', 'signature-invalid'], ok: false },
  },
  'bare-hmac-base64': {
    description: 'Only the HMAC part of a signature (43 base64url characters, no dots) returned by a hand-written server.',
    input: valid.split('.')[2],
    options: secret,
    expect: { kind: 'unrecognised', format: 'bare-hmac', ids: ['bare-hmac'], ok: false },
  },
  'bare-hmac-hex': {
    description: 'Only the HMAC, as 64 hex digits (digest("hex")), instead of a JWT.',
    input: createHmac('sha256', SECRET).update(`${KEY}${MEETING}`).digest('hex'),
    options: secret,
    expect: { kind: 'unrecognised', format: 'bare-hmac', ids: ['bare-hmac'], ok: false },
  },
  'encoded-key-only': {
    description: 'base64 of just the Client ID, sent as if it were the signature.',
    input: b64(KEY),
    options: secret,
    expect: { kind: 'unrecognised', format: 'encoded-text', ids: ['encoded-key-only'], ok: false },
  },
  'empty-input': {
    description: 'Nothing at all: the endpoint returned an empty signature.',
    input: '',
    options: secret,
    expect: { kind: 'unrecognised', format: 'empty', ids: ['not-a-token'], ok: false },
  },
  'garbage-object-object': {
    description: 'The text "[object Object]": the whole reply object was stringified instead of its signature field.',
    input: '[object Object]',
    options: secret,
    expect: { kind: 'unrecognised', format: 'unknown', ids: ['not-a-token'], ok: false },
  },
  'garbage-undefined': {
    description: 'The text "undefined": the client read a field the endpoint never sent.',
    input: 'undefined',
    expect: { kind: 'unrecognised', format: 'unknown', ids: ['not-a-token'], ok: false },
  },
  'wrapped-json-signature': {
    description: 'The whole JSON reply of the auth endpoint pasted instead of the signature alone.',
    input: `{"signature": "${valid}", "sdkKey": "${KEY}"}`,
    options: secret,
    expect: { ...meetingOk, ids: ['wrapped-input'], ok: true },
  },
  'wrapped-quotes': {
    description: 'A good signature pasted with the double quotes of a JSON string around it.',
    input: `"${valid}"\n`,
    options: secret,
    expect: { ...meetingOk, ids: ['wrapped-input'], ok: true },
  },
  'wrapped-curly-quotes': {
    description: 'A good signature pasted from a word processor, which turned the quotes around it into curly ones.',
    input: `\u201C${valid}\u201D`,
    options: secret,
    expect: { ...meetingOk, ids: ['wrapped-input'], ok: true },
  },
  'wrapped-zero-width-space': {
    description: 'A good signature from a chat message, with a byte order mark before it and a zero-width space inside.',
    input: `\uFEFF${valid.slice(0, 60)}\u200B${valid.slice(60)}`,
    options: secret,
    expect: { ...meetingOk, ids: ['wrapped-input'], ok: true },
  },
  'wrapped-bearer': {
    description: 'A good signature pasted with a "Bearer " prefix copied from an Authorization header.',
    input: `Bearer ${valid}`,
    options: secret,
    expect: { ...meetingOk, ids: ['wrapped-input'], ok: true },
  },
  'wrapped-url': {
    description: 'The meeting page\'s URL pasted whole, the signature among its query parameters.',
    input: `https://example.com/meeting.html?name=QWRh&mn=85746065012&pwd=&role=0&lang=en-US&signature=${valid}&china=0`,
    options: secret,
    expect: { ...meetingOk, ids: ['wrapped-input'], ok: true },
  },
  'wrapped-join-call': {
    description: 'The join() call pasted from the page\'s code, the signature quoted inside it.',
    input: `client.join({\n  signature: '${valid}',\n  sdkKey: '${KEY}',\n  meetingNumber: '85746065012',\n  userName: 'Ada',\n})`,
    options: secret,
    expect: { ...meetingOk, ids: ['wrapped-input'], ok: true },
  },
  'wrapped-url-encoded-btoa': {
    description: 'A btoa() token URL-encoded into a page\'s URL (%2B, %2F, %3D) and pasted as it was read back.',
    input: encodeURIComponent(btoaToken()),
    options: secret,
    expect: { ...meetingOk, ids: ['base64-not-url-safe', 'wrapped-input'], ok: false },
  },
  'timestamps-in-ms': {
    description: 'iat, exp and tokenExp in milliseconds (Date.now()), 13 digits instead of 10.',
    input: jwt(meetingPayload({ iat: IAT * 1000, exp: EXP * 1000, tokenExp: EXP * 1000 })),
    options: secret,
    expect: { ...meetingOk, ids: ['timestamps-in-ms'], ok: false },
  },
  'lifetime-in-ms': {
    description: 'iat in seconds but exp = iat + 7200 * 1000: the lifetime was added in milliseconds.',
    input: jwt(meetingPayload({ exp: IAT + 7_200_000, tokenExp: IAT + 7_200_000 })),
    options: secret,
    expect: { ...meetingOk, ids: ['timestamps-in-ms'], ok: false },
  },
  'iat-in-future': {
    description: 'iat ten minutes ahead of the clock: the signing server\'s clock runs fast.',
    input: jwt(meetingPayload({ iat: NOW + 600, exp: NOW + 600 + 7200, tokenExp: NOW + 600 + 7200 })),
    options: secret,
    expect: { ...meetingOk, ids: ['iat-in-future'], ok: false },
  },
  expired: {
    description: 'A signature made three hours and some minutes ago with a two-hour lifetime, reused after it expired.',
    input: jwt(meetingPayload({ iat: NOW - 3 * 3600 - 1234, exp: NOW - 3600 - 1234, tokenExp: NOW - 3600 - 1234 })),
    options: secret,
    expect: { ...meetingOk, ids: ['expired'], ok: false },
  },
  'validity-too-short': {
    description: 'exp = iat + 1200 (20 minutes) and tokenExp = exp: both under Zoom\'s 30-minute minimum.',
    input: jwt(meetingPayload({ exp: IAT + 1200, tokenExp: IAT + 1200 })),
    options: secret,
    expect: { ...meetingOk, ids: ['token-exp-out-of-range', 'validity-too-short'], ok: false },
  },
  'validity-too-long': {
    description: 'exp = iat + 3 days: beyond Zoom\'s 48-hour maximum.',
    input: jwt(meetingPayload({ exp: IAT + 259_200, tokenExp: IAT + 259_200 })),
    options: secret,
    expect: { ...meetingOk, ids: ['validity-too-long'], ok: false },
  },
  'token-exp-too-short': {
    description: 'A normal exp but tokenExp = iat + 600, under the 30 minutes Zoom requires.',
    input: jwt(meetingPayload({ tokenExp: IAT + 600 })),
    options: secret,
    expect: { ...meetingOk, ids: ['token-exp-out-of-range'], ok: false },
  },
  'btoa-standard-base64': {
    description: 'A hand-rolled token encoded with btoa(): standard base64 with "+", "/" and "=" padding in its parts.',
    input: btoaToken(),
    options: secret,
    expect: { ...meetingOk, ids: ['base64-not-url-safe'], ok: false },
  },
  'alg-none': {
    description: 'An unsigned token: "alg": "none" and an empty signature part.',
    input: `${b64url(json({ alg: 'none', typ: 'JWT' }))}.${b64url(json(meetingPayload()))}.`,
    options: secret,
    expect: { ...meetingOk, ids: ['malformed-token', 'wrong-alg'], ok: false },
  },
  'alg-hs512': {
    description: 'The right claims and secret but signed with HS512, which Zoom does not accept.',
    input: jwt(meetingPayload(), SECRET, { header: { alg: 'HS512', typ: 'JWT' }, hash: 'sha512' }),
    options: secret,
    expect: { ...meetingOk, ids: ['wrong-alg'], ok: false },
  },
  'role-as-string': {
    description: 'role written as the string "1" (from a form field) instead of the number 1.',
    input: jwt(meetingPayload({ role: '1' })),
    options: secret,
    expect: { ...meetingOk, ids: ['claim-type'], ok: false },
  },
  'role-2': {
    description: 'role 2, which the Meeting SDK does not know (only 0 and 1).',
    input: jwt(meetingPayload({ role: 2 })),
    options: secret,
    expect: { ...meetingOk, ids: ['invalid-role'], ok: false },
  },
  'mn-with-dashes': {
    description: 'The meeting number copied as shown in the client, with dashes: "857-4606-5012".',
    input: jwt(meetingPayload({ mn: '857-4606-5012' })),
    options: secret,
    expect: { ...meetingOk, ids: ['meeting-number-format'], ok: false },
  },
  'mn-without-role': {
    description: 'A web signature with mn but no role: the two come together or not at all.',
    input: jwt(without(meetingPayload(), 'role')),
    options: secret,
    expect: { ...meetingOk, ids: ['mn-role-pairing'], ok: false },
  },
  'appkey-differs-from-sdkkey': {
    description: 'appKey and sdkKey hold two different Client IDs: a warning, since the SDK takes appKey.',
    note: SDK.appKeyWins,
    input: jwt(meetingPayload({ sdkKey: OTHER_KEY })),
    options: secret,
    expect: { ...meetingOk, ids: ['key-mismatch'], ok: true },
  },
  'key-option-mismatch': {
    description: 'The token carries one Client ID, but the key the user passes to join() (--key) is another.',
    input: valid,
    options: { ...secret, key: OTHER_KEY },
    expect: { ...meetingOk, ids: ['key-mismatch'], ok: false },
  },
  'missing-token-exp': {
    description: 'A web signature without tokenExp: a warning, not an error.',
    note: SDK.tokenExp,
    input: jwt(without(meetingPayload(), 'tokenExp')),
    options: secret,
    expect: { ...meetingOk, ids: ['missing-claim'], ok: true },
  },
  'sdkkey-without-appkey': {
    description: 'Only sdkKey, no appKey, and no SDK version said: an error, since today\'s Web SDK (6.x) and native SDKs send no key.',
    note: SDK.noAppKey,
    input: jwt(without(meetingPayload(), 'appKey')),
    options: secret,
    expect: { ...meetingOk, ids: ['missing-claim'], ok: false },
  },
  'sdkkey-without-appkey-older-web-sdk': {
    description: 'Only sdkKey, no appKey, for Web SDK 5.1.0 (sdkVersion): a warning, since 4.x-5.x sent the sdkKey.',
    note: SDK.noAppKey,
    input: jwt(without(meetingPayload(), 'appKey')),
    options: { ...secret, sdkVersion: '5.1.0' },
    expect: { ...meetingOk, ids: ['missing-claim'], ok: true },
  },
  'no-appkey-nor-sdkkey': {
    description: 'Neither appKey nor sdkKey: Zoom cannot tell which app signed it.',
    note: SDK.noKeyAtAll,
    input: jwt(without(meetingPayload(), 'appKey', 'sdkKey')),
    options: secret,
    expect: { ...meetingOk, ids: ['missing-claim'], ok: false },
  },
  'native-token-for-web-join': {
    description: 'A native-style token (no mn, no role) checked with the object a page passes to ZoomMtg.join(): the Web SDK cannot use it.',
    note: SDK.native,
    input: validNative,
    options: { ...secret, join: { meetingNumber: MEETING, signature: validNative, keys: ['meetingNumber', 'signature', 'userName'] } },
    expect: { ...meetingOk, ids: ['native-token-for-web'], ok: false },
  },
  'native-token-for-web-meeting-option': {
    description: 'A native-style token checked with --meeting alone: likely for a web join, so a warning.',
    note: SDK.native,
    input: validNative,
    options: { ...secret, meeting: MEETING },
    expect: { ...meetingOk, ids: ['native-token-for-web'], ok: true },
  },
  'join-meeting-number-too-long': {
    description: 'join() gets the meeting number as the client shows it, "857 4606 5012": 13 characters.',
    note: SDK.joinLength,
    input: valid,
    options: { ...secret, join: { meetingNumber: '857 4606 5012', keys: ['meetingNumber', 'signature'] } },
    expect: { ...meetingOk, ids: ['join-meeting-number-format'], ok: false },
  },
  'zak-with-obf-token': {
    description: 'join() gets both a zak and an obfToken.',
    note: SDK.zakObf,
    input: valid,
    options: { ...secret, join: { meetingNumber: MEETING, zak: 'FakeZakToken', obfToken: 'FakeObfToken', keys: ['meetingNumber', 'zak', 'obfToken'] } },
    expect: { ...meetingOk, ids: ['zak-with-obf-token'], ok: false },
  },
  'api-key-in-join': {
    description: 'join() still gets the apiKey of a retired JWT app.',
    note: SDK.apiKey,
    input: valid,
    options: { ...secret, join: { meetingNumber: MEETING, apiKey: API_KEY, keys: ['meetingNumber', 'apiKey'] } },
    expect: { ...meetingOk, ids: ['api-key-in-join'], ok: false },
  },
  'meeting-number-claim-name': {
    description: 'The meeting number written as "meetingNumber" (the join() parameter name) instead of "mn".',
    input: jwt({ appKey: KEY, sdkKey: KEY, meetingNumber: MEETING, role: 0, iat: IAT, exp: EXP, tokenExp: EXP }),
    options: secret,
    expect: { ...meetingOk, ids: ['mn-role-pairing', 'wrong-claim-name'], ok: false },
  },
  'secret-trailing-newline': {
    description: 'The server signed with the secret plus the newline its env file left; the user checks with the clean secret.',
    input: jwt(meetingPayload(), `${SECRET}\n`),
    options: secret,
    expect: { ...meetingOk, ids: ['secret-whitespace', 'signature-invalid'], ok: false },
  },
  'signed-with-key': {
    description: 'The token was signed with the Client ID instead of the Client Secret.',
    input: jwt(meetingPayload(), KEY),
    options: secret,
    expect: { ...meetingOk, ids: ['key-secret-swapped', 'signature-invalid'], ok: false },
  },
  'signed-with-hex-decoded-secret': {
    description: 'The server hex-decoded a secret that looks like hex before signing, instead of using its text as UTF-8.',
    input: jwt(meetingPayload(), Buffer.from(HEX_SECRET, 'hex')),
    options: { secrets: [HEX_SECRET] },
    expect: { ...meetingOk, ids: ['secret-encoding', 'signature-invalid'], ok: false },
  },
  'key-and-secret-swapped': {
    description: 'The server\'s key and secret variables are swapped: appKey holds the secret and the key signed the token.',
    input: jwt(meetingPayload({ appKey: SECRET, sdkKey: SECRET }), KEY),
    options: secret,
    expect: { ...meetingOk, ids: ['key-secret-swapped', 'signature-invalid'], ok: false },
  },
  'legacy-web-signature-undefined-fields': {
    description: 'A legacy web signature whose meeting number and role read "undefined": the endpoint never got the request body (no Content-Type: application/json).',
    note: SDK.legacy,
    input: legacySignature(API_KEY, API_SECRET, 'undefined', 'undefined', NOW * 1000 - 30000),
    options: { secrets: [API_SECRET] },
    expect: { kind: 'legacy-web-signature', format: 'legacy', ids: ['legacy-signature'], ok: false },
  },
  'legacy-web-signature-url-safe': {
    description: 'A legacy web signature from a sample that made it URL-safe (base64url, no padding).',
    input: Buffer.from(legacySignature(API_KEY, API_SECRET, MEETING, 0, NOW * 1000 - 30000), 'base64').toString('base64url'),
    options: { secrets: [API_SECRET] },
    expect: { kind: 'legacy-web-signature', format: 'legacy', ids: ['legacy-signature'], ok: false },
  },
  'trailing-newline-only': {
    description: 'A good signature with the final newline of `echo` or a copied line: nothing worth reporting.',
    input: `${valid}\n`,
    options: secret,
    expect: { ...meetingOk, ids: [], ok: true },
  },
  'line-broken': {
    description: 'A good signature that a chat client broke across three lines.',
    input: `${valid.slice(0, 60)}\n${valid.slice(60, 150)}\r\n${valid.slice(150)}`,
    options: secret,
    expect: { ...meetingOk, ids: ['wrapped-input'], ok: true },
  },
  'surrounding-text': {
    description: 'A good signature pasted from a chat message, with the sentence around it and its full stop.',
    input: `Here it is, the signature from prod: ${valid}. It fails with 3712.`,
    options: secret,
    expect: { ...meetingOk, ids: ['wrapped-input'], ok: true },
  },
  'several-tokens': {
    description: 'Two signatures pasted together, one a line: zoomsig does not guess which one is meant.',
    input: `${valid}\n${jwt(meetingPayload({ role: 1 }))}`,
    options: secret,
    expect: { kind: 'unrecognised', format: 'unknown', ids: ['not-a-token'], ok: false },
  },
  'trailing-full-stop': {
    description: 'A good signature with a full stop after it, copied from the end of a sentence.',
    input: `${valid}.`,
    options: secret,
    expect: { ...meetingOk, ids: ['malformed-token'], ok: false },
  },
  'two-segments': {
    description: 'Only header.payload: the signature part was cut off when copying.',
    input: valid.split('.').slice(0, 2).join('.'),
    options: secret,
    expect: { ...meetingOk, ids: ['malformed-token'], ok: false },
  },
  'iat-as-string': {
    description: 'iat written as a string of digits instead of a number.',
    input: jwt(meetingPayload({ iat: String(IAT) })),
    options: secret,
    expect: { ...meetingOk, ids: ['claim-type'], ok: false },
  },
  'expires-soon': {
    description: 'A signature that expires in two minutes: it works now but a slow page load will see it expire.',
    input: jwt(meetingPayload({ iat: NOW + 120 - 7200, exp: NOW + 120, tokenExp: NOW + 120 })),
    options: secret,
    expect: { ...meetingOk, ids: ['expires-soon'], ok: true },
  },
  'secret-given-with-trailing-space': {
    description: 'The token is right, but the secret the user checks with carries a trailing space from a copy.',
    input: valid,
    options: { secrets: [`${SECRET} `] },
    expect: { ...meetingOk, ids: ['secret-whitespace', 'signature-invalid'], ok: false },
  },
  'secret-file-in-quotes': {
    description: 'The server signs with the bare secret; the secret the user checks with kept the quotes of a .env line ("…").',
    input: valid,
    options: { secrets: [`"${SECRET}"`] },
    expect: { ...meetingOk, ids: ['secret-wrapped', 'signature-invalid'], ok: false },
  },
  'signed-with-quoted-secret': {
    description: 'The server read its secret with the quotes around it (docker --env-file keeps them) and signed with "…"; the user checks with the bare secret.',
    input: jwt(meetingPayload(), `"${SECRET}"`),
    options: secret,
    expect: { ...meetingOk, ids: ['secret-wrapped', 'signature-invalid'], ok: false },
  },
  'secret-given-as-env-line': {
    description: 'The secret the user checks with is a whole line of the .env file: ZOOM_MEETING_SDK_SECRET=….',
    input: valid,
    options: { secrets: [`ZOOM_MEETING_SDK_SECRET=${SECRET}`] },
    expect: { ...meetingOk, ids: ['secret-wrapped', 'signature-invalid'], ok: false },
  },
  'video-token-signed-with-meeting-secret': {
    description: 'A Video SDK token signed with the Meeting SDK app\'s secret, both secrets at hand: named, not only refused.',
    input: jwt(videoPayload(), SECRET),
    options: {
      secrets: [{ label: 'ZOOM_VIDEO_SDK_SECRET', value: VIDEO_SECRET }],
      otherSdkSecrets: [{ label: 'ZOOM_MEETING_SDK_SECRET', value: SECRET }],
    },
    expect: { ...videoOk, ids: ['signature-invalid'], ok: false },
  },
  'signed-with-base64-decoded-secret': {
    description: 'The server base64-decoded the secret before signing, instead of using its text as UTF-8.',
    input: jwt(meetingPayload(), Buffer.from(SECRET, 'base64')),
    options: secret,
    expect: { ...meetingOk, ids: ['secret-encoding', 'signature-invalid'], ok: false },
  },
  'video-token-for-meeting-sdk': {
    description: 'A valid Video SDK token handed to the Meeting SDK.',
    input: validVideo,
    options: { secrets: [VIDEO_SECRET], sdk: 'meeting' },
    expect: { ...videoOk, ids: ['video-token-for-meeting-sdk'], ok: false },
  },
  'video-topic-too-long': {
    description: 'A Video SDK token whose session name (tpc) is 201 characters: the Video SDK allows at most 200.',
    input: jwt(videoPayload({ tpc: 't'.repeat(201) }), VIDEO_SECRET),
    options: { secrets: [VIDEO_SECRET] },
    expect: { ...videoOk, ids: ['claim-type'], ok: false },
  },
  'video-identity-too-long': {
    description: 'A Video SDK token whose user_identity is 40 characters: it must be under 36.',
    input: jwt(videoPayload({ user_identity: 'u'.repeat(40) }), VIDEO_SECRET),
    options: { secrets: [VIDEO_SECRET] },
    expect: { ...videoOk, ids: ['claim-type'], ok: false },
  },
  'webrtc-mode-not-0-or-1': {
    description: 'A web signature with video_webrtc_mode: 2, which is only ever 0 or 1.',
    input: jwt(meetingPayload({ video_webrtc_mode: 2 })),
    options: secret,
    expect: { ...meetingOk, ids: ['claim-type'], ok: false },
  },
  'meeting-token-for-video-sdk': {
    description: 'A valid Meeting SDK token handed to the Video SDK.',
    input: valid,
    options: { ...secret, sdk: 'video' },
    expect: { ...meetingOk, ids: ['meeting-token-for-video-sdk'], ok: false },
  },
  'timezone-offset-ahead': {
    description: 'Made just now on a server in UTC+2 that writes its local time as UTC: iat is two hours ahead, minus the 30 s back-dating.',
    input: jwt(meetingPayload({ iat: NOW + 7200 - 30, exp: NOW + 7200 - 30 + 7200, tokenExp: NOW + 7200 - 30 + 7200 })),
    options: secret,
    expect: { ...meetingOk, ids: ['iat-in-future', 'timezone-offset'], ok: false },
  },
  'timezone-offset-behind': {
    description: 'Made just now in UTC-5 with local time taken as UTC (Java LocalDateTime): iat five hours behind, so the two-hour token is already expired.',
    input: jwt(meetingPayload({ iat: NOW - 5 * 3600 - 30, exp: NOW - 3 * 3600 - 30, tokenExp: NOW - 3 * 3600 - 30 })),
    options: secret,
    expect: { ...meetingOk, ids: ['expired', 'timezone-offset'], ok: false },
  },
  'timezone-offset-half-hour': {
    description: 'Made in UTC+5:30 with local time taken as UTC: iat five and a half hours ahead.',
    input: jwt(meetingPayload({ iat: NOW + 5.5 * 3600, exp: NOW + 5.5 * 3600 + 7200, tokenExp: NOW + 5.5 * 3600 + 7200 })),
    options: secret,
    expect: { ...meetingOk, ids: ['iat-in-future', 'timezone-offset'], ok: false },
  },
  'timezone-offset-quarter-hour': {
    description: 'Made in Nepal (UTC+5:45) with local time taken as UTC: iat 5 h 45 min ahead.',
    input: jwt(meetingPayload({ iat: NOW + 20_700 - 30, exp: NOW + 20_700 - 30 + 7200, tokenExp: NOW + 20_700 - 30 + 7200 })),
    options: secret,
    expect: { ...meetingOk, ids: ['iat-in-future', 'timezone-offset'], ok: false },
  },
  'iat-ahead-no-such-zone': {
    description: 'iat exactly 30 minutes ahead: no time zone is UTC+0:30, so a clock running ahead, not a time zone.',
    input: jwt(meetingPayload({ iat: NOW + 1800, exp: NOW + 1800 + 7200, tokenExp: NOW + 1800 + 7200 })),
    options: secret,
    expect: { ...meetingOk, ids: ['iat-in-future'], ok: false },
  },
  'iat-ahead-within-skew': {
    description: 'iat 45 s ahead of now: within the default 60 s allowance for clock skew.',
    input: jwt(meetingPayload({ iat: NOW + 45, exp: NOW + 45 + 7200, tokenExp: NOW + 45 + 7200 })),
    options: secret,
    expect: { ...meetingOk, ids: [], ok: true },
  },
  'iat-ahead-beyond-custom-skew': {
    description: 'iat 45 s ahead of now with --skew 10: beyond the allowance asked for.',
    input: jwt(meetingPayload({ iat: NOW + 45, exp: NOW + 45 + 7200, tokenExp: NOW + 45 + 7200 })),
    options: { ...secret, skewSeconds: 10 },
    expect: { ...meetingOk, ids: ['iat-in-future'], ok: false },
  },
  'meeting-number-mismatch': {
    description: 'A valid signature for meeting 85746065012 checked against --meeting 912 3456 7890.',
    input: valid,
    options: { ...secret, meeting: '912 3456 7890' },
    expect: { ...meetingOk, ids: ['meeting-number-mismatch'], ok: false },
  },
  'meeting-number-matches-join-url': {
    description: 'A valid signature checked against --meeting given as the join URL of the same meeting.',
    input: valid,
    options: { ...secret, meeting: `https://us05web.zoom.us/j/${MEETING}?pwd=FakePwd` },
    expect: { ...meetingOk, ids: [], ok: true },
  },
  'role-mismatch': {
    description: 'A participant signature (role 0) for someone who starts the meeting as host (--role host).',
    input: valid,
    options: { ...secret, role: 'host' },
    expect: { ...meetingOk, ids: ['role-mismatch'], ok: false },
  },
  'host-needs-zak': {
    description: 'A host signature (role 1) passed to join() without a zak.',
    input: jwt(meetingPayload({ role: 1 })),
    options: { ...secret, join: { meetingNumber: MEETING, role: 1, keys: ['meetingNumber', 'role', 'signature', 'userName'] } },
    expect: { ...meetingOk, ids: ['host-needs-zak'], ok: false },
  },
  'host-with-zak': {
    description: 'A host signature (role 1) passed to join() with the host\'s zak: fine.',
    input: jwt(meetingPayload({ role: 1 })),
    options: { ...secret, join: { meetingNumber: MEETING, role: 1, zak: 'FakeZakToken', keys: ['meetingNumber', 'role', 'zak'] } },
    expect: { ...meetingOk, ids: [], ok: true },
  },
  'sdk-key-join-mismatch': {
    description: 'join() gets the sdkKey of another app than the one in the signature.',
    input: valid,
    note: SDK.joinSdkKey,
    options: { ...secret, join: { meetingNumber: MEETING, sdkKey: OTHER_KEY, keys: ['meetingNumber', 'sdkKey'] } },
    expect: { ...meetingOk, ids: ['sdk-key-join-mismatch'], ok: true },
  },
  'sdk-key-join-mismatch-3x': {
    description: 'join() gets the sdkKey of another app, on Web SDK 3.13.2 (sdkVersion), which sends that sdkKey as the key.',
    note: SDK.joinSdkKey,
    input: valid,
    options: { ...secret, sdkVersion: '3.13.2', join: { meetingNumber: MEETING, sdkKey: OTHER_KEY, keys: ['meetingNumber', 'sdkKey'] } },
    expect: { ...meetingOk, ids: ['sdk-key-join-mismatch'], ok: false },
  },
  'join-context-mismatches': {
    description: 'join() gets another meeting number (with spaces: 13 characters, too long for the client view) and role 1: both differ from the signature.',
    note: SDK.joinLength,
    input: valid,
    options: { ...secret, join: { meetingNumber: '912 3456 7890', role: 1, zak: 'FakeZakToken', keys: ['meetingNumber', 'role', 'zak'] } },
    expect: { ...meetingOk, ids: ['join-meeting-number-format', 'meeting-number-mismatch', 'role-mismatch'], ok: false },
  },
  'join-signature-differs': {
    description: 'A valid signature checked, but the join() object carries another (expired) one: the page passes join() a stale token.',
    input: valid,
    options: { ...secret, join: { meetingNumber: MEETING, signature: jwt(meetingPayload({ iat: IAT - 86_400, exp: EXP - 86_400, tokenExp: EXP - 86_400 })), keys: ['meetingNumber', 'signature'] } },
    expect: { ...meetingOk, ids: ['join-signature-differs'], ok: true },
  },
  'video-role-mismatch': {
    description: 'A Video SDK host token (role_type 1) for someone who joins as participant (--role 0).',
    input: jwt(videoPayload(), VIDEO_SECRET),
    options: { secrets: [VIDEO_SECRET], role: '0' },
    expect: { ...videoOk, ids: ['role-mismatch'], ok: false },
  },
  'iat-not-whole-seconds': {
    description: 'iat = Date.now() / 1000 without Math.floor: a fraction of a second.',
    input: jwt(meetingPayload({ iat: IAT + 0.123 })),
    options: secret,
    expect: { ...meetingOk, ids: ['claim-type'], ok: true },
  },
  'wrong-app-type-server-to-server': {
    description: 'A valid-looking signature, but the user says the credentials come from a Server-to-Server OAuth app.',
    input: valid,
    options: { ...secret, answers: { appType: 'server-to-server-oauth' } },
    expect: { ...meetingOk, ids: ['wrong-app-type'], ok: false },
  },
  'wrong-app-type-video-app': {
    description: 'A Meeting SDK token signed, the user says, with a Video SDK app\'s credentials.',
    input: valid,
    options: { ...secret, answers: { appType: 'video-sdk' } },
    expect: { ...meetingOk, ids: ['wrong-app-type'], ok: false },
  },
  'external-meeting-unpublished': {
    description: 'The meeting belongs to another account and the app is not published (web 4011, native 63).',
    input: valid,
    options: { ...secret, answers: { meetingOwner: 'other-account', appPublished: false } },
    expect: { ...meetingOk, ids: ['external-meeting'], ok: false },
  },
  'external-meeting-published': {
    description: 'The meeting belongs to another account and the app is published: it needs a ZAK or OBF token (warning).',
    input: valid,
    options: { ...secret, answers: { meetingOwner: 'other-account', appPublished: true } },
    expect: { ...meetingOk, ids: ['external-meeting'], ok: true },
  },
  'sdk-version-5-without-appkey': {
    description: 'sdkKey but no appKey, and the user says Web SDK 5.0.2: its changelog says appKey is required, but its code sends the sdkKey, so a warning.',
    note: SDK.noAppKey,
    input: jwt(without(meetingPayload(), 'appKey')),
    options: { ...secret, answers: { platform: 'web', sdkVersion: '5.0.2' } },
    expect: { ...meetingOk, ids: ['missing-claim'], ok: true },
  },
  'sdk-version-before-jwt': {
    description: 'A current SDK JWT for Web SDK 2.2.0, which predates the SDK JWT (2.3.0).',
    input: valid,
    options: { ...secret, answers: { platform: 'web', sdkVersion: '2.2.0' } },
    expect: { ...meetingOk, ids: ['sdk-version'], ok: false },
  },
  'answers-start-without-zak': {
    description: 'A participant signature for a user who says they start the meeting, without a ZAK.',
    input: valid,
    options: { ...secret, answers: { intent: 'start', hasZak: false } },
    expect: { ...meetingOk, ids: ['host-needs-zak', 'role-mismatch'], ok: false },
  },
  'answers-all-fine': {
    description: 'A valid signature, and answers that explain nothing: a General app, the account\'s own meeting, join, Web SDK 5.1.0.',
    input: valid,
    options: {
      ...secret,
      answers: { appType: 'general-embed', meetingOwner: 'same-account', intent: 'join', platform: 'web', sdkVersion: '5.1.0' },
    },
    expect: { ...meetingOk, ids: [], ok: true },
  },
  'duplicate-alg-header': {
    description: 'A header that names "alg" twice, {"alg":"none","alg":"HS256"}: JSON.parse keeps HS256, a decoder that keeps the first sees an unsigned token. RFC 7515 forbids it.',
    input: jwtFromText('{"alg":"none","alg":"HS256","typ":"JWT"}', json(meetingPayload())),
    options: secret,
    expect: { ...meetingOk, ids: ['duplicate-json-key'], ok: false },
  },
  'duplicate-role-claim': {
    description: 'A payload that names "role" twice (1, then 0), as text spliced together by hand: which one counts depends on the decoder.',
    input: jwtFromText('{"alg":"HS256","typ":"JWT"}', json(meetingPayload({ role: 1 })).replace('}', ',"role":0}')),
    options: secret,
    expect: { ...meetingOk, ids: ['duplicate-json-key'], ok: false },
  },
  'non-canonical-signature': {
    description: 'A valid token whose last signature character was changed to one that decodes to the same 32 bytes (its two spare bits set): the HMAC matches, the text is not what an encoder writes.',
    input: withSpareBitsSet(valid),
    options: secret,
    expect: { ...meetingOk, ids: ['non-canonical-signature'], ok: false },
  },
  'signature-length': {
    description: 'A valid token with one character added to its signature (44 characters, 33 bytes), checked with the right secret: no secret matches a signature of that length, and signature-invalid says the secret is not to blame.',
    input: `${valid}A`,
    options: secret,
    expect: { ...meetingOk, ids: ['signature-invalid', 'signature-length'], ok: false },
  },
  'signature-length-cut': {
    description: 'A valid token whose signature lost its last character (42 characters, 31 bytes), without a secret: signature-length says so, and non-canonical-signature does not send the user after the new last character.',
    input: valid.slice(0, -1),
    expect: { ...meetingOk, ids: ['signature-length', 'signature-unverified'], ok: false },
  },
  'signature-length-hex': {
    description: "A token whose signature is the right HMAC-SHA256 written in hex (digest('hex'), 64 characters): 48 bytes read as base64url, said to be hex, and read as hex it matches the secret (so no signature-invalid): only the encoding is wrong.",
    input: `${valid.slice(0, valid.lastIndexOf('.'))}.${createHmac('sha256', SECRET).update(valid.slice(0, valid.lastIndexOf('.'))).digest('hex')}`,
    options: secret,
    expect: { ...meetingOk, ids: ['signature-length'], ok: false },
  },
  'signature-length-sha512': {
    description: 'A token whose header says HS256 but whose HMAC is SHA-512 (64 bytes, 86 characters): said to be HMAC-SHA512.',
    input: jwt(meetingPayload(), SECRET, { hash: 'sha512' }),
    options: secret,
    expect: { ...meetingOk, ids: ['signature-invalid', 'signature-length'], ok: false },
  },
  'deeply-nested-claim': {
    description: 'A signed token with a claim nested 5,000 arrays deep (13 KB): refused as unreadable before anything walks it.',
    // As text: JSON.stringify itself overflows the stack on such a value.
    input: jwtFromText(json(HS256), json(meetingPayload()).replace(/}$/, `,"x":${'['.repeat(5000)}1${']'.repeat(5000)}}`)),
    options: secret,
    expect: { kind: 'jwt', format: 'jwt', ids: ['malformed-token'], ok: false },
  },
};

// ---------------------------------------------------------------------------
// zoomsig check: credentials as found (fixtures/credentials) and recorded
// exchanges with an auth endpoint (fixtures/endpoints), each with the ids it
// must find. The checks run on them with no process and no network.

/** A key or secret as found, and where. */
const found = (value, source) => ({ value, source });
const meetingFound = (key = KEY, secretValue = SECRET) => ({
  sdk: 'meeting',
  key: found(key, 'ZOOM_MEETING_SDK_KEY'),
  secret: found(secretValue, 'ZOOM_MEETING_SDK_SECRET'),
});
const videoFound = () => ({ sdk: 'video', key: found(VIDEO_KEY, 'ZOOM_VIDEO_SDK_KEY'), secret: found(VIDEO_SECRET, 'ZOOM_VIDEO_SDK_SECRET') });
const credentials = (sdks, more = {}) => ({ sdks, emptyVariables: [], otherAppVariables: [], ...more });

const credentialScenarios = {
  'clean-meeting': {
    description: 'A Meeting SDK key and secret as the Marketplace shows them: the token made with them verifies.',
    context: credentials([meetingFound()]),
    expect: { ids: [], verdict: 'ok' },
  },
  'clean-both-sdks': {
    description: 'Meeting SDK and Video SDK credentials, both clean.',
    context: credentials([meetingFound(), videoFound()]),
    expect: { ids: [], verdict: 'ok' },
  },
  'secret-with-newline': {
    description: 'The secret ends with a newline, as from a CI secret pasted with its line break.',
    context: credentials([meetingFound(KEY, `${SECRET}\n`)]),
    expect: { ids: ['credential-whitespace'], verdict: 'fail' },
  },
  'key-in-quotes': {
    description: 'The key is wrapped in double quotes, as docker --env-file keeps them.',
    context: credentials([meetingFound(`"${KEY}"`)]),
    expect: { ids: ['credential-quotes'], verdict: 'fail' },
  },
  'key-equals-secret': {
    description: 'The secret was pasted into the key too.',
    context: credentials([meetingFound(SECRET, SECRET)]),
    expect: { ids: ['key-equals-secret'], verdict: 'fail' },
  },
  'oauth-token-as-secret': {
    description: 'A Server-to-Server OAuth access token where the secret goes.',
    context: credentials([meetingFound(KEY, oauthToken)]),
    expect: { ids: ['token-as-credential'], verdict: 'fail' },
  },
  'key-without-secret': {
    description: 'A key whose secret variable is set but empty: a repository secret that does not exist.',
    context: credentials([{ sdk: 'meeting', key: found(KEY, 'ZOOM_MEETING_SDK_KEY') }], { emptyVariables: ['ZOOM_MEETING_SDK_SECRET'] }),
    expect: { ids: ['incomplete-credentials'], verdict: 'fail' },
  },
  'empty-video-variables': {
    description: 'Meeting SDK credentials, and the Video SDK variables set but empty.',
    context: credentials([meetingFound()], { emptyVariables: ['ZOOM_VIDEO_SDK_KEY', 'ZOOM_VIDEO_SDK_SECRET'] }),
    expect: { ids: ['empty-credential-variable'], verdict: 'warn' },
  },
  'server-to-server-variables': {
    description: 'Server-to-Server OAuth variables beside the SDK credentials, the OAuth Client ID the same as the SDK key.',
    context: credentials([meetingFound()], {
      otherAppVariables: [found('FakeAccountId012345678', 'ZOOM_ACCOUNT_ID'), found(KEY, 'ZOOM_CLIENT_ID'), found(OTHER_SECRET, 'ZOOM_CLIENT_SECRET')],
    }),
    expect: { ids: ['oauth-app-variables'], verdict: 'warn' },
  },
};

const ENDPOINT_URL = 'http://127.0.0.1:4000/';
const PAGE_ORIGIN = 'http://localhost:3000';
const probe = { url: ENDPOINT_URL, sdk: 'meeting', body: { meetingNumber: MEETING, role: 0 }, origin: PAGE_ORIGIN, timeoutMs: 5000 };
const CORS = { 'access-control-allow-origin': '*' };
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

const reply = (status, headers, body) => ({ type: 'reply', reply: { status, headers, body, ms: 3, at: NOW } });
const jsonReply = (body, status = 200, headers = CORS) => reply(status, { ...headers, ...JSON_TYPE }, json(body));
const signed = (signature) => jsonReply({ signature, sdkKey: KEY });
const posts = (outcomes) => outcomes.map((outcome, index) => ({ kind: 'post', number: index + 1, outcome }));
const preflightOk = {
  kind: 'preflight',
  number: 1,
  outcome: reply(204, { ...CORS, 'access-control-allow-methods': 'POST, OPTIONS', 'access-control-allow-headers': 'content-type' }, ''),
};
const contentTypeRefused = {
  kind: 'no-content-type',
  number: 1,
  outcome: jsonReply({ errors: [{ property: 'Content-Type', reason: 'The request has no Content-Type header.' }] }, 415),
};
const endpoint = (postOutcomes, { preflight = preflightOk, noContentType = contentTypeRefused } = {}) =>
  [...posts(postOutcomes), preflight, noContentType].filter(Boolean);
const times = (count, make) => Array.from({ length: count }, (_, index) => make(index + 1));
const closed = { type: 'no-reply', failure: { reason: 'closed', detail: 'the server closed the connection without a reply' } };

const msPayload = meetingPayload({ iat: IAT * 1000, exp: EXP * 1000, tokenExp: EXP * 1000 });
/** The HMAC in standard base64 always ends with "=": 32 bytes are not a multiple of 3. */
function paddedToken() {
  const input = `${b64url(json(HS256))}.${b64url(json(meetingPayload()))}`;
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64')}`;
}

const endpointScenarios = {
  'sample-endpoint-done-right': {
    description: 'An endpoint that answers as zoomsig serve does: signatures, CORS, a preflight, 415 without Content-Type.',
    exchanges: endpoint(times(3, () => signed(valid))),
    expect: { findings: [], verdict: 'ok' },
  },
  'timestamps-in-milliseconds': {
    description: 'Every reply signed with Date.now(): iat, exp and tokenExp in milliseconds.',
    exchanges: endpoint(times(3, () => signed(jwt(msPayload)))),
    expect: {
      findings: [
        { id: 'timestamps-in-ms', claim: 'iat', count: 3, total: 3 },
        { id: 'timestamps-in-ms', claim: 'exp', count: 3, total: 3 },
        { id: 'timestamps-in-ms', claim: 'tokenExp', count: 3, total: 3 },
      ],
      verdict: 'fail',
    },
  },
  'padded-base64-every-third': {
    description: 'Every third reply signed with standard base64 (Buffer.toString("base64")): padded, not base64url.',
    exchanges: endpoint(times(6, (n) => signed(n % 3 === 0 ? paddedToken() : valid))),
    expect: { findings: [{ id: 'base64-not-url-safe', claim: 'signature', count: 2, total: 6, requests: [3, 6] }], verdict: 'fail' },
  },
  'hmac-only': {
    description: 'The endpoint returns only the HMAC, the last part of the token.',
    exchanges: endpoint(times(2, () => jsonReply({ signature: valid.split('.')[2] }))),
    expect: { findings: [{ id: 'bare-hmac', count: 2, total: 2 }], verdict: 'fail' },
  },
  'server-error-on-some': {
    description: 'Two of four requests get HTTP 500 with an HTML page.',
    exchanges: endpoint(times(4, (n) => (n % 2 === 0 ? reply(500, { ...CORS, 'content-type': 'text/html' }, '<h1>Internal Server Error</h1>') : signed(valid)))),
    expect: { findings: [{ id: 'endpoint-http-error', count: 2, total: 4, requests: [2, 4] }], verdict: 'fail' },
  },
  'plain-text-body': {
    description: 'The token itself as text/plain, not JSON.',
    exchanges: endpoint(times(2, () => reply(200, { ...CORS, 'content-type': 'text/plain' }, valid))),
    expect: { findings: [{ id: 'endpoint-not-json', count: 2, total: 2 }], verdict: 'fail' },
  },
  'token-under-another-name': {
    description: 'The reply is {"token": …}: the web sample reads signature.',
    exchanges: endpoint(times(2, () => jsonReply({ token: valid }))),
    expect: { findings: [{ id: 'endpoint-no-signature', count: 2, total: 2 }], verdict: 'fail' },
  },
  'one-request-times-out': {
    description: 'One request of three gets no reply within the timeout.',
    exchanges: endpoint([signed(valid), { type: 'no-reply', failure: { reason: 'timeout', detail: 'no reply within 5 s' } }, signed(valid)]),
    expect: { findings: [{ id: 'endpoint-no-reply', count: 1, total: 3, requests: [2] }], verdict: 'fail' },
  },
  'accepts-and-closes': {
    description: 'A port with nothing behind it: the connection is accepted and closed without a reply, for every request, the preflight and the POST without Content-Type.',
    exchanges: endpoint(times(3, () => closed), {
      preflight: { kind: 'preflight', number: 1, outcome: closed },
      noContentType: { kind: 'no-content-type', number: 1, outcome: closed },
    }),
    expect: {
      findings: [
        { id: 'endpoint-no-reply', count: 3, total: 3 },
        { id: 'cors-preflight', count: 1, total: 1 },
        { id: 'content-type-not-required', count: 1, total: 1 },
      ],
      verdict: 'fail',
    },
  },
  'redirect-to-another-host': {
    description: 'Every POST gets a 307 to another host, which zoomsig does not follow: no signature is checked.',
    exchanges: endpoint(times(2, () => ({ type: 'redirect', redirect: { status: 307, location: 'https://collector.example.net/sign', why: 'not-followed', via: [ENDPOINT_URL] } }))),
    expect: { findings: [{ id: 'endpoint-redirect', count: 2, total: 2 }], verdict: 'fail' },
  },
  'gzip-bomb': {
    description: 'A reply of a few KiB of gzip that inflates past the 64 KiB limit: zoomsig stops reading it.',
    exchanges: endpoint(times(2, () => ({
      type: 'too-large',
      tooLarge: { status: 200, headers: { ...CORS, ...JSON_TYPE, 'content-encoding': 'gzip' }, limit: 65536, received: 2048, encoding: 'gzip' },
    }))),
    expect: { findings: [{ id: 'endpoint-reply-too-large', count: 2, total: 2 }], verdict: 'fail' },
  },
  'no-cors': {
    description: 'No Access-Control-Allow-Origin on the replies and a 404 for the preflight.',
    exchanges: endpoint(times(2, () => jsonReply({ signature: valid, sdkKey: KEY }, 200, {})), {
      preflight: { kind: 'preflight', number: 1, outcome: reply(404, {}, 'Cannot OPTIONS /') },
    }),
    expect: {
      findings: [
        { id: 'cors-missing', count: 2, total: 2 },
        { id: 'cors-preflight', count: 1, total: 1 },
      ],
      verdict: 'fail',
    },
  },
  'preflight-without-content-type': {
    description: 'The preflight allows the origin but not the Content-Type header a JSON POST needs.',
    exchanges: endpoint(times(2, () => signed(valid)), {
      preflight: { kind: 'preflight', number: 1, outcome: reply(204, { ...CORS, 'access-control-allow-methods': 'POST' }, '') },
    }),
    expect: { findings: [{ id: 'cors-preflight', count: 1, total: 1 }], verdict: 'fail' },
  },
  'body-ignored-without-content-type': {
    description: 'As Zoom\'s Express sample: without Content-Type the body is not read, and a native token (no mn, no role) is signed.',
    exchanges: endpoint(times(2, () => signed(valid)), {
      noContentType: { kind: 'no-content-type', number: 1, outcome: signed(validNative) },
    }),
    expect: { findings: [{ id: 'content-type-not-required', count: 1, total: 1 }], verdict: 'warn' },
  },
};

/** Writes one directory of fixtures, replacing what was there. */
function writeFixtures(name, entries) {
  const dir = join(OUT, '..', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [scenario, fixture] of Object.entries(entries)) writeFileSync(join(dir, `${scenario}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
  console.log(`wrote ${readdirSync(dir).length} fixtures to ${dir}`);
}

writeFixtures(
  'tokens',
  Object.fromEntries(
    Object.entries(scenarios).map(([name, { description, note, input, options, expect }]) => {
      const ids = [...new Set(expect.ids)].sort();
      return [name, { description, ...(note ? { note } : {}), input, now: NOW, ...(options ? { options } : {}), expect: { ...expect, ids } }];
    }),
  ),
);
writeFixtures(
  'credentials',
  Object.fromEntries(Object.entries(credentialScenarios).map(([name, fixture]) => [name, { description: fixture.description, now: NOW, context: fixture.context, expect: fixture.expect }])),
);
writeFixtures(
  'endpoints',
  Object.fromEntries(
    Object.entries(endpointScenarios).map(([name, { description, exchanges, expect }]) => [
      name,
      { description, now: NOW, probe, options: { secrets: [{ label: 'ZOOM_MEETING_SDK_SECRET', value: SECRET }], key: KEY }, exchanges, expect },
    ]),
  ),
);
