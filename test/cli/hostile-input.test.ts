/**
 * Hostile tokens through the built CLI: a claim nested 5,000 levels deep, a
 * key named twice, a signature with its spare bits set. Each is a finding
 * with exit 1, in text and JSON, never "internal error" or a stack trace.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { b64url, cleanupTempDirs, hmac, meetingPayload, NOW_ARGS, runCli, SECRET } from './helpers.js';

afterAll(cleanupTempDirs);

function signText(headerText: string, payloadText: string): string {
  const input = `${b64url(headerText)}.${b64url(payloadText)}`;
  return `${input}.${hmac(SECRET, input)}`;
}

const HS256 = '{"alg":"HS256","typ":"JWT"}';
const payloadText = JSON.stringify(meetingPayload());
const deepToken = signText(HS256, payloadText.replace(/}$/, `,"x":${'['.repeat(5000)}1${']'.repeat(5000)}}`));
const secretEnv = { ZOOM_MEETING_SDK_SECRET: SECRET };

interface JsonReport {
  findings?: { id: string; message: string }[];
  problems?: { code: string }[];
}

describe('a claim nested 5,000 levels deep', () => {
  it('is about 13 KB', () => expect(deepToken.length).toBeGreaterThan(13_000));

  it.each([
    ['decode --json', ['decode', '--json']],
    ['verify --json', ['verify', '--json']],
    ['doctor --json', ['doctor', '--json']],
    ['decode', ['decode']],
    ['doctor', ['doctor']],
  ])('%s: malformed-token, exit 1, no internal error', async (_name, args) => {
    const result = await runCli([...args, ...NOW_ARGS, '-'], { input: deepToken, env: secretEnv });
    expect(result.stderr).not.toMatch(/internal error|stack size|\n\s+at /);
    expect(result.code).toBe(1);
    if (args.includes('--json')) {
      const report = JSON.parse(result.stdout) as JsonReport;
      const named = [...(report.findings ?? []).map((finding) => finding.id), ...(report.problems ?? []).map((problem) => problem.code)];
      expect(named.some((id) => id === 'malformed-token' || id === 'too-deep')).toBe(true);
    } else {
      expect(result.stdout).toContain('nested more than 64 levels deep');
    }
  });
});

describe('keys named twice, and the spare bits of a signature', () => {
  it('verify --json refuses {"alg":"none","alg":"HS256"} with duplicate-json-key', async () => {
    const token = signText('{"alg":"none","alg":"HS256","typ":"JWT"}', payloadText);
    const result = await runCli(['verify', '--json', ...NOW_ARGS, token], { env: secretEnv });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport & { accepted: boolean };
    expect(report.accepted).toBe(false);
    expect(report.findings?.map((finding) => finding.id)).toEqual(['duplicate-json-key']);
  });

  it('verify exits 0 on the signature as made, 1 once its last character sets spare bits', async () => {
    const token = signText(HS256, payloadText);
    const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const altered = `${token.slice(0, -1)}${digits[digits.indexOf(token.at(-1) ?? 'A') | 1]}`;
    expect((await runCli(['verify', ...NOW_ARGS, token], { env: secretEnv })).code).toBe(0);
    const refused = await runCli(['verify', ...NOW_ARGS, altered], { env: secretEnv });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('non-canonical-signature');
  });
});

describe('a 13 KB token where explain wants a code', () => {
  it('is a quick usage error that does not echo it whole (the fuzz suite found a 10 s hang)', async () => {
    const result = await runCli(['explain', deepToken]);
    expect(result.code).toBe(2);
    expect(result.ms).toBeLessThan(3_000);
    expect(result.stderr.length).toBeLessThan(400);
    expect(result.stderr).toContain('To look into a token, run zoomsig doctor.');
  });
});
