/**
 * The questions of zoomsig generate, driven in-process with scripted answers
 * (support/scripted-prompter.ts). test/cli/interactive.test.ts does the same
 * through a real terminal with the real prompt library.
 */
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGenerate } from '../../src/cli/commands/generate.js';
import { equivalentCommand, shellQuote } from '../../src/cli/prompts/equivalent-command.js';
import { validateMeetingAnswer, validateTopicAnswer } from '../../src/cli/prompts/generate-questions.js';
import { CTRL_C, runWithScript, type Run, type RunOptions } from './support/scripted-prompter.js';
import { cleanupTempDirs, KEY, makeTempDir, MEETING_ENV, NOW, NOW_ISO, SECRET, segmentJson, VIDEO_ENV, VIDEO_KEY, VIDEO_SECRET } from './helpers.js';

afterAll(cleanupTempDirs);

const IAT = NOW - 30;

/** runGenerate in-process with `argv` (after "generate"), at a terminal unless `tty` is false. */
function generate(argv: string[], options: RunOptions = {}): Promise<Run> {
  return runWithScript('generate', runGenerate, ['--now', NOW_ISO, ...argv], options);
}

function checkedToken(stdout: string, secret: string): Record<string, unknown> {
  const token = stdout.trim();
  const [header, payload, mac] = token.split('.') as [string, string, string];
  expect(mac).toBe(createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url'));
  return segmentJson(token, 1);
}

const SECRET_ONLY = { ZOOM_MEETING_SDK_SECRET: SECRET };
const WEB_PAYLOAD = { appKey: KEY, sdkKey: KEY, mn: '85746065012', role: 0, iat: IAT, exp: IAT + 7200, tokenExp: IAT + 7200 };

describe.concurrent('generate at a terminal: what is asked, and in which order', () => {
  it('nothing given: SDK, key, secret, meeting, role, not the lifetime (it has a default); the secret only as a variable afterwards', async () => {
    const run = await generate([], {
      script: { sdk: 'web', key: KEY, secret: SECRET, meeting: '85746065012', role: '0' },
    });
    expect(run.code).toBe(0);
    expect(run.prompter.asked).toEqual(['sdk', 'key', 'secret', 'meeting', 'role']);
    expect(checkedToken(run.stdout, SECRET)).toEqual(WEB_PAYLOAD);
    expect(run.stderr).toContain(
      `  ZOOM_MEETING_SDK_SECRET=… zoomsig generate --key ${KEY} --meeting 85746065012 --role 0 --now ${NOW_ISO}\n`,
    );
    expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET);
  });

  it('key and secret from the environment are not asked, nor shown in the command line', async () => {
    const run = await generate([], { env: MEETING_ENV, script: { sdk: 'web', meeting: '857-4606-5012', role: '1' } });
    expect(run.code).toBe(0);
    expect(run.prompter.asked).toEqual(['sdk', 'meeting', 'role']);
    expect(checkedToken(run.stdout, SECRET)).toEqual({ ...WEB_PAYLOAD, role: 1 });
    expect(run.stderr).toContain(`  zoomsig generate --meeting 85746065012 --role 1 --now ${NOW_ISO}\n`);
    expect(run.stderr).not.toContain('--key');
  });

  it('key and secret from .env are not asked', async () => {
    const cwd = makeTempDir({ '.env': `ZOOM_MEETING_SDK_KEY=${KEY}\nZOOM_MEETING_SDK_SECRET=${SECRET}\n` });
    const run = await generate(['--meeting', '85746065012'], { cwd, script: { role: '0' } });
    expect(run.prompter.asked).toEqual(['role']);
    expect(checkedToken(run.stdout, SECRET)).toEqual(WEB_PAYLOAD);
  });

  it('the Video SDK, chosen at the first question, reads the Video SDK variables; its role has a default and is not asked', async () => {
    const run = await generate([], { env: VIDEO_ENV, script: { sdk: 'video', topic: 'support room 7' } });
    expect(run.code).toBe(0);
    expect(run.prompter.asked).toEqual(['sdk', 'topic']);
    expect(checkedToken(run.stdout, VIDEO_SECRET)).toEqual({
      app_key: VIDEO_KEY,
      role_type: 0,
      tpc: 'support room 7',
      version: 1,
      iat: IAT,
      exp: IAT + 7200,
    });
    expect(run.stderr).toContain(`  zoomsig generate --sdk video --topic 'support room 7' --now ${NOW_ISO}\n`);
  });

  it('a native token, chosen at the first question, asks nothing after it', async () => {
    const run = await generate([], { env: MEETING_ENV, script: { sdk: 'native' } });
    expect(run.prompter.asked).toEqual(['sdk']);
    expect(checkedToken(run.stdout, SECRET)).toEqual({ appKey: KEY, sdkKey: KEY, iat: IAT, exp: IAT + 7200, tokenExp: IAT + 7200 });
    expect(run.stderr).toContain(`  zoomsig generate --native --now ${NOW_ISO}\n`);
  });

  it('with --sdk meeting, an empty meeting number is how to say native', async () => {
    const run = await generate(['--sdk', 'meeting'], { env: MEETING_ENV, script: { meeting: '' } });
    expect(run.prompter.asked).toEqual(['meeting']);
    expect(checkedToken(run.stdout, SECRET)).not.toHaveProperty('mn');
  });

  it('after choosing web, an empty meeting number is refused', async () => {
    const run = await generate([], { env: MEETING_ENV, script: { sdk: 'web', meeting: ['', '85746065012'], role: '0' } });
    expect(run.prompter.refused).toEqual([
      { name: 'meeting', answer: '', message: 'Type the meeting number (85746065012) or paste the join URL.' },
    ]);
  });

  it('--role given: no native choice (it has no role), and the role is not asked', async () => {
    const run = await generate(['--role', '1'], { env: MEETING_ENV, script: { sdk: 'web', meeting: '85746065012' } });
    expect(run.prompter.choices.sdk).toEqual(['web', 'video']);
    expect(run.prompter.asked).toEqual(['sdk', 'meeting']);
  });

  it('--secret-file stays in the command line; no variable is needed', async () => {
    const path = join(makeTempDir({ 'zoom.secret': SECRET }), 'zoom.secret');
    const run = await generate(['--meeting', '85746065012', '--secret-file', path], { script: { key: KEY, role: '0' } });
    expect(run.prompter.asked).toEqual(['key', 'role']);
    expect(run.stderr).toContain(`  zoomsig generate --key ${KEY} --secret-file ${path} --meeting 85746065012 --role 0`);
    expect(run.stderr).not.toContain('SECRET=');
  });

  it('--secret on the command line: it warns, and the command line asks for the variable instead', async () => {
    const run = await generate(['--secret', SECRET, '--native'], { script: { key: KEY } });
    expect(run.stderr).toMatch(/warning: a secret on the command line/);
    expect(run.stderr).toContain(`  ZOOM_MEETING_SDK_SECRET=… zoomsig generate --key ${KEY} --native`);
    expect(run.stderr).not.toContain(SECRET);
  });

  it('white space pasted around the key and secret is removed, with a warning', async () => {
    const run = await generate(['--native'], { script: { key: ` ${KEY} `, secret: `${SECRET}\t` } });
    expect(run.stderr).toMatch(/warning: removed white space around the key you typed/);
    expect(run.stderr).toMatch(/warning: removed white space around the secret you typed/);
    expect(checkedToken(run.stdout, SECRET)).toMatchObject({ appKey: KEY });
  });

  it('nothing missing: no question, the prompt library is not even loaded', async () => {
    const run = await generate(['--meeting', '85746065012', '--role', '0'], { env: MEETING_ENV });
    expect(run.code).toBe(0);
    expect(run.loads).toBe(0);
    expect(run.stderr).toBe('note: valid until 2026-01-01T01:59:30Z; zoomsig decode shows its claims.\n');
  });

  it('--json after the questions prints the JSON on stdout', async () => {
    const run = await generate(['--native', '--json'], { env: MEETING_ENV, script: {} });
    expect(run.loads).toBe(0);
    const withQuestions = await generate(['--json'], { env: MEETING_ENV, script: { sdk: 'native' } });
    expect(JSON.parse(withQuestions.stdout)).toEqual(JSON.parse(run.stdout));
    expect(withQuestions.stderr).toMatch(/zoomsig generate --native( |$)/m);
  });
});

