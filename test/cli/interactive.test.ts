/**
 * zoomsig generate at a real terminal: the built CLI in a pseudo-terminal,
 * answered as a person would. The tokens are checked with node:crypto alone,
 * and the typed secret must never be drawn on the screen.
 */
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  BIN,
  cleanupTempDirs,
  KEY,
  makeTempDir,
  meetingPayload,
  MODULE_RECORDER,
  NOW,
  NOW_ARGS,
  PROMPT_LIBRARY,
  readLoadedModules,
  SECRET,
  segmentJson,
  signJwt,
  VIDEO_KEY,
  VIDEO_SECRET,
} from './helpers.js';
import { Terminal } from './terminal.js';

const IAT = NOW - 30;
/** A piece from the middle of the secret, which no mask shows. */
const SECRET_MIDDLE = SECRET.slice(8, 20);
const TEST_TIMEOUT_MS = 45_000;

const open: Terminal[] = [];
function zoomsig(args: readonly string[], options: Partial<Parameters<typeof Terminal.zoomsig>[1]> = {}): Terminal {
  const terminal = Terminal.zoomsig(args, { cwd: makeTempDir(), ...options });
  open.push(terminal);
  return terminal;
}

afterEach(() => {
  for (const terminal of open.splice(0)) terminal.kill();
});
afterAll(cleanupTempDirs);

