/**
 * One set of findings, three renderings: text, JSON and GitHub annotations of
 * decode and doctor name the same check ids and exit with the same code, for
 * junk, an HS512 token, a legacy signature and a valid token.
 */
import { describe, expect, it } from 'vitest';
import { KEY, legacySignature, meetingPayload, NOW_ARGS, runCli, SECRET, signJwt } from './helpers.js';

const CASES = [
  ['not a token', 'hello', ['not-a-token'], 1],
  ['HS512', signJwt(meetingPayload(), SECRET, { alg: 'HS512', typ: 'JWT' }), ['wrong-alg'], 1],
  ['legacy', legacySignature('FakeJwtAppApiKey012345', 'FakeJwtAppApiSecret0123456789abc'), ['legacy-signature'], 1],
  ['valid', signJwt(meetingPayload(), SECRET), [], 0],
] as const;

/** The ids each rendering names, in the order shown. */
function textIds(stdout: string): string[] {
  const verdicts = new Set(['fail', 'warn', 'ok']);
  return [...stdout.matchAll(/^[✗!i] ([a-z0-9-]+)(?: |$)/gm)].map((match) => match[1] ?? '').filter((id) => !verdicts.has(id));
}
function jsonIds(stdout: string): string[] {
  return (JSON.parse(stdout) as { findings: { id: string }[] }).findings.map((finding) => finding.id);
}
function githubIds(stdout: string): string[] {
  return [...stdout.matchAll(/^::(?:error|warning|notice) title=zoomsig ([a-z0-9-]+)::/gm)].map((match) => match[1] ?? '');
}

describe.each(['decode', 'doctor'] as const)('zoomsig %s: text, JSON and GitHub agree', (command) => {
  it.each(CASES)('%s', async (_name, token, decodeIds, code) => {
    const env = { ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: SECRET };
    const [text, json, github] = await Promise.all(
      [[], ['--json'], ['--format', 'github']].map((format) => runCli([command, token, ...NOW_ARGS, ...format], { env })),
    );
    const ids = textIds(text?.stdout ?? '');
    expect(jsonIds(json?.stdout ?? '{"findings":[]}')).toEqual(ids);
    expect(githubIds(github?.stdout ?? '')).toEqual(ids);
    expect([text?.code, json?.code, github?.code]).toEqual([code, code, code]);
    // decode's findings are the Format checks; doctor's include them.
    for (const id of decodeIds) expect(ids).toContain(id);
    if (command === 'decode') expect(ids).toEqual(decodeIds);
  });

  it('carries the finding with its id, fix and docs in JSON for something that is not a token', async () => {
    const result = await runCli([command, '--json', 'hello', ...NOW_ARGS]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { verdict: string; findings: Record<string, unknown>[] };
    expect(report.verdict).toBe('fail');
    expect(report.findings[0]).toMatchObject({
      id: 'not-a-token',
      severity: 'error',
      hint: expect.stringMatching(/eyJ/),
      docs: 'zoomsig explain not-a-token',
      docsPage: 'docs/checks/not-a-token.md',
    });
  });
});