describe.concurrent('generate at a terminal: answers are checked as they are typed', () => {
  it('a bad meeting number is refused with what to type instead', async () => {
    const run = await generate(['--sdk', 'meeting', '--role', '0'], {
      env: MEETING_ENV,
      script: { meeting: ['abc', '12345', 'https://us05web.zoom.us/j/85746065012?pwd=x'] },
    });
    expect(run.code).toBe(0);
    expect(run.prompter.refused).toEqual([
      {
        name: 'meeting',
        answer: 'abc',
        message: '"abc" is not a meeting number: type its digits (85746065012, 857 4606 5012) or paste the join URL (https://zoom.us/j/85746065012).',
      },
      {
        name: 'meeting',
        answer: '12345',
        message: '12345 has 5 digits; Zoom meeting numbers have 9 to 11. Check it, or paste the join URL.',
      },
    ]);
    expect(checkedToken(run.stdout, SECRET)).toMatchObject({ mn: '85746065012' });
  });

  it('the lifetime is never asked (it has a default): --expires-in gives it', async () => {
    const run = await generate(['--native', '--expires-in', '48h'], { env: SECRET_ONLY, script: { key: KEY } });
    expect(run.code).toBe(0);
    expect(run.prompter.asked).toEqual(['key']);
    const payload = checkedToken(run.stdout, SECRET) as { iat: number; exp: number };
    expect(payload.exp - payload.iat).toBe(172_800);
    expect(run.stderr).toContain(`zoomsig generate --key ${KEY} --native --expires-in 48h`);
  });

  it('an empty key, secret or session name is refused', async () => {
    const run = await generate(['--sdk', 'video'], { script: { key: ['', VIDEO_KEY], secret: ['  ', VIDEO_SECRET], topic: ['', 'room'] } });
    expect(run.prompter.refused.map((r) => [r.name, r.message])).toEqual([
      ['key', "Paste the Video SDK key: the Client ID on your app's page in the Zoom App Marketplace."],
      ['secret', "Paste the Video SDK secret: the Client Secret on your app's page in the Zoom App Marketplace."],
      ['topic', 'Type the session name: the Video SDK signs it in, and join() must use the same.'],
    ]);
  });

  const meetingRows: [answer: string, allowNative: boolean, verdict: true | RegExp][] = [
    ['85746065012', false, true],
    ['857 4606 5012', false, true],
    ['857-4606-5012', false, true],
    ['https://us05web.zoom.us/j/85746065012?pwd=abc', false, true],
    ['zoommtg://zoom.us/join?confno=85746065012', false, true],
    ['', true, true],
    ['', false, /^Type the meeting number/],
    ['abc', false, /^"abc" is not a meeting number/],
    ['https://zoom.us/profile', false, /is not a meeting number/],
    ['12345678', false, /^12345678 has 8 digits; Zoom meeting numbers have 9 to 11/],
    ['123456789012', false, /^123456789012 has 12 digits/],
  ];
  it.each(meetingRows)('meeting number %j (native allowed: %s)', (answer, allowNative, verdict) => {
    const result = validateMeetingAnswer({ allowNative })(answer);
    if (verdict === true) expect(result).toBe(true);
    else expect(result).toMatch(verdict);
  });

  it('a session name is at most 200 characters', () => {
    expect(validateTopicAnswer('a'.repeat(200))).toBe(true);
    expect(validateTopicAnswer('a'.repeat(201))).toBe('The session name is at most 200 characters; this one has 201.');
  });
});

