/**
 * The secret never reaches stdout or stderr, whatever the command path: it is
 * masked ("Supe…2xyz") wherever it would appear. The check looks for the whole
 * secret and for a 12-character piece of its middle that no mask can show.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEY, NOW, NOW_ARGS, type RunResult, makeTempDir, meetingPayload, runCli, signJwt, cleanupTempDirs } from './helpers.js';

afterAll(cleanupTempDirs);

const S = 'SuperSecretValue-DoNotLeak-42xyz';
const MIDDLE = 'Value-DoNotL';
const OTHER = 'AnotherSecretThatIsWrong-0123456';

const ENV = { ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: S };
const SECRET_ONLY = { ZOOM_MEETING_SDK_SECRET: S };

const dir = makeTempDir({ 'zoom.secret': `${S}\n`, 'other.secret': `${OTHER}\n` });
const SECRET_FILE = join(dir, 'zoom.secret');
const OTHER_FILE = join(dir, 'other.secret');
/** A working directory whose .env holds the secret. */
const DOTENV_DIR = makeTempDir({ '.env': `ZOOM_MEETING_SDK_KEY=${KEY}\nZOOM_MEETING_SDK_SECRET=${S}\n` });

const VALID = signJwt(meetingPayload(), S);
const EXPIRED = signJwt(meetingPayload({}, { iat: NOW - 10_000 }), S);
const WRONG = signJwt(meetingPayload(), OTHER);
const NEWLINE = signJwt(meetingPayload(), `${S}\n`);
const SPACES = signJwt(meetingPayload(), ` ${S} `);
const SWAPPED = signJwt(meetingPayload(), KEY);
/** Key and secret swapped: the secret sits in appKey/sdkKey, and the key signed it. */
const SECRET_AS_KEY = signJwt(meetingPayload({}, { key: S }), KEY);
/** The secret in appKey and also the signing secret. */
const SECRET_IN_CLAIMS = signJwt(meetingPayload({ appKey: S, sdkKey: S }), S);

const WEB = ['--meeting', '85746065012', '--role', '0'];

type Case = [name: string, args: string[], env: Record<string, string>, extra?: { input?: string; cwd?: string }];

const CASES: Case[] = [
  // generate
  ['generate text (env)', ['generate', ...WEB], ENV],
  ['generate --json (env)', ['generate', ...WEB, '--json'], ENV],
  ['generate --native --json', ['generate', '--native', '--json'], ENV],
  ['generate --secret', ['generate', ...WEB, '--key', KEY, '--secret', S], {}],
  ['generate --secret=…', ['generate', ...WEB, '--key', KEY, `--secret=${S}`, '--json'], {}],
  ['generate --secret-file', ['generate', ...WEB, '--secret-file', SECRET_FILE, '--json'], { ZOOM_MEETING_SDK_KEY: KEY }],
  ['generate from .env', ['generate', ...WEB, '--json'], {}, { cwd: DOTENV_DIR }],
  ['generate, secret with spaces around', ['generate', ...WEB], { ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: ` ${S}\n` }],
  ['generate --sdk video', ['generate', '--sdk', 'video', '--topic', 'room', '--json'], { ZOOM_VIDEO_SDK_KEY: KEY, ZOOM_VIDEO_SDK_SECRET: S }],
  // generate error paths with the secret given
  ['generate, missing key, secret in env', ['generate', ...WEB], SECRET_ONLY],
  ['generate, missing key, --secret', ['generate', ...WEB, '--secret', S], {}],
  ['generate, missing key, .env secret', ['generate', ...WEB], {}, { cwd: makeTempDir({ '.env': `ZOOM_MEETING_SDK_SECRET=${S}\n` }) }],
  ['generate, missing --meeting, --secret', ['generate', '--role', '0', '--key', KEY, '--secret', S], {}],
  ['generate, bad --expires-in', ['generate', ...WEB, '--expires-in', '5m'], ENV],
  ['generate, bad --role, --secret', ['generate', '--meeting', '85746065012', '--role', '7', '--key', KEY, '--secret', S], {}],
  ['generate, two secrets', ['generate', ...WEB, '--key', KEY, '--secret', S, '--secret-file', OTHER_FILE], {}],
  ['generate, unknown option with --secret', ['generate', ...WEB, '--secret', S, '--bogus'], {}],
  ['generate, --secret without value', ['generate', ...WEB, '--secret'], ENV],
  ['generate, topic without video, --secret', ['generate', ...WEB, '--topic', 'x', '--secret', S], {}],
  // verify
  ['verify ok', ['verify', VALID], SECRET_ONLY],
  ['verify ok --json', ['verify', '--json', VALID], SECRET_ONLY],
  ['verify ok --format github (expired)', ['verify', '--format', 'github', EXPIRED], SECRET_ONLY],
  ['verify ok --secret', ['verify', '--secret', S, VALID], {}],
  ['verify ok --secret-file', ['verify', '--secret-file', OTHER_FILE, '--secret-file', SECRET_FILE, VALID], {}],
  ['verify ok from .env', ['verify', VALID], {}, { cwd: DOTENV_DIR }],
  ['verify ok from stdin', ['verify', '-'], SECRET_ONLY, { input: `${VALID}\n` }],
  ['verify invalid', ['verify', WRONG], SECRET_ONLY],
  ['verify invalid --json', ['verify', '--json', WRONG], SECRET_ONLY],
  ['verify invalid --format github', ['verify', '--format', 'github', WRONG], SECRET_ONLY],
  ['verify secret-whitespace (newline)', ['verify', NEWLINE], SECRET_ONLY],
  ['verify secret-whitespace --json', ['verify', '--json', NEWLINE], SECRET_ONLY],
  ['verify secret-whitespace --format github', ['verify', '--format', 'github', NEWLINE], SECRET_ONLY],
  ['verify secret-whitespace (spaces)', ['verify', '--json', SPACES], SECRET_ONLY],
  ['verify env secret with a newline', ['verify', '--json', VALID], { ZOOM_MEETING_SDK_SECRET: `${S}\n` }],
  ['verify key-secret-swapped', ['verify', '--key', KEY, SWAPPED], SECRET_ONLY],
  ['verify secret in appKey, text', ['verify', SECRET_AS_KEY], SECRET_ONLY],
  ['verify secret in appKey, --json', ['verify', '--json', '--key', KEY, SECRET_AS_KEY], SECRET_ONLY],
  ['verify secret in appKey, github', ['verify', '--format', 'github', SECRET_AS_KEY], SECRET_ONLY],
  ['verify secret in claims, signed with it, --json', ['verify', '--json', SECRET_IN_CLAIMS], SECRET_ONLY],
  ['verify --sdk meeting --json (key from env)', ['verify', '--sdk', 'meeting', '--json', SECRET_AS_KEY], ENV],
  ['verify the secret pasted as the token', ['verify', '--json', '-'], SECRET_ONLY, { input: S }],
  ['verify the secret pasted as the token, text', ['verify', S], SECRET_ONLY],
  // verify error paths
  ['verify, bad --format, --secret', ['verify', '--format', 'xml', '--secret', S, VALID], {}],
  ['verify, empty stdin, env secret', ['verify', '-'], SECRET_ONLY, { input: '' }],
  ['verify, unknown option, --secret', ['verify', '--secret', S, '--strictt', VALID], {}],
  ['verify, bad --skew', ['verify', '--skew', 'x', VALID], SECRET_ONLY],
];

