/**
 * zoomsig completion bash|zsh|fish: a completion script made from the
 * commander program itself (its commands, their options, and the values of
 * options and arguments that take a fixed set), so it cannot drift from the CLI.
 */
import type { Command, Option } from 'commander';
import { ZoomsigError } from '../../core/errors.js';
import { COMMANDS, type CommandInput } from '../commands.js';
import { withAllOptions } from '../program.js';
import { EXIT } from '../exit-codes.js';

/** Options whose value is a path: the shell completes file names there. */
const FILE_OPTIONS = new Set(['--secret-file', '--join', '--junit']);

interface OptionModel {
  long: string;
  short: string | undefined;
  description: string;
  takesValue: boolean;
  choices: readonly string[] | undefined;
  file: boolean;
}

interface CommandModel {
  name: string;
  summary: string;
  options: OptionModel[];
  /** The values of its argument, when they are a fixed set (completion's shells, help's commands). */
  argumentChoices: readonly string[] | undefined;
}

interface ProgramModel {
  globals: OptionModel[];
  commands: CommandModel[];
}

export async function runCompletion({ positionals, output, program }: CommandInput): Promise<number> {
  if (program === undefined) throw new ZoomsigError('INTERNAL', 'completion needs the program');
  const model = programModel(withAllOptions(program));
  const shell = positionals[0];
  const script = shell === 'bash' ? bashScript(model) : shell === 'zsh' ? zshScript(model) : fishScript(model);
  output.out(script);
  return EXIT.ok;
}

function optionModel(option: Option): OptionModel | undefined {
  if (option.long === undefined || option.hidden) return undefined;
  return {
    long: option.long,
    short: option.short,
    description: option.description,
    takesValue: option.required || option.optional,
    choices: option.argChoices ?? placeholderChoices(option.flags),
    file: FILE_OPTIONS.has(option.long),
  };
}

/** `--sdk <meeting|video>`: the values a placeholder lists, for options that check (and accept more) themselves. */
function placeholderChoices(flags: string): string[] | undefined {
  const placeholder = /<([^>]+\|[^>]+)>/.exec(flags)?.[1];
  return placeholder?.split('|');
}

const HELP: OptionModel = { long: '--help', short: '-h', description: 'show this help', takesValue: false, choices: undefined, file: false };

function programModel(program: Command): ProgramModel {
  const hidden = new Set(COMMANDS.filter((spec) => spec.hidden).map((spec) => spec.name));
  const visible = program.commands.filter((command) => !hidden.has(command.name()));
  const commands: CommandModel[] = visible.map((command) => ({
    name: command.name(),
    summary: command.summary() || command.description(),
    options: [...command.options.map(optionModel).filter((option): option is OptionModel => option !== undefined), HELP],
    argumentChoices: command.registeredArguments[0]?.argChoices,
  }));
  commands.push({ name: 'help', summary: "show a command's help", options: [], argumentChoices: visible.map((command) => command.name()) });
  const globals = [...program.options.map(optionModel).filter((option): option is OptionModel => option !== undefined), HELP];
  return { globals, commands };
}

function words(list: readonly string[]): string {
  return list.join(' ');
}

function flagsOf(options: readonly OptionModel[]): string[] {
  return options.flatMap((option) => (option.short ? [option.long, option.short] : [option.long]));
}

/** The `case "$prev"` arms of an option list: choices, file names, or nothing for a free value. */
function bashValueCases(options: readonly OptionModel[], indent: string): string[] {
  const lines: string[] = [];
  for (const option of options.filter((candidate) => candidate.takesValue)) {
    const pattern = option.short ? `${option.long}|${option.short}` : option.long;
    const reply = option.choices
      ? `COMPREPLY=($(compgen -W "${words(option.choices)}" -- "$cur"))`
      : option.file
        ? 'COMPREPLY=($(compgen -f -- "$cur"))'
        : 'COMPREPLY=()';
    lines.push(`${indent}${pattern}) ${reply}; return ;;`);
  }
  return lines;
}

/**
 * A shell `case` pattern of every option that takes a value: skipped with
 * that value while the scripts look for the command's name, which global
 * options (`zoomsig --format json doctor …`) may come before.
 */
function valueFlagsPattern(model: ProgramModel): string {
  const valueOptions = [...model.globals, ...model.commands.flatMap((command) => command.options)].filter((option) => option.takesValue);
  return [...new Set(flagsOf(valueOptions))].join('|');
}

