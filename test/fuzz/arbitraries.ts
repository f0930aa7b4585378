/**
 * What the fuzz suite feeds zoomsig: fast-check arbitraries for pasted
 * tokens (random text, JWT-shaped text made with node:crypto's HMAC and then
 * damaged the ways copies and hand-written code damage it, legacy
 * signatures, deep nesting, keys twice), for the options of every library
 * function, and for argv / stdin / environment of the CLI. Values stay
 * within the documented types: hostile contents, not wrong types.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';

export const NOW = 1_767_225_600;
export const KEY = 'FakeClientId0123456789';
export const SECRET = 'FakeClientSecret0123456789abcdef';
export const VIDEO_KEY = 'FakeVideoKey0123456789';
export const VIDEO_SECRET = 'FakeVideoSecret0123456789abcdef';

const b64url = (data: string | Uint8Array): string => Buffer.from(data).toString('base64url');

export function hmacBase64Url(secret: string, input: string): string {
  return createHmac('sha256', secret).update(input).digest('base64url');
}

/** Text of any code points (lone surrogates too), ASCII, and a few pasted shapes. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\n', '.', '..', '...', 'a.b.c', 'eyJ.eyJ.', '{}', '[]', 'null', '"', 'Bearer ', '[object Object]', 'undefined', '\uFEFF'),
);

const timeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: NOW - 200_000, max: NOW + 200_000 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(NOW * 1000, -1, 0, 2 ** 53, Number.MAX_SAFE_INTEGER),
  fc.string({ maxLength: 12 }),
);

const claimValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  // What Number() and template strings choke on: {"toString": 1} is a plain JSON object.
  fc.constantFrom({ toString: 1 }, { valueOf: 'x', toString: null }, { __proto__: 1, constructor: 2 }),
);

const meetingPayload = fc.record(
  {
    appKey: fc.oneof(fc.constant(KEY), claimValue),
    sdkKey: fc.oneof(fc.constant(KEY), claimValue),
    mn: fc.oneof(fc.constant('85746065012'), fc.string({ maxLength: 20 }), fc.integer()),
    role: fc.oneof(fc.constantFrom(0, 1, '0', '1', 2, -1), claimValue),
    iat: timeValue,
    exp: timeValue,
    tokenExp: timeValue,
    video_webrtc_mode: fc.constantFrom(0, 1),
  },
  { requiredKeys: [] },
);

const videoPayload = fc.record(
  {
    app_key: fc.oneof(fc.constant(VIDEO_KEY), claimValue),
    tpc: fc.oneof(fc.string({ maxLength: 30 }), claimValue),
    role_type: fc.oneof(fc.constantFrom(0, 1), claimValue),
    version: fc.oneof(fc.constant(1), claimValue),
    iat: timeValue,
    exp: timeValue,
    session_key: claimValue,
    user_identity: claimValue,
  },
  { requiredKeys: [] },
);

const otherPayload = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 10 }), claimValue, { maxKeys: 6 }),
  fc.constant({ aud: 'https://oauth.zoom.us', iss: 'zm:cid:abc', exp: NOW + 3600 }),
  fc.constant({ aud: 'clientsm', iss: 'web', exp: NOW + 3600 }),
  fc.constant({ iss: 'FakeJwtAppApiKey', exp: NOW + 3600 }),
);

const header = fc.oneof(
  fc.constant<Record<string, unknown>>({ alg: 'HS256', typ: 'JWT' }),
  fc.record({ alg: fc.oneof(fc.constantFrom('HS256', 'HS512', 'none', 'hs256', 'RS256', 'HS256 ', ''), claimValue), typ: fc.oneof(fc.constant('JWT'), claimValue) }, { requiredKeys: [] }),
  fc.dictionary(fc.string({ maxLength: 6 }), claimValue, { maxKeys: 4 }),
);

const secret: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(SECRET, `${SECRET} `, `${SECRET}\n`, KEY, VIDEO_SECRET, '0f1e2d3c4b5a69788796a5b4c3d2e1f0', 'c2VjcmV0'),
  fc.string({ maxLength: 48 }),
  fc.string({ unit: 'binary', maxLength: 16 }),
);

/** JSON text of a header or payload: as JSON.stringify writes it, with a key twice, or nested deep. */
function jsonText(value: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: value.map((object) => JSON.stringify(object)) },
    { weight: 1, arbitrary: fc.tuple(value, fc.string({ maxLength: 6 }), claimValue).map(([object, key, extra]) => JSON.stringify(object).replace(/}$/, `${Object.keys(object).length > 0 ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(extra)},${JSON.stringify(key)}:1}`)) },
    { weight: 1, arbitrary: fc.tuple(value, fc.integer({ min: 50, max: 3000 }), fc.boolean()).map(([object, depth, arrays]) => JSON.stringify(object).replace(/}$/, `${Object.keys(object).length > 0 ? ',' : ''}"x":${nested(depth, arrays)}}`)) },
  );
}

