/**
 * Shared helpers for the CLI tests: spawn the BUILT binary (bin/zoomsig.js ->
 * dist/) with colour off and a clean environment, and sign tokens by hand with
 * node:crypto so the tests do not trust the code under test to make them.
 *
 * The tests need `npx tsc -p tsconfig.build.json` to have run first.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/zoomsig.js', import.meta.url));
export const DIST_MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

if (!existsSync(DIST_MAIN)) {
  throw new Error(`${DIST_MAIN} is missing: run "npx tsc -p tsconfig.build.json" before the CLI tests.`);
}

/** The fixed clock every test uses. */
export const NOW_ISO = '2026-01-01T00:00:00Z';
export const NOW = 1_767_225_600;
export const NOW_ARGS = ['--now', NOW_ISO] as const;

export const KEY = 'FakeClientId0123456789';
export const SECRET = 'FakeClientSecret0123456789abcdef';
export const VIDEO_KEY = 'FakeVideoKey0123456789';
export const VIDEO_SECRET = 'FakeVideoSecret0123456789abcdef';

/** Meeting SDK credentials as environment variables. */
export const MEETING_ENV = { ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: SECRET } as const;
export const VIDEO_ENV = { ZOOM_VIDEO_SDK_KEY: VIDEO_KEY, ZOOM_VIDEO_SDK_SECRET: VIDEO_SECRET } as const;

export interface RunOptions {
  /** Written to stdin, which is then closed. Without it stdin is closed at once. */
  input?: string;
  /**
   * Without `input`: 'closed' (default) ends the pipe at once, 'open' leaves it
   * open and silent until the process exits, 'null' is /dev/null.
   */
  stdin?: 'closed' | 'open' | 'null';
  /** Added to the clean environment (PATH, HOME, NO_COLOR=1). */
  env?: Record<string, string>;
  /** Working directory; default: an empty temporary directory (no stray .env). */
  cwd?: string;
  /** Kill the process after this long (default 10 s). */
  timeoutMs?: number;
  /** Options for node itself, before the script (`--require`, say). */
  nodeArgs?: string[];
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds from spawn to exit. */
  ms: number;
}

let defaultCwd: string | undefined;

/** An empty directory shared by runs that do not ask for their own cwd. */
function emptyCwd(): string {
  defaultCwd ??= makeTempDir();
  return defaultCwd;
}

const tempDirs: string[] = [];

/** A new temporary directory, removed by cleanupTempDirs(). */
export function makeTempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'zoomsig-cli-'));
  tempDirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Removes the temporary directories this test file made: call it in afterAll. */
export function cleanupTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  defaultCwd = undefined;
}

/** The environment of a spawned zoomsig: NO_COLOR=1, PATH and HOME from the parent, and `extra`. */
function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { NO_COLOR: '1' };
  // Only PATH and HOME from the parent: never ZOOM_* (nor DEBUG, FORCE_COLOR, PORT, ...).
  if (process.env.PATH !== undefined) env.PATH = process.env.PATH;
  if (process.env.HOME !== undefined) env.HOME = process.env.HOME;
  return Object.assign(env, extra);
}

/** node's arguments and the spawn options for the built binary, as spawnCli and runCli run it. */
function cliSpawn(args: readonly string[], opts: Pick<RunOptions, 'env' | 'cwd' | 'nodeArgs'>) {
  return { argv: [...(opts.nodeArgs ?? []), BIN, ...args], options: { cwd: opts.cwd ?? emptyCwd(), env: cleanEnv(opts.env) } };
}

