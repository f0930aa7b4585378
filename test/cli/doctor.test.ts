import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  KEY,
  MEETING_ENV,
  NOW,
  NOW_ARGS,
  SECRET,
  cleanupTempDirs,
  lines,
  makeTempDir,
  meetingPayload,
  runCli,
  signJwt,
  usageErrorLine,
} from './helpers.js';

afterAll(cleanupTempDirs);

const SECRET_ENV = { ZOOM_MEETING_SDK_SECRET: SECRET };
const VALID = signJwt(meetingPayload(), SECRET);
/** The classic 3712: Date.now() in milliseconds, the meeting number with spaces, role as a string, no appKey. */
const BROKEN = signJwt(
  { sdkKey: KEY, mn: '857 4606 5012', role: '1', iat: (NOW - 30) * 1000, exp: (NOW - 30 + 7200) * 1000, tokenExp: (NOW - 30 + 7200) * 1000 },
  SECRET,
);
/** Only warnings: no tokenExp (no SDK reads it), and iat = Date.now() / 1000 without Math.floor. */
const WARNINGS_ONLY = signJwt({ appKey: KEY, sdkKey: KEY, mn: '85746065012', role: 0, iat: NOW - 30.25, exp: NOW - 30 + 7200 }, SECRET);

interface DoctorJson {
  schemaVersion: number;
  kind: string;
  verdict: string;
  header: unknown;
  payload: Record<string, unknown> | null;
  findings: { id: string; severity: string; message: string; hint?: string; docs?: string; docsPage?: string; docsUrl?: string; claim?: string; value?: unknown }[];
  signature: { checked: boolean; valid: boolean; secret: { label: string; masked: string } | null };
  checks: { passed: string[]; skipped: string[] };
  error?: { code: string; unseenCauses: { cause: string; fix: string }[] };
}

const json = (stdout: string): DoctorJson => JSON.parse(stdout) as DoctorJson;

