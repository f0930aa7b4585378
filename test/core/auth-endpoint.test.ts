/**
 * zoomsig serve's request handling without a network: routes, content type,
 * JSON, CORS, and the tokens themselves, checked by hand with node:crypto and
 * by verifyToken (no error or warning).
 */
import { describe, expect, it } from 'vitest';
import {
  handleEndpointRequest,
  MAX_BODY_BYTES,
  tooLargeReply,
  type EndpointConfig,
  type EndpointReply,
  type EndpointRequest,
} from '../../src/core/auth-endpoint.js';
import { diagnoseToken, verifyToken } from '../../src/index.js';
import { independentlyValid, part } from './support/hand-checked-jwt.js';

const NOW = 1_767_225_600;
const IAT = NOW - 30;
const MEETING = { key: 'FakeClientId0123456789', secret: 'FakeClientSecret0123456789abcdef' };
const VIDEO = { key: 'FakeVideoKey0123456789', secret: 'FakeVideoSecret0123456789abcdef' };
const BOTH: EndpointConfig = { meeting: MEETING, video: VIDEO, now: () => NOW };
const JSON_TYPE = { 'content-type': 'application/json' };

function request(method: string, path: string, body: unknown = '', headers: EndpointRequest['headers'] = JSON_TYPE): EndpointRequest {
  return { method, path, headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

const post = (path: string, body: unknown, config: EndpointConfig = BOTH): Promise<EndpointReply> =>
  handleEndpointRequest(request('POST', path, body), config);

function signatureOf(reply: EndpointReply): string {
  const signature = reply.body?.signature;
  if (typeof signature !== 'string') throw new Error(`no signature in ${JSON.stringify(reply)}`);
  return signature;
}

/** The token is right by hand, and verifyToken finds nothing above info. */
async function expectServedTokenAccepted(token: string, sdk: 'meeting' | 'video'): Promise<void> {
  const credentials = sdk === 'meeting' ? MEETING : VIDEO;
  expect(independentlyValid(token, credentials.secret)).toBe(true);
  expect(part(token, 0)).toEqual({ alg: 'HS256', typ: 'JWT' });
  const result = await verifyToken(token, { secrets: [credentials.secret], key: credentials.key, sdk, now: NOW });
  expect(result.findings.filter((finding) => finding.severity !== 'info')).toEqual([]);
  expect(result.ok).toBe(true);
  // doctor, with the meeting and role the token was asked for, has nothing to say either.
  const payload = part(token, 1) as Record<string, unknown>;
  const diagnosis = await diagnoseToken(token, {
    secrets: [credentials.secret],
    key: credentials.key,
    sdk,
    now: NOW,
    ...(typeof payload.mn === 'string' && { meeting: payload.mn }),
    ...(typeof payload.role === 'number' && { role: payload.role }),
  });
  expect(diagnosis.findings).toEqual([]);
  expect(diagnosis.verdict).toBe('ok');
}

describe('POST / (Meeting SDK sample)', () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      'web token, role 0',
      { meetingNumber: '85746065012', role: 0 },
      { appKey: MEETING.key, sdkKey: MEETING.key, mn: '85746065012', role: 0, iat: IAT, exp: IAT + 7200, tokenExp: IAT + 7200 },
    ],
    [
      'numeric strings coerced, spaced meeting number, webrtc, 30 minutes',
      { meetingNumber: '857 4606 5012', role: '1', expirationSeconds: '1800', videoWebRtcMode: '1' },
      {
        appKey: MEETING.key, sdkKey: MEETING.key, mn: '85746065012', role: 1, iat: IAT, exp: IAT + 1800, tokenExp: IAT + 1800,
        video_webrtc_mode: 1,
      },
    ],
    [
      'native token (neither meetingNumber nor role), 48 hours',
      { expirationSeconds: 172800 },
      { appKey: MEETING.key, sdkKey: MEETING.key, iat: IAT, exp: IAT + 172800, tokenExp: IAT + 172800 },
    ],
  ];

  it.each(cases)('%s', async (_name, body, claims) => {
    const reply = await post('/', body);
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body ?? {})).toEqual(['signature', 'sdkKey']);
    expect(reply.body?.sdkKey).toBe(MEETING.key);
    const token = signatureOf(reply);
    expect(part(token, 1)).toEqual(claims);
    expect(Object.keys(part(token, 1) as object)).toEqual(Object.keys(claims));
    await expectServedTokenAccepted(token, 'meeting');
  });

  it('answers a bad body with 400 and every problem, as the sample does', async () => {
    const reply = await post('/', { meetingNumber: '85746065012', role: 2, expirationSeconds: 60 });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      errors: [
        { property: 'role', reason: 'role must be the number 0 or 1; got 2.' },
        { property: 'expirationSeconds', reason: expect.stringMatching(/1800 to 172800 seconds\); got 60\.$/) },
      ],
    });
  });

  it('answers meetingNumber without role with the sample\'s $schema error', async () => {
    expect((await post('/', { meetingNumber: '85746065012' })).body).toEqual({
      errors: [{ property: '$schema', reason: expect.stringContaining('meetingNumber and role go together') }],
    });
  });

  it('signs at the injected clock, read at each request', async () => {
    let now = NOW;
    const config: EndpointConfig = { meeting: MEETING, now: () => now };
    const first = part(signatureOf(await post('/', { meetingNumber: '85746065012', role: 0 }, config)), 1);
    now += 100;
    const second = part(signatureOf(await post('/', { meetingNumber: '85746065012', role: 0 }, config)), 1);
    expect(first).toMatchObject({ iat: NOW - 30 });
    expect(second).toMatchObject({ iat: NOW + 70 });
  });

  it('answers 503 naming the variables when it has no Meeting SDK credentials', async () => {
    const reply = await post('/', { meetingNumber: '85746065012', role: 0 }, { video: VIDEO, now: () => NOW });
    expect(reply.status).toBe(503);
    expect(reply.body).toEqual({
      errors: [{ property: '$server', reason: expect.stringMatching(/no Meeting SDK credentials: .*ZOOM_MEETING_SDK_KEY and ZOOM_MEETING_SDK_SECRET/) }],
    });
  });
});

