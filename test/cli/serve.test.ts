/**
 * zoomsig serve as a user runs it: the built bin/zoomsig.js on 127.0.0.1,
 * port 0, its URL read from its output, called with fetch, stopped with a
 * signal. Nothing leaves this machine.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanupTempDirs,
  hmac,
  KEY,
  lines,
  makeTempDir,
  MEETING_ENV,
  NOW,
  NOW_ARGS,
  runCli,
  SECRET,
  segmentJson,
  usageErrorLine,
  VIDEO_ENV,
  VIDEO_KEY,
  VIDEO_SECRET,
} from './helpers.js';
import { startServe, type RunningServe } from './support/start-serve.js';

const json = { 'content-type': 'application/json' };

describe('zoomsig serve', () => {
  let serve: RunningServe;
  const sent: string[] = [];

  beforeAll(async () => {
    serve = await startServe([...NOW_ARGS], { env: { ...MEETING_ENV, ...VIDEO_ENV } });
  });

  afterAll(cleanupTempDirs);

  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    sent.push(`${init.method ?? 'GET'} ${path}`);
    return fetch(`${serve.url}${path}`, init);
  }

  it('serves POST / as the Meeting SDK sample does, signed at --now', async () => {
    const response = await call('/', { method: 'POST', headers: json, body: '{"meetingNumber":"85746065012","role":"1"}' });
    expect(response.status).toBe(200);
    // No Origin (not a web page): no CORS.
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const reply = (await response.json()) as { signature: string; sdkKey: string };
    expect(Object.keys(reply)).toEqual(['signature', 'sdkKey']);
    expect(reply.sdkKey).toBe(KEY);
    const [header = '', payload = '', mac] = reply.signature.split('.');
    expect(mac).toBe(hmac(SECRET, `${header}.${payload}`));
    expect(segmentJson(reply.signature, 1)).toEqual({
      appKey: KEY, sdkKey: KEY, mn: '85746065012', role: 1, iat: NOW - 30, exp: NOW + 7170, tokenExp: NOW + 7170,
    });
  });

  it('serves POST /video as the Video SDK sample does', async () => {
    const response = await call('/video', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ sessionName: 'support-room-7', role: 0, geoRegions: 'US,DE', expirationSeconds: '1800' }),
    });
    const reply = (await response.json()) as { signature: string };
    expect(Object.keys(reply)).toEqual(['signature']);
    const [header = '', payload = '', mac] = reply.signature.split('.');
    expect(mac).toBe(hmac(VIDEO_SECRET, `${header}.${payload}`));
    expect(segmentJson(reply.signature, 1)).toEqual({
      app_key: VIDEO_KEY, role_type: 0, tpc: 'support-room-7', version: 1, iat: NOW - 30, exp: NOW + 1770, geo_regions: 'US,DE',
    });
  });

  it('answers a loopback page\'s CORS preflight with 204', async () => {
    const response = await call('/', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(response.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('answers a body without Content-Type with 415 naming the header', async () => {
    const body = new TextEncoder().encode('{"meetingNumber":"85746065012","role":0}');
    const response = await call('/', { method: 'POST', body });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      errors: [{ property: 'Content-Type', reason: expect.stringMatching(/^The request has no Content-Type header: .*application\/json\.$/) }],
    });
  });

  it('answers a body over 16 KiB with 413', async () => {
    const response = await call('/', { method: 'POST', headers: json, body: JSON.stringify({ padding: 'x'.repeat(17 * 1024) }) });
    expect(response.status).toBe(413);
  });

  it('answers invalid JSON and a bad role with 400', async () => {
    const broken = await call('/', { method: 'POST', headers: json, body: '{"meetingNumber":' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { errors: { property: string }[] }).errors[0]?.property).toBe('$body');
    const badRole = await call('/', { method: 'POST', headers: json, body: '{"meetingNumber":"85746065012","role":2}' });
    expect(badRole.status).toBe(400);
    expect(await badRole.json()).toEqual({ errors: [{ property: 'role', reason: 'role must be the number 0 or 1; got 2.' }] });
  });

  it('answers GET /health and 404 elsewhere', async () => {
    const health = await call('/health');
    expect(await health.json()).toEqual({ status: 'ok', meetingSdk: true, videoSdk: true });
    const missing = await call('/token', { method: 'POST', headers: json, body: '{}' });
    expect(missing.status).toBe(404);
  });

  it('stops on SIGTERM with exit 0, having logged one line per request and no secret or token', async () => {
    const { code, stdout, stderr } = await serve.stop('SIGTERM');
    expect(code).toBe(0);
    expect(lines(stdout)[0]).toBe(`zoomsig serve: listening on ${serve.url}`);
    expect(stdout).toMatch(/POST \/video +Video SDK signatures/);
    const logLines = lines(stderr).filter((line) => /^[A-Z]+ \//.test(line));
    expect(logLines.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(sent);
    for (const line of logLines) expect(line).toMatch(/^[A-Z]+ \/\S* \d{3} \d+\.\dms$/);
    expect(stderr).toContain('zoomsig serve: SIGTERM, stopping.');
    expect(stderr).not.toContain(SECRET);
    expect(stderr).not.toContain(VIDEO_SECRET);
    expect(stderr).not.toContain('eyJ');
  });
});

describe('zoomsig serve, starting and stopping', () => {
  afterAll(cleanupTempDirs);

  it('stops on SIGINT (Ctrl-C) with exit 0', async () => {
    const serve = await startServe([], { env: { ...MEETING_ENV } });
    const { code, stderr } = await serve.stop('SIGINT');
    expect(code).toBe(0);
    expect(stderr).toBe('zoomsig serve: SIGINT, stopping.\n');
  });

  it('reads credentials from .env, and answers 503 for the SDK it has none for', async () => {
    const cwd = makeTempDir({ '.env': `ZOOM_VIDEO_SDK_KEY=${VIDEO_KEY}\nZOOM_VIDEO_SDK_SECRET=${VIDEO_SECRET}\n` });
    const serve = await startServe([], { cwd });
    try {
      const meeting = await fetch(serve.url, { method: 'POST', headers: json, body: '{"meetingNumber":"85746065012","role":0}' });
      expect(meeting.status).toBe(503);
      expect(JSON.stringify(await meeting.json())).toContain('ZOOM_MEETING_SDK_KEY and ZOOM_MEETING_SDK_SECRET');
      const video = await fetch(`${serve.url}/video`, { method: 'POST', headers: json, body: '{"sessionName":"x","role":1}' });
      expect(video.status).toBe(200);
    } finally {
      const { stdout } = await serve.stop();
      expect(stdout).toContain('POST /        not configured (set ZOOM_MEETING_SDK_KEY and ZOOM_MEETING_SDK_SECRET)');
    }
  });

  it('takes --key and --secret-file for the SDK --sdk names', async () => {
    const dir = makeTempDir({ 'video.secret': `${VIDEO_SECRET}\n` });
    const serve = await startServe(['--sdk', 'video', '--key', VIDEO_KEY, '--secret-file', `${dir}/video.secret`]);
    const response = await fetch(`${serve.url}/video`, { method: 'POST', headers: json, body: '{"sessionName":"x","role":1}' });
    const { signature } = (await response.json()) as { signature: string };
    const [header = '', payload = '', mac] = signature.split('.');
    expect(mac).toBe(hmac(VIDEO_SECRET, `${header}.${payload}`));
    expect((await serve.stop()).code).toBe(0);
  });

  it.each([
    ['no credentials at all', [], {}, [/no credentials/, /ZOOM_MEETING_SDK_KEY and ZOOM_MEETING_SDK_SECRET/, /ZOOM_VIDEO_SDK_KEY and ZOOM_VIDEO_SDK_SECRET/, /\.env/]],
    ['an empty secret variable', [], { ZOOM_MEETING_SDK_SECRET: '' }, [/ZOOM_MEETING_SDK_SECRET is set but empty/]],
    ['a key without its secret', [], { ZOOM_VIDEO_SDK_KEY: VIDEO_KEY }, [/secret .*missing/i, /ZOOM_VIDEO_SDK_SECRET/]],
    ['--port 70000', ['--port', '70000'], MEETING_ENV, [/--port takes a port number from 0 to 65535/, /"70000"/]],
    ['PORT=http', [], { ...MEETING_ENV, PORT: 'http' }, [/^zoomsig: PORT takes a port number/]],
    ['an address that is not this machine\'s', ['--host', '192.0.2.1'], MEETING_ENV, [/cannot listen on 192\.0\.2\.1/]],
    ['an argument', ['now'], MEETING_ENV, [/takes no arguments/]],
  ] as const)('refuses to start with %s (exit 2, one line)', async (_name, args, env, expected) => {
    const line = usageErrorLine(await runCli(['serve', ...args], { env: { ...env } }));
    for (const pattern of expected) expect(line).toMatch(pattern);
  });

  it('says so when the port is taken', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    const port = address !== null && typeof address === 'object' ? address.port : 0;
    try {
      const line = usageErrorLine(await runCli(['serve', '--port', String(port)], { env: { ...MEETING_ENV } }));
      expect(line).toBe(
        `zoomsig: 127.0.0.1 port ${port} is already in use: stop what listens there, or choose another port with --port (0 picks a free one).`,
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
