import { describe, expect, it } from 'vitest';
import { diagnoseToken, generateSignature, verifyToken, ZoomsigError, type SignatureOptions } from '../../src/index.js';
import { independentlyValid, part } from './support/hand-checked-jwt.js';

const NOW = 1767225600;
const IAT = NOW - 30;
const KEY = 'FakeClientId0123456789';
const SECRET = 'FakeClientSecret0123456789abcdef';
const base = { key: KEY, secret: SECRET, now: NOW };

const web = (mn: string, role: 0 | 1, lifetime = 7200) => ({
  appKey: KEY, sdkKey: KEY, mn, role, iat: IAT, exp: IAT + lifetime, tokenExp: IAT + lifetime,
});
const video = (tpc: string, role: 0 | 1, lifetime = 7200) => ({
  app_key: KEY, role_type: role, tpc, version: 1, iat: IAT, exp: IAT + lifetime,
});

const valid: [string, SignatureOptions, Record<string, unknown>][] = [
  ['meeting, digits, role 0', { ...base, meetingNumber: '85746065012', role: 0 }, web('85746065012', 0)],
  ['meeting, number type, role 1', { ...base, meetingNumber: 85746065012, role: 1 }, web('85746065012', 1)],
  ['meeting, spaces, participant', { ...base, meetingNumber: '857 4606 5012', role: 'participant' }, web('85746065012', 0)],
  ['meeting, dashes, host', { ...base, meetingNumber: '857-4606-5012', role: 'host' }, web('85746065012', 1)],
  ['meeting, join URL, "1"', { ...base, meetingNumber: 'https://us05web.zoom.us/j/85746065012?pwd=abc.1', role: '1' }, web('85746065012', 1)],
  ['meeting, Date clock', { ...base, now: new Date(NOW * 1000 + 999), meetingNumber: '123456789', role: '0' }, web('123456789', 0)],
  ['meeting, webrtc', { ...base, meetingNumber: '85746065012', role: 0, webrtc: true }, { ...web('85746065012', 0), video_webrtc_mode: 1 }],
  ['meeting, 30 minutes', { ...base, meetingNumber: '85746065012', role: 0, expiresInSeconds: 1800 }, web('85746065012', 0, 1800)],
  ['meeting, 48 hours', { ...base, meetingNumber: '85746065012', role: 0, expiresInSeconds: 172800 }, web('85746065012', 0, 172800)],
  ['meeting, native', { ...base, native: true }, { appKey: KEY, sdkKey: KEY, iat: IAT, exp: IAT + 7200, tokenExp: IAT + 7200 }],
  ['video, default role', { ...base, sdk: 'video', topic: 'Fake session' }, video('Fake session', 0)],
  ['video, host, 200-char topic', { ...base, sdk: 'video', topic: 't'.repeat(200), role: 'host' }, video('t'.repeat(200), 1)],
  ['video, 30 minutes', { ...base, sdk: 'video', topic: 'x', role: 1, expiresInSeconds: 1800 }, video('x', 1, 1800)],
  [
    'video, identity and session key',
    { ...base, sdk: 'video', topic: 'Fake session', role: 0, userIdentity: 'user-1', sessionKey: 'key-1', expiresInSeconds: 172800 },
    { ...video('Fake session', 0, 172800), user_identity: 'user-1', session_key: 'key-1' },
  ],
  [
    'video, every optional claim, in the sample\'s order',
    {
      ...base, sdk: 'video', topic: 'Fake session', role: 1, userIdentity: 'user-1', sessionKey: 'key-1',
      geoRegions: ' us, de ', cloudRecordingOption: 1, cloudRecordingElection: 0, videoWebRtcMode: 1, audioWebRtcMode: 0,
    },
    {
      ...video('Fake session', 1), user_identity: 'user-1', session_key: 'key-1', geo_regions: 'US,DE',
      cloud_recording_option: 1, cloud_recording_election: 0, video_webrtc_mode: 1, audio_webrtc_mode: 0,
    },
  ],
  ['video, geo regions as an array', { ...base, sdk: 'video', topic: 'x', geoRegions: ['SG', 'jp'] }, { ...video('x', 0), geo_regions: 'SG,JP' }],
  ['video, audio mode alone', { ...base, sdk: 'video', topic: 'x', audioWebRtcMode: 1 }, { ...video('x', 0), audio_webrtc_mode: 1 }],
];

