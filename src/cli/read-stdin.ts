/**
 * Standard input, read once per run, whatever it is (a file, a pipe, a
 * socket): through process.stdin on descriptor 0, never by opening
 * /dev/stdin (which fails with ENXIO on a socket). Capped in size, and never
 * waits for ever on a pipe: nothing within the first-byte timeout is an error
 * (a person at a terminal is waited for, when the caller says so).
 */
import { ZoomsigError } from '../core/errors.js';
import type { Io } from './io.js';

/** How long to wait for the first byte on standard input (ZOOMSIG_STDIN_TIMEOUT_MS in tests). */
export const FIRST_BYTE_TIMEOUT_MS = 5_000;

export interface StdinRead {
  /** What standard input carries, for messages: "the token", "the secret (--secret-file -)". */
  purpose: string;
  maxBytes: number;
  /** The option it is reported under. */
  option: string;
  /** The sentence when nothing arrives in time, given the wait as text ("5 s"). */
  silent: (wait: string) => string;
  /** The sentence when standard input holds more than maxBytes. */
  tooLarge: string;
  /** A person types or pastes at a terminal: no first-byte timeout. */
  waitForPerson?: boolean;
  /** Nothing within the first-byte timeout reads as empty input, not as an error (a pipe that may carry nothing). */
  emptyWhenSilent?: boolean;
}

/** Who read standard input in a run: a second reader gets a sentence, not an empty read. */
const readers = new WeakMap<Io, string>();

export function readStandardInput(io: Io, read: StdinRead): Promise<string> {
  const earlier = readers.get(io);
  if (earlier !== undefined) {
    return Promise.reject(new ZoomsigError('USAGE', `standard input already carries ${earlier}: it cannot carry ${read.purpose} too.`, read.option));
  }
  readers.set(io, read.purpose);
  return readCapped(io.stdin, read, firstByteTimeout(io), 'standard input');
}

/** What readCapped reads: standard input, or a named pipe (src/cli/read-file.ts). */
type Readable = Pick<NodeJS.ReadableStream, 'on' | 'once' | 'removeListener' | 'pause' | 'resume'>;

/**
 * The stream's text, at most read.maxBytes, with nothing in its first `wait`
 * ms an error (or empty, or no limit: see StdinRead). `name` is what an error
 * while reading names: "standard input", "the secret file <path>".
 */
export function readCapped(stream: Readable, read: StdinRead, wait: number, name: string): Promise<string> {
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
    const timer =
      read.waitForPerson === true
        ? undefined
        : setTimeout(() => {
            finish(read.emptyWhenSilent === true ? undefined : new ZoomsigError('UNREADABLE_INPUT', read.silent(wait < 1000 ? `${wait} ms` : `${Math.round(wait / 1000)} s`), read.option));
          }, wait);
    const onData = (chunk: Buffer | string): void => {
      clearTimeout(timer);
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > read.maxBytes) {
        finish(new ZoomsigError('UNREADABLE_INPUT', read.tooLarge, read.option));
        return;
      }
      chunks.push(buffer);
    };
    const onEnd = (): void => finish(undefined);
    const onError = (error: Error): void => finish(new ZoomsigError('UNREADABLE_INPUT', `could not read ${name}: ${error.message}`, read.option));
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    stream.resume();
  });
}

/** How long to wait for the first byte of a pipe: FIRST_BYTE_TIMEOUT_MS, or ZOOMSIG_STDIN_TIMEOUT_MS. */
export function firstByteTimeout(io: Io): number {
  const value = Number(io.env.ZOOMSIG_STDIN_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : FIRST_BYTE_TIMEOUT_MS;
}
