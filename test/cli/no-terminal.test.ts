/**
 * No terminal, no questions: in CI and in pipes, with stdin closed, empty,
 * /dev/null or open and silent, a command that lacks a value exits 2 at once
 * with the one sentence that names the flag and the variable giving it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  cleanupTempDirs,
  KEY,
  MEETING_ENV,
  meetingPayload,
  type RunOptions,
  runCli,
  SECRET,
  signJwt,
  usageErrorLine,
  VIDEO_KEY,
} from './helpers.js';

afterAll(cleanupTempDirs);

const TOKEN = signJwt(meetingPayload(), SECRET);

const SENTENCES = {
  key: 'The SDK key / Client ID is missing: give it with --key, ZOOM_MEETING_SDK_KEY or a .env file.',
  videoKey: 'The SDK key / Client ID is missing: give it with --key, ZOOM_VIDEO_SDK_KEY or a .env file.',
  secret: 'The SDK secret / Client Secret is missing: give it with --secret-file (or --secret), ZOOM_MEETING_SDK_SECRET or a .env file.',
  videoSecret: 'The SDK secret / Client Secret is missing: give it with --secret-file (or --secret), ZOOM_VIDEO_SDK_SECRET or a .env file.',
  meeting: 'A web signature needs the meeting number: give it with --meeting (or use --native for a native SDK token).',
  role: 'A web signature needs the role: give it with --role 0 (join) or --role 1 (start).',
  topic: 'A Video SDK signature needs the session name: give it with --topic.',
  serve:
    'serve has no credentials to sign with: set ZOOM_MEETING_SDK_KEY and ZOOM_MEETING_SDK_SECRET (Meeting SDK, POST /) or ZOOM_VIDEO_SDK_KEY and ZOOM_VIDEO_SDK_SECRET (Video SDK, POST /video) in the environment or a .env file, or give --key and --secret-file.',
  verifySecret:
    'The Meeting SDK secret to verify with is missing: give it with --secret-file (or --secret), ZOOM_MEETING_SDK_SECRET or a .env file.',
};

/** Commands that need nothing from stdin: whatever stdin is, they must not wait on it. */
const ROWS: [name: string, args: string[], env: Record<string, string>, sentence: string][] = [
  ['generate, nothing given', ['generate'], {}, SENTENCES.key],
  ['generate, no key', ['generate', '--native'], { ZOOM_MEETING_SDK_SECRET: SECRET }, SENTENCES.key],
  ['generate, no secret', ['generate', '--native'], { ZOOM_MEETING_SDK_KEY: KEY }, SENTENCES.secret],
  ['generate, no meeting number', ['generate', '--role', '0'], MEETING_ENV, SENTENCES.meeting],
  ['generate, no role', ['generate', '--meeting', '85746065012'], MEETING_ENV, SENTENCES.role],
  ['generate --sdk video, no key', ['generate', '--sdk', 'video', '--topic', 'room'], MEETING_ENV, SENTENCES.videoKey],
  ['generate --sdk video, no secret', ['generate', '--sdk', 'video', '--topic', 'room'], { ZOOM_VIDEO_SDK_KEY: VIDEO_KEY }, SENTENCES.videoSecret],
  ['generate --sdk video, no topic', ['generate', '--sdk', 'video'], { ZOOM_VIDEO_SDK_KEY: VIDEO_KEY, ZOOM_VIDEO_SDK_SECRET: SECRET }, SENTENCES.topic],
  ['verify <token>, no secret', ['verify', TOKEN], {}, SENTENCES.verifySecret],
  ['serve, no credentials', ['serve', '--port', '0'], {}, SENTENCES.serve],
];

const STDIN: [label: string, options: RunOptions][] = [
  ['stdin closed', { stdin: 'closed' }],
  ['stdin empty', { input: '' }],
  ['stdin /dev/null', { stdin: 'null' }],
  ['stdin open and silent', { stdin: 'open' }],
  ['CI=true', { env: { CI: 'true' } }],
];

const CASES = ROWS.flatMap(([name, args, env, sentence]) =>
  STDIN.map(([label, options]) => [`${name}, ${label}`, args, { ...options, env: { ...env, ...options.env } }, sentence] as const),
);

// One at a time: the time limit is about zoomsig, not about how many run at once.
describe('a missing value without a terminal: exit 2 within a second, with the sentence', () => {
  it.each(CASES)('%s', async (_name, args, options, sentence) => {
    const result = await runCli(args, { ...options, timeoutMs: 5_000 });
    expect(usageErrorLine(result)).toBe(`zoomsig: ${sentence}`);
    expect(result.ms).toBeLessThan(1_000);
  });

  // decode, verify and doctor read the token from stdin when it is not an argument.
  it.each([
    ['decode', 'stdin closed', { stdin: 'closed' }],
    ['decode', 'stdin /dev/null', { stdin: 'null' }],
    ['decode', 'stdin empty', { input: '' }],
    ['decode', 'stdin only white space', { input: ' \n' }],
    ['verify', 'stdin closed', { stdin: 'closed', env: MEETING_ENV }],
    ['verify', 'stdin /dev/null', { stdin: 'null', env: MEETING_ENV }],
    ['doctor', 'stdin closed', { stdin: 'closed' }],
    ['doctor', 'stdin /dev/null', { stdin: 'null' }],
  ] as const)('%s without a token, %s', async (command, _label, options) => {
    const result = await runCli([command], { ...options, timeoutMs: 5_000 });
    expect(usageErrorLine(result)).toBe(
      `zoomsig: standard input was empty: no token to ${command}. Pass it as an argument or pipe it in.`,
    );
    expect(result.ms).toBeLessThan(1_000);
  });

  it('decode without a token and a silent stdin gives up after the first-byte wait (shortened here)', async () => {
    const result = await runCli(['decode'], { stdin: 'open', env: { ZOOMSIG_STDIN_TIMEOUT_MS: '200' }, timeoutMs: 5_000 });
    expect(usageErrorLine(result)).toBe(
      'zoomsig: nothing arrived on standard input within 200 ms. Pass the token as an argument, or pipe it in.',
    );
    expect(result.ms).toBeLessThan(1_000);
  });
});
