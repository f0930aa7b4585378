/**
 * After the questions, the command line that does the same without them: the
 * answers as flags, and the secret as a variable to set, never its value.
 */
import type { OptionName, OptionValues } from '../options.js';

/** The flags that can stand for an answer or a given value, in the order they are written. */
const ORDER = [
  'sdk', 'key', 'secret-file', 'meeting', 'topic', 'role', 'native', 'webrtc', 'session-key', 'user-identity',
  'expires-in', 'now', 'format', 'json',
] as const satisfies readonly OptionName[];

/**
 * `values`: the flags given and the answers, as flags (a key from the
 * environment is left out: it will be found there again). `secretVariable`:
 * the variable to hold the secret when it was typed or given with --secret.
 */
export function equivalentCommand(values: OptionValues, secretVariable: string | undefined): string {
  const words = secretVariable === undefined ? [] : [`${secretVariable}=…`];
  words.push('zoomsig', 'generate');
  for (const name of ORDER) {
    const value = values[name];
    if (value === undefined || value === false) continue;
    if (value === true) words.push(`--${name}`);
    else for (const item of typeof value === 'string' ? [value] : value) words.push(`--${name}`, shellQuote(item));
  }
  return words.join(' ');
}

/** Quoted for a POSIX shell only when it has to be. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
