/**
 * A canary secret, known to zoomsig (ZOOM_MEETING_SDK_SECRET), put where a
 * cut or an echo could let it out: in a token's claims, in an endpoint's
 * error body, as the --secret-file path, and as the value of every option
 * of every command. Neither the canary nor any 8-character piece of it may
 * reach stdout, stderr or a written file (the JUnit report): the mask runs
 * on whole values before anything is cut, and on the pieces a cut leaves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { OPTIONS, type OptionName } from '../../src/cli/options.js';
import { cleanupTempDirs, KEY, makeTempDir, meetingPayload, NOW_ARGS, runCli, signJwt, type RunResult } from './helpers.js';

afterAll(cleanupTempDirs);

/** Random-looking, so that no 8-character piece of it turns up in output by chance. */
const CANARY = 'Kq7VtZ3xW9pLm2RbN8cYf4HsJ6dGa1Ue';
const PIECES = Array.from({ length: CANARY.length - 7 }, (_, index) => CANARY.slice(index, index + 8));
const ENV = { ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: CANARY };

function assertNoLeak(name: string, text: string): void {
  for (const piece of PIECES) expect(text.includes(piece), `${name} holds "${piece}", a piece of the canary:\n${text}`).toBe(false);
}

function assertRunNoLeak(result: RunResult): void {
  expect(result.code, result.stderr).not.toBeNull();
  assertNoLeak('stdout', result.stdout);
  assertNoLeak('stderr', result.stderr);
}

/** Every file in a directory, read back: what zoomsig wrote there. */
function assertFilesNoLeak(dir: string): void {
  for (const name of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (name.isFile()) assertNoLeak(name.name, readFileSync(join(name.parentPath, name.name), 'utf8'));
  }
}

describe.concurrent('the canary in a token\'s claims', () => {
  // A meeting number and a claim long enough that a cut at 39 (findings) or 200 (decode) falls inside the canary.
  const payload = meetingPayload({ mn: `${'7'.repeat(20)}${CANARY}`, user_note: `${'y'.repeat(190)}${CANARY}tail`, [`k${CANARY}`]: 1 });
  const token = signJwt(payload, CANARY);
  const notJson = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(`${'n'.repeat(50)}${CANARY}`).toString('base64url')}.c2ln`;
  const arrayPayload = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify([`${'a'.repeat(50)}${CANARY}`])).toString('base64url')}.c2ln`;

  it.each([
    ['decode', []],
    ['decode', ['--json']],
    ['verify', []],
    ['verify', ['--json']],
    ['verify', ['--format', 'github']],
    ['doctor', []],
    ['doctor', ['--verbose']],
    ['doctor', ['--json']],
    ['doctor', ['--format', 'github']],
  ] as const)('%s %j', async (command, args) => {
    for (const input of [token, notJson, arrayPayload]) assertRunNoLeak(await runCli([command, ...NOW_ARGS, ...args, input], { env: ENV }));
  });

  it('the cut claim is shown, masked: so the cases above did reach the cut', async () => {
    const result = await runCli(['doctor', ...NOW_ARGS, token], { env: ENV });
    expect(result.stdout).toMatch(/mn="7{20}Kq7V…a1Ue"/);
  });
});

describe('the canary in an endpoint\'s replies', () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    let posts = 0;
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      req.resume();
      const cors = { 'access-control-allow-origin': '*' };
      if (req.method === 'OPTIONS') {
        res.writeHead(500, { ...cors, 'content-type': 'text/plain' }).end(`${'o'.repeat(75)}${CANARY}`);
        return;
      }
      posts += 1;
      const replies = [
        () => res.writeHead(500, { ...cors, 'content-type': 'text/html' }).end(`<h1>Internal error</h1> ${'z'.repeat(50)}${CANARY} and more`),
        () => res.writeHead(200, { ...cors, 'content-type': 'text/plain' }).end(`${'p'.repeat(30)}${CANARY}`),
        () => res.writeHead(400, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ error: `${'e'.repeat(190)}${CANARY}` })),
        () => res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ [`field${CANARY}`]: CANARY })),
        () => res.writeHead(302, { ...cors, location: `http://other.example.invalid/${'l'.repeat(20)}${CANARY}` }).end(),
      ];
      replies[(posts - 1) % replies.length]?.();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${address !== null && typeof address === 'object' ? address.port : 0}/`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each([[[]], [['--json']], [['--format', 'github']]] as const)('check --endpoint %j, and its JUnit file', async (args) => {
    const dir = makeTempDir();
    const result = await runCli(['check', '--endpoint', url, ...NOW_ARGS, '--requests', '5', '--concurrency', '1', '--junit', join(dir, 'junit.xml'), ...args], {
      env: ENV,
      timeoutMs: 15_000,
    });
    expect(result.code).toBe(1);
    assertRunNoLeak(result);
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toContain('endpoint-http-error');
    assertFilesNoLeak(dir);
  });
});

describe('a canary that JSON and XML escape', () => {
  // A quote, a backslash, an ampersand and a less-than: JSON writes \" and \\, XML &quot;, &amp; and &lt;.
  const ODD = 'Wq"7VtZ\\3x&W9pL<m2RbN8cYf4HsJ6d';
  const escapedPieces = (text: string): string[] => Array.from({ length: text.length - 7 }, (_, index) => text.slice(index, index + 8));
  const forms = [ODD, JSON.stringify(ODD).slice(1, -1), ODD.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')];
  function assertNoOddLeak(name: string, text: string): void {
    for (const piece of forms.flatMap(escapedPieces)) expect(text.includes(piece), `${name} holds "${piece}"`).toBe(false);
  }

  it('is masked in decode --json and in the JUnit file of check', async () => {
    const env = { ZOOM_MEETING_SDK_KEY: KEY, ZOOM_MEETING_SDK_SECRET: ODD };
    const token = signJwt(meetingPayload({ note: ODD }), ODD);
    const decoded = await runCli(['decode', ...NOW_ARGS, '--json', token], { env });
    expect(decoded.code).toBe(0);
    assertNoOddLeak('decode --json', decoded.stdout + decoded.stderr);

    const server = createServer((req, res) => {
      req.resume();
      res.writeHead(500, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' }).end(`failed: ${ODD}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const dir = makeTempDir();
    const checked = await runCli(
      ['check', '--endpoint', `http://127.0.0.1:${address !== null && typeof address === 'object' ? address.port : 0}/`, ...NOW_ARGS, '--requests', '1', '--junit', join(dir, 'junit.xml'), '--json'],
      { env, timeoutMs: 15_000 },
    );
    server.close();
    expect(checked.code).toBe(1);
    assertNoOddLeak('check --json', checked.stdout + checked.stderr);
    assertNoOddLeak('junit.xml', readFileSync(join(dir, 'junit.xml'), 'utf8'));
  });
});