export function nested(depth: number, arrays: boolean): string {
  return arrays ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** A JWT as a server would sign it: header and payload text, HMAC-SHA256 with a secret. */
export const signedJwt: fc.Arbitrary<{ token: string; secret: string }> = fc
  .tuple(jsonText(header), jsonText(fc.oneof(meetingPayload, videoPayload, otherPayload)), secret)
  .map(([headerText, payloadText, key]) => {
    const input = `${b64url(headerText)}.${b64url(payloadText)}`;
    return { token: `${input}.${hmacBase64Url(key, input)}`, secret: key };
  });

/** The ways a token gets damaged between the server and the paste. */
const damage: fc.Arbitrary<(token: string) => string> = fc.oneof(
  fc.constant((token: string) => token),
  fc.constant((token: string) => token),
  fc.nat().map((n) => (token: string) => token.slice(0, n % (token.length + 1))),
  fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })).map(([n, c]) => (token: string) => {
    const index = n % Math.max(token.length, 1);
    return `${token.slice(0, index)}${c}${token.slice(index + 1)}`;
  }),
  fc.constant((token: string) => token.replace(/-/g, '+').replace(/_/g, '/')),
  fc.constant((token: string) => `${token}=`),
  fc.constant((token: string) => `"${token}"`),
  fc.constant((token: string) => `Bearer ${token}`),
  fc.constant((token: string) => JSON.stringify({ signature: token, sdkKey: KEY })),
  fc.constant((token: string) => `${token.slice(0, 50)}\n${token.slice(50)}`),
  fc.constant((token: string) => `${token}.`),
  fc.constant((token: string) => token.toLowerCase()),
  fc.constant((token: string) => `\u201c${token}\u201d`),
  fc.constant((token: string) => `${token.slice(0, 20)}\u200b${token.slice(20)}`),
  // The signature's spare bits set.
  fc.constant((token: string) => token.replace(/.$/, (last) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.charAt('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.indexOf(last) | 3) || last)),
);

/** The retired JWT-app web signature, right and wrong. */
const legacy: fc.Arbitrary<string> = fc
  .tuple(fc.string({ maxLength: 24 }), fc.oneof(fc.constant('85746065012'), fc.string({ maxLength: 12 })), fc.oneof(fc.constant(String(NOW * 1000)), fc.string({ maxLength: 14 })), fc.constantFrom('0', '1', 'undefined', ''), secret)
  .map(([apiKey, meeting, ts, role, apiSecret]) => {
    const message = Buffer.from(`${apiKey}${meeting}${ts}${role}`).toString('base64');
    const hash = createHmac('sha256', apiSecret).update(message).digest('base64');
    return Buffer.from(`${apiKey}.${meeting}.${ts}.${role}.${hash}`).toString('base64');
  });

/** Anything that may be pasted where a token goes. */
export const pasted: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: anyText },
  { weight: 6, arbitrary: fc.tuple(signedJwt, damage).map(([{ token }, hurt]) => hurt(token)) },
  { weight: 1, arbitrary: legacy },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 48 }).map((bytes) => Buffer.from(bytes).toString('base64')) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('hex')) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 60, max: 5000 }), fc.boolean()).map(([depth, arrays]) => nested(depth, arrays)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? '') },
);

export const clock: fc.Arbitrary<number | Date> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: NOW - 100_000, max: NOW + 100_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 4_000_000_000 }) },
  { weight: 1, arbitrary: fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z') }) },
);