function bashScript(model: ProgramModel): string {
  const skip = valueFlagsPattern(model);
  const arms = model.commands.map((command) => {
    const cases = bashValueCases(command.options, '        ');
    const argument = command.argumentChoices ? `      [[ "$cur" != -* ]] && { COMPREPLY=($(compgen -W "${words(command.argumentChoices)}" -- "$cur")); return; }` : undefined;
    return [
      `    ${command.name})`,
      ...(cases.length > 0 ? ['      case "$prev" in', ...cases, '      esac'] : []),
      ...(argument ? [argument] : []),
      `      COMPREPLY=($(compgen -W "${words(flagsOf(command.options))}" -- "$cur"))`,
      '      ;;',
    ].join('\n');
  });
  return `# zoomsig completion for bash. Load it with: source <(zoomsig completion bash)
_zoomsig() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${skip}) ((i++)) ;;
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$cmd" in
    "")
      case "$prev" in
${bashValueCases(model.globals, '        ').join('\n')}
      esac
      if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "${words(flagsOf(model.globals))}" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "${words(model.commands.map((command) => command.name))}" -- "$cur"))
      fi
      ;;
${arms.join('\n')}
  esac
}
complete -o default -F _zoomsig zoomsig
`;
}

/** Text safe inside a zsh _arguments spec in single quotes: no brackets, colons or quotes. */
function zshText(text: string): string {
  return text.replace(/'/g, '’').replace(/[[\]:]/g, ' ').replace(/\s+/g, ' ').trim();
}

function zshSpecs(options: readonly OptionModel[]): string[] {
  return options.map((option) => {
    const action = option.choices ? `:value:(${words(option.choices)})` : option.file ? ':file:_files' : option.takesValue ? ':value: ' : '';
    const body = `[${zshText(option.description)}]${action}`;
    return option.short ? `{${option.short},${option.long}}'${body}'` : `'${option.long}${body}'`;
  });
}

function zshScript(model: ProgramModel): string {
  const commandList = model.commands.map((command) => `    '${command.name}:${zshText(command.summary)}'`);
  const arms = model.commands.map((command) => {
    const argument = command.argumentChoices ? [`'1:value:(${words(command.argumentChoices)})'`] : [];
    return [`    ${command.name})`, `      _arguments -s ${[...zshSpecs(command.options), ...argument].join(' \\\n        ')}`, '      ;;'].join('\n');
  });
  return `#compdef zoomsig
# zoomsig completion for zsh. Load it with: source <(zoomsig completion zsh), or save it as _zoomsig in a directory of $fpath.
_zoomsig() {
  local -a commands
  commands=(
${commandList.join('\n')}
  )
  # The command's name: the first word that is neither a global option nor the value of one.
  local i=2
  while (( i < CURRENT )); do
    case "\${words[i]}" in
      ${valueFlagsPattern(model)}) (( i += 2 )) ;;
      -*) (( i++ )) ;;
      *) break ;;
    esac
  done
  if (( i >= CURRENT )); then
    if [[ "\${words[CURRENT]}" == -* || "\${words[CURRENT-1]}" == (${valueFlagsPattern({ globals: model.globals, commands: [] })}) ]]; then
      _arguments ${zshSpecs(model.globals).join(' ')}
    else
      _describe 'command' commands
    fi
    return
  fi
  local command="\${words[i]}"
  shift $(( i - 1 )) words
  (( CURRENT -= i - 1 ))
  case "$command" in
${arms.join('\n')}
  esac
}
if [[ "\${funcstack[1]}" == "_zoomsig" ]]; then
  _zoomsig "$@"
else
  compdef _zoomsig zoomsig
fi
`;
}

function fishText(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function fishOption(option: OptionModel, condition: string): string {
  const parts = ['complete -c zoomsig', `-n ${fishText(condition)}`, `-l ${option.long.slice(2)}`];
  if (option.short) parts.push(`-s ${option.short.slice(1)}`);
  if (option.choices) parts.push('-x', `-a ${fishText(words(option.choices))}`);
  else if (option.file) parts.push('-r', '-F');
  else if (option.takesValue) parts.push('-x');
  parts.push(`-d ${fishText(option.description)}`);
  return parts.join(' ');
}

function fishScript(model: ProgramModel): string {
  const lines = ['# zoomsig completion for fish. Load it with: zoomsig completion fish | source', 'complete -c zoomsig -f'];
  for (const command of model.commands) {
    lines.push(`complete -c zoomsig -n __fish_use_subcommand -a ${command.name} -d ${fishText(command.summary)}`);
  }
  for (const option of model.globals) lines.push(fishOption(option, '__fish_use_subcommand'));
  for (const command of model.commands) {
    const condition = `__fish_seen_subcommand_from ${command.name}`;
    for (const option of command.options) lines.push(fishOption(option, condition));
    if (command.argumentChoices) lines.push(`complete -c zoomsig -n ${fishText(condition)} -x -a ${fishText(words(command.argumentChoices))}`);
  }
  return `${lines.join('\n')}\n`;
}
