/**
 * zoomsig completion: the scripts are made from the commander program. The
 * bash script is run in bash and asked to complete, as bash would.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, makeTempDir, runCli, usageErrorLine } from './helpers.js';

afterAll(cleanupTempDirs);

const has = (shell: string): boolean => spawnSync(shell, ['-c', 'exit 0']).status === 0;

async function script(shell: string): Promise<string> {
  const result = await runCli(['completion', shell]);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  const path = join(makeTempDir(), `zoomsig.${shell}`);
  writeFileSync(path, result.stdout);
  return path;
}

/** What bash's completion offers for the words typed so far (the last one being completed). */
function completeInBash(path: string, ...words: string[]): string[] {
  const array = words.map((word) => `'${word}'`).join(' ');
  const result = spawnSync('bash', ['-c', `source "${path}"; COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _zoomsig; printf '%s\\n' "\${COMPREPLY[@]}"`], {
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter((line) => line !== '');
}

describe('zoomsig completion bash', () => {
  it('completes commands, options and the values of options with choices', async () => {
    const path = await script('bash');
    expect(completeInBash(path, 'zoomsig', 'dec')).toEqual(['decode']);
    expect(completeInBash(path, 'zoomsig', 'doctor', '--fo')).toEqual(['--format']);
    expect(completeInBash(path, 'zoomsig', 'doctor', '--format', '')).toEqual(['text', 'json', 'github']);
    expect(completeInBash(path, 'zoomsig', 'generate', '--format', '')).toEqual(['text', 'json']);
    expect(completeInBash(path, 'zoomsig', 'verify', '--sdk', 'v')).toEqual(['video']);
    expect(completeInBash(path, 'zoomsig', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
    expect(completeInBash(path, 'zoomsig', 'help', 'ser')).toEqual(['serve']);
    // A global option and its value before the command are skipped over.
    expect(completeInBash(path, 'zoomsig', '--format', 'json', 'doctor', '--ver')).toEqual(['--verbose']);
    expect(completeInBash(path, 'zoomsig', '--')).toEqual(expect.arrayContaining(['--json', '--no-color', '--quiet', '--help', '--version']));
  });

  it('knows every option of every command: the same list as the help', async () => {
    const path = await script('bash');
    for (const command of ['generate', 'decode', 'verify', 'doctor', 'explain', 'check', 'serve']) {
      const { stdout } = await runCli([command, '--help']);
      const inHelp = [...stdout.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]);
      expect(completeInBash(path, 'zoomsig', command, '--').sort(), command).toEqual([...new Set(inHelp)].sort());
    }
  });
});

describe('zoomsig completion zsh and fish', () => {
  it.skipIf(!has('zsh'))('zsh: the script parses', async () => {
    const result = spawnSync('zsh', ['-n', await script('zsh')], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.skipIf(!has('fish'))('fish: the script parses', async () => {
    const result = spawnSync('fish', ['--no-execute', await script('fish')], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('zsh and fish scripts name every command and the choices of --format', async () => {
    for (const shell of ['zsh', 'fish']) {
      const { stdout } = await runCli(['completion', shell]);
      for (const command of ['generate', 'decode', 'verify', 'doctor', 'explain', 'check', 'serve', 'completion']) expect(stdout, shell).toContain(command);
      expect(stdout, shell).toContain('text json github');
    }
  });

  it('an unknown shell is a usage error listing the three', async () => {
    expect(usageErrorLine(await runCli(['completion', 'tcsh']))).toBe(
      'zoomsig: completion takes bash, zsh, fish; got "tcsh". See "zoomsig completion --help".',
    );
  });
});
