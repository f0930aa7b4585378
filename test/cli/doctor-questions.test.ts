/**
 * doctor at a terminal: the token asked for when none is given, and the
 * questions about what no token can show, answered by a script in-process.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/cli/commands/doctor.js';
import { validateVersionAnswer } from '../../src/cli/prompts/doctor-questions.js';
import { cleanupTempDirs, KEY, meetingPayload, NOW_ISO, SECRET, signJwt, VIDEO_KEY, VIDEO_SECRET, NOW } from './helpers.js';
import { CTRL_C, runWithScript, type Run, type RunOptions } from './support/scripted-prompter.js';

afterAll(cleanupTempDirs);

const SECRET_ENV = { ZOOM_MEETING_SDK_SECRET: SECRET };
const VALID = signJwt(meetingPayload(), SECRET);
const NO_APP_KEY = signJwt({ sdkKey: KEY, mn: '85746065012', role: 0, iat: NOW - 30, exp: NOW + 7170, tokenExp: NOW + 7170 }, SECRET);
const MILLISECONDS = signJwt(meetingPayload({}, { iat: (NOW - 30) * 1000 }), SECRET);

function doctor(argv: string[], options: RunOptions = {}): Promise<Run> {
  return runWithScript('doctor', runDoctor, ['--now', NOW_ISO, ...argv], { env: SECRET_ENV, ...options });
}

/** Every question of the questionnaire answered: nothing in them explains a failure. */
const HARMLESS = {
  'app-type': 'general-embed',
  'meeting-owner': 'same-account',
  intent: 'join',
  platform: 'web',
  'sdk-version': '5.1.0',
} as const;