const secretInputs = fc.array(fc.oneof(secret, fc.record({ label: fc.string({ maxLength: 12 }), value: secret })), { maxLength: 3 });

const joinContext = fc.record(
  {
    meetingNumber: claimValue,
    sdkKey: fc.oneof(fc.constant(KEY), claimValue),
    zak: claimValue,
    role: claimValue,
    signature: fc.oneof(pasted, claimValue),
    keys: fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }),
  },
  { requiredKeys: ['keys'] },
);

const answers = fc.record(
  {
    appType: fc.constantFrom('meeting-sdk', 'general-embed', 'video-sdk', 'server-to-server-oauth', 'oauth', 'jwt', 'unknown'),
    meetingOwner: fc.constantFrom('same-account', 'other-account', 'unknown'),
    appPublished: fc.boolean(),
    intent: fc.constantFrom('join', 'start'),
    hasZak: fc.boolean(),
    platform: fc.constantFrom('web', 'android', 'ios', 'windows', 'macos', 'electron', 'other'),
    sdkVersion: fc.oneof(fc.constantFrom('5.1.0', '2.18.0', '3.9', 'v4', ''), fc.string({ maxLength: 8 })),
  },
  { requiredKeys: [] },
);

const roleInput = fc.oneof(fc.constantFrom<string | number>(0, 1, '0', '1', 'host', 'participant', 'attendee'), fc.string({ maxLength: 8 }), fc.integer());
const meetingInput = fc.oneof(fc.constantFrom<string | number>('85746065012', '857 4606 5012', 'https://zoom.us/j/85746065012?pwd=x'), fc.string({ maxLength: 30 }), fc.integer());
const sdk = fc.constantFrom<'meeting' | 'video'>('meeting', 'video');

export const verifyOptions = fc.record(
  {
    secrets: fc.oneof(secret, secretInputs),
    now: clock,
    key: fc.oneof(fc.constant(KEY), fc.string({ maxLength: 24 })),
    keyLabel: fc.string({ maxLength: 12 }),
    sdk,
    ignoreExp: fc.boolean(),
    skewSeconds: fc.oneof(fc.nat(), fc.double({ noNaN: true })),
  },
  { requiredKeys: ['secrets', 'now'] },
);

export const doctorOptions = fc.record(
  {
    now: clock,
    secrets: fc.oneof(secret, secretInputs),
    key: fc.oneof(fc.constant(KEY), fc.string({ maxLength: 24 })),
    keyLabel: fc.string({ maxLength: 12 }),
    sdk,
    meeting: meetingInput,
    role: roleInput,
    join: joinContext,
    answers,
    ignoreExp: fc.boolean(),
    skewSeconds: fc.oneof(fc.nat(), fc.double({ noNaN: true })),
    error: fc.oneof(fc.constantFrom('3712', '200', '124', '63', '3705', 'JWTTOKENWRONG', 'jwttokenwrong'), fc.string({ maxLength: 8 })),
  },
  { requiredKeys: ['now'] },
);

export const signatureOptions = fc.oneof(
  fc.record(
    {
      sdk: fc.constant('meeting' as const),
      key: fc.oneof(fc.constant(KEY), fc.string({ maxLength: 30 })),
      secret,
      now: clock,
      meetingNumber: meetingInput,
      role: roleInput,
      expiresInSeconds: fc.oneof(fc.integer({ min: 1800, max: 172_800 }), fc.integer(), fc.double()),
      native: fc.boolean(),
      webrtc: fc.boolean(),
      backdateSeconds: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.double()),
    },
    { requiredKeys: ['key', 'secret', 'now'] },
  ),
  fc.record(
    {
      sdk: fc.constant('video' as const),
      key: fc.oneof(fc.constant(VIDEO_KEY), fc.string({ maxLength: 30 })),
      secret,
      now: clock,
      topic: fc.string({ maxLength: 220 }),
      role: roleInput,
      sessionKey: fc.string({ maxLength: 40 }),
      userIdentity: fc.string({ maxLength: 40 }),
      geoRegions: fc.oneof(fc.constantFrom('US,DE', 'us', ''), fc.string({ maxLength: 10 }), fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 })),
      expiresInSeconds: fc.oneof(fc.integer({ min: 1800, max: 172_800 }), fc.integer()),
    },
    { requiredKeys: ['sdk', 'key', 'secret', 'now', 'topic'] },
  ),
);