describe('zoomsig doctor: text', () => {
  it('shows the kind and verdict first, each finding with claim, value, fix and docs, the verdict last', async () => {
    const result = await runCli(['doctor', BROKEN, ...NOW_ARGS]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatchSnapshot();
    const out = lines(result.stdout);
    expect(out[0]).toMatch(/^kind +Meeting SDK signature/);
    expect(out[1]).toMatch(/^verdict +✗ fail/);
    expect(out.at(-1)).toMatch(/^✗ fail .*checked at 2026-01-01T00:00:00Z/);
    expect(result.stdout).toMatch(/✗ timestamps-in-ms {2}iat=1767225570000 /);
    expect(result.stdout).toMatch(/fix: {2}Use Math\.floor\(Date\.now\(\) \/ 1000\)/);
    expect(result.stdout).toMatch(/\n {2}docs: zoomsig explain timestamps-in-ms\n/);
    expect(result.stdout).not.toMatch(/https?:/);
  });

  it('draws a timeline whenever the token has time claims', async () => {
    const result = await runCli(['doctor', VALID, '--now', String(NOW + 600)], { env: SECRET_ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchSnapshot();
    expect(result.stdout).toMatch(/timeline\n {2}●.*▲.*●\n {2}iat +now +exp = tokenExp/);
  });

  it('shows no passing checks by default and all of them with --verbose', async () => {
    const quiet = await runCli(['doctor', VALID, ...NOW_ARGS], { env: SECRET_ENV });
    expect(quiet.stdout).not.toMatch(/passed/);
    const verbose = await runCli(['doctor', VALID, ...NOW_ARGS, '--verbose'], { env: SECRET_ENV });
    expect(verbose.code).toBe(0);
    expect(verbose.stdout).toMatch(/✓ passed \(\d+\): not-a-token, malformed-token/);
    expect(verbose.stdout).toMatch(/not applicable \(\d+\): .*host-needs-zak/);
  });

  it('says the signature matches, masking the secret, and never prints it', async () => {
    const result = await runCli(['doctor', VALID, ...NOW_ARGS], { env: SECRET_ENV });
    expect(result.stdout).toMatch(/signature +matches ZOOM_MEETING_SDK_SECRET \(Fake…cdef\)/);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
  });

  it('colours only on a terminal or when forced', async () => {
    const plain = await runCli(['doctor', BROKEN, ...NOW_ARGS]);
    expect(plain.stdout).not.toContain('\u001b[');
    const forced = await runCli(['doctor', BROKEN, ...NOW_ARGS], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[31m');
  });
});

describe('zoomsig doctor: exit codes', () => {
  it('exits 0 for a good token, with or without a secret', async () => {
    expect((await runCli(['doctor', VALID, ...NOW_ARGS], { env: SECRET_ENV })).code).toBe(0);
    const unchecked = await runCli(['doctor', VALID, ...NOW_ARGS]);
    expect(unchecked.code).toBe(0);
    expect(unchecked.stdout).toMatch(/i signature-unverified/);
  });

  it('exits 0 with warnings only, and 1 with --strict', async () => {
    const result = await runCli(['doctor', WARNINGS_ONLY, ...NOW_ARGS], { env: SECRET_ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/! missing-claim {2}tokenExp/);
    expect(result.stdout).toMatch(/! claim-type {2}iat=1767225569\.75/);
    const strict = await runCli(['doctor', WARNINGS_ONLY, ...NOW_ARGS, '--strict'], { env: SECRET_ENV });
    expect(strict.code).toBe(1);
    expect(lines(strict.stdout).at(-1)).toMatch(/^✗ warn .*fail with --strict/);
  });

  it('exits 1 for a wrong secret and names the mistake', async () => {
    const result = await runCli(['doctor', VALID, ...NOW_ARGS], { env: { ZOOM_MEETING_SDK_SECRET: `${SECRET}\n` } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ signature-invalid/);
    expect(result.stdout).toMatch(/✗ secret-whitespace .*without the white space/);
  });

  it('exits 1 for a signature cut or run on, and does not blame the right secret for it', async () => {
    for (const [token, bytes] of [[`${VALID}A`, 33], [VALID.slice(0, -1), 31]] as const) {
      const result = await runCli(['doctor', token, ...NOW_ARGS], { env: SECRET_ENV });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(new RegExp(`^signature +does not match the secret given, nor could any: it is ${bytes} bytes, not 32 \\(signature-length\\)$`, 'm'));
      expect(result.stdout).toMatch(new RegExp(`✗ signature-length  signature  The signature is ${bytes} bytes`));
      expect(result.stdout).toMatch(/✗ signature-invalid .*says nothing of the secret/);
      expect(result.stdout).toMatch(/fix: +Fix the signature first \(signature-length\)/);
      // Not the usual advice for a mismatch, nor the spare-bits one for the new last character.
      expect(result.stdout).not.toMatch(/dev vs prod|non-canonical-signature/);
    }
  });

  it('reads a signature written in hex as the HMAC it spells: the right secret is named, a wrong one blamed', async () => {
    const signingInput = VALID.slice(0, VALID.lastIndexOf('.'));
    const hex = `${signingInput}.${createHmac('sha256', SECRET).update(signingInput).digest('hex')}`;
    const right = await runCli(['doctor', hex, ...NOW_ARGS], { env: SECRET_ENV });
    expect(right.code).toBe(1);
    expect(right.stdout).toMatch(/^signature +matches ZOOM_MEETING_SDK_SECRET \(Fake…cdef\), but the token is not encoded as Zoom requires$/m);
    expect(right.stdout).toMatch(/✗ signature-length .*64 hexadecimal digits.*the secret is right, only the encoding is wrong/);
    expect(right.stdout).not.toMatch(/signature-invalid/);
    const wrong = await runCli(['doctor', hex, ...NOW_ARGS], { env: { ZOOM_MEETING_SDK_SECRET: `Other${SECRET}` } });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/✗ signature-invalid .*even read as the hex it is written in/);
    expect(wrong.stdout).toMatch(/fix: +Sign with the Client Secret of the same Meeting SDK/);
  });

  it('exits 1 for junk pasted as a token, 2 for empty input', async () => {
    const junk = await runCli(['doctor', '[object Object]', ...NOW_ARGS]);
    expect(junk.code).toBe(1);
    expect(junk.stdout).toMatch(/✗ not-a-token/);
    const empty = await runCli(['doctor', ...NOW_ARGS], { input: '' });
    expect(empty.code).toBe(2);
    expect(usageErrorLine(empty)).toMatch(/standard input was empty/);
  });

  it('reads the token from a pipe', async () => {
    const result = await runCli(['doctor', ...NOW_ARGS], { input: `{"signature":"${VALID}","sdkKey":"${KEY}"}\n` });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/i wrapped-input {2}Took off/);
  });
});

describe('zoomsig doctor: what the user knows', () => {
  it('compares with --meeting (a join URL) and --role', async () => {
    const same = await runCli(['doctor', VALID, ...NOW_ARGS, '--meeting', 'https://zoom.us/j/85746065012?pwd=x', '--role', 'participant']);
    expect(same.code).toBe(0);
    const other = await runCli(['doctor', VALID, ...NOW_ARGS, '--meeting', '912-3456-7890', '--role', 'host']);
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(/✗ meeting-number-mismatch {2}mn="85746065012" {2}mn is "85746065012", but --meeting is "91234567890"/);
    expect(other.stdout).toMatch(/✗ role-mismatch {2}role=0 {2}role is participant \(0\), but --role is 1/);
  });

  it('rejects a --meeting or --role it cannot read with exit 2', async () => {
    expect((await runCli(['doctor', VALID, '--meeting', 'abc'])).code).toBe(2);
    expect((await runCli(['doctor', VALID, '--role', 'owner'])).code).toBe(2);
  });

  it('reads the join() object with --join, and its signature when no token is given', async () => {
    const dir = makeTempDir();
    const file = join(dir, 'join.json');
    const host = signJwt(meetingPayload({ role: 1 }), SECRET);
    writeFileSync(file, JSON.stringify({ signature: host, meetingNumber: '85746065012', sdkKey: 'OtherClientId', userName: 'Ada', role: 1 }));
    const result = await runCli(['doctor', '--join', file, ...NOW_ARGS], { env: SECRET_ENV });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ host-needs-zak/);
    // Harmless on Web SDK 4.0+ (the signature's key wins): a warning, an error for 3.x.
    expect(result.stdout).toMatch(/! sdk-key-join-mismatch {2}sdkKey="OtherClientId"/);
    const old = await runCli(['doctor', '--join', file, ...NOW_ARGS, '--sdk-version', '3.13.2'], { env: SECRET_ENV });
    expect(old.stdout).toMatch(/✗ sdk-key-join-mismatch {2}sdkKey="OtherClientId" .*Web SDK 3\.13\.2/);
    expect(result.stdout).toMatch(/signature +matches ZOOM_MEETING_SDK_SECRET/);
  });

  it('says so when the --join file is missing or not JSON (exit 2)', async () => {
    const missing = await runCli(['doctor', VALID, '--join', 'nope.json']);
    expect(missing.code).toBe(2);
    expect(usageErrorLine(missing)).toMatch(/cannot read the --join file nope\.json: no such file\./);
    const dir = makeTempDir({ 'join.js': 'ZoomMtg.join({ signature })' });
    const notJson = await runCli(['doctor', VALID, '--join', join(dir, 'join.js')]);
    expect(notJson.code).toBe(2);
    expect(usageErrorLine(notJson)).toMatch(/is not JSON/);
  });

  it('uses the key from the environment: a token of another app is key-mismatch', async () => {
    const result = await runCli(['doctor', VALID, ...NOW_ARGS], { env: { ...MEETING_ENV, ZOOM_MEETING_SDK_KEY: 'OtherClientId' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ key-mismatch .*the key from ZOOM_MEETING_SDK_KEY is "OtherClientId"/);
  });

  it('honours --skew for iat ahead of the clock', async () => {
    const ahead = signJwt(meetingPayload({}, { iat: NOW + 45 }), SECRET);
    expect((await runCli(['doctor', ahead, ...NOW_ARGS])).code).toBe(0);
    const strict = await runCli(['doctor', ahead, ...NOW_ARGS, '--skew', '10']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/✗ iat-in-future .*more than the 10 s allowed/);
  });
});

describe('zoomsig doctor --error', () => {
  it('ranks findings by the code and lists what no token shows', async () => {
    const result = await runCli(['doctor', BROKEN, ...NOW_ARGS, '--error', '3712']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^error +3712: Signature is invalid\./m);
    expect(result.stdout).toMatch(/What no token check can see for 3712:\n\? Credentials of the wrong app/);
    expect(result.stdout).toMatch(/2026-03-02/);
  });

  it('ranks the expiry first for 3705', async () => {
    const old = signJwt(meetingPayload({ mn: '857 4606 5012' }, { iat: NOW - 10_000 }), SECRET);
    const result = await runCli(['doctor', old, ...NOW_ARGS, '--error', '3705', '--json']);
    const ids = json(result.stdout).findings.map((finding) => finding.id);
    expect(ids.indexOf('expired')).toBeLessThan(ids.indexOf('meeting-number-format'));
    expect(json(result.stdout).error?.code).toBe('3705');
  });

  it('refuses a code it does not know (exit 2)', async () => {
    const result = await runCli(['doctor', VALID, '--error', '9999']);
    expect(result.code).toBe(2);
    expect(usageErrorLine(result)).toBe('zoomsig: --error takes a Zoom error code zoomsig knows (3712, 200, 3705, 124, JWTTOKENWRONG…); "9999" is not one. "zoomsig explain" lists them.');
  });
});

describe('zoomsig doctor: JSON and GitHub', () => {
  it('prints the contract shape, schema version 1, on failure', async () => {
    const result = await runCli(['doctor', BROKEN, ...NOW_ARGS, '--json']);
    expect(result.code).toBe(1);
    const report = json(result.stdout);
    expect(Object.keys(report).slice(0, 6)).toEqual(['schemaVersion', 'kind', 'verdict', 'header', 'payload', 'findings']);
    expect(report).toMatchObject({ schemaVersion: 1, kind: 'meeting-sdk', verdict: 'fail' });
    expect(report.findings.map((finding) => finding.severity)).toEqual(['error', 'error', 'error', 'error', 'error', 'error', 'info']);
    expect(report.findings).toContainEqual(expect.objectContaining({ id: 'timestamps-in-ms', severity: 'error', claim: 'iat', value: 1767225570000 }));
    for (const finding of report.findings) {
      expect(finding.docs).toBe(`zoomsig explain ${finding.id}`);
      expect(finding.docsPage).toBe(`docs/checks/${finding.id}.md`);
    }
    expect(result.stdout).toMatchSnapshot();
  });

  it('prints the same shape on success', async () => {
    const result = await runCli(['doctor', VALID, ...NOW_ARGS, '--format', 'json'], { env: SECRET_ENV });
    expect(result.code).toBe(0);
    const report = json(result.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, kind: 'meeting-sdk', verdict: 'ok', findings: [] });
    expect(report.signature).toEqual({ checked: true, valid: true, secret: { label: 'ZOOM_MEETING_SDK_SECRET', masked: 'Fake…cdef' } });
    expect(report.checks.passed).toContain('expired');
  });

  it('prints GitHub annotations, with the verdict as a closing notice', async () => {
    const result = await runCli(['doctor', BROKEN, ...NOW_ARGS, '--format', 'github']);
    expect(result.code).toBe(1);
    const out = lines(result.stdout);
    expect(out[0]).toMatch(/^::error title=zoomsig missing-claim::There is sdkKey but no appKey.* Fix: .* See: zoomsig explain missing-claim$/);
    expect(out).toContainEqual(expect.stringMatching(/^::error title=zoomsig claim-type::role is the string "1"/));
    expect(out).toContainEqual(expect.stringMatching(/^::notice title=zoomsig signature-unverified::/));
    expect(out.at(-1)).toBe('::notice title=zoomsig::Zoom would reject this token: 6 errors.');
  });
});

describe('zoomsig doctor: the token the user gave', () => {
  const stale = signJwt(meetingPayload({}, { iat: NOW - 86_400 }), SECRET);
  const joinFile = (): string => {
    const file = join(makeTempDir(), 'join.json');
    writeFileSync(file, JSON.stringify({ signature: stale, meetingNumber: '85746065012', userName: 'Ada' }));
    return file;
  };

  it('checks a piped token, not the --join object\'s, and says the two differ', async () => {
    const file = joinFile();
    const [piped, dash] = await Promise.all([
      runCli(['doctor', '--join', file, ...NOW_ARGS, '--json'], { input: `${VALID}\n`, env: SECRET_ENV }),
      runCli(['doctor', '-', '--join', file, ...NOW_ARGS, '--json'], { input: `${VALID}\n`, env: SECRET_ENV }),
    ]);
    for (const result of [piped, dash]) {
      expect(result.code).toBe(0);
      const report = json(result.stdout);
      expect(report.payload?.iat).toBe(NOW - 30);
      expect(report.findings.map((finding) => finding.id)).toEqual(['join-signature-differs']);
    }
    expect(piped.stdout).toBe(dash.stdout);
  });

  it('checks the --join object\'s signature when nothing is piped', async () => {
    const result = await runCli(['doctor', '--join', joinFile(), ...NOW_ARGS, '--json'], { env: SECRET_ENV });
    expect(result.code).toBe(1);
    const report = json(result.stdout);
    expect(report.payload?.iat).toBe(NOW - 86_400);
    expect(report.findings.map((finding) => finding.id)).toContain('expired');
    expect(report.findings.map((finding) => finding.id)).not.toContain('join-signature-differs');
  });

  it('refuses an --sdk-version it cannot read (exit 2)', async () => {
    expect(usageErrorLine(await runCli(['doctor', VALID, '--sdk-version', 'latest']))).toMatch(/--sdk-version takes the Web SDK version/);
  });
});

describe('zoomsig doctor: says what it did not judge', () => {
  it('lists a check with nothing to compare as not applicable, not as passed', async () => {
    const result = await runCli(['doctor', VALID, ...NOW_ARGS, '--verbose', '--json'], { env: SECRET_ENV });
    const report = json(result.stdout);
    expect(report.checks.skipped).toContain('key-mismatch');
    expect(report.checks.passed).not.toContain('key-mismatch');
    const withKey = json((await runCli(['doctor', VALID, ...NOW_ARGS, '--json'], { env: MEETING_ENV })).stdout);
    expect(withKey.checks.passed).toContain('key-mismatch');
  });

  it('with --ignore-exp, says in every format that time claims were not judged', async () => {
    const expired = signJwt(meetingPayload({}, { iat: NOW - 334 * 86_400 }), SECRET);
    const [text, report, github] = await Promise.all([
      runCli(['doctor', expired, ...NOW_ARGS, '--ignore-exp'], { env: SECRET_ENV }),
      runCli(['doctor', expired, ...NOW_ARGS, '--ignore-exp', '--json'], { env: SECRET_ENV }),
      runCli(['doctor', expired, ...NOW_ARGS, '--ignore-exp', '--format', 'github'], { env: SECRET_ENV }),
    ]);
    expect([text.code, report.code, github.code]).toEqual([0, 0, 0]);
    expect(lines(text.stdout).at(-1)).toMatch(/^! Time claims not judged \(--ignore-exp\)/);
    expect((JSON.parse(report.stdout) as { timeJudged: boolean }).timeJudged).toBe(false);
    expect(github.stdout).toMatch(/::notice title=zoomsig::Time claims not judged/);
  });
});
