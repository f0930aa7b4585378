import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  KEY,
  MEETING_ENV,
  NOW,
  NOW_ARGS,
  SECRET,
  VIDEO_KEY,
  VIDEO_SECRET,
  b64url,
  legacySignature,
  lines,
  makeTempDir,
  meetingPayload,
  runCli,
  signJwt,
  usageErrorLine,
  cleanupTempDirs,
} from './helpers.js';

afterAll(cleanupTempDirs);

const SECRET_ENV = { ZOOM_MEETING_SDK_SECRET: SECRET };

const VALID = signJwt(meetingPayload(), SECRET);
/** exp 46m 40s before the clock. */
const EXPIRED = signJwt(meetingPayload({}, { iat: NOW - 10_000 }), SECRET);
/** exp 2 minutes after the clock, lifetime 1860 s (within Zoom's window). */
const EXPIRES_SOON = signJwt(meetingPayload({}, { iat: NOW - 1800 + 120 - 60, lifetime: 1860 }), SECRET);
const VIDEO = signJwt(
  { app_key: VIDEO_KEY, role_type: 1, tpc: 'room', version: 1, iat: NOW - 30, exp: NOW - 30 + 7200 },
  VIDEO_SECRET,
);

interface Finding {
  id: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  hint?: string;
}
interface VerifyJson {
  schemaVersion: number;
  kind: string;
  verdict: 'ok' | 'warn' | 'fail';
  accepted: boolean;
  signature: { checked: boolean; valid: boolean; secret: { label: string; masked: string } | null };
  header: unknown;
  payload: unknown;
  findings: Finding[];
  now: string;
}

function verify(args: string[], env: Record<string, string> = SECRET_ENV, input?: string) {
  return runCli(['verify', ...NOW_ARGS, ...args], input === undefined ? { env } : { env, input });
}

async function verifyJson(args: string[], env: Record<string, string> = SECRET_ENV): Promise<{ code: number | null; json: VerifyJson }> {
  const result = await verify(['--json', ...args], env);
  return { code: result.code, json: JSON.parse(result.stdout) as VerifyJson };
}

const ids = (json: VerifyJson): string[] => json.findings.map((f) => f.id);

