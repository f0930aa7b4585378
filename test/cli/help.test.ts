import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, runCli, usageErrorLine, cleanupTempDirs } from './helpers.js';

afterAll(cleanupTempDirs);

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const COMMANDS = ['generate', 'decode', 'verify', 'serve', 'check', 'ui'] as const;

describe.concurrent('zoomsig help and version', () => {
  it.each([['--help'], ['-h'], ['help']])('%s exits 0 with usage, commands and examples', async (flag) => {
    const result = await runCli([flag]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: zoomsig <command>/m);
    expect(result.stdout).toContain('Examples:');
    for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\s`, 'm'));
    expect(result.stdout).toMatch(/Exit codes/);
  });

  it.each(COMMANDS)('%s --help exits 0 with its usage, options and examples', async (command) => {
    const result = await runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`Usage: zoomsig ${command}`);
    expect(result.stdout).toContain('Options:');
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toMatch(/--help/);
  });

  it.each(COMMANDS)('help %s is the same as %s --help', async (command) => {
    const [a, b] = await Promise.all([runCli(['help', command]), runCli([command, '--help'])]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('generate --help lists its options', async () => {
    const { stdout } = await runCli(['generate', '--help']);
    for (const option of ['--sdk', '--product', '--key', '--secret', '--secret-file', '--meeting', '--role', '--expires-in', '--webrtc', '--native', '--topic', '--now', '--json']) {
      expect(stdout).toContain(option);
    }
  });

  it('generate --help explains interactive mode, with an example', async () => {
    const { stdout } = await runCli(['generate', '--help']);
    const wrapped = (text: string): RegExp => new RegExp(text.split(' ').map((word) => word.replace(/[.()]/g, '\\$&')).join('\\s+'));
    expect(stdout).toMatch(wrapped('Interactive mode: on a terminal, whatever the flags, the environment and .env leave out is asked for'));
    expect(stdout).toMatch(wrapped('Without a terminal (pipes, CI) nothing is asked'));
    expect(stdout).toMatch(/^ {2}zoomsig generate +# on a terminal: asks for what is missing$/m);
  });

  it('verify --help lists its options', async () => {
    const { stdout } = await runCli(['verify', '--help']);
    for (const option of ['--secret', '--secret-file', '--key', '--ignore-exp', '--strict', '--format', '--json', '--now']) {
      expect(stdout).toContain(option);
    }
  });

  it('serve --help lists its options and a curl example', async () => {
    const { stdout } = await runCli(['serve', '--help']);
    for (const option of ['--port', '--host', '--key', '--secret-file', '--sdk', '--now']) expect(stdout).toContain(option);
    expect(stdout).toMatch(/^ {2}curl -s -X POST localhost:4000 /m);
  });

  it('check --help lists its options and both modes', async () => {
    const { stdout } = await runCli(['check', '--help']);
    for (const option of ['--endpoint', '--requests', '--concurrency', '--timeout', '--origin', '--junit', '--key', '--secret-file', '--sdk', '--strict', '--format']) {
      expect(stdout).toContain(option);
    }
    expect(stdout).toMatch(/^ {2}zoomsig check --endpoint http:\/\/localhost:4000 --requests 20$/m);
  });

  it('-h works after a command too', async () => {
    const result = await runCli(['decode', '-h']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: zoomsig decode');
  });

  it.each([['--version'], ['-V'], ['version']])('%s prints the package.json version', async (flag) => {
    const result = await runCli([flag]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${pkg.version}\n`);
  });

  it('unknown command "decod" suggests "decode" and exits 2', async () => {
    const line = usageErrorLine(await runCli(['decod']));
    expect(line).toMatch(/unknown command "decod"/);
    expect(line).toMatch(/Did you mean "zoomsig decode"\?/);
  });

  it('an unknown command far from any other has no suggestion but points to --help', async () => {
    const line = usageErrorLine(await runCli(['frobnicate']));
    expect(line).toMatch(/unknown command "frobnicate"/);
    expect(line).not.toMatch(/Did you mean/);
    expect(line).toMatch(/zoomsig --help/);
  });

  it('no arguments prints usage on stderr and exits 2', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: zoomsig <command>/m);
    expect(result.stderr).not.toContain('    at ');
  });

  it('--help output has no colour codes with NO_COLOR', async () => {
    const result = await runCli(['generate', '--help']);
    expect(result.stdout).not.toMatch(/\u001b\[/);
    expect(lines(result.stdout).length).toBeGreaterThan(10);
  });
});
