/**
 * The command-line shell as a new user tries it (issue 9, "Tried as a new user
 * would"): global options anywhere, help and usage errors, range messages,
 * suggestions, per-command help, --json errors, schemaVersion, --quiet, I/O
 * errors. Run against the built bin/zoomsig.js.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import {
  BIN,
  cleanupTempDirs,
  KEY,
  lines,
  makeTempDir,
  MEETING_ENV,
  meetingPayload,
  NOW_ARGS,
  runCli,
  SECRET,
  spawnCli,
  signJwt,
  usageErrorLine,
} from './helpers.js';

afterAll(cleanupTempDirs);

const TOKEN = signJwt(meetingPayload(), SECRET);

describe.concurrent('global options before or after the command', () => {
  it.each([
    ['--no-color', ['--no-color', 'decode', TOKEN, ...NOW_ARGS], ['decode', TOKEN, ...NOW_ARGS, '--no-color']],
    ['--json', ['--json', 'decode', TOKEN, ...NOW_ARGS], ['decode', TOKEN, ...NOW_ARGS, '--json']],
    ['--format json', ['--format', 'json', 'doctor', TOKEN, ...NOW_ARGS], ['doctor', TOKEN, ...NOW_ARGS, '--format', 'json']],
    ['--format=github', ['--format=github', 'doctor', TOKEN, ...NOW_ARGS], ['doctor', TOKEN, ...NOW_ARGS, '--format=github']],
    ['--quiet', ['--quiet', 'explain', '3712'], ['explain', '3712', '--quiet']],
  ])('%s gives the same run in both places', async (_name, before, after) => {
    const [a, b] = await Promise.all([runCli(before), runCli(after)]);
    expect(a.code).toBe(b.code);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stderr).toBe(b.stderr);
    expect(a.stdout).not.toBe('');
  });

  it('a global option before the command is still checked by that command: generate refuses --format github', async () => {
    const line = usageErrorLine(await runCli(['--format', 'github', 'generate', '--native'], { env: MEETING_ENV }));
    expect(line).toMatch(/--format takes text, json; got "github"/);
  });
});

describe.concurrent('help and usage', () => {
  it('zoomsig alone prints the usage on stderr, nothing on stdout, and exits 2', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: zoomsig <command> \[options\]/m);
  });

  it('zoomsig help <unknown> is a usage error naming it', async () => {
    expect(usageErrorLine(await runCli(['help', 'nonexist']))).toBe('zoomsig: unknown command "nonexist". Run "zoomsig --help" for the list.');
    expect(usageErrorLine(await runCli(['help', 'decod']))).toMatch(/Did you mean "zoomsig decode"\?/);
  });

  it.each([['--help', 'decode'], ['-h', 'verify'], ['help', 'doctor']])('zoomsig %s %s is that command\'s help', async (flag, command) => {
    const [a, b] = await Promise.all([runCli([flag, command]), runCli([command, '--help'])]);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain(`Usage: zoomsig ${command}`);
    expect(a.stdout).toBe(b.stdout);
  });

  it('help <command> takes global options before it', async () => {
    const result = await runCli(['--no-color', 'help', 'decode']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: zoomsig decode');
  });

  it('every command lists the global options in its help', async () => {
    for (const command of ['generate', 'decode', 'verify', 'doctor', 'explain', 'check', 'serve', 'completion']) {
      const { stdout } = await runCli([command, '--help']);
      for (const option of ['--json', '--format', '--no-color', '--quiet', '--help']) expect(stdout, `${command} ${option}`).toContain(option);
      expect(stdout, command).toMatch(/^Exit codes: 0 fine/m);
    }
  });
});

describe.concurrent('out-of-range values: a sentence saying what is allowed', () => {
  it.each([
    ['--skew -5', ['verify', '--skew', '-5', TOKEN], MEETING_ENV, 'zoomsig: --skew takes a whole number of seconds, 0 or more (default 60); got "-5".'],
    ['--role -1', ['doctor', '--role', '-1', TOKEN], {}, 'zoomsig: --role takes 0 (or "participant") to join, or 1 (or "host") to start; got "-1".'],
    ['--now -5', ['decode', '--now', '-5', TOKEN], {}, 'zoomsig: --now takes Unix seconds (1767225600) or an ISO 8601 date (2026-01-01T00:00:00Z; without an offset it is read as UTC); got "-5".'],
    ['--port -1', ['serve', '--port', '-1'], MEETING_ENV, 'zoomsig: --port takes a port number from 0 to 65535 (0 picks a free one); got "-1".'],
    ['--port 70000', ['serve', '--port', '70000'], MEETING_ENV, 'zoomsig: --port takes a port number from 0 to 65535 (0 picks a free one); got "70000".'],
    ['--requests 0', ['check', '--endpoint', 'http://127.0.0.1:9', '--requests', '0'], MEETING_ENV, 'zoomsig: --requests takes a whole number from 1 to 1000 (default 10); got "0".'],
  ])('%s', async (_name, args, env, expected) => {
    expect(usageErrorLine(await runCli(args, { env: { ...env } }))).toBe(expected);
  });
});

describe.concurrent('suggestions point the right way', () => {
  it('serve takes --json (a global option), and a typo of it is suggested', async () => {
    expect(usageErrorLine(await runCli(['serve', '--jsn'], { env: MEETING_ENV }))).toMatch(/serve has no option --jsn\. Did you mean --json\?/);
  });

  it('verify --role: no wrong suggestion, but the commands that take it', async () => {
    const line = usageErrorLine(await runCli(['verify', '--role', '0', TOKEN], { env: MEETING_ENV }));
    expect(line).toBe('zoomsig: verify has no option --role (generate, doctor and check have it). See "zoomsig verify --help".');
    expect(line).not.toMatch(/--now/);
  });

  it('generate --help=1 is an unknown option, not "-h, needs a value"', async () => {
    const line = usageErrorLine(await runCli(['generate', '--help=1']));
    expect(line).toMatch(/^zoomsig: generate has no option --help=1\./);
    expect(line).not.toMatch(/needs a value/);
  });

  it('--native with --meeting says why', async () => {
    expect(usageErrorLine(await runCli(['generate', '--native', '--meeting', '85746065012'], { env: MEETING_ENV }))).toBe(
      'zoomsig: --native cannot be used with --meeting: a native SDK token has no mn and no role.',
    );
  });
});

describe.concurrent('each command\'s help says what that command does with an option', () => {
  /** The option's line in the help and its wrapped continuation lines, as one line. */
  const optionLine = (help: string, flag: string): string => {
    const all = help.split('\n');
    const start = all.findIndex((line) => new RegExp(`^ {2}(-\\w, )?${flag}\\b`).test(line));
    expect(start, flag).toBeGreaterThanOrEqual(0);
    let end = start + 1;
    while (end < all.length && /^ {6,}\S/.test(all[end] as string)) end += 1;
    return all.slice(start, end).join(' ').replace(/\s+/g, ' ');
  };

  it.each(['generate', 'explain', 'serve'])('%s --help does not offer --format github, which it refuses', async (command) => {
    const { stdout } = await runCli([command, '--help']);
    expect(optionLine(stdout, '--format')).not.toContain('github');
    expect(optionLine(stdout, '--format')).toContain('"json"');
  });

  it.each(['decode', 'verify', 'doctor', 'check'])('%s --help offers --format github', async (command) => {
    const { stdout } = await runCli([command, '--help']);
    expect(optionLine(stdout, '--format')).toContain('"github"');
  });

  it('--role: required for a web signature in generate only; checked against the token in doctor; default 0 in check', async () => {
    const [generate, doctor, check] = await Promise.all(['generate', 'doctor', 'check'].map((command) => runCli([command, '--help'])));
    expect(optionLine(generate?.stdout ?? '', '--role')).toMatch(/required for a web signature/);
    expect(optionLine(doctor?.stdout ?? '', '--role')).not.toMatch(/required/);
    expect(optionLine(doctor?.stdout ?? '', '--role')).toMatch(/checked against the token's/);
    expect(optionLine(check?.stdout ?? '', '--role')).not.toMatch(/required/);
    expect(optionLine(check?.stdout ?? '', '--role')).toMatch(/default 0/);
  });

  it("serve's --sdk is about its credentials, not a token", async () => {
    const { stdout } = await runCli(['serve', '--help']);
    expect(optionLine(stdout, '--sdk')).not.toMatch(/token is for/);
    expect(optionLine(stdout, '--sdk')).toMatch(/which SDK --key, --secret and --secret-file are for/);
  });
});

