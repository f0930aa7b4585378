/**
 * zoomsig serve, safe by default: which pages (Origin) and which names (Host)
 * it answers, what it signs (--max-role, --max-expiration), for whom
 * (--auth-token-file, ZOOMSIG_SERVE_TOKEN), and that a log nobody reads
 * neither stops it answering nor keeps it from ending on SIGTERM. The built
 * binary on 127.0.0.1, port 0.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cleanupTempDirs, makeTempDir, MEETING_ENV, runCli, spawnCli, usageErrorLine } from './helpers.js';
import { startServe } from './support/start-serve.js';

afterAll(cleanupTempDirs);

const JSON_TYPE = { 'content-type': 'application/json' };
const JOIN = '{"meetingNumber":"85746065012","role":0}';
const START = '{"meetingNumber":"85746065012","role":1}';
const TOKEN = 'serve-token-4f1c0b9e8d7a6f5e4d3c2b1a';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch: it lets a test name any Host. */
function send(url: string, { method = 'POST', path = '/', headers = {}, body, agent }: { method?: string; path?: string; headers?: Record<string, string>; body?: string; agent?: Agent } = {}): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers: { ...(body === undefined ? {} : JSON_TYPE), ...headers }, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const reasons = (answer: Answer): string[] => (JSON.parse(answer.body) as { errors: { reason: string }[] }).errors.map((e) => e.reason);