describe.concurrent('the canary as the --secret-file path', () => {
  const token = signJwt(meetingPayload(), CANARY);
  it.each([
    ['known from the environment', ENV],
    ['known nowhere else', { ZOOM_MEETING_SDK_KEY: KEY }],
  ])('%s: the path is not echoed', async (_name, env) => {
    for (const args of [['--secret-file', CANARY], [`--secret-file=${CANARY}`]]) {
      const result = await runCli(['verify', ...NOW_ARGS, ...args, token], { env });
      expect(result.code).toBe(2);
      assertRunNoLeak(result);
    }
  });

  it('read from a --secret-file, the canary is masked in every later option', async () => {
    const dir = makeTempDir({ 'canary.secret': `${CANARY}\n` });
    const result = await runCli(['verify', ...NOW_ARGS, '--secret-file', join(dir, 'canary.secret'), '--skew', CANARY, token], { env: { ZOOM_MEETING_SDK_KEY: KEY } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--skew takes a whole number/);
    assertRunNoLeak(result);
  });
});

/** Each option once, on a command that takes it; and what each command is given besides. */
const OPTION_CASES = (() => {
  const seen = new Set<string>();
  const cases: [command: string, option: OptionName][] = [];
  // The options every command takes, whether a command lists them or the program adds them.
  const everywhere = ['json', 'format', 'no-color', 'quiet'].filter((name): name is OptionName => Object.hasOwn(OPTIONS, name));
  for (const command of COMMANDS) {
    for (const option of new Set<OptionName>([...command.options, ...everywhere])) {
      // Options validated per command: tried on every command that takes them.
      const key = ['format', 'sdk', 'now', 'meeting', 'role', 'timeout', 'endpoint', 'origin'].includes(option) ? `${command.name} ${option}` : option;
      if (seen.has(key) || (option as string) === 'help') continue;
      seen.add(key);
      cases.push([command.name, option]);
    }
  }
  return cases;
})();

const BASE_ARGS: Record<string, string[]> = {
  generate: ['--meeting', '85746065012', '--role', '0'],
  verify: [signJwt(meetingPayload(), CANARY)],
  doctor: [signJwt(meetingPayload(), CANARY)],
  decode: [signJwt(meetingPayload(), CANARY)],
  explain: ['3712'],
  check: ['--endpoint', 'http://127.0.0.1:9/'],
  serve: ['--port', 'not-a-port'],
};

describe.concurrent('the canary as the value of every option', () => {
  it.each(OPTION_CASES)('%s --%s', async (command, option) => {
    const dir = makeTempDir();
    const value = OPTIONS[option].type === 'boolean' ? [`--${option}=${CANARY}`] : [`--${option}`, CANARY];
    const result = await runCli([command, ...NOW_ARGS, ...value, ...(BASE_ARGS[command] ?? [])], { env: ENV, cwd: dir, timeoutMs: 8_000 });
    assertRunNoLeak(result);
    assertFilesNoLeak(dir);
  });

  it.each(COMMANDS.map((command) => [command.name]))('%s with the canary as an unknown option, and as an argument', async (command) => {
    for (const args of [[`--${CANARY}`], [`--bogus=${CANARY}`], [CANARY], [CANARY, CANARY]]) {
      assertRunNoLeak(await runCli([command, ...args, ...(BASE_ARGS[command] ?? [])], { env: ENV, timeoutMs: 8_000 }));
    }
  });
});