describe('generateSignature', () => {
  it.each(valid)('%s', async (_name, options, claims) => {
    const generated = await generateSignature(options);
    const token = generated.signature;
    expect(independentlyValid(token, SECRET)).toBe(true);
    expect(token.split('.')[0]).toBe(Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url'));
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]{43}$/);

    const payload = part(token, 1) as Record<string, unknown>;
    expect(payload).toEqual(claims);
    expect(Object.keys(payload)).toEqual(Object.keys(claims));
    expect(generated.payload).toEqual(payload);
    expect(payload.iat).toBe(NOW - 30);
    const lifetime = options.expiresInSeconds ?? 7200;
    expect(payload.exp).toBe(IAT + lifetime);
    if ('tokenExp' in payload) expect(payload.tokenExp).toBe(payload.exp);
    expect(generated.sdkKey).toBe(KEY);
    expect(generated.expiresAt).toBe(new Date((IAT + lifetime) * 1000).toISOString().replace('.000Z', 'Z'));

    const sdk = options.sdk === 'video' ? 'video' : 'meeting';
    const result = await verifyToken(token, { secrets: [SECRET], now: NOW, key: KEY, sdk });
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);

    // doctor, told everything the user knows, has nothing to say: now and ten minutes later.
    const role = payload.role ?? payload.role_type;
    for (const now of [NOW, NOW + 600]) {
      const diagnosis = await diagnoseToken(token, {
        secrets: [SECRET],
        now,
        key: KEY,
        sdk,
        ...(typeof payload.mn === 'string' && { meeting: payload.mn, join: { meetingNumber: payload.mn, sdkKey: KEY, role, zak: 'FakeZak', keys: [] } }),
        ...(typeof role === 'number' && { role }),
      });
      expect(diagnosis.findings).toEqual([]);
      expect(diagnosis.verdict).toBe('ok');
      expect(diagnosis.signature.valid).toBe(true);
    }
  });

  // Each refused input: the error's code, and its message naming the library option (never a CLI flag).
  const invalid: [string, SignatureOptions, ZoomsigError['code'], string, RegExp][] = [
    ['expiresIn 1799', { ...base, native: true, expiresInSeconds: 1799 }, 'INVALID_OPTION', 'expiresInSeconds', /1800 to 172800/],
    ['expiresIn 172801', { ...base, native: true, expiresInSeconds: 172801 }, 'INVALID_OPTION', 'expiresInSeconds', /30 minutes to 48 hours/],
    ['expiresIn 7200.5', { ...base, native: true, expiresInSeconds: 7200.5 }, 'INVALID_OPTION', 'expiresInSeconds', /1800 to 172800/],
    ['non-digit meeting', { ...base, meetingNumber: '85746O65012', role: 0 }, 'INVALID_OPTION', 'meetingNumber', /meeting number .*or a join URL/],
    ['join URL without a number', { ...base, meetingNumber: 'https://zoom.us/j/abc', role: 0 }, 'INVALID_OPTION', 'meetingNumber', /meeting number/],
    ['role 2', { ...base, meetingNumber: '85746065012', role: 2 as never }, 'INVALID_OPTION', 'role', /0 .*to join, or 1 .*to start/],
    ['missing meeting', { ...base, role: 0 }, 'MISSING_VALUE', 'meetingNumber', /is missing: a web signature needs it; set native: true/],
    ['missing role', { ...base, meetingNumber: '85746065012' }, 'MISSING_VALUE', 'role', /is missing: a web signature needs it \(0 to join, 1 to start\)/],
    ['video role 2', { ...base, sdk: 'video', topic: 'x', role: 'owner' as never }, 'INVALID_OPTION', 'role', /0 .*or 1/],
    ['topic over 200', { ...base, sdk: 'video', topic: 't'.repeat(201) }, 'INVALID_OPTION', 'topic', /at most 200 characters/],
    ['empty topic', { ...base, sdk: 'video', topic: ' ' }, 'MISSING_VALUE', 'topic', /session name/],
    ['user identity of 36', { ...base, sdk: 'video', topic: 'x', userIdentity: 'u'.repeat(36) }, 'INVALID_OPTION', 'userIdentity', /under 36 characters/],
    ['webrtc on a native token', { ...base, native: true, webrtc: true }, 'INVALID_OPTION', 'webrtc', /web signatures/],
    ['unknown geo region', { ...base, sdk: 'video', topic: 'x', geoRegions: 'US,XX' }, 'INVALID_OPTION', 'geoRegions', /has "XX", not a Zoom region: use AU, BR/],
    ['empty geo regions', { ...base, sdk: 'video', topic: 'x', geoRegions: ' , ' }, 'INVALID_OPTION', 'geoRegions', /names no region/],
    ['geo regions of numbers', { ...base, sdk: 'video', topic: 'x', geoRegions: [1] as never }, 'INVALID_OPTION', 'geoRegions', /comma-separated string or an array/],
    ['cloud recording option 2', { ...base, sdk: 'video', topic: 'x', cloudRecordingOption: 2 as never }, 'INVALID_OPTION', 'cloudRecordingOption', /must be the number 0 or 1; got 2/],
    ['audio mode "1"', { ...base, sdk: 'video', topic: 'x', audioWebRtcMode: '1' as never }, 'INVALID_OPTION', 'audioWebRtcMode', /must be the number 0 or 1; got "1"/],
    ['empty key', { ...base, key: '', native: true }, 'MISSING_VALUE', 'key', /is missing: the Client ID/],
    ['empty secret', { ...base, secret: '', native: true }, 'MISSING_VALUE', 'secret', /is missing: the Client Secret/],
    // The clock: never read here, and never signed broken.
    ['now in milliseconds (Date.now())', { ...base, native: true, now: NOW * 1000 }, 'INVALID_OPTION', 'now', /that is milliseconds \(Date\.now\(\)\)/],
    ['now NaN', { ...base, native: true, now: Number.NaN }, 'INVALID_OPTION', 'now', /must be a Date or Unix seconds; got NaN/],
    ['now Infinity', { ...base, native: true, now: Number.POSITIVE_INFINITY }, 'INVALID_OPTION', 'now', /got Infinity/],
    ['now an invalid Date', { ...base, native: true, now: new Date('not a date') }, 'INVALID_OPTION', 'now', /invalid Date/],
    ['now before 1970', { ...base, native: true, now: -1 }, 'INVALID_OPTION', 'now', /before 1970/],
    ['now a string', { ...base, native: true, now: '1767225600' as never }, 'INVALID_OPTION', 'now', /got string/],
    ['now missing', { key: KEY, secret: SECRET, native: true } as never, 'MISSING_VALUE', 'now', /is missing: pass the clock.*never reads the clock itself/],
    ['backdateSeconds NaN', { ...base, native: true, backdateSeconds: Number.NaN }, 'INVALID_OPTION', 'backdateSeconds', /whole number of seconds/],
    ['backdateSeconds Infinity', { ...base, native: true, backdateSeconds: Number.POSITIVE_INFINITY }, 'INVALID_OPTION', 'backdateSeconds', /got Infinity/],
    ['backdateSeconds 2.5', { ...base, native: true, backdateSeconds: 2.5 }, 'INVALID_OPTION', 'backdateSeconds', /got 2\.5/],
    ['backdateSeconds negative (iat ahead)', { ...base, native: true, backdateSeconds: -60 }, 'INVALID_OPTION', 'backdateSeconds', /from 0/],
    ['backdateSeconds past the lifetime', { ...base, native: true, backdateSeconds: 7200 }, 'INVALID_OPTION', 'backdateSeconds', /less than the lifetime \(7200\)/],
    // Options of the other SDK's signature: silently dropped before.
    ['topic on a meeting signature', { ...base, meetingNumber: '85746065012', role: 0, topic: 'room' } as never, 'INVALID_OPTION', 'topic', /for Video SDK signatures.*set sdk: "video"/],
    ['userIdentity on a meeting signature', { ...base, native: true, userIdentity: 'agent' } as never, 'INVALID_OPTION', 'userIdentity', /for Video SDK signatures/],
    ['meetingNumber on a video signature', { ...base, sdk: 'video', topic: 'x', meetingNumber: '85746065012' } as never, 'INVALID_OPTION', 'meetingNumber', /for Meeting SDK signatures.*sdk: "video"/],
    ['webrtc and native on a video signature', { ...base, sdk: 'video', topic: 'x', webrtc: true, native: true } as never, 'INVALID_OPTION', 'webrtc', /webrtc, native are for Meeting SDK signatures/],
    ['meetingNumber with native', { ...base, native: true, meetingNumber: '85746065012' }, 'INVALID_OPTION', 'meetingNumber', /native: true makes a token without mn and role/],
    ['an unknown sdk', { ...base, sdk: 'webinar' } as never, 'INVALID_OPTION', 'sdk', /sdk must be "meeting"/],
    ['no options at all', undefined as never, 'MISSING_VALUE', 'options', /generateSignature needs its options/],
  ];

  it.each(invalid)('rejects %s', async (_name, options, code, option, message) => {
    let error: unknown;
    try {
      await generateSignature(options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ZoomsigError);
    const { code: actual, subject, message: text } = error as ZoomsigError;
    expect({ code: actual, subject }).toEqual({ code, subject: option });
    expect(text).toMatch(message);
    expect(text).toMatch(new RegExp(`\\b${option}\\b`));
    expect(text).not.toMatch(/--[a-z]/);
  });
});

