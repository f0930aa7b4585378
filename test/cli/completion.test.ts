/**
 * zoomsig completion: the scripts are made from the commander program. Each
 * is loaded in its shell and asked to complete, as the shell would at a Tab:
 * bash through its completion function, zsh at a real interactive prompt
 * (support/complete-in-zsh.zsh), fish with `complete -C`. Without zsh or fish
 * their tests skip, unless ZOOMSIG_SHELL_TESTS=required (as .ci/run sets).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, makeTempDir, runCli, usageErrorLine } from './helpers.js';

afterAll(cleanupTempDirs);

const has = (shell: string): boolean => spawnSync(shell, ['-c', 'exit 0']).status === 0;
const SHELLS_REQUIRED = process.env.ZOOMSIG_SHELL_TESTS === 'required';
/** A test that runs when the shell is here; without it, skips, or fails when the shells are required. */
const withShell =
  (shell: string) =>
  (name: string, test: () => Promise<void>): void => {
    if (has(shell)) it(name, test);
    else if (!SHELLS_REQUIRED) it.skip(name, test);
    else {
      it(name, () => {
        throw new Error(`ZOOMSIG_SHELL_TESTS=required, but there is no ${shell}: apt-get install -y ${shell}.`);
      });
    }
  };

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

/** What each shell offers for each line typed (the last word being completed), in the order of the lines. */
type Completer = (path: string, lines: readonly string[]) => string[][];

/** Splits "<line N>"-separated output into each line's sorted matches. */
function perLine(stdout: string, count: number): string[][] {
  const blocks = stdout.split(/^<line( \d+)?>\n/m).filter((_, index) => index > 0 && index % 2 === 0);
  expect(blocks).toHaveLength(count);
  return blocks.map((block) => block.split('\n').filter((match) => match !== '').sort());
}

const completeInZsh: Completer = (path, lines) => {
  const harness = fileURLToPath(new URL('support/complete-in-zsh.zsh', import.meta.url));
  const result = spawnSync('zsh', ['-f', harness, path, ...lines], { encoding: 'utf8', timeout: 20_000 });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return perLine(result.stdout, lines.length);
};

const completeInFish: Completer = (path, lines) => {
  // complete -C prints "match<TAB>description": the match alone is kept.
  const result = spawnSync('fish', ['--no-config', '-c', `source ${path}; for line in $argv; echo '<line>'; complete -C"$line"; end`, ...lines], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return perLine(result.stdout.replace(/\t.*$/gm, ''), lines.length);
};

const COMMAND_NAMES = ['check', 'completion', 'decode', 'doctor', 'explain', 'generate', 'help', 'serve', 'ui', 'verify'];

/** Lines typed and what completing their last word offers, the same in every shell. */
const CASES: [line: string, matches: string[]][] = [
  ['zoomsig dec', ['decode']],
  ['zoomsig doctor --fo', ['--format']],
  ['zoomsig doctor --format ', ['github', 'json', 'text']],
  ['zoomsig generate --format ', ['json', 'text']],
  ['zoomsig verify --sdk v', ['video']],
  ['zoomsig completion ', ['bash', 'fish', 'zsh']],
  ['zoomsig help ser', ['serve']],
  // Global options, and the value of one, before the command.
  ['zoomsig --format json doctor --ver', ['--verbose']],
  ['zoomsig --json d', ['decode', 'doctor']],
  ['zoomsig --json ', COMMAND_NAMES],
  ['zoomsig --format ', ['github', 'json', 'text']],
  ['zoomsig --', ['--format', '--help', '--json', '--no-color', '--quiet', '--version']],
];

describe.each([
  ['zsh', completeInZsh],
  ['fish', completeInFish],
] as const)('zoomsig completion %s, run in that shell', (shell, complete) => {
  withShell(shell)('completes commands, options and the values of options with choices, as bash does', async () => {
    const path = await script(shell);
    const got = complete(path, CASES.map(([line]) => line));
    CASES.forEach(([line, matches], index) => expect(got[index], line).toEqual(matches));
    // bash agrees on every case.
    const bash = await script('bash');
    for (const [line, matches] of CASES) expect(completeInBash(bash, ...line.split(' ')).sort(), `bash: ${line}`).toEqual(matches);
  });

  withShell(shell)('knows every option of every command: the same list as the help', async () => {
    const path = await script(shell);
    const commands = ['generate', 'decode', 'verify', 'doctor', 'explain', 'check', 'serve'];
    const got = complete(path, commands.map((command) => `zoomsig ${command} --`));
    for (const [index, command] of commands.entries()) {
      const { stdout } = await runCli([command, '--help']);
      const inHelp = [...stdout.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1] as string);
      expect(got[index], command).toEqual([...new Set(inHelp)].sort());
    }
  });
});

describe('zoomsig completion zsh and fish', () => {

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
