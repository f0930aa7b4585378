/**
 * Secret forensics through the CLI: the other SDK's secret at hand, quotes
 * kept around a secret, a NAME=value line, each named in the finding.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, makeTempDir, meetingPayload, NOW, NOW_ARGS, runCli, SECRET, signJwt, VIDEO_KEY, VIDEO_SECRET } from './helpers.js';

afterAll(cleanupTempDirs);

const BOTH_SECRETS = { ZOOM_MEETING_SDK_SECRET: SECRET, ZOOM_VIDEO_SDK_SECRET: VIDEO_SECRET };
const VIDEO_PAYLOAD = { app_key: VIDEO_KEY, role_type: 1, tpc: 'room', version: 1, iat: NOW - 30, exp: NOW + 7170 };

describe('zoomsig doctor and verify: which secret signed it', () => {
  it('names the Meeting SDK secret on a Video SDK token when both are at hand', async () => {
    const token = signJwt(VIDEO_PAYLOAD, SECRET);
    const [doctor, verify] = await Promise.all([
      runCli(['doctor', token, ...NOW_ARGS], { env: BOTH_SECRETS }),
      runCli(['verify', token, ...NOW_ARGS], { env: BOTH_SECRETS }),
    ]);
    for (const result of [doctor, verify]) {
      expect(result.code).toBe(1);
      expect(result.stdout).toContain("It was signed with ZOOM_MEETING_SDK_SECRET (Fake…cdef): the Meeting SDK app's secret on a Video SDK token.");
      expect(result.stdout + result.stderr).not.toContain(SECRET);
    }
  });

  it('names the Video SDK secret on a Meeting SDK token, even with no Meeting SDK secret given', async () => {
    const token = signJwt(meetingPayload(), VIDEO_SECRET);
    const result = await runCli(['doctor', token, ...NOW_ARGS], { env: { ZOOM_VIDEO_SDK_SECRET: VIDEO_SECRET } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ signature-invalid {2}It was signed with ZOOM_VIDEO_SDK_SECRET \(Fake…cdef\): the Video SDK app's secret on a Meeting SDK token\./);
  });

  it.each([
    ['quotes kept in the secret file', `"${SECRET}"\n`, signJwt(meetingPayload(), SECRET), /your secret without the double quotes around it/],
    ['a NAME=value line in the secret file', `ZOOM_MEETING_SDK_SECRET=${SECRET}\n`, signJwt(meetingPayload(), SECRET), /the value of your ZOOM_MEETING_SDK_SECRET= line, without "ZOOM_MEETING_SDK_SECRET="/],
    ['a server that signed with the quotes', `${SECRET}\n`, signJwt(meetingPayload(), `'${SECRET}'`), /your secret inside single quotes/],
  ])('names %s', async (_name, file, token, message) => {
    const dir = makeTempDir({ 'zoom.secret': file });
    const result = await runCli(['doctor', token, ...NOW_ARGS, '--secret-file', join(dir, 'zoom.secret')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ signature-invalid/);
    expect(result.stdout).toMatch(new RegExp(`✗ secret-wrapped {2}The token was signed with ${message.source}`));
    expect(result.stdout).not.toContain(SECRET);
  });
});
