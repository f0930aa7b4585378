import { afterAll, describe, expect, it } from 'vitest';
import {
  KEY,
  NOW,
  NOW_ARGS,
  SECRET,
  b64url,
  legacySignature,
  lines,
  meetingPayload,
  runCli,
  signJwt,
  usageErrorLine,
  cleanupTempDirs,
} from './helpers.js';

afterAll(cleanupTempDirs);

const TOKEN = signJwt(meetingPayload(), SECRET);
const IAT = NOW - 30;

interface DecodeJson {
  schemaVersion: number;
  kind: string;
  format: string;
  header: Record<string, unknown> | null;
  payload: Record<string, unknown> | null;
  timeClaims: { claim: string; value: number; unit: string; iso?: string; relative?: string }[];
  legacy: Record<string, unknown> | null;
  unwrapped: string[];
  problems: unknown[];
  signature: { checked: boolean; note: string };
  now: string;
}

function decode(args: string[], input?: string) {
  return runCli(['decode', ...NOW_ARGS, ...args], input === undefined ? {} : { input });
}

describe.concurrent('zoomsig decode: where the token comes from', () => {
  it('takes the token as an argument', async () => {
    const result = await decode([TOKEN]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^kind\s+Meeting SDK signature \(JWT\)$/m);
    expect(result.stdout).not.toMatch(/wrapped-input/);
  });

  it('takes - as standard input', async () => {
    const [dash, arg] = await Promise.all([decode(['-'], `${TOKEN}\n`), decode([TOKEN])]);
    expect(dash.code).toBe(0);
    expect(dash.stderr).toBe('');
    expect(dash.stdout).toBe(arg.stdout);
  });

  it('reads a pipe when no argument is given', async () => {
    const [piped, arg] = await Promise.all([decode([], `${TOKEN}\n`), decode([TOKEN])]);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(arg.stdout);
  });

  it('unwraps {"signature": "..."} and says so', async () => {
    const result = await decode([], JSON.stringify({ signature: TOKEN, sdkKey: KEY }));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^i wrapped-input {2}Took off a JSON object \(the "signature" field\) before reading it\.$/m);
    expect(result.stdout).toMatch(/^kind\s+Meeting SDK signature/m);
    expect(result.stdout).toContain('"85746065012"');
  });

  it('takes off surrounding quotes and says so', async () => {
    const result = await decode([`"${TOKEN}"`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^i wrapped-input {2}Took off .*quotes/m);
    expect(result.stdout).toMatch(/^kind\s+Meeting SDK signature/m);
  });

  it('reads the token out of a meeting page\'s URL, and says how to read it there', async () => {
    const result = await decode([`https://example.com/meeting.html?name=QWRh&mn=85746065012&role=0&signature=${TOKEN}&lang=en-US`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^i wrapped-input {2}Took off a URL \(its "signature" parameter\) before reading it\.$/m);
    expect(result.stdout).toMatch(/^ {2}fix: {2}Where a page reads the token from its URL, decode it \(URLSearchParams does\)/m);
    expect(result.stdout).toMatch(/^kind\s+Meeting SDK signature/m);
  });

  it('takes off "Bearer " and says so', async () => {
    const result = await decode([`Bearer ${TOKEN}`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^i wrapped-input {2}Took off .*"Bearer " prefix/m);
    expect(result.stdout).toMatch(/^kind\s+Meeting SDK signature/m);
  });

  it('--json lists what was taken off', async () => {
    const result = await decode(['--json'], `  "Bearer ${TOKEN}"\n`);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as DecodeJson;
    expect(json.kind).toBe('meeting-sdk');
    expect(json.unwrapped.length).toBeGreaterThan(0);
    expect(json.payload).toEqual(meetingPayload());
  });
});

describe.concurrent('zoomsig decode: what it shows', () => {
  it('text: kind, header, payload, ISO and relative times, signature not checked', async () => {
    const result = await decode([TOKEN]);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/^kind\s+Meeting SDK signature \(JWT\)$/m);
    expect(out).toMatch(/^header$/m);
    expect(out).toMatch(/^\s+alg\s+"HS256"$/m);
    expect(out).toMatch(/^\s+typ\s+"JWT"$/m);
    expect(out).toMatch(/^payload$/m);
    expect(out).toMatch(new RegExp(`^\\s+appKey\\s+"${KEY}"$`, 'm'));
    expect(out).toMatch(/^\s+mn\s+"85746065012"$/m);
    expect(out).toMatch(/^\s+role\s+0$/m);
    expect(out).toMatch(new RegExp(`^\\s+iat\\s+${IAT}\\s+2025-12-31T23:59:30Z\\s+30s ago$`, 'm'));
    expect(out).toMatch(new RegExp(`^\\s+exp\\s+${IAT + 7200}\\s+2026-01-01T01:59:30Z\\s+in 1h 59m$`, 'm'));
    expect(out).toMatch(/^\s+tokenExp\s+\d+\s+2026-01-01T01:59:30Z\s+in 1h 59m$/m);
    expect(out).toMatch(/^signature\s+.*not checked.*zoomsig verify/m);
    expect(out).toContain('times relative to 2026-01-01T00:00:00Z');
  });

  it('--json: schemaVersion 1, kind, header, payload, timeClaims with iso and relative', async () => {
    const result = await decode(['--json', TOKEN]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as DecodeJson;
    expect(json.schemaVersion).toBe(1);
    expect(json.kind).toBe('meeting-sdk');
    expect(json.format).toBe('jwt');
    expect(json.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(json.payload).toEqual(meetingPayload());
    expect(json.timeClaims).toEqual([
      { claim: 'iat', value: IAT, unit: 'seconds', iso: '2025-12-31T23:59:30Z', relative: '30s ago' },
      { claim: 'exp', value: IAT + 7200, unit: 'seconds', iso: '2026-01-01T01:59:30Z', relative: 'in 1h 59m' },
      { claim: 'tokenExp', value: IAT + 7200, unit: 'seconds', iso: '2026-01-01T01:59:30Z', relative: 'in 1h 59m' },
    ]);
    expect(json.signature.checked).toBe(false);
    expect(json.now).toBe('2026-01-01T00:00:00Z');
    expect(json.legacy).toBeNull();
  });

  it('--format json is the same as --json', async () => {
    const [a, b] = await Promise.all([decode(['--json', TOKEN]), decode(['--format', 'json', TOKEN])]);
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('an expired token shows "ago" for exp (decode does not judge: exit 0)', async () => {
    const token = signJwt(meetingPayload({}, { iat: NOW - 10_000 }), SECRET);
    const result = await decode([token]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\s+exp\s+\d+\s+2025-12-31T23:13:20Z\s+46m 40s ago$/m);
  });

  it('a legacy signature shows its five fields', async () => {
    const legacy = legacySignature('LegacyApiKey012345', 'LegacyApiSecret0123456789');
    const [text, json] = await Promise.all([decode([legacy]), decode(['--json', legacy])]);
    // A legacy signature is a finding (legacy-signature, an error): exit 1, as doctor.
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^✗ legacy-signature {2}This is the retired JWT-app web signature/m);
    expect(text.stdout).toMatch(/^kind\s+legacy Web SDK signature/m);
    expect(text.stdout).toMatch(/^legacy fields$/m);
    expect(text.stdout).toMatch(/^\s+apiKey\s+"LegacyApiKey012345"$/m);
    expect(text.stdout).toMatch(/^\s+meetingNumber\s+"85746065012"$/m);
    expect(text.stdout).toMatch(/^\s+timestamp\s+1767225570000\s+2025-12-31T23:59:30Z\s+30s ago\s+\(milliseconds\)$/m);
    expect(text.stdout).toMatch(/^\s+role\s+"0"$/m);
    expect(text.stdout).toMatch(/^\s+hash\s+"[A-Za-z0-9+/]+=*"$/m);
    expect(text.stdout).toMatch(/Web SDK 2\.7\.0/);
    const parsed = JSON.parse(json.stdout) as DecodeJson;
    expect(parsed.kind).toBe('legacy-web-signature');
    expect(parsed.legacy).toMatchObject({
      apiKey: 'LegacyApiKey012345',
      meetingNumber: '85746065012',
      timestamp: 1_767_225_570_000,
      role: '0',
      timestampIso: '2025-12-31T23:59:30Z',
    });
  });

  it('an OAuth access token look-alike is named as such, with advice', async () => {
    const oauth = [
      b64url({ alg: 'HS512', v: '2.0', kid: 'x' }),
      b64url({ aud: 'https://oauth.zoom.us', iss: 'zm:cid:abc', uid: 'u', exp: NOW + 3600 }),
      b64url('not-a-real-signature'),
    ].join('.');
    const [text, json] = await Promise.all([decode([oauth]), decode(['--json', oauth])]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^kind\s+Zoom OAuth access token/m);
    expect(text.stdout).toMatch(/REST API/);
    expect(text.stdout).toMatch(/zoomsig generate/);
    expect(text.stdout).toMatch(/^\s+exp\s+\d+\s+2026-01-01T01:00:00Z\s+in 1h$/m);
    expect(text.stdout).toMatch(/^signature\s+.*signed by Zoom/m);
    expect(text.stdout).not.toMatch(/run zoomsig verify/);
    expect((JSON.parse(json.stdout) as DecodeJson).kind).toBe('oauth-token');
  });

  it('a video token is recognised', async () => {
    const token = signJwt(
      { app_key: 'FakeVideoKey0123456789', role_type: 1, tpc: 'room', version: 1, iat: IAT, exp: IAT + 7200 },
      'FakeVideoSecret0123456789abcdef',
    );
    const result = await decode(['--json', token]);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as DecodeJson).kind).toBe('video-sdk');
  });
});

describe.concurrent('zoomsig decode: bad input', () => {
  it('garbage exits 1 and says it is not a recognised token', async () => {
    const result = await decode(['hello-this-is-not-a-token']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/not a token zoomsig recognises/);
    expect(result.stderr).not.toContain('    at ');
  });

  it('garbage with --json exits 1 with kind unrecognised', async () => {
    const result = await decode(['--json', 'hello-this-is-not-a-token']);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as DecodeJson).kind).toBe('unrecognised');
  });

  it('a truncated JWT exits 1', async () => {
    const result = await decode([TOKEN.slice(0, TOKEN.lastIndexOf('.') - 5)]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('    at ');
  });

  it('empty stdin exits 2 with one line', async () => {
    const line = usageErrorLine(await decode(['-'], ''));
    expect(line).toMatch(/standard input was empty/);
  });

  it('an empty token argument (an unset variable) exits 2', async () => {
    const line = usageErrorLine(await decode(['']));
    expect(line).toMatch(/token argument is empty/);
  });

  it.each([
    ['prose', 'hello there', 'not-a-token'],
    ['base64 of the key alone', Buffer.from('FakeClientId0123456789').toString('base64'), 'encoded-key-only'],
    ['a bare HMAC', Buffer.alloc(32, 7).toString('base64'), 'bare-hmac'],
  ])('%s exits 1 and says what it is and what to do', async (_name, input, id) => {
    const result = await decode([input]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`✗ ${id}`);
    expect(result.stdout).toContain('fix:');
  });

  it('white space only on stdin exits 2', async () => {
    const line = usageErrorLine(await decode([], '  \n\t\n'));
    expect(line).toMatch(/empty/);
  });

  it('no argument and a closed stdin exits 2 at once, without hanging', async () => {
    const result = await decode([]);
    const line = usageErrorLine(result);
    expect(line).toMatch(/standard input was empty/);
    expect(line).toMatch(/argument/);
    expect(result.ms).toBeLessThan(3000);
  });

  it('2 MB on stdin exits 2 with a sentence', async () => {
    const result = await decode([], 'a'.repeat(2 * 1024 * 1024));
    const line = usageErrorLine(result);
    expect(line).toMatch(/over 1 MiB/);
    expect(line).toMatch(/not a token/);
  });

  it('two positionals exit 2', async () => {
    const line = usageErrorLine(await decode([TOKEN, 'second']));
    expect(line).toMatch(/takes one token/);
  });

  it('--format github annotates what is wrong with the input, then the kind', async () => {
    const [bad, good] = await Promise.all([
      decode(['--format', 'github', 'hello there']),
      decode(['--format', 'github', TOKEN]),
    ]);
    expect(bad.code).toBe(1);
    expect(lines(bad.stdout)[0]).toMatch(/^::error title=zoomsig not-a-token::This is not a JWT/);
    expect(good.code).toBe(0);
    expect(lines(good.stdout)).toEqual(['::notice title=zoomsig::decoded: Meeting SDK signature (JWT).']);
  });

  it('--format yaml is refused with the list', async () => {
    const line = usageErrorLine(await decode(['--format', 'yaml', TOKEN]));
    expect(line).toMatch(/--format takes text, json, github/);
  });

  it('decode takes no --secret', async () => {
    const line = usageErrorLine(await decode(['--secret', SECRET, TOKEN]));
    expect(line).toMatch(/has no option --secret/);
    expect(lines(line)).toHaveLength(1);
  });
});