describe('POST /video (Video SDK sample)', () => {
  it('answers {signature} alone, with the claims in the sample\'s order', async () => {
    const reply = await post('/video', { sessionName: 'support-room-7', role: 1, userIdentity: 'agent-42', sessionKey: 'k-1' });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body ?? {})).toEqual(['signature']);
    const token = signatureOf(reply);
    const claims = {
      app_key: VIDEO.key, role_type: 1, tpc: 'support-room-7', version: 1, iat: IAT, exp: IAT + 7200,
      user_identity: 'agent-42', session_key: 'k-1',
    };
    expect(part(token, 1)).toEqual(claims);
    expect(Object.keys(part(token, 1) as object)).toEqual(Object.keys(claims));
    await expectServedTokenAccepted(token, 'video');
  });

  it('writes every optional claim, numeric strings coerced', async () => {
    const reply = await post('/video', {
      sessionName: 'room', role: '0', geoRegions: ['us', 'DE'], cloudRecordingOption: '1', cloudRecordingElection: 1,
      videoWebRtcMode: '1', audioWebRtcMode: 1, expirationSeconds: '3600',
    });
    const token = signatureOf(reply);
    expect(part(token, 1)).toEqual({
      app_key: VIDEO.key, role_type: 0, tpc: 'room', version: 1, iat: IAT, exp: IAT + 3600,
      geo_regions: 'US,DE', cloud_recording_option: 1, cloud_recording_election: 1, video_webrtc_mode: 1, audio_webrtc_mode: 1,
    });
    await expectServedTokenAccepted(token, 'video');
  });

  it('answers a bad body with 400 and every problem', async () => {
    const reply = await post('/video', { role: 3, geoRegions: 'XX' });
    expect(reply.status).toBe(400);
    expect(reply.body?.errors).toEqual([
      { property: 'sessionName', reason: expect.stringContaining('required') },
      { property: 'role', reason: 'role must be the number 0 or 1; got 3.' },
      { property: 'geoRegions', reason: expect.stringContaining('"XX", not a Zoom region') },
    ]);
  });

  it('answers 503 naming the variables when it has no Video SDK credentials', async () => {
    const reply = await post('/video', { sessionName: 'room', role: 1 }, { meeting: MEETING, now: () => NOW });
    expect(reply.status).toBe(503);
    expect(JSON.stringify(reply.body)).toMatch(/no Video SDK credentials: .*ZOOM_VIDEO_SDK_KEY and ZOOM_VIDEO_SDK_SECRET/);
  });
});

