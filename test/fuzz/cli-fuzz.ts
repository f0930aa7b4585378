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

/** Options each command takes (the rest are still tried, less often). */
const TAKES: Record<(typeof COMMANDS)[number], readonly string[]> = {
  generate: ['sdk', 'product', 'key', 'secret', 'secret-file', 'meeting', 'role', 'expires-in', 'webrtc', 'native', 'topic', 'session-key', 'user-identity', 'now', 'format', 'json'],
  decode: ['now', 'format', 'json'],
  verify: ['secret', 'secret-file', 'key', 'sdk', 'product', 'now', 'ignore-exp', 'skew', 'strict', 'format', 'json'],
  doctor: ['secret', 'secret-file', 'key', 'meeting', 'role', 'join', 'error', 'sdk', 'product', 'now', 'ignore-exp', 'skew', 'strict', 'verbose', 'format', 'json'],
  explain: ['format', 'json'],
  check: ['requests', 'concurrency', 'timeout', 'origin', 'secret', 'secret-file', 'key', 'meeting', 'role', 'topic', 'sdk', 'product', 'now', 'ignore-exp', 'skew', 'strict', 'format', 'json'],
  completion: [],
  help: [],
};

function optionFragments(files: Record<string, string>): Record<string, fc.Arbitrary<readonly string[]>> {
  const path = fc.constantFrom(...Object.values(files), '/nonexistent/file', '-');
  const value = argText(fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 10 }), fc.constantFrom('', '-1', '0', '1', '2', 'host', 'video', '2h', 'NaN', '1e309', '--json')));
  // Mostly values the option takes, so that runs get past option parsing; sometimes anything.
  const usual = (...values: string[]): fc.Arbitrary<string> => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: value });
  const flagged = (flag: string, values: fc.Arbitrary<string>): fc.Arbitrary<readonly string[]> =>
    fc.oneof({ weight: 6, arbitrary: values.map((v) => [`--${flag}`, v]) }, { weight: 1, arbitrary: values.map((v) => [`--${flag}=${v}`]) }, { weight: 1, arbitrary: fc.constant<readonly string[]>([`--${flag}`]) });
  const toggle = (flag: string): fc.Arbitrary<readonly string[]> => fc.constant([`--${flag}`]);
  return {
    json: toggle('json'),
    'no-color': toggle('no-color'),
    quiet: toggle('quiet'),
    verbose: fc.constantFrom<readonly string[]>(['--verbose'], ['-v']),
    'ignore-exp': toggle('ignore-exp'),
    strict: toggle('strict'),
    webrtc: toggle('webrtc'),
    native: toggle('native'),
    help: fc.constantFrom<readonly string[]>(['--help'], ['-h']),
    format: flagged('format', usual('text', 'json', 'github', 'JSON')),
    secret: flagged('secret', usual(SECRET, VIDEO_SECRET)),
    'secret-file': flagged('secret-file', path),
    key: flagged('key', usual(KEY, VIDEO_KEY)),
    meeting: flagged('meeting', usual('85746065012', '857-4606-5012', 'https://zoom.us/j/85746065012?pwd=x')),
    role: flagged('role', usual('0', '1', 'host', 'participant')),
    sdk: flagged('sdk', usual('meeting', 'video')),
    product: flagged('product', fc.constantFrom('meeting', 'video', 'x')),
    now: flagged('now', usual('2026-01-01T00:00:00Z', '1767225600', '1767225600000', '2026-01-01T00:00:00')),
    'expires-in': flagged('expires-in', usual('2h', '90m', '7200', '1m', '3d')),
    topic: flagged('topic', usual('support-room-7')),
    'session-key': flagged('session-key', usual('k1')),
    'user-identity': flagged('user-identity', usual('agent-42')),
    join: flagged('join', path),
    error: flagged('error', usual('3712', '200', 'JWTTOKENWRONG', '4012')),
    skew: flagged('skew', usual('60', '-5', '0')),
    requests: flagged('requests', usual('1', '10')),
    concurrency: flagged('concurrency', usual('1', '2')),
    timeout: flagged('timeout', usual('1s', '500ms')),
    origin: flagged('origin', usual('http://localhost:3000', 'https://app.example')),
    unknown: argText(fc.string({ minLength: 1, maxLength: 12 })).map((name) => [`--${name}`]),
    separator: fc.constantFrom<readonly string[]>(['--'], ['-']),
  };
}

/**
 * The options a command takes, none for a name that is no command. Own keys
 * only: a generated name may be "constructor" or "toString", which every
 * object has (the harness once crashed on one).
 */
export function ownOptions(command: string): readonly string[] {
  return Object.hasOwn(TAKES, command) ? ((TAKES as Record<string, readonly string[]>)[command] ?? []) : [];
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
  const fragments = optionFragments(files);
  const everyOption = fc.oneof(...Object.values(fragments));
  const forCommand = (command: string): fc.Arbitrary<readonly string[]> => {
    const names = [...new Set([...ownOptions(command), 'no-color', 'quiet', 'help'])];
    return fc.oneof({ weight: 6, arbitrary: fc.oneof(...names.map((name) => fragments[name] as fc.Arbitrary<readonly string[]>)) }, { weight: 1, arbitrary: everyOption });
  };
  const command = fc.oneof({ weight: 12, arbitrary: fc.constantFrom<string>(...COMMANDS) }, { weight: 1, arbitrary: argText(fc.string({ maxLength: 10 })) });
  return command
    .chain((name) =>
      fc.record({
        command: fc.constant(name),
        options: fc.array(forCommand(name), { maxLength: 5 }),
        positional: fc.option(positional, { nil: undefined }),
        // Options before the command name: the contract allows it for the global ones.
        beforeCommand: fc.nat({ max: 4 }).map((n) => n === 0),
        stdin: fc.option(fc.oneof(pasted, signedJwt.map(({ token: t }) => `${t}\n`)), { nil: undefined }),
        env,
      }),
    )
    .map(({ command: name, options, positional: arg, beforeCommand, stdin, env: extra }) => {
      const flat = options.flat();
      const args = beforeCommand ? [...flat, name] : [name, ...flat];
      if (arg !== undefined && name !== 'generate' && name !== 'check') args.push(arg);
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