describe('serve: origins and hosts', () => {
  it('refuses a foreign page\'s preflight and POST with 403; answers a loopback page and an --allow-origin one', async () => {
    const serve = await startServe(['--allow-origin', 'https://app.example.com'], { env: { ...MEETING_ENV } });
    try {
      const preflight = (origin: string): Promise<Answer> =>
        send(serve.url, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type', 'access-control-request-private-network': 'true' },
        });
      const foreignPreflight = await preflight('https://evil.example');
      expect(foreignPreflight.status).toBe(403);
      expect(foreignPreflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(foreignPreflight.headers['access-control-allow-private-network']).toBeUndefined();
      expect(reasons(foreignPreflight)[0]).toMatch(/^A page from https:\/\/evil\.example may not ask this server for signatures: .*--allow-origin https:\/\/evil\.example\.$/);

      const foreignPost = await send(serve.url, { body: JOIN, headers: { origin: 'https://evil.example' } });
      expect(foreignPost.status).toBe(403);
      expect(foreignPost.body).not.toContain('eyJ');

      for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:8080', 'https://app.example.com']) {
        const allowed = await preflight(origin);
        expect(allowed.status, origin).toBe(204);
        expect(allowed.headers['access-control-allow-origin']).toBe(origin);
        expect(allowed.headers['access-control-allow-private-network']).toBe('true');
        const post = await send(serve.url, { body: JOIN, headers: { origin } });
        expect(post.status).toBe(200);
        expect(post.headers['access-control-allow-origin']).toBe(origin);
      }
    } finally {
      await serve.stop();
    }
  });

  it('--allow-origin * answers any page, as Zoom\'s sample does, with a warning', async () => {
    const serve = await startServe(['--allow-origin', '*'], { env: { ...MEETING_ENV } });
    const answer = await send(serve.url, { body: JOIN, headers: { origin: 'https://anywhere.example' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    const { stderr } = await serve.stop();
    expect(stderr).toMatch(/^warning: --allow-origin \*: any web page/m);
  });

  it('answers 421 to a Host it does not listen on (DNS rebinding), and serves --allow-host names', async () => {
    const serve = await startServe(['--allow-host', 'sig.example.com'], { env: { ...MEETING_ENV } });
    try {
      const rebound = await send(serve.url, { body: JOIN, headers: { host: 'attacker.example:4000' } });
      expect(rebound.status).toBe(421);
      expect(reasons(rebound)[0]).toMatch(/names the host "attacker\.example:4000", and this server answers for 127\.0\.0\.1, localhost, \[::1\], sig\.example\.com only/);
      expect((await send(serve.url, { method: 'GET', path: '/health', headers: { host: 'attacker.example' } })).status).toBe(421);
      expect((await send(serve.url, { body: JOIN, headers: { host: 'sig.example.com' } })).status).toBe(200);
      expect((await send(serve.url, { body: JOIN, headers: { host: 'localhost:4000' } })).status).toBe(200);
    } finally {
      await serve.stop();
    }
  });
});

describe('serve: what it signs, for whom', () => {
  it('--max-role 0 refuses host tokens with 403 naming the option', async () => {
    const serve = await startServe(['--max-role', '0'], { env: { ...MEETING_ENV } });
    try {
      const host = await send(serve.url, { body: START });
      expect(host.status).toBe(403);
      expect(reasons(host)).toEqual([expect.stringContaining('--max-role 0')]);
      expect((await send(serve.url, { body: JOIN })).status).toBe(200);
    } finally {
      await serve.stop();
    }
  });

  it('--max-expiration caps expirationSeconds, and is the lifetime when none is asked', async () => {
    const serve = await startServe(['--max-expiration', '1h'], { env: { ...MEETING_ENV } });
    try {
      const long = await send(serve.url, { body: '{"meetingNumber":"85746065012","role":0,"expirationSeconds":7200}' });
      expect(long.status).toBe(403);
      expect(reasons(long)[0]).toContain('at most 3600 seconds (--max-expiration)');
      const plain = await send(serve.url, { body: JOIN });
      const { signature } = JSON.parse(plain.body) as { signature: string };
      const payload = JSON.parse(Buffer.from(signature.split('.')[1] ?? '', 'base64url').toString()) as { iat: number; exp: number };
      expect(payload.exp - payload.iat).toBe(3600);
    } finally {
      await serve.stop();
    }
  });

  it.each([
    ['--auth-token-file', (dir: string) => ({ args: ['--auth-token-file', `${dir}/serve.token`], env: {} })],
    ['ZOOMSIG_SERVE_TOKEN', () => ({ args: [], env: { ZOOMSIG_SERVE_TOKEN: TOKEN } })],
  ])('%s: 401 without the bearer token or with another, 200 with it, and the token is never printed', async (_name, setup) => {
    const dir = makeTempDir({ 'serve.token': `${TOKEN}\n` });
    const { args, env } = setup(dir);
    const serve = await startServe(args, { env: { ...MEETING_ENV, ...env } });
    const missing = await send(serve.url, { body: JOIN });
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="zoomsig serve"');
    expect((await send(serve.url, { body: JOIN, headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}x` } })).status).toBe(401);
    expect((await send(serve.url, { body: JOIN, headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await send(serve.url, { method: 'GET', path: '/health' })).status).toBe(200);
    const { stdout, stderr } = await serve.stop();
    expect(`${stdout}${stderr}`).not.toContain(TOKEN);
  });

  it.each([
    [['--allow-origin', 'app.example.com'], /^zoomsig: --allow-origin takes an origin/],
    [['--allow-origin', 'https://app.example.com/login'], /^zoomsig: --allow-origin takes an origin/],
    [['--allow-host', 'a b'], /^zoomsig: --allow-host takes a host name/],
    [['--max-role', '2'], /^zoomsig: --max-role takes 0/],
    [['--max-expiration', '10m'], /^zoomsig: --max-expiration must be/],
    [['--auth-token-file', '/nonexistent/serve.token'], /^zoomsig: cannot read the token file \/nonexistent\/serve\.token: no such file\.$/],
  ])('serve %j is a usage error (exit 2) with a sentence', async (args, message) => {
    const result = await runCli(['serve', '--port', '0', ...args], { env: { ...MEETING_ENV } });
    expect(result.code).toBe(2);
    expect(usageErrorLine(result)).toMatch(message);
  });
});

/** serve on port 0 with stderr piped but not read until `readLog` is called. */
async function serveWithUnreadLog(): Promise<{ url: string; exited: Promise<number | null>; child: ReturnType<typeof spawnCli>; readLog: () => () => string }> {
  const child = spawnCli(['serve', '--port', '0'], { env: { ...MEETING_ENV } });
  child.stdin.end();
  let stdout = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout)?.[1];
      if (found !== undefined) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before listening`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const readLog = (): (() => string) => {
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    return () => stderr;
  };
  return { url, exited, child, readLog };
}

/** `count` requests, 32 at a time, every other one to a long path (404) so that log lines are ~100 bytes. */
async function hammer(url: string, count: number): Promise<Record<string, number>> {
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const statuses: Record<string, number> = {};
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      next += 1;
      const path = next % 2 === 0 ? '/health' : `/${'x'.repeat(76)}`;
      const { status } = await send(url, { method: 'GET', path, agent });
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  agent.destroy();
  return statuses;
}

describe('serve with a log nobody reads', () => {
  it('counts the lines it dropped, and says so once the log is read again', async () => {
    const { url, exited, child, readLog } = await serveWithUnreadLog();
    expect(await hammer(url, 4_000)).toEqual({ 200: 2_000, 404: 2_000 });
    const log = readLog();
    // Reading drains the pipe; the next line written says how many were dropped.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await send(url, { method: 'GET', path: '/health' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Each time the log drains after drops, one line with their count.
    const counts = [...log().matchAll(/^zoomsig serve: (\d+) log lines? dropped: the log was not being read\.$/gm)].map((match) => Number(match[1]));
    const dropped = counts.reduce((sum, count) => sum + count, 0);
    expect(dropped).toBeGreaterThan(0);
    const logged = log().split('\n').filter((line) => /^GET \//.test(line)).length;
    // Every request is either logged or counted as dropped (the count may also hold lines of
    // client errors, which have no request: a connection cut while the log was full).
    expect(logged + dropped).toBeGreaterThanOrEqual(4_001);
    expect(logged + dropped).toBeLessThan(4_100);
  }, 60_000);

  it('answers 10,000 requests with stderr on a pipe never drained, and SIGTERM ends it within a second', async () => {
    // stderr is not read: the pipe fills after a few thousand log lines.
    const { url, exited, child, readLog } = await serveWithUnreadLog();
    expect(await hammer(url, 10_000)).toEqual({ 200: 5_000, 404: 5_000 });

    const started = performance.now();
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    const code = await exited;
    clearTimeout(killer);
    expect(code).toBe(0);
    expect(performance.now() - started).toBeLessThan(1_500);
    // What the pipe held: far from 10,000 lines, so the log did stall, and lines were dropped rather than waited for.
    const log = readLog();
    await new Promise((resolve) => child.stderr.once('close', resolve));
    expect(log().split('\n').filter((line) => /^GET \//.test(line)).length).toBeLessThan(9_000);
  }, 60_000);
});

describe('serve with its log on a file or /dev/null (written synchronously, a turn of the event loop at a time)', () => {
  afterAll(cleanupTempDirs);

  /** serve with stderr on `path` (opened for writing), `count` requests, then SIGTERM. */
  async function serveLoggingTo(path: string, count: number): Promise<number | null> {
    const fd = openSync(path, 'w');
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      cwd: makeTempDir(),
      env: { PATH: process.env.PATH ?? '', ...MEETING_ENV },
      stdio: ['ignore', 'pipe', fd],
    });
    closeSync(fd);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let stdout = '';
    const output = child.stdout;
    if (output === null) throw new Error('serve has no stdout pipe');
    const url = await new Promise<string>((resolve, reject) => {
      output.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const found = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout)?.[1];
        if (found !== undefined) resolve(found);
      });
      child.once('exit', (code) => reject(new Error(`serve exited (${code}) before listening`)));
    });
    expect(await hammer(url, count)).toEqual({ 200: count / 2, 404: count / 2 });
    child.kill('SIGTERM');
    return exited;
  }

  it('writes every access-log line to a regular file, none dropped', async () => {
    const file = join(makeTempDir(), 'serve.log');
    expect(await serveLoggingTo(file, 2_000)).toBe(0);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.filter((line) => /^GET \/health 200 [\d.]+ms$/.test(line))).toHaveLength(1_000);
    expect(lines.filter((line) => /^GET \/x{76} 404 [\d.]+ms$/.test(line))).toHaveLength(1_000);
    expect(lines.filter((line) => /dropped/.test(line))).toEqual([]);
    expect(lines.at(-2)).toBe('zoomsig serve: SIGTERM, stopping.');
  }, 60_000);

  it('serves with its log on /dev/null', async () => {
    expect(await serveLoggingTo('/dev/null', 1_000)).toBe(0);
  }, 60_000);
});
