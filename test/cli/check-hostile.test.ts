/**
 * zoomsig check --endpoint against servers that misbehave on purpose, on
 * 127.0.0.1 port 0: they accept and close, reset, never answer, stop half-way,
 * send a gzip bomb, an endless or a huge reply, redirect elsewhere or in a
 * loop. Each run must end within its time bound (--timeout × ⌈requests /
 * concurrency⌉, plus one --timeout for the preflight and the POST without
 * Content-Type), exit 1 with the finding that says what really happened (2
 * when nothing could connect), and stay under 200 MB of memory.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, KEY, makeTempDir, MEETING_ENV, meetingPayload, NOW_ARGS, runCli, SECRET, signJwt, usageErrorLine, type RunResult } from './helpers.js';

const MEMORY_RECORDER = fileURLToPath(new URL('./support/record-peak-memory.cjs', import.meta.url));
/** --timeout for the servers that never finish; the others get a generous one, so that a loaded machine changes no outcome. */
const TIMEOUT_MS = 1_000;
const GENEROUS_MS = 4_000;
/** What a run may take beyond its bound: Node's start-up (slow here, NODE_EXTRA_CA_CERTS), doctor, the report. */
const SLACK_MS = 2_500;

const servers: Server[] = [];
const sockets = new Set<Socket>();
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  cleanupTempDirs();
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${address !== null && typeof address === 'object' ? address.port : 0}`;
}

/** A server speaking raw TCP: what it does with each connection once the request is in. */
function tcpServer(onRequest: (socket: Socket) => void): Promise<string> {
  return listen(createTcpServer((socket) => socket.once('data', () => onRequest(socket))));
}

/** An HTTP server, its handler called for every request. */
function httpServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  return listen(createHttpServer((req, res) => {
    req.resume();
    handler(req, res);
  }));
}

interface Run extends RunResult {
  report: { verdict: string; findings: { id: string; message: string; count: number; total: number; severity: string }[] } | undefined;
  /** Peak resident memory of the zoomsig process, bytes. */
  peakBytes: number;
}

/** zoomsig check against `url` with --json, the run's peak memory recorded. */
async function check(url: string, args: readonly string[] = [], { requests = 4, concurrency = 2, timeoutMs = GENEROUS_MS } = {}): Promise<Run> {
  const memoryFile = join(makeTempDir(), 'peak');
  const result = await runCli(
    ['check', '--endpoint', url, ...NOW_ARGS, '--requests', String(requests), '--concurrency', String(concurrency), '--timeout', `${timeoutMs}ms`, '--json', ...args],
    { env: { ...MEETING_ENV, ZOOMSIG_TEST_MEMORY_OUT: memoryFile }, nodeArgs: ['--require', MEMORY_RECORDER], timeoutMs: 20_000 },
  );
  const bound = timeoutMs * Math.ceil(requests / concurrency) + timeoutMs;
  expect(result.ms, `took ${Math.round(result.ms)} ms, bound ${bound} ms`).toBeLessThan(bound + SLACK_MS);
  const peakBytes = Number(readFileSync(memoryFile, 'utf8'));
  expect(peakBytes, `peak memory ${Math.round(peakBytes / 1e6)} MB`).toBeLessThan(200e6);
  return { ...result, peakBytes, report: result.code === 1 || result.code === 0 ? JSON.parse(result.stdout) : undefined };
}

/** The findings of one id: [count, total, message]. */
function finding(run: Run, id: string): [number, number, string] | undefined {
  const found = run.report?.findings.find((f) => f.id === id);
  return found === undefined ? undefined : [found.count, found.total, found.message];
}

const VALID = signJwt(meetingPayload(), SECRET);
const SIGNED = JSON.stringify({ signature: VALID, sdkKey: KEY });

describe.concurrent('zoomsig check --endpoint against hostile servers', () => {
  it('a server that accepts the connection and closes it: endpoint-no-reply for every request, exit 1', async () => {
    const run = await check(await tcpServer((socket) => socket.end()));
    expect(run.code).toBe(1);
    expect(finding(run, 'endpoint-no-reply')).toEqual([4, 4, 'The server closed the connection without a reply.']);
    expect(finding(run, 'cors-preflight')?.[2]).toBe('The preflight (OPTIONS from http://localhost:3000) got no reply: the server closed the connection without a reply.');
    expect(run.report?.findings.find((f) => f.id === 'content-type-not-required')?.severity).toBe('error');
  });

  it('a server that resets the connection', async () => {
    const run = await check(await tcpServer((socket) => socket.resetAndDestroy()));
    expect(run.code).toBe(1);
    expect(finding(run, 'endpoint-no-reply')).toEqual([4, 4, 'The connection was reset before the reply.']);
  });

  it('a server that never answers: every request ends at --timeout, within ⌈requests / concurrency⌉ timeouts', async () => {
    const run = await check(await tcpServer(() => undefined), [], { requests: 6, concurrency: 3, timeoutMs: TIMEOUT_MS });
    expect(run.code).toBe(1);
    expect(finding(run, 'endpoint-no-reply')).toEqual([6, 6, 'No reply within 1 s.']);
  });

  it('a server that stops half-way through its reply', async () => {
    const run = await check(
      await tcpServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"signature":"eyJ')),
    );
    expect(run.code).toBe(1);
    expect(finding(run, 'endpoint-no-reply')?.[2]).toBe('The connection closed in the middle of the reply (HTTP 200): 17 bytes of 500 bytes came.');
  });

  it('a server that does not speak HTTP', async () => {
    const run = await check(await tcpServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n')));
    expect(run.code).toBe(1);
    expect(finding(run, 'endpoint-no-reply')?.[2]).toMatch(/^The reply is not valid HTTP \(HPE_\w+\)\.$/);
  });

  it('a gzip bomb: 1 GiB of zeros, inflated only up to --max-reply', async () => {
    const url = await httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      const zeros = Buffer.alloc(1024 * 1024);
      Readable.from((function* () { for (let i = 0; i < 1024; i += 1) yield zeros; })()).pipe(createGzip()).pipe(res);
    });
    const run = await check(url);
    expect(run.code).toBe(1);
    expect(finding(run, 'endpoint-reply-too-large')?.[2]).toMatch(/^The reply \(HTTP 200\) inflates past the 64 KiB limit from [\d.]+ (bytes|KiB) of gzip \(--max-reply\): zoomsig stopped reading it\.$/);
  });

  it('a corrupt gzip body', async () => {
    const url = await httpServer((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end('not gzip at all'));
    const run = await check(url);
    expect(run.code).toBe(1);
    expect(finding(run, 'endpoint-no-reply')?.[2]).toMatch(/^The reply's gzip body \(HTTP 200\) is corrupt: .+\.$/);
  });

  it('an endless reply', async () => {
    const url = await httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(16 * 1024, 'a');
      const write = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', write);
      };
      write();
    });
    const run = await check(url);
    expect(run.code).toBe(1);
    expect(finding(run, 'endpoint-reply-too-large')).toEqual([4, 4, 'The reply (HTTP 200) is over the 64 KiB limit (--max-reply): zoomsig stopped reading it.']);
  });

  it('a reply that trickles and never ends: --timeout ends it', async () => {
    const url = await httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
      const timer = setInterval(() => res.write(' '), 50);
      res.once('close', () => clearInterval(timer));
    });
    const run = await check(url, [], { timeoutMs: TIMEOUT_MS });
    expect(run.code).toBe(1);
    expect(finding(run, 'endpoint-no-reply')?.[2]).toMatch(/^The reply \(HTTP 200\) did not end within 1 s: \d+ bytes came\.$/);
  });

  it('a huge reply, declared: not read at all', async () => {
    const url = await httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) });
      res.write(Buffer.alloc(64 * 1024, ' '));
    });
    const run = await check(url);
    expect(run.code).toBe(1);
    expect(finding(run, 'endpoint-reply-too-large')?.[2]).toBe('The reply (HTTP 200) declares 50 MiB (Content-Length), over the 64 KiB limit (--max-reply): zoomsig stopped reading it.');
  });

  it('--max-reply raises the limit', async () => {
    const padded = JSON.stringify({ signature: VALID, sdkKey: KEY, padding: 'x'.repeat(100 * 1024) });
    const url = await httpServer((req, res) => {
      if (req.method === 'OPTIONS') res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' }).end();
      else if (req.headers['content-type'] !== 'application/json') res.writeHead(415, { 'access-control-allow-origin': '*' }).end();
      else res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/json' }).end(padded);
    });
    expect((await check(url)).code).toBe(1);
    const raised = await check(url, ['--max-reply', '256k']);
    expect(raised.report?.findings).toEqual([]);
    expect(raised.code).toBe(0);
  });

  it('a redirect to another host is a finding naming where it points, not followed, even with --follow-redirects', async () => {
    let hits = 0;
    const url = await httpServer((_req, res) => {
      hits += 1;
      res.writeHead(307, { location: 'http://collector.example.invalid/steal' }).end();
    });
    const run = await check(url);
    expect(run.code).toBe(1);
    expect(finding(run, 'endpoint-redirect')).toEqual([
      4,
      4,
      'HTTP 307 to http://collector.example.invalid/steal: not followed, so no signature was checked (--follow-redirects follows one on the same origin).',
    ]);
    const followed = await check(url, ['--follow-redirects']);
    expect(followed.code).toBe(1);
    expect(finding(followed, 'endpoint-redirect')?.[2]).toMatch(/^HTTP 307 to another origin, http:\/\/collector\.example\.invalid\/steal: not followed: /);
    expect(hits).toBe(12);
  });

  it('a redirect loop, with --follow-redirects', async () => {
    const url = await httpServer((req, res) => res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end());
    const run = await check(`${url}/a`, ['--follow-redirects']);
    expect(run.code).toBe(1);
    expect(finding(run, 'endpoint-redirect')?.[2]).toBe(
      `HTTP 302 back to ${url}/a (a loop: ${url}/a → ${url}/b → ${url}/a): the page never gets a reply.`,
    );
  });

  it('a redirect on the same origin is followed with --follow-redirects, and the reply there is checked', async () => {
    const url = await httpServer((req, res) => {
      const cors = { 'access-control-allow-origin': '*' };
      if (req.url === '/old') res.writeHead(308, { ...cors, location: '/new' }).end();
      else if (req.method === 'OPTIONS') res.writeHead(204, { ...cors, 'access-control-allow-headers': 'content-type' }).end();
      else if (req.headers['content-type'] !== 'application/json') res.writeHead(415, cors).end();
      else res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(SIGNED);
    });
    const plain = await check(`${url}/old`);
    expect(plain.code).toBe(1);
    expect(finding(plain, 'endpoint-redirect')?.[2]).toMatch(new RegExp(`^HTTP 308 to ${url}/new: not followed`));
    const followed = await check(`${url}/old`, ['--follow-redirects']);
    expect(followed.report?.findings.map((f) => f.id)).toEqual(['cors-preflight']);
  });

  it('an endpoint nothing listens on is unreachable: exit 2 with a sentence, at once', async () => {
    const server = createTcpServer();
    const url = await listen(server);
    await new Promise((resolve) => server.close(resolve));
    const run = await check(url, [], { requests: 50, concurrency: 5 });
    expect(run.code).toBe(2);
    // (With --json, the error is also a JSON document on stdout.)
    expect(run.stderr).toBe(`zoomsig: cannot reach ${url}/: the connection was refused. Is the endpoint running, and is the URL right?\n`);
  });
});

describe('--max-reply and --follow-redirects are options of an endpoint check', () => {
  it.each([
    [['--endpoint', 'http://127.0.0.1:9/', '--max-reply', 'lots'], /--max-reply takes a size from 1k to 16m/],
    [['--endpoint', 'http://127.0.0.1:9/', '--max-reply', '100'], /--max-reply takes a size from 1k to 16m/],
    [['--max-reply', '64k'], /--max-reply is for an endpoint: add --endpoint <url>\./],
    [['--follow-redirects'], /--follow-redirects is for an endpoint: add --endpoint <url>\./],
  ] as const)('%j', async (args, pattern) => {
    expect(usageErrorLine(await runCli(['check', ...args], { env: { ...MEETING_ENV } }))).toMatch(pattern);
  });
});
