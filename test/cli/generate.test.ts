import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  JWT_SHAPE,
  KEY,
  MEETING_ENV,
  NOW,
  NOW_ARGS,
  SECRET,
  VIDEO_ENV,
  VIDEO_KEY,
  VIDEO_SECRET,
  lines,
  makeTempDir,
  runCli,
  segmentJson,
  usageErrorLine,
  cleanupTempDirs,
} from './helpers.js';

afterAll(cleanupTempDirs);

const IAT = NOW - 30;
const WEB = ['generate', ...NOW_ARGS, '--meeting', '85746065012', '--role', '0'];

function generate(args: string[], env: Record<string, string> = MEETING_ENV) {
  return runCli(['generate', ...NOW_ARGS, ...args], { env });
}

describe.concurrent('zoomsig generate: output', () => {
  it('prints the token alone on stdout, one line, exit 0, empty stderr', async () => {
    const result = await runCli(WEB, { env: MEETING_ENV });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(lines(result.stdout)).toHaveLength(1);
    expect(result.stdout.endsWith('\n')).toBe(true);
    const token = result.stdout.trim();
    expect(token).toMatch(JWT_SHAPE);
    expect(segmentJson(token, 0)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(segmentJson(token, 1)).toEqual({
      appKey: KEY,
      sdkKey: KEY,
      mn: '85746065012',
      role: 0,
      iat: IAT,
      exp: IAT + 7200,
      tokenExp: IAT + 7200,
    });
  });

  it('is reproducible with the same --now', async () => {
    const [a, b] = await Promise.all([runCli(WEB, { env: MEETING_ENV }), runCli(WEB, { env: MEETING_ENV })]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('gives a different token with a different --now', async () => {
    const [a, b] = await Promise.all([
      runCli(WEB, { env: MEETING_ENV }),
      runCli([...WEB, '--now', String(NOW + 60)], { env: MEETING_ENV }),
    ]);
    expect(b.code).toBe(0);
    expect(a.stdout).not.toBe(b.stdout);
    expect(segmentJson(b.stdout.trim(), 1).iat).toBe(NOW + 30);
  });

  it('is signed with HMAC-SHA256 of the secret (checked with node:crypto)', async () => {
    const result = await runCli(WEB, { env: MEETING_ENV });
    const [header, payload, mac] = result.stdout.trim().split('.') as [string, string, string];
    const expected = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
    expect(mac).toBe(expected);
    const wrong = createHmac('sha256', `${SECRET}\n`).update(`${header}.${payload}`).digest('base64url');
    expect(mac).not.toBe(wrong);
  });

  it('--json prints exactly {signature, sdkKey, header, payload, expiresAt}', async () => {
    const result = await generate(['--meeting', '85746065012', '--role', '1', '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['expiresAt', 'header', 'payload', 'schemaVersion', 'sdkKey', 'signature']);
    expect(json.schemaVersion).toBe(1);
    expect(json.sdkKey).toBe(KEY);
    expect(json.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(json.payload).toEqual({
      appKey: KEY,
      sdkKey: KEY,
      mn: '85746065012',
      role: 1,
      iat: IAT,
      exp: IAT + 7200,
      tokenExp: IAT + 7200,
    });
    expect(json.expiresAt).toBe('2026-01-01T01:59:30Z');
    expect(json.signature).toMatch(JWT_SHAPE);
    expect(segmentJson(json.signature as string, 1)).toEqual(json.payload);
  });

  it('--json and text print the same token', async () => {
    const [text, json] = await Promise.all([
      runCli(WEB, { env: MEETING_ENV }),
      runCli([...WEB, '--json'], { env: MEETING_ENV }),
    ]);
    expect((JSON.parse(json.stdout) as { signature: string }).signature).toBe(text.stdout.trim());
  });

  it('accepts a join URL for --meeting and normalises it to digits', async () => {
    const result = await generate(['--meeting', 'https://us05web.zoom.us/j/85746065012?pwd=abcDEF.1', '--role', 'host', '--json']);
    expect(result.code).toBe(0);
    const { payload } = JSON.parse(result.stdout) as { payload: Record<string, unknown> };
    expect(payload.mn).toBe('85746065012');
    expect(payload.role).toBe(1);
  });

  it('accepts a dashed and a spaced meeting number', async () => {
    const [dashed, spaced] = await Promise.all([
      generate(['--meeting', '857-4606-5012', '--role', 'participant', '--json']),
      generate(['--meeting', '857 4606 5012', '--role', '0', '--json']),
    ]);
    expect(dashed.code).toBe(0);
    expect(spaced.code).toBe(0);
    expect((JSON.parse(dashed.stdout) as { payload: { mn: unknown; role: unknown } }).payload).toMatchObject({ mn: '85746065012', role: 0 });
    expect((JSON.parse(spaced.stdout) as { payload: { mn: unknown } }).payload.mn).toBe('85746065012');
  });

  it('--native makes a token without mn and role', async () => {
    const result = await generate(['--native', '--json']);
    expect(result.code).toBe(0);
    const { payload } = JSON.parse(result.stdout) as { payload: Record<string, unknown> };
    expect(payload).toEqual({ appKey: KEY, sdkKey: KEY, iat: IAT, exp: IAT + 7200, tokenExp: IAT + 7200 });
    expect(payload).not.toHaveProperty('mn');
    expect(payload).not.toHaveProperty('role');
  });

  it('--webrtc adds video_webrtc_mode: 1', async () => {
    const result = await runCli([...WEB, '--webrtc'], { env: MEETING_ENV });
    expect(result.code).toBe(0);
    expect(segmentJson(result.stdout.trim(), 1)).toMatchObject({ video_webrtc_mode: 1, mn: '85746065012' });
  });

  it('without --webrtc has no video_webrtc_mode', async () => {
    const result = await runCli(WEB, { env: MEETING_ENV });
    expect(segmentJson(result.stdout.trim(), 1)).not.toHaveProperty('video_webrtc_mode');
  });

  it('--expires-in 90m sets exp = iat + 5400 and tokenExp = exp', async () => {
    const result = await runCli([...WEB, '--expires-in', '90m', '--json'], { env: MEETING_ENV });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { payload: Record<string, number>; expiresAt: string };
    expect(json.payload.exp).toBe(IAT + 5400);
    expect(json.payload.tokenExp).toBe(IAT + 5400);
    expect(json.expiresAt).toBe('2026-01-01T01:29:30Z');
  });

  it('--expires-in accepts seconds and the window limits 30m and 48h', async () => {
    const results = await Promise.all(
      ['7200', '30m', '48h'].map((value) => runCli([...WEB, '--expires-in', value, '--json'], { env: MEETING_ENV })),
    );
    const lifetimes = results.map((r) => {
      expect(r.code).toBe(0);
      const { payload } = JSON.parse(r.stdout) as { payload: { iat: number; exp: number } };
      return payload.exp - payload.iat;
    });
    expect(lifetimes).toEqual([7200, 1800, 172_800]);
  });

  it('--sdk video --topic makes a Video SDK token', async () => {
    const result = await generate(['--sdk', 'video', '--topic', 'support-room-7', '--role', '1', '--json'], VIDEO_ENV);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as { signature: string; sdkKey: string; payload: Record<string, unknown> };
    expect(json.sdkKey).toBe(VIDEO_KEY);
    expect(json.payload).toEqual({
      app_key: VIDEO_KEY,
      role_type: 1,
      tpc: 'support-room-7',
      version: 1,
      iat: IAT,
      exp: IAT + 7200,
    });
    const [header, payload, mac] = json.signature.split('.') as [string, string, string];
    expect(mac).toBe(createHmac('sha256', VIDEO_SECRET).update(`${header}.${payload}`).digest('base64url'));
  });

  it('--product video is an alias of --sdk video, with the optional claims', async () => {
    const result = await generate(
      ['--product', 'video', '--topic', 'room', '--session-key', 'sk-1', '--user-identity', 'user-1', '--expires-in', '90m'],
      VIDEO_ENV,
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(segmentJson(result.stdout.trim(), 1)).toMatchObject({
      app_key: VIDEO_KEY,
      tpc: 'room',
      version: 1,
      session_key: 'sk-1',
      user_identity: 'user-1',
      exp: IAT + 5400,
    });
  });

  it('a video token does not use the meeting credentials', async () => {
    const result = await generate(['--sdk', 'video', '--topic', 'room'], { ...MEETING_ENV });
    const line = usageErrorLine(result);
    expect(line).toContain('ZOOM_VIDEO_SDK_KEY');
  });
});

describe.concurrent('zoomsig generate: credentials', () => {
  it('reads key and secret from a .env file in the working directory', async () => {
    const cwd = makeTempDir({ '.env': `ZOOM_MEETING_SDK_KEY=${KEY}\nZOOM_MEETING_SDK_SECRET=${SECRET}\n` });
    const [fromFile, fromEnv] = await Promise.all([
      runCli(WEB, { cwd }),
      runCli(WEB, { env: MEETING_ENV }),
    ]);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stderr).toBe('');
    expect(fromFile.stdout).toBe(fromEnv.stdout);
  });

  it('white space around key and secret (a sloppy .env) is removed, with a warning each', async () => {
    const [sloppy, clean] = await Promise.all([
      runCli(WEB, { env: { ZOOM_MEETING_SDK_KEY: ` ${KEY}\n`, ZOOM_MEETING_SDK_SECRET: `${SECRET} ` } }),
      runCli(WEB, { env: MEETING_ENV }),
    ]);
    expect(sloppy.code).toBe(0);
    expect(sloppy.stdout).toBe(clean.stdout);
    expect(sloppy.stderr).toMatch(/warning: removed white space around the key from ZOOM_MEETING_SDK_KEY/);
    expect(sloppy.stderr).toMatch(/warning: removed white space around the secret from ZOOM_MEETING_SDK_SECRET/);
  });

  it('the environment wins over .env', async () => {
    const cwd = makeTempDir({ '.env': 'ZOOM_MEETING_SDK_KEY=DotenvKey0123456789\nZOOM_MEETING_SDK_SECRET=DotenvSecret0123456789\n' });
    const result = await runCli([...WEB, '--json'], { cwd, env: MEETING_ENV });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { sdkKey: string }).sdkKey).toBe(KEY);
  });

  it('--secret-file with a trailing newline works and says the newline was removed', async () => {
    const dir = makeTempDir({ 'zoom.secret': `${SECRET}\n` });
    const path = join(dir, 'zoom.secret');
    const [fromFile, fromEnv] = await Promise.all([
      runCli([...WEB, '--secret-file', path], { env: { ZOOM_MEETING_SDK_KEY: KEY } }),
      runCli(WEB, { env: MEETING_ENV }),
    ]);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toBe(fromEnv.stdout);
    expect(fromFile.stderr).toMatch(/removed the trailing newline/);
    expect(fromFile.stderr).toContain(path);
  });

  it('--secret-file without a trailing newline says nothing', async () => {
    const dir = makeTempDir({ 'zoom.secret': SECRET });
    const result = await runCli([...WEB, '--secret-file', join(dir, 'zoom.secret')], { env: { ZOOM_MEETING_SDK_KEY: KEY } });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('--secret on the command line works but warns on stderr', async () => {
    const [flag, fromEnv] = await Promise.all([
      runCli([...WEB, '--key', KEY, '--secret', SECRET]),
      runCli(WEB, { env: MEETING_ENV }),
    ]);
    expect(flag.code).toBe(0);
    expect(flag.stdout).toBe(fromEnv.stdout);
    expect(flag.stderr).toMatch(/^warning: .*command line.*shell history/m);
    expect(flag.stderr).not.toContain(SECRET);
  });

  it('--secret on the command line warns once, even when a usage error stops the run first (--quiet drops it)', async () => {
    const [usage, twice, quiet] = await Promise.all([
      runCli(['verify', '--secret', SECRET, '--skew', '-5', 'x']),
      runCli(['verify', '--secret', SECRET, '--ignore-exp', 'x']),
      runCli(['verify', '--quiet', '--secret', SECRET, '--skew', '-5', 'x']),
    ]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^warning: .*command line.*shell history/m);
    expect(usage.stderr).toMatch(/--skew/);
    expect(twice.stderr.match(/shell history/g)).toHaveLength(1);
    expect(quiet.code).toBe(2);
    expect(quiet.stderr).not.toMatch(/warning/);
    for (const result of [usage, twice, quiet]) expect(result.stderr + result.stdout).not.toContain(SECRET);
  });

  it('--key overrides ZOOM_MEETING_SDK_KEY', async () => {
    const result = await runCli([...WEB, '--key', 'OtherKey0123456789', '--json'], { env: MEETING_ENV });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { payload: Record<string, unknown> }).payload).toMatchObject({
      appKey: 'OtherKey0123456789',
      sdkKey: 'OtherKey0123456789',
    });
  });
});

describe.concurrent('zoomsig generate: bad input exits 2 with one line', () => {
  const cases: [name: string, args: string[], env: Record<string, string>, expected: RegExp[]][] = [
    ['--expires-in 10m', [...WEB, '--expires-in', '10m'], MEETING_ENV, [/--expires-in/, /30 minutes to 48 hours/, /600/]],
    ['--expires-in 49h', [...WEB, '--expires-in', '49h'], MEETING_ENV, [/--expires-in/, /30 minutes to 48 hours/, /176400/]],
    ['--expires-in banana', [...WEB, '--expires-in', 'banana'], MEETING_ENV, [/--expires-in/, /2h/, /90m/, /banana/]],
    [
      '--meeting abc',
      ['generate', ...NOW_ARGS, '--meeting', 'abc', '--role', '0'],
      MEETING_ENV,
      [/--meeting/, /meeting number/, /join URL/, /"abc"/],
    ],
    [
      '--role 2',
      ['generate', ...NOW_ARGS, '--meeting', '85746065012', '--role', '2'],
      MEETING_ENV,
      [/--role/, /\b0\b/, /\b1\b/, /participant/, /host/, /"2"/],
    ],
    ['--sdk zoom', [...WEB, '--sdk', 'zoom'], MEETING_ENV, [/--sdk/, /"meeting" or "video"/, /"zoom"/]],
    ['--product zoom', [...WEB, '--product', 'zoom'], MEETING_ENV, [/"meeting" or "video"/]],
    ['missing key', WEB, { ZOOM_MEETING_SDK_SECRET: SECRET }, [/key/i, /missing/, /--key/, /ZOOM_MEETING_SDK_KEY/]],
    ['missing secret', WEB, { ZOOM_MEETING_SDK_KEY: KEY }, [/secret/i, /missing/, /ZOOM_MEETING_SDK_SECRET/, /--secret-file/]],
    [
      'empty ZOOM_MEETING_SDK_SECRET',
      WEB,
      { ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: '' },
      [/ZOOM_MEETING_SDK_SECRET is set but empty/],
    ],
    [
      'missing --meeting for web',
      ['generate', ...NOW_ARGS, '--role', '0'],
      MEETING_ENV,
      [/meeting number/, /--meeting/, /--native/],
    ],
    ['missing --role for web', ['generate', ...NOW_ARGS, '--meeting', '85746065012'], MEETING_ENV, [/role/, /--role 0/, /--role 1/]],
    ['--topic missing for video', ['generate', ...NOW_ARGS, '--sdk', 'video'], VIDEO_ENV, [/--topic/, /session name/]],
    ['--meeting with --sdk video', ['generate', ...NOW_ARGS, '--sdk', 'video', '--topic', 't', '--meeting', '85746065012'], VIDEO_ENV, [/--meeting/, /Meeting SDK/]],
    ['--topic without --sdk video', [...WEB, '--topic', 'room'], MEETING_ENV, [/--topic/, /--sdk video/]],
    ['--native with --meeting', ['generate', ...NOW_ARGS, '--native', '--meeting', '85746065012'], MEETING_ENV, [/--native/, /--meeting/]],
    ['--native with --role', ['generate', ...NOW_ARGS, '--native', '--role', '0'], MEETING_ENV, [/--native/, /--role/]],
    [
      '--secret-file nonexistent',
      ['generate', ...NOW_ARGS, '--native', '--secret-file', '/nonexistent/zoomsig/zoom.secret'],
      { ZOOM_MEETING_SDK_KEY: KEY },
      [/secret file/, /\/nonexistent\/zoomsig\/zoom\.secret/, /no such file/],
    ],
    ['unknown option --meting', ['generate', ...NOW_ARGS, '--meting', '85746065012', '--role', '0'], MEETING_ENV, [/--meting/, /Did you mean --meeting\?/]],
    ['extra positional', ['generate', ...NOW_ARGS, '--native', 'extra'], MEETING_ENV, [/takes no arguments/, /"extra"/]],
    ['--now garbage', ['generate', '--now', 'yesterday', '--native'], MEETING_ENV, [/--now/, /Unix seconds/, /ISO 8601/]],
    ['--format github (not for generate)', [...WEB, '--format', 'github'], MEETING_ENV, [/--format/, /text, json/]],
    ['--meeting without a value', ['generate', ...NOW_ARGS, '--role', '0', '--meeting'], MEETING_ENV, [/--meeting/, /needs a value/]],
  ];

  it.each(cases)('%s', async (_name, args, env, expected) => {
    const result = await runCli(args, { env });
    const line = usageErrorLine(result);
    for (const pattern of expected) expect(line).toMatch(pattern);
  });

  it('an empty secret file is refused', async () => {
    const dir = makeTempDir({ 'empty.secret': '\n' });
    const result = await runCli(['generate', ...NOW_ARGS, '--native', '--secret-file', join(dir, 'empty.secret')], {
      env: { ZOOM_MEETING_SDK_KEY: KEY },
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/is empty/);
    expect(result.stderr).not.toContain('    at ');
  });
});
