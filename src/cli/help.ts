/** Help text, made from the command and option tables. */
import type { CommandSpec } from './commands.js';
import { OPTIONS } from './options.js';

export function mainHelp(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'zoomsig: generate, decode, verify and diagnose Zoom Meeting SDK / Video SDK signatures (the end of error 3712).',
    '',
    'Usage: zoomsig <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Examples:',
    '  zoomsig doctor "$TOKEN" --error 3712',
    '  zoomsig explain 3712',
    '  zoomsig generate --meeting 85746065012 --role 0',
    '  zoomsig decode < token.txt',
    '  zoomsig verify --secret-file zoom.secret "$TOKEN"',
    '',
    'Exit codes: 0 fine, 1 the token, credentials or endpoint has a problem, 2 usage error or unreadable input.',
    'Run "zoomsig <command> --help" for its options.',
    '',
  ].join('\n');
}

export function commandHelp(command: CommandSpec): string {
  const rows = command.options.map((name) => {
    const spec = OPTIONS[name];
    const short = 'short' in spec ? `-${spec.short}, ` : '';
    const value = 'value' in spec ? ` ${spec.value}` : '';
    return [`${short}--${name}${value}`, spec.description] as const;
  });
  const width = Math.min(30, Math.max(...rows.map(([flag]) => flag.length)));
  return [
    `Usage: ${command.usage}`,
    '',
    wrap(command.description, 78),
    '',
    'Options:',
    ...rows.map(([flag, description]) =>
      flag.length > width ? `  ${flag}\n  ${' '.repeat(width)}  ${description}` : `  ${flag.padEnd(width)}  ${description}`,
    ),
    '',
    'Examples:',
    ...command.examples.map((example) => `  ${example}`),
    '',
    'Exit codes: 0 fine, 1 the token, credentials or endpoint has a problem, 2 usage error or unreadable input.',
    '',
  ].join('\n');
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}