describe('the request around the body', () => {
  const valid = { meetingNumber: '85746065012', role: 0 };

  it.each([
    ['application/json; charset=utf-8'],
    ['Application/JSON'],
    ['application/vnd.api+json'],
  ])('takes Content-Type %s', async (type) => {
    expect((await handleEndpointRequest(request('POST', '/', valid, { 'content-type': type }), BOTH)).status).toBe(200);
  });

  it('answers 415 with a sentence naming the missing header', async () => {
    const reply = await handleEndpointRequest(request('POST', '/', valid, {}), BOTH);
    expect(reply.status).toBe(415);
    expect(reply.body).toEqual({
      errors: [
        {
          property: 'Content-Type',
          reason: 'The request has no Content-Type header: send the body as JSON with the header Content-Type: application/json.',
        },
      ],
    });
  });

  it.each([['text/plain;charset=UTF-8'], ['application/x-www-form-urlencoded'], ['multipart/form-data; boundary=x']])(
    'answers 415 to Content-Type %s, naming it',
    async (type) => {
      const reply = await handleEndpointRequest(request('POST', '/video', valid, { 'content-type': type }), BOTH);
      expect(reply.status).toBe(415);
      expect(JSON.stringify(reply.body)).toContain(`The Content-Type header is \\"${type}\\", not JSON`);
    },
  );

  it.each([
    ['invalid JSON', '{"meetingNumber": 857', /^The body is not valid JSON \(.+\): send an object such as \{"meetingNumber"/],
    ['an empty body', '', /^The body is empty: send a JSON object such as/],
    ['an array', '[1,2]', /must be a JSON object .*; got an array\.$/],
    ['null', 'null', /; got null\.$/],
    ['a string', '"85746065012"', /; got a string\.$/],
  ])('answers %s with 400 on $body', async (_name, body, reason) => {
    const reply = await handleEndpointRequest(request('POST', '/', body), BOTH);
    expect(reply.status).toBe(400);
    expect(reply.body?.errors).toEqual([{ property: '$body', reason: expect.stringMatching(reason) }]);
  });

  it('answers 404 with what is served', async () => {
    const reply = await handleEndpointRequest(request('POST', '/signature', valid), BOTH);
    expect(reply.status).toBe(404);
    expect(reply.body?.errors).toEqual([
      { property: '$path', reason: 'Nothing is served at /signature: POST / (Meeting SDK), POST /video (Video SDK), GET /health.' },
    ]);
  });

  it('answers 405 with Allow to a GET of a signature route', async () => {
    const reply = await handleEndpointRequest(request('GET', '/'), BOTH);
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST, OPTIONS');
    expect(reply.body?.errors).toEqual([{ property: '$method', reason: '/ takes POST, not GET.' }]);
  });

  it('answers GET /health with which SDKs are configured', async () => {
    const reply = await handleEndpointRequest(request('GET', '/health', '', {}), { meeting: MEETING, now: () => NOW });
    expect(reply).toMatchObject({ status: 200, body: { status: 'ok', meetingSdk: true, videoSdk: false } });
  });

  it('puts no-store on every JSON reply, and CORS for no one without an Origin', async () => {
    for (const reply of [await post('/', valid), await post('/', {}), await handleEndpointRequest(request('GET', '/nowhere'), BOTH), tooLargeReply()]) {
      expect(reply.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  const preflight = (origin: string): EndpointRequest =>
    request('OPTIONS', '/', '', {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-request-id',
      'access-control-request-private-network': 'true',
    });

  it('answers a loopback page\'s CORS preflight with 204, its origin, the methods and headers asked for, and Private Network Access', async () => {
    expect(await handleEndpointRequest(preflight('http://localhost:3000'), BOTH)).toEqual({
      status: 204,
      headers: {
        'access-control-allow-origin': 'http://localhost:3000',
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': 'content-type,x-request-id',
        'access-control-max-age': '600',
        'access-control-allow-private-network': 'true',
        vary: 'Origin, Access-Control-Request-Headers',
      },
    });
  });

  it('refuses another site\'s preflight with 403 and a sentence, without CORS or Private Network Access', async () => {
    const reply = await handleEndpointRequest(preflight('https://app.example'), BOTH);
    expect(reply.status).toBe(403);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    expect(reply.headers['access-control-allow-private-network']).toBeUndefined();
    expect(reply.body?.errors).toEqual([
      { property: 'Origin', reason: expect.stringMatching(/^A page from https:\/\/app\.example may not ask this server for signatures: .* start zoomsig serve with --allow-origin https:\/\/app\.example\.$/) },
    ]);
  });

  it('with allowOrigins ["*"] answers any page as Zoom\'s sample does', async () => {
    const reply = await handleEndpointRequest(preflight('https://app.example'), { ...BOTH, access: { allowOrigins: ['*'] } });
    expect(reply.status).toBe(204);
    expect(reply.headers['access-control-allow-origin']).toBe('*');
    expect(reply.headers['access-control-allow-private-network']).toBe('true');
    expect((await post('/', valid, { ...BOTH, access: { allowOrigins: ['*'] } })).headers['access-control-allow-origin']).toBe('*');
  });

  it('allows Content-Type in a preflight that names no headers, or names odd ones', async () => {
    const plain = await handleEndpointRequest(request('OPTIONS', '/video', '', {}), BOTH);
    const odd = await handleEndpointRequest(request('OPTIONS', '/video', '', { 'access-control-request-headers': 'a\r\nb' }), BOTH);
    expect(plain.headers['access-control-allow-headers']).toBe('Content-Type');
    expect(odd.headers['access-control-allow-headers']).toBe('Content-Type');
    expect(plain.body).toBeUndefined();
  });

  it('has a 413 reply naming the limit', async () => {
    expect(MAX_BODY_BYTES).toBe(16_384);
    expect(tooLargeReply()).toMatchObject({ status: 413, body: { errors: [{ property: '$body', reason: expect.stringMatching(/over 16 KiB/) }] } });
  });
});
