/**
 * zoomsig check as CI runs it: the built bin/zoomsig.js against real servers
 * on 127.0.0.1, port 0, started here: zoomsig serve itself, and endpoints
 * broken on purpose with node:http, one fault each. Then credentials mode,
 * one hygiene finding at a time. Nothing leaves this machine.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINT_CHECK_IDS } from '../../src/index.js';
import {
  b64url,
  cleanupTempDirs,
  KEY,
  makeTempDir,
  MEETING_ENV,
  meetingPayload,
  NOW,
  NOW_ARGS,
  runCli,
  SECRET,
  signJwt,
  usageErrorLine,
  VIDEO_ENV,
  type RunResult,
} from './helpers.js';
import { startServe, type RunningServe } from './support/start-serve.js';
import { findAll, parseXml } from './support/xml.js';

afterAll(cleanupTempDirs);

interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body: string;
}

/** What a test endpoint answers to the n-th POST sent with a JSON Content-Type; 'hang' answers nothing. */
type Answer = (n: number) => Reply | 'hang';

interface Faults {
  /** No CORS at all: no Access-Control-Allow-Origin, and 404 for the preflight. */
  noCors?: boolean;
}

interface TestEndpoint {
  url: string;
  close(): Promise<void>;
}

const CORS = { 'access-control-allow-origin': '*' };
const JSON_TYPE = { 'content-type': 'application/json' };