/** Spawns the built binary in `opts.cwd` (default: an empty temporary directory) with a clean environment. */
export function spawnCli(args: readonly string[], opts: Pick<RunOptions, 'env' | 'cwd' | 'nodeArgs'> = {}): ChildProcessWithoutNullStreams {
  const { argv, options } = cliSpawn(args, opts);
  return spawn(process.execPath, argv, { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
}

export function runCli(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const { argv, options } = cliSpawn(args, opts);
    const child =
      opts.stdin === 'null' ? spawn(process.execPath, argv, { ...options, stdio: ['ignore', 'pipe', 'pipe'] }) : spawnCli(args, opts);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // The child may exit before reading all of a large input: ignore EPIPE.
    child.stdin?.on('error', () => undefined);
    if (opts.input !== undefined) child.stdin?.end(opts.input);
    else if (opts.stdin !== 'open') child.stdin?.end();

    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 10_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      child.stdin?.destroy();
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        ms: performance.now() - started,
      });
    });
  });
}

// ---------------------------------------------------------------------------
// What a run loaded.

/** Preload it with `--require` and set ZOOMSIG_TEST_MODULES_OUT to a path: the run's modules are written there. */
export const MODULE_RECORDER = fileURLToPath(new URL('./support/record-modules.cjs', import.meta.url));

/** Node's internal modules (process.moduleLoadList) and the CommonJS files required (require.cache). */
export interface LoadedModules {
  builtins: string[];
  files: string[];
  /** TextDecoders made with { fatal: true }: more than 0 once jose's module was evaluated. */
  fatalTextDecoders: number;
}

export function readLoadedModules(path: string): LoadedModules {
  return JSON.parse(readFileSync(path, 'utf8')) as LoadedModules;
}

/** A file of the prompt library. */
export const PROMPT_LIBRARY = /[\\/]node_modules[\\/]@inquirer[\\/]/;

/** Lines of text without the final empty one. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line, index, all) => !(line === '' && index === all.length - 1));
}

// ---------------------------------------------------------------------------
// Tokens built by hand, independently of src/.

export function b64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

export function hmac(secret: string, input: string): string {
  return createHmac('sha256', secret).update(input).digest('base64url');
}

/** An HS256 JWT (or another header) signed with `secret` as UTF-8 bytes. */
export function signJwt(
  payload: Record<string, unknown>,
  secret: string,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${hmac(secret, input)}`;
}

/** A Meeting SDK payload as Zoom's sample writes it. */
export function meetingPayload(
  overrides: Record<string, unknown> = {},
  { iat = NOW - 30, lifetime = 7200, key = KEY }: { iat?: number; lifetime?: number; key?: string } = {},
): Record<string, unknown> {
  const exp = iat + lifetime;
  return { appKey: key, sdkKey: key, mn: '85746065012', role: 0, iat, exp, tokenExp: exp, ...overrides };
}

/** A legacy (retired JWT-app) web signature. */
export function legacySignature(apiKey: string, apiSecret: string, meetingNumber = '85746065012', role = '0'): string {
  const ts = String(NOW * 1000 - 30_000);
  const message = Buffer.from(`${apiKey}${meetingNumber}${ts}${role}`).toString('base64');
  const hash = createHmac('sha256', apiSecret).update(message).digest('base64');
  return Buffer.from(`${apiKey}.${meetingNumber}.${ts}.${role}.${hash}`).toString('base64');
}

/** Decodes one base64url JWT segment as JSON. */
export function segmentJson(token: string, index: 0 | 1): Record<string, unknown> {
  const part = token.split('.')[index] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * The shape of every usage error: exit 2, nothing on stdout, exactly one line on
 * stderr starting "zoomsig: ", and no stack trace.
 */
export function usageErrorLine(result: RunResult): string {
  const errLines = lines(result.stderr);
  if (result.code !== 2 || errLines.length !== 1 || result.stdout !== '' || result.stderr.includes('    at ')) {
    throw new Error(`expected a one-line usage error (exit 2), got:\n${JSON.stringify(result, null, 2)}`);
  }
  const [line] = errLines as [string];
  if (!line.startsWith('zoomsig: ')) throw new Error(`usage error line does not start with "zoomsig: ": ${line}`);
  return line;
}
