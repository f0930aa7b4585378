/**
 * The built CLI run with generated argv, stdin and environment: counts of
 * runs, exit codes outside {0, 1, 2} (a crash, a signal, a hang past the
 * timeout), stack traces on stdout or stderr, and "internal error" lines.
 * Long-running commands (serve, ui) and options that reach the network or
 * write files (--endpoint, --junit, --out) are left out; the files the
 * options read are regular files prepared in a temporary directory.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { KEY, nested, pasted, SECRET, signedJwt, VIDEO_KEY, VIDEO_SECRET } from './arbitraries.js';

export interface CliRun {
  args: string[];
  stdin: string | undefined;
  env: Record<string, string>;
}

export interface CliCounts {
  runs: number;
  exitCodes: Record<string, number>;
  strayExitCodes: number;
  stackTraces: number;
  internalErrors: number;
  examples: string[];
}

const COMMANDS = ['generate', 'decode', 'verify', 'doctor', 'explain', 'check', 'completion', 'help'] as const;

/** Text that can be an argument: no NUL (the kernel cannot pass it). */
const argText = (arbitrary: fc.Arbitrary<string>): fc.Arbitrary<string> => arbitrary.map((text) => text.replace(/\0/g, ''));

function optionFragments(files: Record<string, string>): fc.Arbitrary<readonly string[]> {
  const path = fc.constantFrom(...Object.values(files), '/nonexistent/file', '-');
  const value = argText(fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 10 }), fc.constantFrom('', '-1', '0', '1', '2', 'host', 'video', '2h', 'NaN', '1e309', '--json')));
  const flagged = (flag: string, values: fc.Arbitrary<string>): fc.Arbitrary<readonly string[]> =>
    fc.oneof({ weight: 4, arbitrary: values.map((v) => [flag, v]) }, { weight: 1, arbitrary: values.map((v) => [`${flag}=${v}`]) }, { weight: 1, arbitrary: fc.constant<readonly string[]>([flag]) });
  return fc.oneof(
    fc.constantFrom<readonly string[]>(['--json'], ['--no-color'], ['--quiet'], ['--help'], ['-h'], ['--verbose'], ['-v'], ['--ignore-exp'], ['--strict'], ['--webrtc'], ['--native'], ['--'], ['-']),
    flagged('--format', fc.oneof(fc.constantFrom('text', 'json', 'github', 'JSON'), value)),
    flagged('--secret', fc.oneof(fc.constantFrom(SECRET, VIDEO_SECRET), value)),
    flagged('--secret-file', path),
    flagged('--key', fc.oneof(fc.constantFrom(KEY, VIDEO_KEY), value)),
    flagged('--meeting', fc.oneof(fc.constantFrom('85746065012', '857-4606-5012', 'https://zoom.us/j/85746065012?pwd=x'), value)),
    flagged('--role', fc.oneof(fc.constantFrom('0', '1', 'host', 'participant'), value)),
    flagged('--sdk', fc.oneof(fc.constantFrom('meeting', 'video'), value)),
    flagged('--product', fc.constantFrom('meeting', 'video', 'x')),
    flagged('--now', fc.oneof(fc.constantFrom('2026-01-01T00:00:00Z', '1767225600', '1767225600000', '2026-01-01T00:00:00'), value)),
    flagged('--expires-in', fc.oneof(fc.constantFrom('2h', '90m', '7200', '1m', '3d'), value)),
    flagged('--topic', value),
    flagged('--session-key', value),
    flagged('--user-identity', value),
    flagged('--join', path),
    flagged('--error', fc.oneof(fc.constantFrom('3712', '200', 'JWTTOKENWRONG', '4012'), value)),
    flagged('--skew', fc.oneof(fc.constantFrom('60', '-5', '0'), value)),
    flagged('--requests', value),
    flagged('--concurrency', value),
    flagged('--timeout', value),
    flagged('--origin', value),
    argText(fc.string({ minLength: 1, maxLength: 12 })).map((name) => [`--${name}`]),
  );
}

