/**
 * The entry point's logic: commander parses the arguments (program.ts), the
 * command runs, and any error becomes one line and exit code 2 (with --json,
 * also a JSON document on stdout). Returns the exit code; only
 * bin/zoomsig.js sets process.exitCode.
 */
import { type Command, CommanderError } from 'commander';
import { isZoomsigError, ZoomsigError } from '../core/errors.js';
import { COMMANDS, type CommandSpec } from './commands.js';
import { Environment, hasSecretArgument, protectKnownSecrets, warnSecretOnCommandLine } from './credentials.js';
import { isOutputError } from './descriptor-output.js';
import { EXIT } from './exit-codes.js';
import { Output, processIo, type Io } from './io.js';
import { optionArguments, type OptionValues } from './options.js';
import { commandsFor, createProgram, optionsNamed, parseOutcome, programArgs } from './program.js';

/** The command table, for the tests of the bundles (test/cli/startup.test.ts). */
export { COMMANDS };

export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const output = new Output(io);
  const json = wantsJson(argv);
  let code: number = EXIT.ok;
  try {
    const environment = new Environment(io);
    await protectKnownSecrets(argv, environment, output);
    const args = programArgs(COMMANDS, argv);
    const commands = commandsFor(COMMANDS, args);
    // A program of one command gets only the options the arguments name (program.ts, optionsNamed).
    const only = commands.length === 1 ? optionsNamed(args) : undefined;
    let started = false;
    const make = (named: boolean): Command =>
      createProgram(commands, {
        io,
        output,
        only: named ? only : undefined,
        action: async (spec, values, positionals, program) => {
          started = true;
          await output.configure({ noColor: values['no-color'], quiet: values.quiet });
          const runner = await spec.load();
          code = await runner({ values, positionals, io, output, environment, program });
        },
      });
    let program = make(true);
    let refused = await parsed(program, args);
    if (refused !== undefined && !started && only !== undefined) {
      // Refused with only the options the arguments name: parsed again with all of them, whose
      // answer (a message naming the options there are, or a run after all) is the one given.
      program = make(false);
      refused = await parsed(program, args);
    }
    if (refused !== undefined) {
      const outcome = parseOutcome(refused, program, COMMANDS);
      if (outcome.exit === 0) return EXIT.ok;
      warnAboutSecretArgument(argv, output);
      return reportUsage(outcome.message ?? 'no command given. Run "zoomsig --help" for the list.', 'USAGE', output, json, outcome.message !== undefined);
    }
    return code;
  } catch (error) {
    warnAboutSecretArgument(argv, output);
    return reportError(error, io, output, json);
  }
}

/** commander's parse of the arguments: undefined when it ran the command, else the error it stopped at. */
async function parsed(program: Command, args: readonly string[]): Promise<CommanderError | undefined> {
  try {
    await program.parseAsync(args, { from: 'user' });
    return undefined;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return error;
  }
}

/**
 * A run of a command that takes --secret, stopped before the command read it
 * (a usage error, a bad file), still says that the secret on its command line is exposed: the
 * exposure happened when the command was typed. --quiet is read from the
 * arguments, since commander may not have reached it.
 */
function warnAboutSecretArgument(argv: readonly string[], output: Output): void {
  if (!hasSecretArgument(argv)) return;
  // Only for a command that takes --secret: for the others, the usage error names --secret itself.
  const command = COMMANDS.find((spec) => spec.name === programArgs(COMMANDS, argv)[0]);
  if (command === undefined || !command.options.includes('secret')) return;
  const args = optionArguments(argv);
  if (args.includes('--quiet') || args.includes('-q')) return;
  try {
    warnSecretOnCommandLine(output);
  } catch {
    // stderr cannot be written to: the error report will find that out too.
  }
}

/**
 * One command's options and arguments as the program parses them, without
 * running it: for tests that run a command in-process with a scripted prompter.
 */
export async function parseCommandArgs(spec: CommandSpec, args: readonly string[], io: Io = processIo()): Promise<{ values: OptionValues; positionals: string[] }> {
  let parsed: { values: OptionValues; positionals: string[] } | undefined;
  const output = new Output(io, { noColor: true });
  const program = createProgram(COMMANDS, {
    io,
    output,
    action: async (_spec, values, positionals) => {
      parsed = { values, positionals };
    },
  });
  try {
    await program.parseAsync([spec.name, ...args], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    const outcome = parseOutcome(error, program, COMMANDS);
    throw new ZoomsigError('USAGE', outcome.exit === 0 ? 'help or version was asked for' : (outcome.message ?? 'no command'));
  }
  if (parsed === undefined) throw new ZoomsigError('USAGE', `${spec.name} did not run`);
  return parsed;
}

/**
 * Whether the run asked for JSON: --json, or --format json, anywhere before
 * `--`. Read from the arguments themselves, because a usage error can stop
 * commander before it has reached them.
 */
function wantsJson(argv: readonly string[]): boolean {
  const args = optionArguments(argv);
  return args.some((arg, index) => arg === '--json' || arg === '--format=json' || (arg === '--format' && args[index + 1] === 'json'));
}

/** A usage or input error: one line on stderr; with --json, the same as JSON on stdout. */
function reportUsage(message: string, code: string, output: Output, json: boolean, line = true): number {
  if (json) output.out(JSON.stringify({ schemaVersion: 1, error: { code, message } }));
  if (line) output.err(`zoomsig: ${message}`);
  return EXIT.usage;
}

function reportError(error: unknown, io: Io, output: Output, json: boolean): number {
  const debug = /(^|,)\s*zoomsig\s*(,|$)/.test(io.env.DEBUG ?? '');
  const stack = debug && error instanceof Error && error.stack ? error.stack : undefined;
  try {
    if (isOutputError(error)) {
      // stdout is what failed: no JSON there.
      output.err(`zoomsig: ${error.message}`);
    } else if (isZoomsigError(error)) {
      reportUsage(error.message, error.code, output, json);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      const where = debug ? '' : ' Run again with DEBUG=zoomsig to see where it happened, and report it.';
      reportUsage(`internal error: ${message.replace(/\s*\n\s*/g, ' ').replace(/\.$/, '')}.${where}`, 'INTERNAL', output, json);
    }
    if (stack) output.err(stack);
  } catch {
    // stderr itself cannot be written to: the exit code is all that is left.
  }
  return EXIT.usage;
}
