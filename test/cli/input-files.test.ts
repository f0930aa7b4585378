/**
 * --secret-file and --join: a regular file, a named pipe (`<(command)`, or
 * one made by mkfifo), or standard input for `-` and /dev/stdin (a pipe, a
 * file or a socket), read with a cap: a secret over 4 KiB, a join() object
 * over 64 KiB is an error. A pipe nobody writes to is given up on within the
 * first-byte timeout, as standard input is. A device or a directory gets a
 * sentence at once, never a hang or unbounded memory.
 */
import { spawn, spawnSync } from 'node:child_process';

import { connect, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cleanupTempDirs, KEY, makeTempDir, meetingPayload, NOW_ARGS, runCli, SECRET, signJwt, usageErrorLine, type RunResult } from './helpers.js';

afterAll(cleanupTempDirs);

const TOKEN = signJwt(meetingPayload(), SECRET);
const dir = makeTempDir({ 'zoom.secret': `${SECRET}\n`, 'big.secret': 'x'.repeat(4097), 'big.json': JSON.stringify({ signature: TOKEN, pad: 'x'.repeat(64 * 1024) }) });
const JOIN = JSON.stringify({ signature: TOKEN, meetingNumber: '85746065012', sdkKey: KEY, role: 0, userName: 'Ada' });
const fifo = join(dir, 'secret.fifo');
const hasFifo = process.platform !== 'win32' && spawnSync('mkfifo', [fifo]).status === 0;

function verify(args: readonly string[], opts: Parameters<typeof runCli>[1] = {}): Promise<RunResult> {
  return runCli(['verify', ...NOW_ARGS, ...args], opts);
}

/** zoomsig run by bash, whose `<(command)` gives zoomsig an inherited pipe as /dev/fd/N. */
function inBash(commandLine: string, env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string; ms: number } {
  const started = performance.now();
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', `"$NODE" "$BIN" ${commandLine}`], {
    encoding: 'utf8',
    timeout: 10_000,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', NODE: process.execPath, BIN, SECRET, TOKEN, ...env },
    cwd: dir,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
}

