/**
 * The commander program, made from the command table (commands.ts) and the
 * option table (options.ts): parsing, validation, help and suggestions are
 * commander's. What is ours: the wording of its errors (one line, saying what
 * is allowed), the examples and exit codes in the help, and global options
 * before the command name (see programArgs).
 */
import { Argument, Command, type CommanderError, Option } from 'commander';
import { listText } from '../core/list-text.js';
import type { CommandSpec } from './commands.js';
import type { OutputFormat } from './common-options.js';
import type { Io, Output } from './io.js';
import { GLOBAL_OPTIONS, OPTIONS, type OptionName, type OptionSpec, type OptionValues } from './options.js';
import { zoomsigVersion } from './version.js';

const EXIT_CODES = 'Exit codes: 0 fine, 1 the token, credentials or endpoint has a problem, 2 usage error or unreadable input.';
const ALL_FORMATS: readonly OutputFormat[] = OPTIONS.format.choices;

const MAIN_EXAMPLES = [
  'zoomsig doctor "$TOKEN" --error 3712',
  'zoomsig explain 3712',
  'zoomsig generate --meeting 85746065012 --role 0',
  'zoomsig decode < token.txt',
  'zoomsig verify --secret-file zoom.secret "$TOKEN"',
];

export interface ProgramHooks {
  io: Io;
  output: Output;
  /** Runs the command the arguments named, with its parsed options. */
  action: (spec: CommandSpec, values: OptionValues, positionals: string[], program: Command) => Promise<void>;
  /** Which options to make (optionsNamed, for a program of one command); without it, every one. */
  only?: ((name: OptionName) => boolean) | undefined;
}

