/**
 * The entry point's logic: find the command, parse its options, run it, and
 * turn any error into one line and exit code 2. Returns the exit code; only
 * bin/zoomsig.js sets process.exitCode.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isZoomsigError, ZoomsigError } from '../core/errors.js';
import { COMMANDS, type CommandSpec } from './commands.js';
import { Environment, protectKnownSecrets } from './credentials.js';
import { EXIT } from './exit-codes.js';
import { Output, processIo, type Io } from './io.js';
import { OPTIONS, type OptionValues } from './options.js';

export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const output = new Output(io, { noColor: argv.includes('--no-color') });
  try {
    const environment = new Environment(io);
    await protectKnownSecrets(argv, environment, output);
    return await dispatch(argv, io, output, environment);
  } catch (error) {
    return reportError(error, io, output);
  }
}

async function dispatch(argv: readonly string[], io: Io, output: Output, environment: Environment): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    const command = topic === undefined ? undefined : findCommand(topic);
    const { commandHelp, mainHelp } = await import('./help.js');
    output.out(command ? commandHelp(command) : mainHelp(COMMANDS));
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version' || first === '-V' || first === 'version') {
    output.out(readVersion());
    return EXIT.ok;
  }
  const command = findCommand(first);
  if (command === undefined) {
    const { closest } = await import('./suggest.js');
    const suggestion = closest(first, COMMANDS.map((c) => c.name));
    throw new ZoomsigError(
      'USAGE',
      `unknown command "${first}".${suggestion ? ` Did you mean "zoomsig ${suggestion}"?` : ''} Run "zoomsig --help" for the list.`,
    );
  }
  const { values, positionals } = await parseCommandArgs(command, rest);
  if (values.help) {
    const { commandHelp } = await import('./help.js');
    output.out(commandHelp(command));
    return EXIT.ok;
  }
  const runner = await command.load();
  return runner({ values, positionals, io, output, environment });
}

function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((command) => command.name === name);
}

export async function parseCommandArgs(
  command: CommandSpec,
  args: readonly string[],
): Promise<{ values: OptionValues; positionals: string[] }> {
  const options = Object.fromEntries(command.options.map((name) => [name, OPTIONS[name]]));
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const { closest } = await import('./suggest.js');
    throw usageFromParseError(error, command, closest);
  }
  if (parsed.positionals.length > command.maxPositionals) {
    const extra = parsed.positionals.slice(command.maxPositionals).join(' ');
    throw new ZoomsigError(
      'USAGE',
      command.maxPositionals === 0
        ? `zoomsig ${command.name} takes no arguments, only options; got "${extra}". See "zoomsig ${command.name} --help".`
        : `zoomsig ${command.name} takes one ${command.positional ?? 'token'}; got ${parsed.positionals.length} arguments. Quote it if it holds spaces.`,
    );
  }
  return { values: parsed.values as OptionValues, positionals: parsed.positionals };
}

function usageFromParseError(
  error: unknown,
  command: CommandSpec,
  closest: (word: string, candidates: readonly string[]) => string | undefined,
): ZoomsigError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const help = `See "zoomsig ${command.name} --help".`;
  const option = /'(-{1,2}[^'\s]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined) {
    const suggestion = closest(option.replace(/^-+/, ''), command.options);
    return new ZoomsigError(
      'USAGE',
      `zoomsig ${command.name} has no option ${option}.${suggestion ? ` Did you mean --${suggestion}?` : ''} ${help}`,
    );
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
    const name = option.replace(/^-+/, '');
    const spec = OPTIONS[name as keyof typeof OPTIONS];
    return new ZoomsigError(
      'USAGE',
      spec?.type === 'boolean' ? `${option} takes no value. ${help}` : `${option} needs a value${'value' in (spec ?? {}) ? ` ${(spec as { value: string }).value}` : ''}. ${help}`,
    );
  }
  return new ZoomsigError('USAGE', `${message} ${help}`);
}

function reportError(error: unknown, io: Io, output: Output): number {
  const debug = /(^|,)\s*zoomsig\s*(,|$)/.test(io.env.DEBUG ?? '');
  if (isZoomsigError(error)) {
    output.err(`zoomsig: ${error.message}`);
    if (debug && error.stack) output.err(error.stack);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  output.err(`zoomsig: internal error: ${message}`);
  if (debug && error instanceof Error && error.stack) output.err(error.stack);
  else output.err('Run again with DEBUG=zoomsig to see where it happened, and report it.');
  return EXIT.usage;
}

function readVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  const pkg = JSON.parse(readFileSync(url, 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}
