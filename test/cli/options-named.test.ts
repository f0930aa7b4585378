/**
 * A command's program is made with only the options its arguments name
 * (program.ts, optionsNamed): commander must then do with those arguments
 * exactly what it does with every option made, whatever they are. Runs the
 * programs in process, from the command and option tables; main.ts parses a
 * refused run again with every option, which shell.test.ts shows in its
 * messages.
 */
import fc from 'fast-check';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandSpec } from '../../src/cli/commands.js';
import { Output, type Io } from '../../src/cli/io.js';
import { OPTIONS, type OptionSpec } from '../../src/cli/options.js';
import { createProgram, optionsNamed } from '../../src/cli/program.js';
import { CommanderError } from 'commander';

const io: Io = {
  env: {},
  cwd: '/',
  stdin: Object.assign(new PassThrough(), { isTTY: false }),
  stdout: Object.assign(new PassThrough(), { isTTY: false }),
  stderr: { write: () => true, isTTY: false },
  clock: () => new Date('2026-01-01T00:00:00Z'),
};

/** What commander made of the arguments: the values and operands the command got, or where it stopped. */
async function outcome(spec: CommandSpec, argv: readonly string[], named: boolean): Promise<unknown> {
  let ran: unknown;
  const args = [spec.name, ...argv];
  const program = createProgram([spec], {
    io,
    output: new Output(io, { noColor: true }),
    only: named ? optionsNamed(args) : undefined,
    action: async (_spec, values, positionals) => {
      ran = { values, positionals };
    },
  });
  program.configureOutput({ writeOut: () => undefined, writeErr: () => undefined, outputError: () => undefined });
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    return error instanceof CommanderError ? { refused: error.code } : { threw: (error as Error).message };
  }
  return ran;
}

function isRefusal(outcome: unknown): outcome is { refused: string } {
  return typeof outcome === 'object' && outcome !== null && 'refused' in outcome;
}

const EVERYDAY = COMMANDS.filter((spec) => ['decode', 'doctor', 'verify', 'explain', 'generate'].includes(spec.name));
const LONG = Object.keys(OPTIONS).map((name) => `--${name}`);
const SHORT = Object.values(OPTIONS as Record<string, OptionSpec>).flatMap((spec) => (spec.short ? [`-${spec.short}`] : []));

describe('optionsNamed', () => {
  it('names the long options given, and those whose short letter a one-dash argument holds, after -- too', () => {
    // `--secret -- --strict`: --secret takes "--" as its value, and --strict is an option.
    const named = optionsNamed(['doctor', 'T', '--json', '--format=github', '-qv', '--secret', '--', '--strict']);
    expect(named).toBeDefined();
    for (const name of ['json', 'format', 'quiet', 'verbose', 'secret', 'strict'] as const) expect(named?.(name)).toBe(true);
    for (const name of ['skew', 'key', 'no-color'] as const) expect(named?.(name)).toBe(false);
  });

  it.each([['--help'], ['-h'], ['-qh']])('makes every option when %s asks for the help, which lists them', (flag) => {
    expect(optionsNamed(['doctor', flag])).toBeUndefined();
  });

  it('leaves commander answering as with every option made, for any arguments', async () => {
    const word = fc.oneof(
      fc.constantFrom(...LONG, ...SHORT, '-qv', '-vq', '-x', '-5', '--', '-', '--bogus', 'T', '0', '1', 'json', 'github', 'text', 'video', 'x', '3712', '85746065012'),
      fc.constantFrom(...LONG).chain((flag) => fc.constantFrom(`${flag}=json`, `${flag}=1`, `${flag}=`)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EVERYDAY), fc.array(word, { maxLength: 6 }), async (spec, argv) => {
        const [named, every] = [await outcome(spec, argv, true), await outcome(spec, argv, false)];
        // A refusal is parsed again with every option by main.ts: only its kind must agree (its
        // message may lack a "Did you mean" that needs the other options). Anything else, exactly.
        if (isRefusal(named)) expect(isRefusal(every) && every.refused).toBe(named.refused);
        else expect(named).toEqual(every);
      }),
      { numRuns: 3_000 },
    );
  });
});