describe.concurrent('zoomsig verify', () => {
  it('a valid token exits 0 and names the secret that matched', async () => {
    const result = await verify([VALID]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^signature\s+✓ matches ZOOM_MEETING_SDK_SECRET \(Fake…cdef\)$/m);
    expect(result.stdout).toMatch(/Zoom would accept this signature/);
  });

  it('reads the token from stdin (-) and from a pipe', async () => {
    const [dash, piped] = await Promise.all([verify(['-'], SECRET_ENV, `${VALID}\n`), verify([], SECRET_ENV, VALID)]);
    expect(dash.code).toBe(0);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(dash.stdout);
  });

  it('a token made by zoomsig generate verifies', async () => {
    const generated = await runCli(['generate', ...NOW_ARGS, '--meeting', '85746065012', '--role', '1'], {
      env: { ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: SECRET },
    });
    expect(generated.code).toBe(0);
    const result = await verify(['--key', KEY], SECRET_ENV, generated.stdout);
    expect(result.code).toBe(0);
  });

  it('an expired token exits 1 and names `expired`', async () => {
    const result = await verify([EXPIRED]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^✗ expired\s+exp=\d+\s+exp was 2025-12-31T23:13:20Z, 46m 40s ago/m);
    expect(result.stdout).toMatch(/Zoom would reject this signature/);
  });

  it('--ignore-exp lets the expired token exit 0, and says time was not judged', async () => {
    const result = await verify(['--ignore-exp', EXPIRED]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/expired/);
    expect(lines(result.stdout).at(-1)).toMatch(/^! Time claims not judged \(--ignore-exp\): iat and exp were not compared with the clock/);
    const json = JSON.parse((await verify(['--ignore-exp', '--json', EXPIRED])).stdout) as { accepted: boolean; timeJudged: boolean };
    expect(json).toMatchObject({ accepted: true, timeJudged: false });
    expect((await verify(['--ignore-exp', '--format', 'github', EXPIRED])).stdout).toMatch(/::notice title=zoomsig::Time claims not judged/);
  });

  it('a wrong secret exits 1 with signature-invalid', async () => {
    const result = await verify([VALID], { ZOOM_MEETING_SDK_SECRET: 'SomeOtherSecret0123456789xyz' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^signature\s+✗ does not match$/m);
    expect(result.stdout).toMatch(/^✗ signature-invalid\s/m);
    expect(result.stdout).not.toMatch(/secret-whitespace|key-secret-swapped/);
  });

  it('a token signed with the secret plus a newline is diagnosed as secret-whitespace', async () => {
    const token = signJwt(meetingPayload(), `${SECRET}\n`);
    const { code, json } = await verifyJson([token]);
    expect(code).toBe(1);
    expect(ids(json)).toContain('signature-invalid');
    expect(ids(json)).toContain('secret-whitespace');
    const finding = json.findings.find((f) => f.id === 'secret-whitespace');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toMatch(/newline/);
  });

  it('a token signed with the secret plus a space is diagnosed as secret-whitespace', async () => {
    const token = signJwt(meetingPayload(), `${SECRET} `);
    const result = await verify([token]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^✗ secret-whitespace\s/m);
  });

  it('two --secret-file: names the file (prod) that signed the token', async () => {
    const dir = makeTempDir({
      'dev.secret': 'DevSecret0123456789abcdef\n',
      'prod.secret': 'ProdSecret0123456789abcdef\n',
    });
    const dev = join(dir, 'dev.secret');
    const prod = join(dir, 'prod.secret');
    const token = signJwt(meetingPayload(), 'ProdSecret0123456789abcdef');
    const result = await verify(['--secret-file', dev, '--secret-file', prod, token], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^signature\\s+✓ matches --secret-file ${prod.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `, 'm'));
    expect(result.stdout).not.toContain('dev.secret');
    expect(result.stderr).toMatch(/removed the trailing newline from .*dev\.secret/);
    expect(result.stderr).toMatch(/removed the trailing newline from .*prod\.secret/);
  });

  it('--secret-file wins over ZOOM_MEETING_SDK_SECRET', async () => {
    const dir = makeTempDir({ 'other.secret': 'OtherSecret0123456789abcdef' });
    const result = await verify(['--secret-file', join(dir, 'other.secret'), VALID]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/signature-invalid/);
  });

  it('a token signed with the key as secret is diagnosed as key-secret-swapped', async () => {
    const token = signJwt(meetingPayload(), KEY);
    const { code, json } = await verifyJson([token]);
    expect(code).toBe(1);
    expect(ids(json)).toContain('key-secret-swapped');
    expect(json.findings.find((f) => f.id === 'key-secret-swapped')?.severity).toBe('error');
  });

  it('alg none gives wrong-alg and exits 1', async () => {
    const token = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(meetingPayload())}.`;
    const { code, json } = await verifyJson([token]);
    expect(code).toBe(1);
    expect(json.verdict).toBe('fail');
    expect(ids(json)).toContain('wrong-alg');
    expect(json.findings.find((f) => f.id === 'wrong-alg')?.message).toMatch(/none/);
  });

  it('HS512 signed with the right secret still gives wrong-alg', async () => {
    const input = `${b64url({ alg: 'HS512', typ: 'JWT' })}.${b64url(meetingPayload())}`;
    const { createHmac } = await import('node:crypto');
    const token = `${input}.${createHmac('sha512', SECRET).update(input).digest('base64url')}`;
    const { code, json } = await verifyJson([token]);
    expect(code).toBe(1);
    expect(ids(json)).toContain('wrong-alg');
  });

  it('a legacy signature that matches the secret says it matches and still exits 1', async () => {
    const legacySecret = 'LegacyApiSecret0123456789';
    const legacy = legacySignature('LegacyApiKey012345', legacySecret);
    const result = await verify([legacy], { ZOOM_MEETING_SDK_SECRET: legacySecret });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^signature\s+✓ matches ZOOM_MEETING_SDK_SECRET/m);
    expect(result.stdout).toMatch(/^✗ legacy-signature\s.*does match/m);
    expect(result.stdout).toMatch(/Zoom would reject this signature/);
  });

  it('--json: schemaVersion 1, verdict, findings with id/severity/message', async () => {
    const { code, json } = await verifyJson([EXPIRED]);
    expect(code).toBe(1);
    expect(json.schemaVersion).toBe(1);
    expect(json.kind).toBe('meeting-sdk');
    expect(json.verdict).toBe('fail');
    expect(json.accepted).toBe(false);
    expect(json.signature).toEqual({
      checked: true,
      valid: true,
      secret: { label: 'ZOOM_MEETING_SDK_SECRET', masked: 'Fake…cdef' },
    });
    expect(json.payload).toEqual(meetingPayload({}, { iat: NOW - 10_000 }));
    expect(Array.isArray(json.findings)).toBe(true);
    for (const finding of json.findings) {
      expect(finding).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^[a-z]+(-[a-z]+)*$/),
          severity: expect.stringMatching(/^(error|warning|info)$/),
          message: expect.any(String),
        }),
      );
    }
    expect(json.findings).toContainEqual(expect.objectContaining({ id: 'expired', severity: 'error' }));
    expect(json.now).toBe('2026-01-01T00:00:00Z');
  });

  it('--json of a valid token: verdict ok, no findings above info, exit 0', async () => {
    const { code, json } = await verifyJson([VALID]);
    expect(code).toBe(0);
    expect(json.verdict).toBe('ok');
    expect(json.accepted).toBe(true);
    expect(json.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('--format github prints ::error title=zoomsig <id>:: lines', async () => {
    const result = await verify(['--format', 'github', EXPIRED]);
    expect(result.code).toBe(1);
    const out = lines(result.stdout);
    expect(out.length).toBeGreaterThan(0);
    for (const line of out) expect(line).toMatch(/^::(error|warning|notice) title=zoomsig( [a-z-]+)?::\S/);
    expect(out).toContainEqual(expect.stringMatching(/^::error title=zoomsig expired::exp was 2025-12-31T23:13:20Z/));
    expect(out.at(-1)).toBe('::notice title=zoomsig::Zoom would reject this signature.');
  });

  it('--format github of a good token prints only the verdict notice', async () => {
    const result = await verify(['--format', 'github', VALID]);
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual(['::notice title=zoomsig::Zoom would accept this signature.']);
  });

  it('a token for another app than ZOOM_MEETING_SDK_KEY is a key-mismatch naming the variable', async () => {
    const other = signJwt(meetingPayload({}, { key: 'OtherClientId0000000000' }), SECRET);
    const result = await runCli(['verify', ...NOW_ARGS, other], { env: { ...MEETING_ENV } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/key-mismatch .*"OtherClientId0000000000", but the key from ZOOM_MEETING_SDK_KEY is "FakeClientId0123456789"/);
  });

  it('--format github of a warning prints ::warning', async () => {
    const result = await verify(['--format', 'github', EXPIRES_SOON]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^::warning title=zoomsig expires-soon::/m);
  });

  it('a token expiring in 2 minutes gives an expires-soon warning and exits 0', async () => {
    const { code, json } = await verifyJson([EXPIRES_SOON]);
    expect(code).toBe(0);
    expect(json.verdict).toBe('warn');
    expect(json.accepted).toBe(true);
    expect(json.findings.map((f) => [f.id, f.severity])).toEqual([['expires-soon', 'warning']]);
  });

  it('--strict turns the warning-only result into exit 1', async () => {
    const [text, json] = await Promise.all([
      verify(['--strict', EXPIRES_SOON]),
      verify(['--strict', '--json', EXPIRES_SOON]),
    ]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/fail with --strict/);
    expect(json.code).toBe(1);
  });

  it('--strict does not fail a clean token', async () => {
    const result = await verify(['--strict', VALID]);
    expect(result.code).toBe(0);
  });

  it('no secret at all exits 2 naming ZOOM_MEETING_SDK_SECRET', async () => {
    const line = usageErrorLine(await verify([VALID], {}));
    expect(line).toMatch(/secret/i);
    expect(line).toMatch(/ZOOM_MEETING_SDK_SECRET/);
    expect(line).toMatch(/--secret-file/);
  });

  it('a video token picks ZOOM_VIDEO_SDK_SECRET from the environment', async () => {
    const result = await verify([VIDEO], { ZOOM_VIDEO_SDK_SECRET: VIDEO_SECRET, ZOOM_MEETING_SDK_SECRET: SECRET });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^kind\s+Video SDK signature/m);
    expect(result.stdout).toMatch(/^signature\s+✓ matches ZOOM_VIDEO_SDK_SECRET/m);
  });

  it('a video token with only the meeting secret set exits 2 naming ZOOM_VIDEO_SDK_SECRET', async () => {
    const line = usageErrorLine(await verify([VIDEO], SECRET_ENV));
    expect(line).toMatch(/ZOOM_VIDEO_SDK_SECRET/);
  });

  it('reads the secret from .env in the working directory', async () => {
    const cwd = makeTempDir({ '.env': `ZOOM_MEETING_SDK_SECRET=${SECRET}\n` });
    const result = await runCli(['verify', ...NOW_ARGS, VALID], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/matches \.env \(ZOOM_MEETING_SDK_SECRET\)/);
  });

  it('--key that differs from appKey is an error', async () => {
    const { code, json } = await verifyJson(['--key', 'SomeOtherKey012345', VALID]);
    expect(code).toBe(1);
    expect(ids(json)).toContain('key-mismatch');
  });

  it('garbage input exits 1 (a problem with the token, not usage)', async () => {
    const result = await verify(['not-a-token-at-all']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/not-a-token/);
  });

  it.each([
    ['--skew abc', ['--skew', 'abc', VALID], /--skew/],
    ['--format xml', ['--format', 'xml', VALID], /--format takes text, json, github/],
    ['--sdk zoom', ['--sdk', 'zoom', VALID], /"meeting" or "video"/],
    ['--now garbage', ['--now', 'tomorrow', VALID], /--now/],
    ['unknown option', ['--ignore-expiry', VALID], /Did you mean --ignore-exp\?/],
  ])('usage error: %s', async (_name, args, pattern) => {
    const line = usageErrorLine(await verify(args));
    expect(line).toMatch(pattern);
  });
});