describe.concurrent('--json: errors too, and schemaVersion everywhere', () => {
  it.each([
    ['a usage error', ['decode', '--bogus', TOKEN, '--json'], 'USAGE', /^decode has no option --bogus/],
    ['a bad value', ['--json', 'decode', '--now', 'yesterday', TOKEN], 'INVALID_OPTION', /^--now takes Unix seconds/],
    ['a missing value', ['verify', TOKEN, '--format', 'json'], 'MISSING_VALUE', /secret to verify with is missing/],
    ['an unknown command', ['--json', 'frobnicate'], 'USAGE', /^unknown command "frobnicate"/],
  ])('%s: JSON on stdout, the same one line on stderr, exit 2', async (_name, args, code, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    const json = JSON.parse(result.stdout) as { schemaVersion: number; error: { code: string; message: string } };
    expect(json.schemaVersion).toBe(1);
    expect(json.error.code).toBe(code);
    expect(json.error.message).toMatch(message);
    expect(lines(result.stderr)).toEqual([`zoomsig: ${json.error.message}`]);
  });

  it.each([
    ['generate', ['generate', '--native', '--json', ...NOW_ARGS], MEETING_ENV],
    ['explain <code>', ['explain', '3712', '--json'], {}],
    ['explain <check>', ['explain', 'expired', '--json'], {}],
    ['explain', ['explain', '--json'], {}],
    ['decode', ['decode', TOKEN, '--json', ...NOW_ARGS], {}],
    ['doctor', ['doctor', TOKEN, '--json', ...NOW_ARGS], {}],
    ['verify', ['verify', TOKEN, '--json', ...NOW_ARGS], MEETING_ENV],
    ['check', ['check', '--json', ...NOW_ARGS], MEETING_ENV],
  ])('%s --json carries "schemaVersion": 1', async (_name, args, env) => {
    const result = await runCli(args, { env: { ...env } });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { schemaVersion: unknown }).schemaVersion).toBe(1);
  });
});