/** An endpoint on 127.0.0.1 that is right in all but the fault under test: CORS, a preflight, 415 without Content-Type. */
async function startEndpoint(answer: Answer, faults: Faults = {}): Promise<TestEndpoint> {
  let posts = 0;
  const cors = faults.noCors ? {} : CORS;
  const server: Server = createServer((req: IncomingMessage, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'OPTIONS') {
        if (faults.noCors) res.writeHead(404).end('Cannot OPTIONS /');
        else res.writeHead(204, { ...CORS, 'access-control-allow-methods': 'POST, OPTIONS', 'access-control-allow-headers': 'content-type' }).end();
        return;
      }
      if (req.headers['content-type'] !== 'application/json') {
        res.writeHead(415, { ...cors, ...JSON_TYPE }).end('{"errors":[{"property":"Content-Type","reason":"Send JSON."}]}');
        return;
      }
      posts += 1;
      const reply = answer(posts);
      if (reply === 'hang') return;
      res.writeHead(reply.status ?? 200, { ...cors, ...JSON_TYPE, ...reply.headers }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = address !== null && typeof address === 'object' ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const valid = signJwt(meetingPayload(), SECRET);
const signed = (signature: string): Reply => ({ body: JSON.stringify({ signature, sdkKey: KEY }) });

/** The HMAC in standard base64, as Buffer.toString('base64') writes it: always "=" padded. */
function paddedToken(): string {
  const input = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(meetingPayload())}`;
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64')}`;
}

interface JsonFinding {
  id: string;
  severity: string;
  message: string;
  count: number;
  total: number;
  unit: string;
  claim?: string;
  requests?: number[];
}

interface JsonReport {
  schemaVersion: number;
  mode: string;
  verdict: string;
  counts: { errors: number; warnings: number; info: number };
  findings: JsonFinding[];
  checks: { passed: string[]; skipped: string[] };
  endpoint?: { url: string; requests: { sent: number; replied: number; statuses: Record<string, number> }; signatures: { received: number; valid: number } };
  credentials?: { sdk: string; token: { verdict: string; valid: boolean } | null }[];
}

function checkEndpointCli(url: string, args: readonly string[] = [], env: Record<string, string> = MEETING_ENV): Promise<RunResult> {
  return runCli(['check', '--endpoint', url, ...NOW_ARGS, ...args], { env, timeoutMs: 15_000 });
}

function reportOf(result: RunResult): JsonReport {
  return JSON.parse(result.stdout) as JsonReport;
}

/** The findings by id (and claim): [count, total]. */
function counts(report: JsonReport): Record<string, [number, number]> {
  return Object.fromEntries(report.findings.map((finding) => [finding.claim ? `${finding.id} ${finding.claim}` : finding.id, [finding.count, finding.total]]));
}

describe('zoomsig check --endpoint against zoomsig serve', () => {
  let serve: RunningServe;
  beforeAll(async () => {
    serve = await startServe([...NOW_ARGS], { env: { ...MEETING_ENV, ...VIDEO_ENV } });
  });
  afterAll(async () => {
    await serve.stop();
  });

  it('passes every check and exits 0', async () => {
    const result = await checkEndpointCli(serve.url, ['--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = reportOf(result);
    expect(report).toMatchObject({ schemaVersion: 1, mode: 'endpoint', verdict: 'ok', counts: { errors: 0, warnings: 0, info: 0 }, findings: [] });
    expect(report.endpoint).toMatchObject({ requests: { sent: 10, replied: 10, statuses: { 200: 10 } }, signatures: { received: 10, valid: 10 } });
    for (const id of ENDPOINT_CHECK_IDS) expect(report.checks.passed).toContain(id);
    for (const id of ['timestamps-in-ms', 'base64-not-url-safe', 'bare-hmac', 'signature-invalid', 'meeting-number-mismatch', 'role-mismatch']) {
      expect(report.checks.passed).toContain(id);
    }
  });

  it('says so in text, with the replies and the secret masked', async () => {
    const result = await checkEndpointCli(serve.url, ['--requests', '4', '--concurrency', '4']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`endpoint   POST ${serve.url}/ (Meeting SDK), 4 requests, timeout 5 s`);
    expect(result.stdout).toContain('replies    4 of 4: HTTP 200 ×4');
    expect(result.stdout).toContain('signature  4 of 4 verified with ZOOM_MEETING_SDK_SECRET (Fake…cdef)');
    expect(result.stdout).toMatch(/✓ ok {2}No problems: every reply carried a signature Zoom would accept\. \(checked at 2026-01-01T00:00:00Z\)\n$/);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
  });

  it('checks the Video SDK endpoint with --sdk video', async () => {
    const result = await checkEndpointCli(`${serve.url}/video`, ['--sdk', 'video', '--topic', 'support-room-7', '--role', '1', '--requests', '3', '--json'], {
      ...VIDEO_ENV,
    });
    expect(result.code).toBe(0);
    expect(reportOf(result)).toMatchObject({ verdict: 'ok', endpoint: { signatures: { received: 3, valid: 3 } } });
  });

  it('writes a JUnit report with no failure, and no secret', async () => {
    const file = join(makeTempDir(), 'reports', 'zoomsig.xml');
    const result = await checkEndpointCli(serve.url, ['--requests', '2', '--junit', file]);
    expect(result.code).toBe(0);
    const xml = readFileSync(file, 'utf8');
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attributes.failures).toBe('0');
    expect(findAll(root, 'failure')).toEqual([]);
    expect(xml).not.toContain(SECRET);
  });
});

describe('zoomsig check --endpoint against broken endpoints', () => {
  const endpoints: TestEndpoint[] = [];
  afterAll(async () => {
    await Promise.all(endpoints.map((endpoint) => endpoint.close()));
  });
  async function broken(answer: Answer, faults?: Faults): Promise<string> {
    const endpoint = await startEndpoint(answer, faults);
    endpoints.push(endpoint);
    return endpoint.url;
  }

  it('a correct endpoint built here passes, so the faults below are the only ones', async () => {
    const result = await checkEndpointCli(await broken(() => signed(valid)), ['--json']);
    expect(result.code).toBe(0);
    expect(reportOf(result).findings).toEqual([]);
  });

  it('catches millisecond timestamps in every reply', async () => {
    const ms = signJwt(meetingPayload({}, { iat: (NOW - 30) * 1000, lifetime: 7_200_000 }), SECRET);
    const result = await checkEndpointCli(await broken(() => signed(ms)), ['--json']);
    expect(result.code).toBe(1);
    expect(counts(reportOf(result))).toEqual({ 'timestamps-in-ms iat': [10, 10], 'timestamps-in-ms exp': [10, 10], 'timestamps-in-ms tokenExp': [10, 10] });
  });

  it('counts padded base64 on every third reply, and names the requests', async () => {
    const url = await broken((n) => signed(n % 3 === 0 ? paddedToken() : valid));
    const result = await checkEndpointCli(url, ['--requests', '9', '--concurrency', '1', '--json']);
    expect(result.code).toBe(1);
    const report = reportOf(result);
    expect(counts(report)).toEqual({ 'base64-not-url-safe signature': [3, 9] });
    expect(report.findings[0]).toMatchObject({ unit: 'signatures', requests: [3, 6, 9] });
    expect(report.endpoint?.signatures).toMatchObject({ received: 9, valid: 6 });

    const text = await checkEndpointCli(url, ['--requests', '9', '--concurrency', '1']);
    expect(text.stdout).toMatch(/✗ base64-not-url-safe {2}signature {2}3 of 9 signatures: /);
    expect(text.stdout).toContain('  in:   requests 3, 6, 9\n');
  });

  it('catches an endpoint that returns only the HMAC', async () => {
    const result = await checkEndpointCli(await broken(() => ({ body: JSON.stringify({ signature: valid.split('.')[2] }) })), ['--requests', '5', '--json']);
    expect(result.code).toBe(1);
    expect(counts(reportOf(result))).toEqual({ 'bare-hmac': [5, 5] });
  });

  it('catches HTTP 500 on some replies', async () => {
    const url = await broken((n) => (n % 2 === 0 ? { status: 500, headers: { 'content-type': 'text/html' }, body: '<h1>Internal Server Error</h1>' } : signed(valid)));
    const result = await checkEndpointCli(url, ['--requests', '6', '--concurrency', '1', '--json']);
    expect(result.code).toBe(1);
    const report = reportOf(result);
    expect(counts(report)).toEqual({ 'endpoint-http-error': [3, 6] });
    expect(report.findings[0]).toMatchObject({ requests: [2, 4, 6], message: 'HTTP 500: "<h1>Internal Server Error</h1>".' });
    expect(report.endpoint?.requests.statuses).toEqual({ 200: 3, 500: 3 });
  });

  it('catches an endpoint without CORS: the replies and the preflight', async () => {
    const result = await checkEndpointCli(await broken(() => signed(valid), { noCors: true }), ['--requests', '3', '--json']);
    expect(result.code).toBe(1);
    expect(counts(reportOf(result))).toEqual({ 'cors-missing': [3, 3], 'cors-preflight': [1, 1] });
  });

  it('does not check CORS when --origin is the endpoint\'s own', async () => {
    const url = await broken(() => signed(valid), { noCors: true });
    const result = await checkEndpointCli(url, ['--requests', '2', '--origin', new URL(url).origin, '--json']);
    expect(result.code).toBe(0);
    expect(reportOf(result).checks.skipped).toEqual(expect.arrayContaining(['cors-missing', 'cors-preflight']));
  });

  it('catches a plain-text body', async () => {
    const result = await checkEndpointCli(await broken(() => ({ headers: { 'content-type': 'text/plain' }, body: valid })), ['--requests', '4', '--json']);
    expect(result.code).toBe(1);
    const report = reportOf(result);
    expect(counts(report)).toEqual({ 'endpoint-not-json': [4, 4] });
    expect(report.findings[0]?.message).toMatch(/^The body is the token as plain text \(Content-Type text\/plain\): "eyJ/);
  });

  it('catches a reply without a signature field', async () => {
    const result = await checkEndpointCli(await broken(() => ({ body: JSON.stringify({ token: valid }) })), ['--requests', '2', '--json']);
    expect(result.code).toBe(1);
    expect(counts(reportOf(result))).toEqual({ 'endpoint-no-signature': [2, 2] });
  });

  it('counts requests that get no reply within --timeout', async () => {
    const url = await broken((n) => (n === 2 ? 'hang' : signed(valid)));
    const result = await checkEndpointCli(url, ['--requests', '3', '--concurrency', '1', '--timeout', '300ms', '--json']);
    expect(result.code).toBe(1);
    const report = reportOf(result);
    expect(counts(report)).toEqual({ 'endpoint-no-reply': [1, 3] });
    expect(report.findings[0]).toMatchObject({ message: 'No reply within 300 ms.', requests: [2] });
  });

  it('prints GitHub annotations with the counts', async () => {
    const url = await broken((n) => (n % 2 === 0 ? { status: 500, body: '{"error":"boom"}' } : signed(valid)));
    const result = await checkEndpointCli(url, ['--requests', '4', '--concurrency', '1', '--format', 'github']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error title=zoomsig endpoint-http-error::2 of 4 requests: HTTP 500: boom\. \(requests 2, 4\) Fix: .* See: zoomsig explain endpoint-http-error$/m);
    expect(result.stdout).toMatch(/::notice title=zoomsig::The endpoint has problems: 1 error\.\n$/);
  });

  it('writes JUnit XML: one case per check, failures for errors, the body escaped, no secret', async () => {
    const url = await broken((n) => (n === 1 ? { status: 500, headers: { 'content-type': 'text/html' }, body: `<b>Tom & "Jerry"</b> ${SECRET}` } : signed(paddedToken())));
    const file = join(makeTempDir(), 'junit.xml');
    const result = await checkEndpointCli(url, ['--requests', '3', '--concurrency', '1', '--junit', file]);
    expect(result.code).toBe(1);
    const xml = readFileSync(file, 'utf8');
    expect(xml).not.toContain(SECRET);
    const root = parseXml(xml);
    const cases = findAll(root, 'testcase');
    const names = cases.map((testCase) => testCase.attributes.name?.split(':')[0]);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining([...ENDPOINT_CHECK_IDS, 'timestamps-in-ms', 'base64-not-url-safe']));
    expect(root.attributes.tests).toBe(String(cases.length));
    const failed = cases.filter((testCase) => testCase.children.some((child) => child.name === 'failure'));
    expect(failed.map((testCase) => testCase.attributes.name?.split(':')[0]).sort()).toEqual(['base64-not-url-safe', 'endpoint-http-error']);
    expect(root.attributes.failures).toBe('2');
    const httpError = failed.find((testCase) => testCase.attributes.name?.startsWith('endpoint-http-error'));
    const failure = httpError?.children[0];
    expect(failure?.attributes.message).toBe('1 of 3 requests: HTTP 500: "<b>Tom & "Jerry"</b> Fake…cdef".');
    expect(failure?.text).toContain('In request 1.');
    expect(failure?.text).toContain('Docs: zoomsig explain endpoint-http-error (docs/checks/endpoint-http-error.md in the zoomsig package)');
  });
});

describe('zoomsig check --endpoint: what is not a finding', () => {
  it('exits 2 with a sentence for an endpoint that is not there', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = address !== null && typeof address === 'object' ? address.port : 0;
    await new Promise((resolve) => server.close(resolve));
    const line = usageErrorLine(await checkEndpointCli(`http://127.0.0.1:${port}/`));
    expect(line).toBe(`zoomsig: cannot reach http://127.0.0.1:${port}/: the connection was refused. Is the endpoint running, and is the URL right?`);
  });

  it.each([
    ['a URL that is not http', ['--endpoint', 'ftp://example.com/'], /--endpoint takes an http or https URL/],
    ['no URL at all', ['--endpoint', 'localhost:4000'], /--endpoint takes an http or https URL/],
    ['--requests 0', ['--endpoint', 'http://127.0.0.1:9/', '--requests', '0'], /--requests takes a whole number from 1 to 1000/],
    ['--concurrency many', ['--endpoint', 'http://127.0.0.1:9/', '--concurrency', 'many'], /--concurrency takes a whole number/],
    ['--timeout 0', ['--endpoint', 'http://127.0.0.1:9/', '--timeout', '0'], /--timeout takes a duration from 100ms to 120s/],
    ['--origin nonsense', ['--endpoint', 'http://127.0.0.1:9/', '--origin', 'nonsense'], /--origin takes the page's origin/],
    ['--requests without --endpoint', ['--requests', '5'], /--requests is for an endpoint: add --endpoint <url>\./],
    ['--topic without --sdk video', ['--topic', 'x'], /--topic is for the Video SDK/],
    ['a positional argument', ['http://localhost:4000'], /takes no arguments/],
  ] as const)('exits 2 for %s', async (_name, args, pattern) => {
    expect(usageErrorLine(await runCli(['check', ...args], { env: { ...MEETING_ENV } }))).toMatch(pattern);
  });
});

describe('zoomsig check (credentials)', () => {
  function checkCredentialsCli(env: Record<string, string>, args: readonly string[] = []): Promise<RunResult> {
    return runCli(['check', ...NOW_ARGS, ...args], { env });
  }

  it('passes clean credentials with exit 0, a token made with them verified', async () => {
    const result = await checkCredentialsCli({ ...MEETING_ENV, ...VIDEO_ENV }, ['--json']);
    expect(result.code).toBe(0);
    const report = reportOf(result);
    expect(report).toMatchObject({ schemaVersion: 1, mode: 'credentials', verdict: 'ok', findings: [] });
    expect(report.credentials?.map(({ sdk, token }) => [sdk, token])).toEqual([
      ['meeting', { verdict: 'ok', valid: true }],
      ['video', { verdict: 'ok', valid: true }],
    ]);
  });

  it('says so in text', async () => {
    const result = await checkCredentialsCli({ ...MEETING_ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'meeting    key ZOOM_MEETING_SDK_KEY (Fake…6789), secret ZOOM_MEETING_SDK_SECRET (Fake…cdef): a token made with them verifies',
        'verdict    ✓ ok  No problems: the Meeting SDK credentials make signatures that verify.',
        '',
        '✓ ok  No problems: the Meeting SDK credentials make signatures that verify. (checked at 2026-01-01T00:00:00Z)',
        '',
      ].join('\n'),
    );
  });

  it('reads .env, and --key and --secret-file for the SDK --sdk names', async () => {
    const dir = makeTempDir({ '.env': `ZOOM_MEETING_SDK_KEY=${KEY}\nZOOM_MEETING_SDK_SECRET=${SECRET}\n`, 'video.secret': 'FakeVideoSecret0123456789abcdef\n' });
    const fromDotenv = await runCli(['check', ...NOW_ARGS, '--json'], { cwd: dir });
    expect(reportOf(fromDotenv)).toMatchObject({ verdict: 'ok', credentials: [{ sdk: 'meeting', secret: { source: '.env (ZOOM_MEETING_SDK_SECRET)' } }] });
    const flags = await runCli(['check', ...NOW_ARGS, '--sdk', 'video', '--key', 'FakeVideoKey0123456789', '--secret-file', join(dir, 'video.secret'), '--json'], { cwd: dir });
    expect(flags.code).toBe(0);
    expect(reportOf(flags).credentials).toEqual([
      { sdk: 'video', key: { source: '--key', masked: 'Fake…6789' }, secret: { source: `--secret-file ${join(dir, 'video.secret')}`, masked: 'Fake…cdef' }, token: { verdict: 'ok', valid: true } },
    ]);
  });

  const token = signJwt(meetingPayload(), SECRET);
  it.each([
    ['a secret with a trailing newline', { ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: `${SECRET}\n` }, 'credential-whitespace', 1, /ZOOM_MEETING_SDK_SECRET, Fake…def·\) ends with a newline\./],
    ['a key with a space in front', { ZOOM_MEETING_SDK_KEY: ` ${KEY}`, ZOOM_MEETING_SDK_SECRET: SECRET }, 'credential-whitespace', 1, /key \(ZOOM_MEETING_SDK_KEY, ·Fak…6789\) starts with a space\./],
    ['a key in quotes', { ZOOM_MEETING_SDK_KEY: `"${KEY}"`, ZOOM_MEETING_SDK_SECRET: SECRET }, 'credential-quotes', 1, /is wrapped in double quotes/],
    ['the key as the secret', { ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: KEY }, 'key-equals-secret', 1, /hold the same value/],
    ['a signature as the secret', { ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: token }, 'token-as-credential', 1, /holds a token, not the app's Client Secret: zoomsig reads it as a Meeting SDK signature/],
    ['a key whose secret is empty', { ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: '' }, 'incomplete-credentials', 1, /ZOOM_MEETING_SDK_SECRET is set but empty/],
    ['empty Video SDK variables', { ...MEETING_ENV, ZOOM_VIDEO_SDK_KEY: '', ZOOM_VIDEO_SDK_SECRET: '' }, 'empty-credential-variable', 0, /^ZOOM_VIDEO_SDK_KEY is set but empty\.$/],
    [
      'Server-to-Server OAuth variables',
      { ...MEETING_ENV, ZOOM_ACCOUNT_ID: 'FakeAccountId012345678', ZOOM_CLIENT_ID: KEY, ZOOM_CLIENT_SECRET: 'FakeOAuthSecret0123456789abcdef' },
      'oauth-app-variables',
      0,
      /Server-to-Server OAuth app.*ZOOM_MEETING_SDK_KEY holds the same value as ZOOM_CLIENT_ID/,
    ],
  ] as const)('finds %s', async (_name, env, id, code, message) => {
    const result = await checkCredentialsCli({ ...env }, ['--json']);
    expect(result.code).toBe(code);
    const report = reportOf(result);
    expect([...new Set(report.findings.map((finding) => finding.id))]).toEqual([id]);
    expect(report.findings[0]?.message).toMatch(message);
    expect(report.findings[0]).toMatchObject({ count: 1, total: 1 });
    // No secret in any output, whatever the finding.
    const text = await checkCredentialsCli({ ...env });
    for (const secret of [SECRET, 'FakeOAuthSecret0123456789abcdef', token]) expect(text.stdout + text.stderr + result.stdout).not.toContain(secret);
    expect(text.stdout).toContain(`${code === 1 ? '✗' : '!'} ${id}  `);
  });

  it('fails on a warning with --strict', async () => {
    const result = await checkCredentialsCli({ ...MEETING_ENV, ZOOM_VIDEO_SDK_SECRET: '' }, ['--strict']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ warn  1 warning, which fail with --strict.');
  });

  it('exits 2 naming the variables when there is nothing to check', async () => {
    const line = usageErrorLine(await checkCredentialsCli({}));
    expect(line).toMatch(/^zoomsig: check found no SDK credentials to check: set ZOOM_MEETING_SDK_KEY and ZOOM_MEETING_SDK_SECRET or ZOOM_VIDEO_SDK_KEY and ZOOM_VIDEO_SDK_SECRET/);
    expect(line).toMatch(/--endpoint <url>/);
  });

  it('says when only an OAuth app\'s variables are there', async () => {
    const line = usageErrorLine(await checkCredentialsCli({ ZOOM_CLIENT_ID: KEY, ZOOM_CLIENT_SECRET: 'FakeOAuthSecret0123456789abcdef' }));
    expect(line).toMatch(/ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET are set, but those are another kind of Zoom app's, which cannot sign SDK tokens\.$/);
    expect(line).not.toContain('FakeOAuthSecret0123456789abcdef');
  });

  it('checks only the SDK --sdk names', async () => {
    const line = usageErrorLine(await checkCredentialsCli({ ...MEETING_ENV }, ['--sdk', 'video']));
    expect(line).toMatch(/set ZOOM_VIDEO_SDK_KEY and ZOOM_VIDEO_SDK_SECRET in the environment/);
  });

  it('writes JUnit for credentials too', async () => {
    const file = join(makeTempDir(), 'junit.xml');
    const result = await checkCredentialsCli({ ZOOM_MEETING_SDK_KEY: `"${KEY}"`, ZOOM_MEETING_SDK_SECRET: SECRET }, ['--junit', file]);
    expect(result.code).toBe(1);
    const root = parseXml(readFileSync(file, 'utf8'));
    const failed = findAll(root, 'testcase').filter((testCase) => testCase.children.some((child) => child.name === 'failure'));
    expect(failed.map((testCase) => testCase.attributes.classname)).toEqual(['zoomsig.check.credentials']);
    expect(failed[0]?.attributes.name).toBe('credential-quotes: Quotes around the key or secret');
  });
});
