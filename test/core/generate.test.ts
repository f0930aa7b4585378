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

  const invalid: [string, SignatureOptions, RegExp][] = [
    ['expiresIn 1799', { ...base, native: true, expiresInSeconds: 1799 }, /1800 to 172800/],
    ['expiresIn 172801', { ...base, native: true, expiresInSeconds: 172801 }, /30 minutes to 48 hours/],
    ['expiresIn 7200.5', { ...base, native: true, expiresInSeconds: 7200.5 }, /1800 to 172800/],
    ['non-digit meeting', { ...base, meetingNumber: '85746O65012', role: 0 }, /meeting number .*or a join URL/],
    ['join URL without a number', { ...base, meetingNumber: 'https://zoom.us/j/abc', role: 0 }, /meeting number/],
    ['role 2', { ...base, meetingNumber: '85746065012', role: 2 as never }, /0 .*to join, or 1 .*to start/],
    ['missing meeting', { ...base, role: 0 }, /needs the meeting number .*--native/],
    ['missing role', { ...base, meetingNumber: '85746065012' }, /needs the role .*0 to join, 1 to start/],
    ['video role 2', { ...base, sdk: 'video', topic: 'x', role: 'owner' as never }, /0 .*or 1/],
    ['topic over 200', { ...base, sdk: 'video', topic: 't'.repeat(201) }, /at most 200 characters/],
    ['empty topic', { ...base, sdk: 'video', topic: ' ' }, /session name/],
    ['user identity of 36', { ...base, sdk: 'video', topic: 'x', userIdentity: 'u'.repeat(36) }, /under 36 characters/],
    ['webrtc on a native token', { ...base, native: true, webrtc: true }, /web signatures/],
    ['unknown geo region', { ...base, sdk: 'video', topic: 'x', geoRegions: 'US,XX' }, /geoRegions has "XX", not a Zoom region: use AU, BR/],
    ['empty geo regions', { ...base, sdk: 'video', topic: 'x', geoRegions: ' , ' }, /geoRegions names no region/],
    ['geo regions of numbers', { ...base, sdk: 'video', topic: 'x', geoRegions: [1] as never }, /comma-separated string or an array/],
    ['cloud recording option 2', { ...base, sdk: 'video', topic: 'x', cloudRecordingOption: 2 as never }, /cloudRecordingOption must be the number 0 or 1; got 2/],
    ['audio mode "1"', { ...base, sdk: 'video', topic: 'x', audioWebRtcMode: '1' as never }, /audioWebRtcMode must be the number 0 or 1; got "1"/],
    ['empty key', { ...base, key: '', native: true }, /Client ID .*missing/],
    ['empty secret', { ...base, secret: '', native: true }, /Client Secret .*missing/],
  ];

  it.each(invalid)('rejects %s', async (_name, options, message) => {
    let error: unknown;
    try {
      await generateSignature(options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ZoomsigError);
    expect((error as ZoomsigError).message).toMatch(message);
  });
});