export function cliRuns(files: Record<string, string>): fc.Arbitrary<CliRun> {
  const token = argText(fc.oneof(pasted, signedJwt.map(({ token: t }) => t)));
  const positional = fc.oneof({ weight: 3, arbitrary: token }, { weight: 1, arbitrary: fc.constantFrom('-', '3712', 'timestamps-in-ms', 'bash', 'nonexistent') });
  const env = fc.constantFrom<Record<string, string>>(
    {},
    { ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: SECRET },
    { ZOOM_VIDEO_SDK_KEY: VIDEO_KEY, ZOOM_VIDEO_SDK_SECRET: VIDEO_SECRET },
    { ZOOM_MEETING_SDK_KEY: '', ZOOM_MEETING_SDK_SECRET: ` ${SECRET}\n` },
    { ZOOM_MEETING_SDK_SECRET: SECRET, ZOOM_CLIENT_ID: 'x', FORCE_COLOR: '1' },
  );
  return fc
    .record({
      command: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...COMMANDS) }, { weight: 1, arbitrary: argText(fc.string({ maxLength: 10 })) }),
      options: fc.array(optionFragments(files), { maxLength: 5 }),
      positional: fc.option(positional, { nil: undefined }),
      beforeCommand: fc.boolean(),
      stdin: fc.option(fc.oneof(pasted, signedJwt.map(({ token: t }) => `${t}\n`)), { nil: undefined }),
      env,
    })
    .map(({ command, options, positional: arg, beforeCommand, stdin, env: extra }) => {
      const flat = options.flat();
      const args = beforeCommand ? [...flat, command] : [command, ...flat];
      if (arg !== undefined) args.push(arg);
      return { args, stdin, env: extra };
    });
}

/** Regular files the generated options may name. */
export function prepareFiles(): { dir: string; files: Record<string, string>; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'zoomsig-fuzz-'));
  const put = (name: string, content: string): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  mkdirSync(join(dir, 'a-directory'));
  const files = {
    secret: put('sdk.secret', `${SECRET}\n`),
    empty: put('empty.secret', ''),
    quoted: put('quoted.secret', `"${SECRET}"\n`),
    join: put('join.json', JSON.stringify({ meetingNumber: '85746065012', role: 1, sdkKey: KEY, signature: 'eyJhbGciOiJIUzI1NiJ9.e30.x' })),
    brokenJoin: put('broken.json', '{"meetingNumber":'),
    deepJoin: put('deep.json', `{"signature":${nested(5000, true)}}`),
    directory: join(dir, 'a-directory'),
  };
  return { dir, files, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const STACK_TRACE = /^\s+at .+[(\s].*:\d+:\d+\)?$/m;

function runOnce(bin: string, run: CliRun, cwd: string, timeoutMs: number): Promise<{ code: number | null; signal: string | null; out: string }> {
  return new Promise((resolve) => {
    // A clean environment: PATH and HOME only (no NODE_EXTRA_CA_CERTS, no ZOOM_* of the caller).
    const env: Record<string, string> = { NO_COLOR: '1', ...run.env };
    if (process.env.PATH !== undefined) env.PATH = process.env.PATH;
    if (process.env.HOME !== undefined) env.HOME = process.env.HOME;
    const child = spawn(process.execPath, [bin, ...run.args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (out.length < 200_000) out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (out.length < 200_000) out += chunk;
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(run.stdin);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out });
    });
  });
}

export async function fuzzCli(bin: string, { runs, seed, concurrency = 2, timeoutMs = 10_000 }: { runs: number; seed: number; concurrency?: number; timeoutMs?: number }): Promise<CliCounts> {
  const { dir, files, cleanup } = prepareFiles();
  const counts: CliCounts = { runs: 0, exitCodes: {}, strayExitCodes: 0, stackTraces: 0, internalErrors: 0, examples: [] };
  const note = (what: string, run: CliRun, detail: string): void => {
    if (counts.examples.length < 10) counts.examples.push(`${what}: zoomsig ${JSON.stringify(run.args).slice(0, 300)}${run.stdin === undefined ? '' : ` < ${JSON.stringify(run.stdin.slice(0, 80))}`} ${JSON.stringify(run.env)}: ${detail.slice(0, 300)}`);
  };
  try {
    const all = fc.sample(cliRuns(files), { numRuns: runs, seed });
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < all.length) {
        const run = all[next] as CliRun;
        next += 1;
        const { code, signal, out } = await runOnce(bin, run, dir, timeoutMs);
        counts.runs += 1;
        const key = code === null ? `signal ${signal ?? '?'}` : String(code);
        counts.exitCodes[key] = (counts.exitCodes[key] ?? 0) + 1;
        if (code !== 0 && code !== 1 && code !== 2) {
          counts.strayExitCodes += 1;
          note('stray exit code', run, `${key}: ${out}`);
        }
        if (STACK_TRACE.test(out)) {
          counts.stackTraces += 1;
          note('stack trace', run, out);
        }
        if (/internal error/i.test(out)) {
          counts.internalErrors += 1;
          note('internal error', run, out);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    cleanup();
  }
  return counts;
}