export const jsonPayload = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
export { claimValue, header as headerObject, meetingInput, roleInput, secret };

const credentialValue = fc.record({ value: fc.oneof(fc.constantFrom(KEY, SECRET, `${SECRET}\n`, `"${SECRET}"`, ''), fc.string({ maxLength: 40 }), pasted), source: fc.string({ maxLength: 20 }) });

export const credentialsContext = fc.record({
  sdks: fc.array(fc.record({ sdk, key: fc.option(credentialValue, { nil: undefined }), secret: fc.option(credentialValue, { nil: undefined }) }), { maxLength: 2 }),
  emptyVariables: fc.array(fc.string({ maxLength: 24 }), { maxLength: 3 }),
  otherAppVariables: fc.array(credentialValue, { maxLength: 3 }),
});

export const credentialsOptions = fc.record(
  { now: fc.integer({ min: 0, max: 4_000_000_000 }), meeting: fc.string({ maxLength: 20 }), role: roleInput, topic: fc.string({ maxLength: 30 }) },
  { requiredKeys: ['now'] },
);

const replyBody: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(signedJwt, damage).map(([{ token }, hurt]) => JSON.stringify({ signature: hurt(token), sdkKey: KEY })),
  pasted,
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? ''),
  fc.constantFrom('', 'Internal Server Error', '{"errors":[{"property":"role","reason":"bad"}]}', `{"signature":${nested(3000, true)}}`),
);

const exchange = fc.record({
  kind: fc.constantFrom<'post' | 'preflight' | 'no-content-type'>('post', 'post', 'post', 'preflight', 'no-content-type'),
  number: fc.integer({ min: 1, max: 20 }),
  outcome: fc.oneof(
    fc.record({
      type: fc.constant('reply' as const),
      reply: fc.record({
        status: fc.oneof(fc.constantFrom(200, 204, 400, 401, 403, 404, 413, 415, 421, 500, 503), fc.integer({ min: 100, max: 599 })),
        headers: fc.dictionary(fc.constantFrom('content-type', 'access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'location', 'x-any'), fc.string({ maxLength: 40 })),
        body: replyBody,
        ms: fc.nat({ max: 10_000 }),
        at: fc.integer({ min: NOW - 1000, max: NOW + 1000 }),
      }),
    }),
    fc.record({ type: fc.constant('no-reply' as const), failure: fc.record({ reason: fc.constantFrom<'timeout' | 'network'>('timeout', 'network'), detail: fc.string({ maxLength: 40 }) }) }),
  ),
});

export const endpointArgs = fc.tuple(
  fc.array(exchange, { maxLength: 8 }),
  fc.record({
    url: fc.constantFrom('http://127.0.0.1:4000/', 'https://sig.example.com/api', 'http://localhost:4000/video'),
    sdk,
    body: fc.oneof(fc.constant({ meetingNumber: '85746065012', role: 0 }), fc.constant({ sessionName: 'room', role: 1 })),
    origin: fc.option(fc.constantFrom('http://localhost:3000', 'https://app.example'), { nil: undefined }),
    timeoutMs: fc.constantFrom(5000, 100),
  }),
  fc.record(
    {
      secrets: fc.array(fc.record({ label: fc.string({ maxLength: 12 }), value: secret }), { maxLength: 2 }),
      now: fc.integer({ min: NOW - 1000, max: NOW + 1000 }),
      key: fc.string({ maxLength: 24 }),
      ignoreExp: fc.boolean(),
      skewSeconds: fc.nat({ max: 600 }),
    },
    { requiredKeys: ['secrets', 'now'] },
  ),
);

export const joinText: fc.Arbitrary<string> = fc.oneof(
  joinContext.map((join) => JSON.stringify(join)),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? ''),
  anyText,
  fc.tuple(fc.integer({ min: 60, max: 5000 }), fc.boolean()).map(([depth, arrays]) => `{"signature":${nested(depth, arrays)}}`),
);