describe.concurrent('doctor at a terminal', () => {
  it('asks for the token when none is given, and only asks more when the user says Zoom still refuses it', async () => {
    const run = await doctor([], { script: { token: ['', `{"signature":"${VALID}"}`], refused: 'no' } });
    expect(run.code).toBe(0);
    expect(run.prompter.asked).toEqual(['token', 'refused']);
    expect(run.prompter.refused[0]?.message).toMatch(/Paste the token/);
    expect(run.stdout).toMatch(/^kind +Meeting SDK signature/);
    expect(run.stdout).toMatch(/✓ ok/);
    expect(run.loads).toBe(1);
  });

  it('walks through the questions when Zoom still refuses a good token; answers that explain nothing add nothing', async () => {
    const run = await doctor([VALID], { script: { refused: 'yes', ...HARMLESS } });
    expect(run.code).toBe(0);
    expect(run.prompter.asked).toEqual(['refused', 'app-type', 'meeting-owner', 'intent', 'platform', 'sdk-version']);
    expect(run.stdout).toMatch(/^error +3712: Signature is invalid\./m);
    expect(run.stdout).not.toMatch(/^[✗!] /m);
  });

  it('turns a Server-to-Server OAuth app into wrong-app-type, in the same report as the token checks', async () => {
    const run = await doctor([VALID], { script: { refused: 'yes', ...HARMLESS, 'app-type': 'server-to-server-oauth' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ wrong-app-type {2}The credentials come from a Server-to-Server OAuth app/);
    expect(run.stdout).toMatch(/signature +matches ZOOM_MEETING_SDK_SECRET/);
    expect(run.stdout).toMatch(/✗ fail .*1 error/);
  });

  it('another account\'s meeting with an unpublished app is external-meeting; starting without a ZAK is host-needs-zak', async () => {
    const run = await doctor([VALID], {
      script: { refused: 'yes', ...HARMLESS, 'meeting-owner': 'other-account', published: 'no', intent: 'start', zak: 'no' },
    });
    expect(run.code).toBe(1);
    expect(run.prompter.asked).toEqual(['refused', 'app-type', 'meeting-owner', 'published', 'intent', 'zak', 'platform', 'sdk-version']);
    expect(run.stdout).toMatch(/✗ external-meeting .*not published/);
    expect(run.stdout).toMatch(/✗ host-needs-zak  zak  You start the meeting as host without a ZAK/);
    expect(run.stdout).toMatch(/✗ role-mismatch  role=0  role is participant \(0\), but the role you said you join with is 1\./);
  });

  it('checks the version as typed; Web SDK 5 makes a missing appKey a warning (4.x-5.x sent the sdkKey)', async () => {
    const run = await doctor([NO_APP_KEY, '--error', '3712'], { script: { ...HARMLESS, 'sdk-version': ['five', '5.0.2'] } });
    expect(run.prompter.refused).toEqual([
      { name: 'sdk-version', answer: 'five', message: '"five" is not a version: type it as 5.0.2, or leave it empty.' },
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/! missing-claim {2}appKey {2}There is sdkKey but no appKey\. Web SDK 5\.0\.2 \(the version you said\) sends the sdkKey instead/);
  });

  it('fails a token without appKey at once, and asks nothing: today\'s Web SDK sends no key', async () => {
    const run = await doctor([NO_APP_KEY]);
    expect(run.prompter.asked).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ missing-claim {2}appKey {2}There is sdkKey but no appKey\. Web SDK 6\.x sends apiKey=undefined/);
  });

  it('drops from "What no token check can see" the causes the answers settled', async () => {
    const answered = await doctor([VALID], { script: { refused: 'yes', ...HARMLESS } });
    expect(answered.stdout).not.toMatch(/What no token check can see/);
    const unknown = await doctor([VALID], { script: { refused: 'yes', ...HARMLESS, 'app-type': 'unknown', 'meeting-owner': 'unknown' } });
    expect(unknown.stdout).toMatch(/What no token check can see for 3712:\n\? Credentials of the wrong app/);
    expect(unknown.stdout).toMatch(/\? The meeting belongs to another Zoom account/);
    expect(unknown.stdout).not.toMatch(/\? SDK version rules/);
  });

  it('asks without the first question when --error says 3712, even when the token has errors', async () => {
    const run = await doctor([MILLISECONDS, '--error', '3712'], { script: { ...HARMLESS, 'app-type': 'jwt' } });
    expect(run.prompter.asked[0]).toBe('app-type');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ timestamps-in-ms/);
    expect(run.stdout).toMatch(/✗ wrong-app-type .*JWT app/);
  });

  it('asks a Video SDK token only which app made the credentials', async () => {
    const video = signJwt({ app_key: VIDEO_KEY, role_type: 1, tpc: 'room', version: 1, iat: NOW - 30, exp: NOW + 7170 }, VIDEO_SECRET);
    const run = await doctor([video], { env: { ZOOM_VIDEO_SDK_SECRET: VIDEO_SECRET }, script: { refused: 'yes', 'app-type': 'meeting-sdk' } });
    expect(run.prompter.asked).toEqual(['refused', 'app-type']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ wrong-app-type {2}A Video SDK token signed with a Meeting SDK app's credentials/);
  });

  it('asks nothing when the token itself fails and no error code was given: the token\'s problems come first', async () => {
    const run = await doctor([MILLISECONDS]);
    expect(run.code).toBe(1);
    expect(run.loads).toBe(0);
  });

  it('asks nothing for JSON or annotations, nor without a terminal', async () => {
    for (const argv of [[VALID, '--json'], [VALID, '--format', 'github']]) {
      const run = await doctor(argv);
      expect(run.code).toBe(0);
      expect(run.loads).toBe(0);
    }
    const piped = await doctor([VALID], { tty: false });
    expect(piped.loads).toBe(0);
    expect(piped.code).toBe(0);
  });

  it('stops at Ctrl-C with exit 130 and one sentence', async () => {
    const run = await doctor([VALID], { script: { refused: 'yes', 'app-type': CTRL_C } });
    expect(run.code).toBe(130);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('zoomsig: cancelled at a question; nothing was checked.\n');
  });
});

describe('validateVersionAnswer', () => {
  it.each([
    ['5.0.2', true],
    ['v4.1', true],
    ['', true],
    ['latest', '"latest" is not a version: type it as 5.0.2, or leave it empty.'],
  ])('%s', (answer, expected) => expect(validateVersionAnswer(answer)).toBe(expected));
});