export function createProgram(commands: readonly CommandSpec[], { io, output, action, only }: ProgramHooks): Command {
  const program = new Command('zoomsig')
    .usage('<command> [options]')
    .description('zoomsig: generate, decode, verify and diagnose Zoom Meeting SDK / Video SDK signatures (the end of error 3712).')
    .exitOverride()
    // Our options before the command name are moved after it (programArgs), where the command checks them.
    .enablePositionalOptions()
    .configureOutput({
      writeOut: (text) => output.out(text),
      writeErr: (text) => output.err(text),
      // Errors are reworded and printed once, by main.ts.
      outputError: () => undefined,
      getOutHelpWidth: () => (io.stdout.isTTY ? (io.stdout as { columns?: number }).columns : undefined) ?? 80,
      getErrHelpWidth: () => 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .configureHelp({ subcommandTerm: (command) => [command.name(), ...command.registeredArguments.map(argumentTerm)].join(' ') })
    .helpOption('-h, --help', 'show this help')
    .helpCommand('help [command]', "show a command's help");
  // The program's own options and help, for a run that names no command (commandsFor): --version, the main help.
  if (commands.length > 1) {
    program.version(zoomsigVersion(), '-V, --version', 'print the version');
    for (const name of GLOBAL_OPTIONS) program.addOption(makeOption(name, OPTIONS[name], undefined, ALL_FORMATS));
    program.addHelpText('after', helpFooter(MAIN_EXAMPLES, 'Run "zoomsig <command> --help" for its options.'));
  }

  // A command's options are made only when it runs (or its help is shown): the others cost nothing at start-up.
  const pending = new Map<Command, () => void>();
  for (const spec of commands) {
    const command = program
      .command(spec.name, { hidden: spec.hidden === true })
      .summary(spec.summary)
      .description(spec.description)
      .usage(`${spec.argument ? `${spec.argument.usage} ` : ''}[options]`);
    if (spec.argument) {
      const argument = new Argument(spec.argument.required ? `<${spec.argument.usage.slice(1, -1)}>` : spec.argument.usage, spec.argument.description);
      if (spec.argument.choices) argument.choices(spec.argument.choices);
      command.addArgument(argument);
    }
    pending.set(command, () => {
      const formats = spec.formats ?? ALL_FORMATS;
      for (const name of [...spec.options, ...GLOBAL_OPTIONS]) {
        if (only === undefined || only(name)) command.addOption(makeOption(name, OPTIONS[name], spec.optionHelp?.[name], formats));
      }
      command.addHelpText('after', helpFooter(spec.examples));
    });
    command.action(async (...args: unknown[]) => {
      const parsed = args[args.length - 1] as Command;
      await action(spec, optionValues(parsed, [...spec.options, ...GLOBAL_OPTIONS]), [...parsed.args], program);
    });
  }
  const complete = (command: Command): void => {
    pending.get(command)?.();
    pending.delete(command);
  };
  program.hook('preSubcommand', (_program, command) => complete(command));
  COMPLETE.set(program, () => program.commands.forEach(complete));
  return program;
}

const COMPLETE = new WeakMap<Command, () => void>();

/**
 * Which options the arguments can name, for a program that makes only
 * those: every --name they hold, and every option whose short letter is in
 * an argument of one dash; after `--` too, which an option that takes a
 * value may take as its value (`--secret -- --json`). undefined, meaning all of them,
 * when they ask for help, which lists them all. What commander does with
 * arguments that name no other option is the same whether the others exist
 * or not; and a run that commander refuses is parsed again by main.ts with
 * every option, whose message (its "Did you mean", say) it reports. Making
 * only these took ~0.3 ms off every everyday run (making the 19 of doctor
 * took 0.5 ms of its start, in process, this VM).
 */
export function optionsNamed(args: readonly string[]): ((name: OptionName) => boolean) | undefined {
  const long = new Set<string>();
  let shorts = '';
  for (const arg of args) {
    if (arg === '--help' || (arg.startsWith('-') && !arg.startsWith('--') && arg.includes('h'))) return undefined;
    if (arg.startsWith('--')) long.add(arg.split('=')[0] as string);
    else if (arg.startsWith('-')) shorts += arg.slice(1);
  }
  return (name) => long.has(`--${name}`) || ((OPTIONS[name] as OptionSpec).short !== undefined && shorts.includes((OPTIONS[name] as OptionSpec).short as string));
}

/** The program with every command's options made (for completion scripts, which list them all). */
export function withAllOptions(program: Command): Command {
  COMPLETE.get(program)?.();
  return program;
}

function argumentTerm(argument: Argument): string {
  return argument.required ? `<${argument.name()}>` : `[${argument.name()}]`;
}

function makeOption(name: OptionName, spec: OptionSpec, help: string | undefined, formats: readonly OutputFormat[]): Option {
  const { value } = spec;
  const flags = `${spec.short ? `-${spec.short}, ` : ''}--${name}${value ? ` ${value}` : ''}`;
  const option = new Option(flags, help ?? spec.description);
  const choices = name === 'format' ? formats : spec.choices;
  if (choices) option.choices(choices);
  const { parse } = spec;
  if (spec.multiple) {
    option.argParser((raw: string, previous: string[] | undefined) => {
      parse?.(raw);
      return [...(previous ?? []), raw];
    });
  } else if (parse) {
    option.argParser((raw: string) => {
      parse(raw);
      return raw;
    });
  }
  if (spec.conflicts) option.conflicts([...spec.conflicts.with]);
  return option;
}

/** commander's values under our option names (`secret-file`, not `secretFile`; `no-color`: true when given). */
function optionValues(command: Command, names: readonly OptionName[]): OptionValues {
  const values: Record<string, unknown> = {};
  for (const option of command.options) {
    const name = option.name() as OptionName;
    if (!names.includes(name)) continue;
    const value: unknown = command.getOptionValue(option.attributeName());
    if (option.negate) {
      if (value === false) values[name] = true;
    } else if (value !== undefined) {
      values[name] = value;
    }
  }
  return values as OptionValues;
}

function helpFooter(examples: readonly string[], last?: string): string {
  return ['', 'Examples:', ...examples.map((example) => `  ${example}`), '', EXIT_CODES, ...(last ? [last] : [])].join('\n');
}

/**
 * The arguments as commander is to see them. Global options given before
 * the command name (`zoomsig --no-color decode T`) go after it, where that
 * command's own definitions check them (its --format choices, say);
 * `zoomsig help <command>` becomes `<command> --help`, and `help <unknown>`
 * the unknown command it is. Read from the tables the program is made from.
 */
export function programArgs(commands: readonly CommandSpec[], argv: readonly string[]): string[] {
  const globalFlag = (arg: string): OptionSpec | undefined => {
    const flag = arg.split('=')[0] as string;
    const name = GLOBAL_OPTIONS.find((candidate) => flag === `--${candidate}` || flag === `-${(OPTIONS[candidate] as OptionSpec).short ?? ''}`);
    return name === undefined ? undefined : OPTIONS[name];
  };
  const isHelp = (arg: string): boolean => arg === '--help' || arg === '-h';
  const leading: string[] = [];
  let index = 0;
  while (index < argv.length) {
    const arg = argv[index] as string;
    const option = globalFlag(arg);
    if (option === undefined && !isHelp(arg)) break;
    leading.push(arg);
    index += 1;
    if (option?.type === 'string' && !arg.includes('=') && index < argv.length) leading.push(argv[index++] as string);
  }
  const [name, ...rest] = argv.slice(index);
  const known = (word: string | undefined): boolean => word !== undefined && commands.some((command) => command.name === word);
  if (name === 'help') {
    const [topic] = rest;
    if (topic === undefined) return [...leading, '--help'];
    return known(topic) ? [topic, ...leading.filter((arg) => !isHelp(arg)), '--help'] : [topic];
  }
  if (known(name) && leading.length > 0) return [name as string, ...leading, ...rest];
  return [...argv];
}

/**
 * The commands to make the program of: only the one named first, when the
 * arguments name one (the everyday run), else all of them (the main help,
 * an unknown command and its suggestion, completion). Making the other
 * commands cost ~0.3 ms of every start (the least of 30 runs of decode; 0.5 ms
 * at the first quartile).
 */
export function commandsFor(commands: readonly CommandSpec[], args: readonly string[]): readonly CommandSpec[] {
  const named = commands.find((command) => command.name === args[0]);
  return named === undefined || named.wholeProgram === true ? commands : [named];
}

/** What commander's parse did, as our exit code and one-line message. */
export type ParseOutcome = { exit: 0 } | { exit: 2; message: string | undefined };

/**
 * commander's errors reworded: one line that names the command and says what
 * is allowed. `message` is undefined when commander already printed what the
 * person needs (the help, on a bare `zoomsig`).
 */
export function parseOutcome(error: CommanderError, program: Command, commands: readonly CommandSpec[]): ParseOutcome {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return { exit: 0 };
  if (error.code === 'commander.help') return { exit: 2, message: undefined };
  return { exit: 2, message: commanderMessage(error, program, commands) };
}

function commanderMessage(error: CommanderError, program: Command, commands: readonly CommandSpec[]): string {
  const text = error.message.replace(/^error: /, '');
  const suggestion = /\n\(Did you mean (\S+)\?\)$/.exec(text)?.[1];
  const first = text.split('\n')[0] as string;
  const command = program.commands.find((candidate) => candidate.name() === activeCommand(program));
  const where = command ? command.name() : 'zoomsig';
  const seeHelp = `See "zoomsig ${command ? `${command.name()} ` : ''}--help".`;
  switch (error.code) {
    case 'commander.unknownCommand': {
      const name = /unknown command '(.*)'/.exec(first)?.[1] ?? '';
      return `unknown command "${name}".${suggestion ? ` Did you mean "zoomsig ${suggestion}"?` : ''} Run "zoomsig --help" for the list.`;
    }
    case 'commander.unknownOption': {
      const flag = /unknown option '(.*)'/.exec(first)?.[1] ?? '';
      const elsewhere = suggestion ? undefined : commandsWithOption(commands, flag.split('=')[0] as string);
      const hint = suggestion ? `. Did you mean ${suggestion}?` : elsewhere ? ` (${elsewhere} ${elsewhere.includes(' and ') ? 'have' : 'has'} it).` : '.';
      return `${where} has no option ${flag}${hint} ${seeHelp}`;
    }
    case 'commander.optionMissingArgument': {
      const [, flag = '', value = ''] = /option '(?:-\w, )?(--[\w-]+) ?(.*)' argument missing/.exec(first) ?? [];
      return `${flag} needs a value ${value}. ${seeHelp}`;
    }
    case 'commander.invalidArgument': {
      const option = /^option '(?:-\w, )?(--[\w-]+)[^']*' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/.exec(first);
      if (option) return `${option[1]} takes ${option[3]}; got "${option[2]}". ${seeHelp}`;
      const argument = /^command-argument value '(.*)' is invalid for argument '.*'\. Allowed choices are (.*)\.$/.exec(first);
      if (argument) return `${where} takes ${argument[2]}; got "${argument[1]}". ${seeHelp}`;
      return `${first} ${seeHelp}`;
    }
    case 'commander.missingArgument': {
      const name = /missing required argument '(.*)'/.exec(first)?.[1] ?? '';
      return `${where} needs one of: ${name.split('|').join(', ')}. ${seeHelp}`;
    }
    case 'commander.excessArguments': {
      const args = command?.args ?? [];
      const expected = command?.registeredArguments.length ?? 0;
      if (expected === 0) return `${where} takes no arguments, only options; got "${args.join(' ')}". ${seeHelp}`;
      const what = command?.registeredArguments[0]?.description.startsWith('the token') ? 'token' : 'error code or check id';
      return `${where} takes one ${what}; got ${args.length} arguments. Quote it if it holds spaces.`;
    }
    case 'commander.conflictingOption': {
      const [, a = '', b = ''] = /option '(?:-\w, )?(--[\w-]+)[^']*' cannot be used with option '(?:-\w, )?(--[\w-]+)[^']*'/.exec(first) ?? [];
      const reason = (OPTIONS[a.slice(2) as OptionName] as OptionSpec | undefined)?.conflicts?.reason;
      return `${a} cannot be used with ${b}${reason ? `: ${reason}` : ''}.`;
    }
    default:
      return `${text.replace(/\n/g, ' ')} ${seeHelp}`;
  }
}

/** The command whose arguments commander was parsing: the first argument, once programArgs has put it there. */
function activeCommand(program: Command): string | undefined {
  return program.args[0];
}

/** "doctor and check": the commands that do take the option, for a message. */
function commandsWithOption(commands: readonly CommandSpec[], flag: string): string | undefined {
  const names = commands.filter((command) => !command.hidden && command.options.some((name) => `--${name}` === flag)).map((command) => command.name);
  return names.length === 0 ? undefined : listText(names);
}
