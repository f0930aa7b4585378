/**
 * Where the token comes from: the argument, `-` for standard input, or a pipe
 * when no argument is given. Never waits forever on a silent pipe; `-` at a
 * terminal says how to end the paste and waits for the person.
 */
import { ZoomsigError } from '../core/errors.js';
import type { Io } from './io.js';

/** Input larger than this is refused: a signature is a few hundred bytes. */
export const MAX_INPUT_BYTES = 1024 * 1024;
/** How long to wait for the first byte on standard input. */
export const FIRST_BYTE_TIMEOUT_MS = 5_000;

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
  const text = await readStdin(io, atTerminal ? undefined : timeoutFrom(io));
  if (text.trim() === '') {
    throw new ZoomsigError(
      'UNREADABLE_INPUT',
      `standard input was empty: no token to ${command}. Pass it as an argument or pipe it in.`,
      'token',
    );
  }
  return text;
}

function timeoutFrom(io: Io): number {
  const value = Number(io.env.ZOOMSIG_STDIN_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : FIRST_BYTE_TIMEOUT_MS;
}

/** All of standard input; without a first byte within `firstByteTimeoutMs` (when given), an error. */
function readStdin(io: Io, firstByteTimeoutMs: number | undefined): Promise<string> {
  const stream = io.stdin;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error: ZoomsigError | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
      stream.pause();
      if (error) reject(error);
      else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const timer = firstByteTimeoutMs === undefined ? undefined : setTimeout(() => finish(silentError(firstByteTimeoutMs)), firstByteTimeoutMs);
    const onData = (chunk: Buffer | string): void => {
      clearTimeout(timer);
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > MAX_INPUT_BYTES) {
        finish(new ZoomsigError('UNREADABLE_INPUT', 'standard input is over 1 MiB: that is not a token (a signature is a few hundred bytes).', 'token'));
        return;
      }
      chunks.push(buffer);
    };
    const onEnd = (): void => finish(undefined);
    const onError = (error: Error): void =>
      finish(new ZoomsigError('UNREADABLE_INPUT', `could not read standard input: ${error.message}`, 'token'));
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    stream.resume();
  });
}

function silentError(timeoutMs: number): ZoomsigError {
  const wait = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
  return new ZoomsigError('UNREADABLE_INPUT', `nothing arrived on standard input within ${wait}. Pass the token as an argument, or pipe it in.`, 'token');
}