describe.concurrent('generate asks nothing without a terminal', () => {
  it.each([
    ['stdin and stdout are not terminals', { tty: false }],
    ['CI is set', { tty: true, env: { CI: 'true' } }],
  ] as const)('%s: the missing value is an error, and the prompt library is never loaded', async (_name, options) => {
    await expect(generate([], { ...options, script: { sdk: 'web' } })).rejects.toThrow(
      'The SDK key / Client ID is missing: give it with --key, ZOOM_MEETING_SDK_KEY or a .env file.',
    );
  });

  it('CI=false still asks', async () => {
    const run = await generate(['--native'], { env: { ...SECRET_ONLY, CI: 'false' }, script: { key: KEY } });
    expect(run.loads).toBe(1);
  });

  it('a bad flag is reported before any question is asked', async () => {
    await expect(generate(['--expires-in', '10m'], { script: {} })).rejects.toThrow(/--expires-in must be 30 minutes to 48 hours/);
    await expect(generate(['--meeting', 'abc'], { script: {} })).rejects.toThrow(/--meeting takes a meeting number/);
  });
});

describe.concurrent('generate at a terminal: giving up', () => {
  it('Ctrl-C at a question exits 130 with one line, and nothing on stdout', async () => {
    const run = await generate([], { script: { sdk: 'web', key: KEY, secret: CTRL_C } });
    expect(run.code).toBe(130);
    expect(run.stderr).toBe('zoomsig: cancelled; no signature was generated.\n');
    expect(run.stdout).toBe('');
  });
});

describe('the equivalent command line', () => {
  it('quotes for a POSIX shell only what needs it', () => {
    expect(shellQuote('85746065012')).toBe('85746065012');
    expect(shellQuote('/home/me/zoom.secret')).toBe('/home/me/zoom.secret');
    expect(shellQuote('support room 7')).toBe("'support room 7'");
    expect(shellQuote("Bob's")).toBe("'Bob'\\''s'");
    expect(shellQuote('$HOME')).toBe("'$HOME'");
  });

  it('writes flags in a fixed order, never the secret, and the variable first', () => {
    expect(
      equivalentCommand({ secret: [SECRET], 'expires-in': '90m', role: '1', meeting: '85746065012', key: KEY, webrtc: true }, 'ZOOM_MEETING_SDK_SECRET'),
    ).toBe(`ZOOM_MEETING_SDK_SECRET=… zoomsig generate --key ${KEY} --meeting 85746065012 --role 1 --webrtc --expires-in 90m`);
  });
});