describe.concurrent('--secret-file', () => {
  it('reads a regular file', async () => {
    const result = await verify(['--secret-file', join(dir, 'zoom.secret'), TOKEN]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('note: removed the trailing newline from');
  });

  it.each(['-', '/dev/stdin'])('reads standard input as %s, from a pipe', async (path) => {
    const result = await verify(['--secret-file', path, TOKEN], { input: `${SECRET}\n` });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`matches --secret-file ${path}`);
  });

  it('reads /dev/stdin when standard input is a socket', async () => {
    const server = createServer((socket: Socket) => socket.end(SECRET));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = address !== null && typeof address === 'object' ? address.port : 0;
    const socket = await new Promise<Socket>((resolve) => {
      const client: Socket = connect(port, '127.0.0.1', () => resolve(client));
    });
    const child = spawn(process.execPath, [BIN, 'verify', ...NOW_ARGS, '--secret-file', '/dev/stdin', TOKEN], {
      stdio: [socket, 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      cwd: dir,
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    socket.destroy();
    server.close();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('matches --secret-file /dev/stdin');
  });

  it.each([
    ['a device that never ends', '/dev/zero', /^zoomsig: cannot read the secret file \/dev\/zero: it is a device, not a regular file: give a regular file, or - for standard input\.$/],
    ['a directory', dir, /^zoomsig: cannot read the secret file .+: it is a directory\.$/],
    ['a file over 4 KiB', join(dir, 'big.secret'), /^zoomsig: the secret file .+big\.secret is over 4 KiB: that is not a secret \(a Zoom Client Secret is 32 characters\)\.$/],
    ['a file that is not there', join(dir, 'none.secret'), /^zoomsig: cannot read the secret file .+none\.secret: no such file\.$/],
  ])('refuses %s with a sentence (exit 2)', async (_name, path, sentence) => {
    const result = await verify(['--secret-file', path, TOKEN]);
    expect(usageErrorLine(result)).toMatch(sentence);
    expect(result.ms).toBeLessThan(5_000);
  });

  it("reads bash's <(command), a pipe, as the secret", () => {
    const result = inBash(`verify ${NOW_ARGS.join(' ')} --secret-file <(printf '%s\\n' "$SECRET") "$TOKEN"`);
    expect(result.stderr).toMatch(/^note: removed the trailing newline from \/dev\/fd\/\d+\.\n$/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/matches --secret-file \/dev\/fd\/\d+/);
    expect(result.stdout).not.toContain(SECRET);
  });

  it('reads two <(command) secrets in one run, and finds the one that matches', () => {
    const result = inBash(`doctor ${NOW_ARGS.join(' ')} --secret-file <(printf wrong-secret-of-the-dev-app) --secret-file <(printf %s "$SECRET") "$TOKEN"`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/signature +matches --secret-file \/dev\/fd\/\d+ \(Fake…cdef\)/);
  });

  it('waits for a writer that comes after zoomsig opened the pipe', async () => {
    const late = join(makeTempDir(), 'late.fifo');
    expect(spawnSync('mkfifo', [late]).status).toBe(0);
    const writer = spawn('bash', ['--norc', '-c', `sleep 0.3; printf %s "$SECRET" > "${late}"`], { env: { PATH: process.env.PATH ?? '', SECRET } });
    const result = await verify(['--secret-file', late, TOKEN]);
    writer.kill();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it.skipIf(!hasFifo)('gives up on a FIFO nobody writes to, within the first-byte timeout', async () => {
    const result = await verify(['--secret-file', fifo, TOKEN], { timeoutMs: 5_000, env: { ZOOMSIG_STDIN_TIMEOUT_MS: '300' } });
    expect(usageErrorLine(result)).toMatch(
      /^zoomsig: nothing arrived within 300 ms on the secret file .+secret\.fifo, a pipe: what should write the secret there did not \(for <\(command\), run the command alone to see why\)\.$/,
    );
    expect(result.ms).toBeLessThan(3_000);
  });

  it('refuses a pipe that carries over 4 KiB, without reading on', () => {
    const result = inBash(`verify ${NOW_ARGS.join(' ')} --secret-file <(head -c 1000000 /dev/zero) "$TOKEN"`);
    expect(usageErrorLine(result)).toMatch(/^zoomsig: the secret file \/dev\/fd\/\d+ is over 4 KiB: that is not a secret \(a Zoom Client Secret is 32 characters\)\.$/);
  });

  it('says an empty pipe is an empty secret', () => {
    expect(usageErrorLine(inBash(`verify ${NOW_ARGS.join(' ')} --secret-file <(true) "$TOKEN"`))).toMatch(/^zoomsig: the secret file \/dev\/fd\/\d+ is empty\.$/);
  });

  it('refuses standard input over 4 KiB, without reading on', async () => {
    const result = await verify(['--secret-file', '-', TOKEN], { input: 'x'.repeat(1024 * 1024) });
    expect(usageErrorLine(result)).toBe('zoomsig: standard input (--secret-file -) is over 4 KiB: that is not a secret (a Zoom Client Secret is 32 characters).');
  });

  it('gives up on a standard input that stays silent', async () => {
    const result = await verify(['--secret-file', '-', TOKEN], { stdin: 'open', env: { ZOOMSIG_STDIN_TIMEOUT_MS: '300' } });
    expect(usageErrorLine(result)).toBe('zoomsig: nothing arrived on standard input within 300 ms for --secret-file -: pipe the secret in, or give the path of a file.');
  });

  it('says so when standard input would carry both the secret and the token', async () => {
    const result = await verify(['--secret-file', '-'], { input: SECRET });
    expect(usageErrorLine(result)).toBe('zoomsig: standard input already carries the secret (--secret-file -): it cannot carry the token too.');
  });
});

describe.concurrent('--join', () => {
  it('reads the join() object from standard input', async () => {
    const result = await runCli(['doctor', ...NOW_ARGS, '--join', '-'], { input: JOIN, env: { ZOOM_MEETING_SDK_SECRET: SECRET } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/signature +matches ZOOM_MEETING_SDK_SECRET/);
  });

  it.each([
    ['a device', '/dev/zero', /^zoomsig: cannot read the --join file \/dev\/zero: it is a device, not a regular file/],
    ['a file over 64 KiB', join(dir, 'big.json'), /^zoomsig: the --join file .+big\.json is over 64 KiB: that is not a join\(\) object \(it is a few hundred bytes\)\.$/],
  ])('refuses %s with a sentence (exit 2)', async (_name, path, sentence) => {
    expect(usageErrorLine(await runCli(['doctor', ...NOW_ARGS, TOKEN, '--join', path]))).toMatch(sentence);
  });

  it("reads the join() object from bash's <(command)", () => {
    const result = inBash(`doctor ${NOW_ARGS.join(' ')} --join <(printf %s "$JOIN")`, { JOIN, ZOOM_MEETING_SDK_SECRET: SECRET });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/signature +matches ZOOM_MEETING_SDK_SECRET/);
  });

  it.skipIf(!hasFifo)('gives up on a FIFO nobody writes to, within the first-byte timeout', async () => {
    const result = await runCli(['doctor', ...NOW_ARGS, TOKEN, '--join', fifo], { timeoutMs: 5_000, env: { ZOOMSIG_STDIN_TIMEOUT_MS: '300' } });
    expect(usageErrorLine(result)).toMatch(/^zoomsig: nothing arrived within 300 ms on the --join file .+secret\.fifo, a pipe: what should write the join\(\) object there did not/);
  });

  it('says so when standard input would carry both the join() object and the secret', async () => {
    const result = await runCli(['doctor', ...NOW_ARGS, '--join', '-', '--secret-file', '-', TOKEN], { input: JOIN });
    expect(usageErrorLine(result)).toBe('zoomsig: standard input already carries the secret (--secret-file -): it cannot carry the join() object (--join -) too.');
  });
});
