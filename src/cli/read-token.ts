/**
 * Where the token comes from: the argument, `-` for standard input, or a pipe
 * when no argument is given. Never waits forever on a silent pipe; `-` at a
 * terminal says how to end the paste and waits for the person.
 */
import { ZoomsigError } from '../core/errors.js';
import type { Io } from './io.js';
import { readStandardInput } from './read-stdin.js';

/** Input larger than this is refused: a signature is a few hundred bytes. */
export const MAX_INPUT_BYTES = 1024 * 1024;
const TOO_LARGE = 'standard input is over 1 MiB: that is not a token (a signature is a few hundred bytes).';

export async function readTokenInput(positionals: readonly string[], io: Io, command: string): Promise<string> {
  const argument = positionals[0];
  if (argument !== undefined && argument !== '-') {
    if (argument.trim() === '') {
      throw new ZoomsigError('UNREADABLE_INPUT', `the token argument is empty: nothing to ${command}. Is the variable holding it set?`, 'token');
    }
    return argument;
  }
  if (argument === undefined && io.stdin.isTTY) {
    throw new ZoomsigError(
      'MISSING_VALUE',
      `no token given. Pass it as an argument (zoomsig ${command} eyJ…), as - to read standard input, or pipe it in.`,
      'token',
    );
  }
  // `-` at a terminal: a person pastes, however long that takes, and ends with Ctrl-D.
  const atTerminal = io.stdin.isTTY === true;
  if (atTerminal) io.stderr.write(`Paste the token, then press Ctrl-D (on a line of its own) to ${command} it:\n`);
  const text = await readStandardInput(io, {
    purpose: 'the token',
    maxBytes: MAX_INPUT_BYTES,
    option: 'token',
    waitForPerson: atTerminal,
    silent: (wait) => `nothing arrived on standard input within ${wait}. Pass the token as an argument, or pipe it in.`,
    tooLarge: TOO_LARGE,
  });
  if (text.trim() === '') {
    throw new ZoomsigError(
      'UNREADABLE_INPUT',
      `standard input was empty: no token to ${command}. Pass it as an argument or pipe it in.`,
      'token',
    );
  }
  return text;
}

/**
 * A token piped in beside another source of one (doctor --join): the piped
 * token, or undefined when standard input is a terminal, empty, or sends
 * nothing within the first-byte timeout.
 */
export async function readPipedToken(io: Io): Promise<string | undefined> {
  if (io.stdin.isTTY) return undefined;
  const text = await readStandardInput(io, {
    purpose: 'the token',
    maxBytes: MAX_INPUT_BYTES,
    option: 'token',
    emptyWhenSilent: true,
    silent: () => '',
    tooLarge: TOO_LARGE,
  });
  return text.trim() === '' ? undefined : text;
}