/** The one JWT on the screen, checked by hand: HS256 over header.payload with `secret`. */
function tokenOn(screen: string, secret: string): string {
  const tokens = screen.match(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g) ?? [];
  expect(new Set(tokens).size).toBe(1);
  const token = tokens[0] as string;
  const [header, payload, mac] = token.split('.') as [string, string, string];
  expect(mac).toBe(createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url'));
  return token;
}

describe('zoomsig generate at a terminal', () => {
  it(
    'asks for every missing value, checks answers as typed, and never shows the secret',
    async () => {
      const modulesOut = join(makeTempDir(), 'modules.json');
      const terminal = zoomsig(['generate', ...NOW_ARGS], {
        nodeArgs: ['--require', MODULE_RECORDER],
        env: { ZOOMSIG_TEST_MODULES_OUT: modulesOut },
      });
      await terminal.waitFor('Which SDK is the signature for?');
      terminal.press('enter');
      await terminal.answer("Meeting SDK key (the app's Client ID):", KEY);
      await terminal.answer('Meeting SDK secret', SECRET);

      await terminal.answer('Meeting number or join URL:', 'abc');
      await terminal.waitFor('"abc" is not a meeting number: type its digits');
      terminal.press('backspace', 'backspace', 'backspace');
      terminal.type('857 4606 5012');
      terminal.press('enter');

      await terminal.waitFor('Role?');
      terminal.press('down', 'enter');
      // The lifetime has a default (2 h): not asked.

      expect(await terminal.exitCode()).toBe(0);
      const { screen } = terminal;
      const token = tokenOn(screen, SECRET);
      expect(segmentJson(token, 1)).toEqual({
        appKey: KEY,
        sdkKey: KEY,
        mn: '85746065012',
        role: 1,
        iat: IAT,
        exp: IAT + 7200,
        tokenExp: IAT + 7200,
      });
      expect(screen).not.toContain('Valid for');
      expect(screen).toContain(
        `ZOOM_MEETING_SDK_SECRET=… zoomsig generate --key ${KEY} --meeting 85746065012 --role 1 --now ${NOW_ARGS[1]}`,
      );
      expect(screen).not.toContain(SECRET_MIDDLE);

      // The check of test/cli/startup.test.ts does see the prompt library when a question is asked.
      const loaded = readLoadedModules(modulesOut);
      expect(loaded.files.some((file) => PROMPT_LIBRARY.test(file))).toBe(true);
      expect(loaded.builtins).toContain('NativeModule readline');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'does not ask again for what the flags and .env give',
    async () => {
      const cwd = makeTempDir({ '.env': `ZOOM_VIDEO_SDK_KEY=${VIDEO_KEY}\nZOOM_VIDEO_SDK_SECRET=${VIDEO_SECRET}\n` });
      const terminal = zoomsig(['generate', '--sdk', 'video', ...NOW_ARGS], { cwd });
      await terminal.answer('Session name (tpc)', "Bob's room 7");
      // The role (0) and the lifetime (2 h) have defaults: not asked.

      expect(await terminal.exitCode()).toBe(0);
      const { screen } = terminal;
      expect(screen).not.toMatch(/Which SDK|Client ID|Client Secret|Role\?|Valid for/);
      expect(segmentJson(tokenOn(screen, VIDEO_SECRET), 1)).toEqual({
        app_key: VIDEO_KEY,
        role_type: 0,
        tpc: "Bob's room 7",
        version: 1,
        iat: IAT,
        exp: IAT + 7200,
      });
      expect(screen).toContain(`zoomsig generate --sdk video --topic 'Bob'\\''s room 7' --now ${NOW_ARGS[1]}`);
      expect(screen).not.toContain('SECRET=…');
      expect(screen).not.toContain(VIDEO_SECRET.slice(8, 20));
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'an empty meeting number after --sdk meeting makes a native token',
    async () => {
      const terminal = zoomsig(['generate', '--sdk', 'meeting', ...NOW_ARGS], {
        env: { ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: SECRET },
      });
      await terminal.answer('leave empty for a native SDK token', '');
      expect(await terminal.exitCode()).toBe(0);
      expect(segmentJson(tokenOn(terminal.screen, SECRET), 1)).toEqual({
        appKey: KEY,
        sdkKey: KEY,
        iat: IAT,
        exp: IAT + 7200,
        tokenExp: IAT + 7200,
      });
      expect(terminal.screen).toContain(`zoomsig generate --native --now ${NOW_ARGS[1]}`);
    },
    TEST_TIMEOUT_MS,
  );

  it.each([['ctrl-c'], ['ctrl-d']] as const)(
    '%s at a question exits 130 with one line and no stack',
    async (key) => {
      const terminal = zoomsig(['generate', '--meeting', '85746065012'], { env: { ZOOM_MEETING_SDK_KEY: KEY } });
      await terminal.waitFor('Meeting SDK secret');
      terminal.press(key);
      expect(await terminal.exitCode()).toBe(130);
      expect(terminal.screen).toContain('zoomsig: cancelled; no signature was generated.');
      expect(terminal.screen).not.toMatch(/^\s+at /m);
      expect(terminal.screen).not.toMatch(/Error/);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('zoomsig generate asks nothing unless stdin and stdout are both a terminal, and not in CI', () => {
  const missingKey = /zoomsig: The SDK key \/ Client ID is missing: give it with --key, ZOOM_MEETING_SDK_KEY or a \.env file\./;

  const zoomsigGenerate = `"${process.execPath}" "${BIN}" generate`;
  it.each([
    ['stdout piped', `{ ${zoomsigGenerate}; echo "exit=$?"; } | cat`, {}],
    ['stdin piped', `true | ${zoomsigGenerate}; echo "exit=$?"`, {}],
    ['CI=true', `${zoomsigGenerate}; echo "exit=$?"`, { CI: 'true' }],
  ])(
    '%s: exit 2 naming the flag and the variable',
    async (_name, commandLine, env: Record<string, string>) => {
      const terminal = Terminal.shell(commandLine, { cwd: makeTempDir(), env });
      open.push(terminal);
      await terminal.waitFor(missingKey);
      await terminal.waitFor('exit=2');
      expect(await terminal.exitCode()).toBe(0);
      expect(terminal.screen).not.toMatch(/Which SDK|\?/);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('zoomsig doctor at a terminal', () => {
  it(
    'asks for the token, then the questions, and reports the answer that explains 3712 with the token checks',
    async () => {
      const token = signJwt(meetingPayload(), SECRET);
      const terminal = zoomsig(['doctor', ...NOW_ARGS], { env: { ZOOM_MEETING_SDK_SECRET: SECRET } });
      await terminal.answer('Paste the signature', token);
      await terminal.waitFor('Does Zoom still refuse to join with it');
      terminal.press('enter'); // Yes
      await terminal.waitFor('Which kind of app');
      terminal.press('down', 'down', 'down', 'enter'); // Server-to-Server OAuth app
      await terminal.waitFor('Whose meeting is it?');
      terminal.press('enter'); // the app's own account
      await terminal.waitFor('Does the user join the meeting');
      terminal.press('enter'); // join
      await terminal.waitFor('Which Meeting SDK?');
      terminal.press('enter'); // web
      await terminal.answer('Which Web SDK version', '5.1.0');

      expect(await terminal.exitCode()).toBe(1);
      const { screen } = terminal;
      expect(screen).toMatch(/signature +matches ZOOM_MEETING_SDK_SECRET/);
      expect(screen).toMatch(/✗ wrong-app-type +The credentials come from a Server-to-Server OAuth app/);
      expect(screen).not.toContain(SECRET_MIDDLE);
    },
    TEST_TIMEOUT_MS,
  );
});


describe('the shell at a terminal', () => {
  const token = signJwt(meetingPayload(), SECRET);
  const rawOf = (terminal: Terminal): string => (terminal as unknown as { raw: string }).raw;

  it(
    'colour is decided for each stream from that stream: stderr to a file gets none, stdout at the terminal gets it',
    async () => {
      const cwd = makeTempDir();
      // stdin not a terminal: no questions, only the report.
      const zoomsigDoctor = `"${process.execPath}" "${BIN}" doctor ${token} --secret ${SECRET} ${NOW_ARGS.join(' ')} </dev/null`;
      const toFile = Terminal.shell(`${zoomsigDoctor} 2>err.txt; echo "exit=$?"`, { cwd });
      open.push(toFile);
      await toFile.waitFor('exit=0');
      expect(rawOf(toFile)).toMatch(/\u001b\[3\dm/);
      const { readFileSync } = await import('node:fs');
      const err = readFileSync(join(cwd, 'err.txt'), 'utf8');
      expect(err).toMatch(/^warning: a secret on the command line/m);
      expect(err).not.toMatch(/\u001b/);

      const stdoutToFile = Terminal.shell(`${zoomsigDoctor} >out.txt; echo "exit=$?"`, { cwd });
      open.push(stdoutToFile);
      await stdoutToFile.waitFor('exit=0');
      expect(rawOf(stdoutToFile)).toMatch(/\u001b\[33mwarning:/);
      expect(readFileSync(join(cwd, 'out.txt'), 'utf8')).not.toMatch(/\u001b/);
    },
    TEST_TIMEOUT_MS,
  );

  // The variables are set in the command line: node-pty sets TERM itself.
  it.each([
    ['--no-color', '', '--no-color'],
    ['NO_COLOR=1', 'NO_COLOR=1', ''],
    ['TERM=dumb', 'TERM=dumb', ''],
  ] as const)(
    '%s: no colour at a terminal either',
    async (_name, variable, flag) => {
      const cwd = makeTempDir();
      const terminal = Terminal.shell(`${variable} "${process.execPath}" "${BIN}" doctor ${token} --secret ${SECRET} ${NOW_ARGS.join(' ')} ${flag} </dev/null; echo "exit=$?"`, { cwd });
      open.push(terminal);
      await terminal.waitFor('exit=0');
      expect(terminal.screen).toMatch(/warning: a secret on the command line/);
      expect(rawOf(terminal)).not.toMatch(/\u001b\[(3\d|1|2)m/);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'FORCE_COLOR paints a file too',
    async () => {
      const cwd = makeTempDir();
      const terminal = Terminal.shell(`"${process.execPath}" "${BIN}" doctor ${token} ${NOW_ARGS.join(' ')} >out.txt 2>err.txt </dev/null; echo "exit=$?"`, { cwd, env: { FORCE_COLOR: '1' } });
      open.push(terminal);
      await terminal.waitFor('exit=0');
      const { readFileSync } = await import('node:fs');
      expect(readFileSync(join(cwd, 'out.txt'), 'utf8')).toMatch(/\u001b\[3\dm/);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'Ctrl-C at a text prompt exits 130 at once, whatever is typed after it',
    async () => {
      const terminal = zoomsig(['generate', '--sdk', 'meeting', '--role', '0', ...NOW_ARGS], { env: { ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: SECRET } });
      await terminal.waitFor('Meeting number or join URL');
      terminal.type('\u0003abc\rdef\r');
      expect(await terminal.exitCode(3_000)).toBe(130);
      expect(terminal.screen).toContain('zoomsig: cancelled; no signature was generated.');
    },
    TEST_TIMEOUT_MS,
  );

  it.each([
    ['pretty-printed JSON', `{\r  "signature": "${token}",\r  "sdkKey": "${KEY}"\r}\r`],
    ['a token wrapped over two lines', `${token.slice(0, 100)}\r${token.slice(100)}\r`],
  ])(
    "doctor's paste prompt takes %s whole",
    async (_name, paste) => {
      const terminal = zoomsig(['doctor', ...NOW_ARGS], { env: { ZOOM_MEETING_SDK_SECRET: SECRET } });
      await terminal.waitFor('Paste the signature');
      terminal.type(paste);
      await terminal.waitFor('Does Zoom still refuse to join with it');
      terminal.press('down', 'enter'); // No, I was only checking
      expect(await terminal.exitCode()).toBe(0);
      expect(terminal.screen).toMatch(/signature +matches ZOOM_MEETING_SDK_SECRET/);
    },
    TEST_TIMEOUT_MS,
  );

  it.each([['decode'], ['doctor']])(
    '%s - at a terminal says "paste, then Ctrl-D" and waits without a timeout',
    async (command) => {
      const terminal = zoomsig([command, '-', '--ignore-exp', ...NOW_ARGS].filter((arg) => command === 'doctor' || arg !== '--ignore-exp'), {
        env: { ZOOMSIG_STDIN_TIMEOUT_MS: '200' },
      });
      await terminal.waitFor(`Paste the token, then press Ctrl-D (on a line of its own) to ${command} it:`);
      // Longer than the timeout for a silent pipe: a person takes their time.
      await new Promise((resolve) => setTimeout(resolve, 800));
      terminal.type(`${token}\r`);
      terminal.press('ctrl-d');
      expect(await terminal.exitCode()).toBe(0);
      expect(terminal.screen).toMatch(/Meeting SDK signature/);
      expect(terminal.screen).not.toMatch(/nothing arrived/);
    },
    TEST_TIMEOUT_MS,
  );
});