describe('verifyToken and diagnoseToken refuse a broken clock', () => {
  const token = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhcHBLZXkiOiJLIn0.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0';
  it.each([
    ['verifyToken without options', () => verifyToken(token, undefined as never), 'MISSING_VALUE', 'options'],
    ['verifyToken without now', () => verifyToken(token, { secrets: [SECRET] } as never), 'MISSING_VALUE', 'now'],
    ['verifyToken with now in milliseconds', () => verifyToken(token, { secrets: [SECRET], now: NOW * 1000 }), 'INVALID_OPTION', 'now'],
    ['diagnoseToken with an invalid Date', () => diagnoseToken(token, { now: new Date('') }), 'INVALID_OPTION', 'now'],
    ['diagnoseToken with an unreadable meeting', () => diagnoseToken(token, { now: NOW, meeting: 'abc' }), 'INVALID_OPTION', 'meeting'],
    ['diagnoseToken with an unreadable sdkVersion', () => diagnoseToken(token, { now: NOW, sdkVersion: 'latest' }), 'INVALID_OPTION', 'sdkVersion'],
  ] as const)('%s', async (_name, call, code, option) => {
    const error = await call().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ZoomsigError);
    expect({ code: (error as ZoomsigError).code, subject: (error as ZoomsigError).subject }).toEqual({ code, subject: option });
    expect((error as ZoomsigError).message).toMatch(new RegExp(`^(${option}|verifyToken|diagnoseToken)\\b`));
    expect((error as ZoomsigError).message).not.toMatch(/--[a-z]/);
  });
});