function assertNoLeak(result: RunResult): void {
  for (const [stream, text] of [['stdout', result.stdout], ['stderr', result.stderr]] as const) {
    expect(text, `${stream} holds the secret`).not.toContain(S);
    expect(text, `${stream} holds the middle of the secret`).not.toContain(MIDDLE);
  }
}

describe.concurrent('the secret never appears in output', () => {
  it.each(CASES)('%s', async (_name, args, env, extra = {}) => {
    const result = await runCli([args[0] as string, ...NOW_ARGS, ...args.slice(1)], { env, ...extra });
    expect(result.code).not.toBeNull();
    assertNoLeak(result);
  });

  it('a masked form is shown where the secret is named', async () => {
    const result = await runCli(['verify', ...NOW_ARGS, WRONG], { env: SECRET_ONLY });
    expect(result.stdout).toContain('Supe…2xyz');
    assertNoLeak(result);
  });

  it('the cases above did exercise both outcomes and the diagnoses', async () => {
    const [ok, invalid, whitespace, swapped] = await Promise.all(
      [VALID, WRONG, NEWLINE, SWAPPED].map((token) => runCli(['verify', ...NOW_ARGS, token], { env: SECRET_ONLY })),
    );
    expect(ok?.code).toBe(0);
    expect(invalid?.stdout).toContain('signature-invalid');
    expect(whitespace?.stdout).toContain('secret-whitespace');
    expect(swapped?.stdout).toContain('key-secret-swapped');
  });

  // decode takes no secret, but masks the ones it can know of (env, .env):
  // a token whose appKey IS the secret (key and secret swapped when signing).
  it('decode of a token whose appKey is the secret (secret in env)', async () => {
    const [text, json] = await Promise.all([
      runCli(['decode', ...NOW_ARGS, SECRET_AS_KEY], { env: ENV }),
      runCli(['decode', ...NOW_ARGS, '--json', SECRET_AS_KEY], { env: ENV }),
    ]);
    expect(text.code).toBe(0);
    assertNoLeak(text);
    assertNoLeak(json);
  });

  // `zoomsig verify "$TOKEN" "$ZOOM_MEETING_SDK_SECRET"`: the extra positional
  // is refused without being echoed.
  it('verify with the env secret pasted as a second positional', async () => {
    const result = await runCli(['verify', ...NOW_ARGS, VALID, S], { env: SECRET_ONLY });
    expect(result.code).toBe(2);
    assertNoLeak(result);
  });
});
