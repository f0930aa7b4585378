/**
 * action.yml, the composite GitHub Action: its inputs are the check
 * command's options, no secret is an input, and the step's script, run here
 * with bash as the runner runs it, calls the built zoomsig check.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { GLOBAL_OPTIONS } from '../../src/cli/options.js';
import { cleanupTempDirs, makeTempDir, MEETING_ENV, SECRET, VIDEO_ENV } from './helpers.js';

afterAll(cleanupTempDirs);

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const action = readFileSync(join(ROOT, 'action.yml'), 'utf8');

/** The inputs block's names. */
const inputs = [...(/^inputs:\n((?: {2}.*\n|\n)*)/m.exec(action)?.[1] ?? '').matchAll(/^ {2}([\w-]+):$/gm)].map((match) => match[1] ?? '');

/** The check step: its env (name → input) and its script. */
const step = /- name: zoomsig check\n\s+id: zoomsig-check\n[\s\S]*?env:\n((?: {8}.*\n)+)\s+run: \|\n((?: {8}.*\n)+)/.exec(action);
const stepEnv = Object.fromEntries([...(step?.[1] ?? '').matchAll(/^ {8}(\w+): \$\{\{ inputs\.([\w-]+) \}\}$/gm)].map((match) => [match[1] ?? '', match[2] ?? '']));
const script = (step?.[2] ?? '').replace(/^ {8}/gm, '');

// check's own options and the global ones every command takes (--format).
const checkOptions = [...(COMMANDS.find((command) => command.name === 'check')?.options ?? []), ...GLOBAL_OPTIONS];

function runScript(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      cwd: makeTempDir(),
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', GITHUB_ACTION_PATH: ROOT, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('action.yml', () => {
  it('has the inputs the issue asks for, and no secret among them', () => {
    expect(inputs).toEqual(expect.arrayContaining(['endpoint', 'requests', 'meeting', 'role', 'sdk', 'junit']));
    expect(inputs.filter((name) => /secret|key|token/i.test(name))).toEqual([]);
  });

  it('passes every input but node-version to the script through env, and each becomes an option of zoomsig check', () => {
    expect(Object.values(stepEnv).sort()).toEqual(inputs.filter((name) => name !== 'node-version').sort());
    const passed = [...script.matchAll(/--([a-z-]+)/g)].map((match) => match[1] ?? '');
    for (const option of passed) expect(checkOptions).toContain(option);
    expect(script).not.toMatch(/\$\{\{/);
    expect(script).not.toMatch(/set -x|echo|printenv/);
  });

  it('runs zoomsig check on the credentials with GitHub annotations', async () => {
    const result = await runScript({ ...MEETING_ENV, ...VIDEO_ENV, ZOOMSIG_STRICT: 'false' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^::notice title=zoomsig::No problems: the Meeting SDK and Video SDK credentials make signatures that verify\.$/m);
  });

  it('runs it on an endpoint, fails the step on a problem, writes the JUnit report, never the secret', async () => {
    const server = createServer((_req, res) => res.writeHead(500, { 'access-control-allow-origin': '*' }).end('boom'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const url = `http://127.0.0.1:${address !== null && typeof address === 'object' ? address.port : 0}/`;
    const junit = join(makeTempDir(), 'reports', 'zoomsig.xml');
    try {
      const result = await runScript({ ...MEETING_ENV, ZOOMSIG_ENDPOINT: url, ZOOMSIG_REQUESTS: '3', ZOOMSIG_MEETING: '857 4606 5012', ZOOMSIG_ROLE: '0', ZOOMSIG_JUNIT: junit });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^::error title=zoomsig endpoint-http-error::3 of 3 requests: HTTP 500: "boom"\./m);
      expect(readFileSync(junit, 'utf8')).toContain('<failure type="error"');
      expect(result.stdout + result.stderr + readFileSync(junit, 'utf8')).not.toContain(SECRET);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
