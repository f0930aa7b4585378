/**
 * serve's access policy without a network: Host (DNS rebinding), Origin
 * (CORS), the bearer token, --max-role and --max-expiration, as
 * handleEndpointRequest applies them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleEndpointRequest, type EndpointConfig, type EndpointRequest } from '../../src/core/auth-endpoint.js';
import { constantTimeEqual, hostAllowed, hostnameOf, hostRule, normaliseOrigin, originAllowed } from '../../src/core/endpoint-access.js';
import { normaliseMeetingNumber, normaliseRole } from '../../src/core/normalise.js';
import { part } from './support/hand-checked-jwt.js';

const NOW = 1_767_225_600;
const MEETING = { key: 'FakeClientId0123456789', secret: 'FakeClientSecret0123456789abcdef' };
const VIDEO = { key: 'FakeVideoKey0123456789', secret: 'FakeVideoSecret0123456789abcdef' };
const JOIN = { meetingNumber: '85746065012', role: 0 };
const HOST = { meetingNumber: '85746065012', role: 1 };

function call(access: EndpointConfig['access'], path: string, body: unknown, headers: Record<string, string> = {}) {
  const request: EndpointRequest = {
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json', host: '127.0.0.1:4000', ...headers },
    body: JSON.stringify(body),
  };
  return handleEndpointRequest(request, { meeting: MEETING, video: VIDEO, now: () => NOW, access });
}

describe('Host', async () => {
  const loopback = hostRule('127.0.0.1', []);

  it.each([
    ['127.0.0.1:4000', true],
    ['localhost:4000', true],
    ['LOCALHOST.:4000', true],
    ['[::1]:4000', true],
    ['127.0.0.1', true],
    ['evil.example:4000', false],
    ['127.0.0.1.evil.example', false],
    ['10.0.0.5:4000', false],
    ['', false],
  ])('listening on 127.0.0.1, Host %s → %s', (host, allowed) => {
    expect(hostAllowed(host, loopback)).toBe(allowed);
  });

  it('listening on every interface: IP literals and localhost; --allow-host names; * any', async () => {
    const all = hostRule('0.0.0.0', ['sig.example.com']);
    expect(['10.0.0.5:4000', '[fd00::1]:4000', 'localhost', 'SIG.example.com:443'].map((h) => hostAllowed(h, all))).toEqual([true, true, true, true]);
    expect(hostAllowed('evil.example', all)).toBe(false);
    expect(hostAllowed('evil.example', hostRule('0.0.0.0', ['*']))).toBe(true);
    expect(hostAllowed('[::1]:4000', hostRule('::1', []))).toBe(true);
  });

  it('a foreign Host gets 421 naming it and --allow-host; so does a missing one', async () => {
    const reply = await call({ allowOrigins: [], hosts: loopback }, '/', JOIN, { host: 'rebind.evil.example:4000' });
    expect(reply.status).toBe(421);
    expect(reply.body?.errors).toEqual([
      {
        property: 'Host',
        reason: 'The request names the host "rebind.evil.example:4000", and this server answers for 127.0.0.1, localhost, [::1] only. If that is its name (behind a proxy, say), start it with --allow-host rebind.evil.example.',
      },
    ]);
    expect((await call({ allowOrigins: [], hosts: loopback }, '/', JOIN, { host: '' })).status).toBe(421);
    expect((await call({ allowOrigins: [], hosts: loopback }, '/', JOIN)).status).toBe(200);
  });
});

describe('Origin', async () => {
  it.each([
    ['http://localhost:3000', true],
    ['http://localhost', true],
    ['http://127.0.0.1:8080', true],
    ['http://[::1]:5173', true],
    ['https://localhost:3000', true],
    ['https://app.example', false],
    ['http://localhost.evil.example', false],
    ['http://127.0.0.2:3000', false],
    ['null', false],
    ['file://', false],
  ])('%s → %s', (origin, allowed) => {
    expect(originAllowed(origin, { allowOrigins: [] })).toBe(allowed);
  });

  it('--allow-origin adds exact origins, as browsers write them', async () => {
    const allowOrigins = [normaliseOrigin('https://App.Example:443/') ?? ''];
    expect(allowOrigins).toEqual(['https://app.example']);
    expect(originAllowed('https://app.example', { allowOrigins })).toBe(true);
    expect(originAllowed('https://app.example:8443', { allowOrigins })).toBe(false);
    expect(['https://app.example/path', 'ftp://x', 'not a url', 'https://u:p@app.example'].map(normaliseOrigin)).toEqual([
      undefined, undefined, undefined, undefined,
    ]);
  });

  it('a POST from a foreign page gets 403, from an allowed one its origin back', async () => {
    const refused = await call({ allowOrigins: [] }, '/', JOIN, { origin: 'https://app.example' });
    expect(refused.status).toBe(403);
    expect(refused.body?.signature).toBeUndefined();
    const allowed = await call({ allowOrigins: ['https://app.example'] }, '/', JOIN, { origin: 'https://app.example' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers).toMatchObject({ 'access-control-allow-origin': 'https://app.example', vary: 'Origin' });
  });
});

describe('what is signed, and for whom', async () => {
  it('maxRole 0 refuses host tokens on both routes with 403 naming --max-role, and signs participants', async () => {
    const meeting = await call({ allowOrigins: [], maxRole: 0 }, '/', HOST);
    expect(meeting.status).toBe(403);
    expect(meeting.body?.errors).toEqual([{ property: 'role', reason: expect.stringContaining('--max-role 0') }]);
    expect((await call({ allowOrigins: [], maxRole: 0 }, '/video', { sessionName: 's', role: 1 })).status).toBe(403);
    expect((await call({ allowOrigins: [], maxRole: 0 }, '/', JOIN)).status).toBe(200);
    expect((await call({ allowOrigins: [], maxRole: 0 }, '/video', { sessionName: 's', role: 0 })).status).toBe(200);
  });

  it('maxExpirationSeconds refuses longer lifetimes, and is the lifetime when none is asked and 2 h is longer', async () => {
    const access = { allowOrigins: [], maxExpirationSeconds: 3600 };
    const over = await call(access, '/', { ...JOIN, expirationSeconds: 3601 });
    expect(over.status).toBe(403);
    expect(over.body?.errors).toEqual([{ property: 'expirationSeconds', reason: expect.stringContaining('at most 3600 seconds (--max-expiration)') }]);
    const at = await call(access, '/', { ...JOIN, expirationSeconds: 3600 });
    const lifetime = (reply: Awaited<ReturnType<typeof call>>): number => {
      const payload = part(String(reply.body?.signature), 1) as { iat: number; exp: number };
      return payload.exp - payload.iat;
    };
    expect(lifetime(at)).toBe(3600);
    expect(lifetime((await call(access, '/', JOIN)))).toBe(3600);
    expect(lifetime((await call({ allowOrigins: [], maxExpirationSeconds: 86_400 }, '/', JOIN)))).toBe(7200);
  });

  it('authToken: 401 without the bearer token or with another, 200 with it; /health and preflights need none', async () => {
    const access = { allowOrigins: [], authToken: 'serve-token-0123456789abcdef' };
    const none = await call(access, '/', JOIN);
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="zoomsig serve"');
    expect(none.body?.errors).toEqual([{ property: 'Authorization', reason: expect.stringMatching(/Authorization: Bearer <token>.*the request has none\.$/) }]);
    expect((await call(access, '/', JOIN, { authorization: 'Bearer serve-token-0123456789abcdeX' })).status).toBe(401);
    expect((await call(access, '/', JOIN, { authorization: 'Basic serve-token-0123456789abcdef' })).status).toBe(401);
    expect((await call(access, '/', JOIN, { authorization: 'Bearer serve-token-0123456789abcdef' })).status).toBe(200);
    expect((await call(access, '/video', { sessionName: 's', role: 0 }, { authorization: 'bearer  serve-token-0123456789abcdef' })).status).toBe(200);
    const config: EndpointConfig = { meeting: MEETING, now: () => NOW, access };
    expect((await handleEndpointRequest({ method: 'GET', path: '/health', headers: {}, body: '' }, config)).status).toBe(200);
    expect((await handleEndpointRequest({ method: 'OPTIONS', path: '/', headers: { origin: 'http://localhost:3000' }, body: '' }, config)).status).toBe(204);
  });

  it('constantTimeEqual is equality', async () => {
    expect([['a', 'a'], ['', ''], ['ab', 'a'], ['a', 'ab'], ['abc', 'abd'], ['é', 'e']].map(([a = '', b = '']) => constantTimeEqual(a, b))).toEqual([
      true, true, false, false, false, false,
    ]);
  });
});

describe('the fast paths of the request checks read as the patterns they replace', () => {
  /** hostnameOf as it was written with patterns, before serve's hot path lost them. */
  const byPattern = (host: string): string => {
    const text = host.trim().toLowerCase();
    const name = text.startsWith('[') ? text.slice(0, text.indexOf(']') + 1) : text.replace(/:\d*$/, '');
    return name.replace(/\.$/, '');
  };
  const hostChars = fc.constantFrom(...'aZ09.:[]- \t'.split(''), 'ü');

  it('hostnameOf: ports, IPv6 brackets, a trailing dot, colons without a port', () => {
    for (const host of ['127.0.0.1:4000', 'LocalHost', 'example.com.', 'example.com.:443', 'a:b:80', 'a:80:', '[::1]:4000', '[::1', ':', 'x:', ' Sig.Example.com:8080 ', '']) {
      expect(hostnameOf(host), host).toBe(byPattern(host));
    }
    fc.assert(fc.property(fc.string({ unit: hostChars, maxLength: 24 }), (host) => hostnameOf(host) === byPattern(host)), { numRuns: 2_000 });
  });

  it('normaliseMeetingNumber and normaliseRole give what they gave for digits and for 0 and 1', () => {
    expect(normaliseMeetingNumber('85746065012')).toBe('85746065012');
    expect(normaliseMeetingNumber('0')).toBe('0');
    expect(normaliseMeetingNumber(' 857 4606 5012 ')).toBe('85746065012');
    expect(() => normaliseMeetingNumber('')).toThrow(/takes a meeting number/);
    expect(normaliseRole(0)).toBe(0);
    expect(normaliseRole(1)).toBe(1);
    expect(normaliseRole('host')).toBe(1);
    expect(() => normaliseRole(2)).toThrow(/takes 0/);
  });
});