describe('serve --json', () => {
  it('prints where it listens as one line of JSON with schemaVersion, and stops on SIGTERM', async () => {
    const child = spawnCli(['serve', '--port', '0', '--json'], { env: { ...MEETING_ENV } });
    const line = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('\n')) resolve(text.split('\n')[0] as string);
      });
      child.once('exit', () => reject(new Error(`serve exited before printing: ${text}`)));
    });
    const started = JSON.parse(line) as { schemaVersion: number; url: string; endpoints: Record<string, string | null> };
    expect(started.schemaVersion).toBe(1);
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(started.endpoints).toEqual({ meeting: `${started.url}/`, video: null, health: `${started.url}/health` });
    const health = await fetch(started.endpoints.health as string);
    expect(health.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe.concurrent('--quiet', () => {
  const secretFile = (): string => join(makeTempDir({ 'zoom.secret': `${SECRET}\n` }), 'zoom.secret');

  it('drops notes and warnings from stderr', async () => {
    const args = ['generate', '--native', '--key', KEY, '--secret-file', secretFile(), ...NOW_ARGS];
    const [loud, quiet, warned] = await Promise.all([
      runCli(args),
      runCli([...args, '--quiet']),
      runCli(['-q', 'generate', '--native', '--key', KEY, '--secret', SECRET, ...NOW_ARGS]),
    ]);
    expect(loud.stderr).toMatch(/^note: removed the trailing newline/m);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
    expect(warned.stderr).toBe('');
  });

  it('keeps errors', async () => {
    const line = usageErrorLine(await runCli(['generate', '--native', '--quiet'], { env: { ZOOM_MEETING_SDK_KEY: KEY } }));
    expect(line).toMatch(/secret .* is missing/i);
  });
});

describe.concurrent('I/O errors: one clear line and exit 2, never "internal error"', () => {
  const shell = (commandLine: string) =>
    spawnSync('/bin/sh', ['-c', commandLine], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });

  it('a full disk (> /dev/full)', () => {
    const result = shell(`"${process.execPath}" "${BIN}" explain 3712 > /dev/full`);
    expect(result.status).toBe(2);
    expect(lines(result.stderr)).toEqual(['zoomsig: cannot write to standard output: no space left on the device (ENOSPC).']);
  });

  it('a standard output not open for writing', () => {
    const result = shell(`"${process.execPath}" "${BIN}" decode ${TOKEN} 1</dev/null`);
    expect(result.status).toBe(2);
    expect(lines(result.stderr)).toEqual(['zoomsig: cannot write to standard output: it is closed, or not open for writing (EBADF).']);
  });

  it('an internal error is one line', async () => {
    const stderr: string[] = [];
    const io: Io = {
      env: {},
      cwd: makeTempDir(),
      stdin: Object.assign(new PassThrough(), { isTTY: false }),
      stdout: Object.assign(new PassThrough(), {
        isTTY: false,
        write: () => {
          throw new TypeError('something nobody expected\n  happened');
        },
      }),
      stderr: { write: (text: string) => stderr.push(text), isTTY: false },
      clock: () => new Date(),
    };
    expect(await run(['explain', '3712'], io)).toBe(2);
    expect(lines(stderr.join(''))).toEqual([
      'zoomsig: internal error: something nobody expected happened. Run again with DEBUG=zoomsig to see where it happened, and report it.',
    ]);
  });
});
