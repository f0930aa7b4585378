/**
 * Reads a file the user named (--secret-file, --join, --auth-token-file): a
 * regular file, a named pipe (as bash's and zsh's `<(command)` gives), or
 * standard input for `-` and /dev/stdin, always capped in size. A pipe is
 * read as standard input is: nothing within the first-byte timeout is an
 * error, never a wait for ever. A device or a directory is refused with a
 * sentence before anything is read (reading one could never end); a failure
 * is one sentence naming the file and the option.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { ZoomsigError } from '../core/errors.js';
import type { Io } from './io.js';
import { firstByteTimeout, readCapped, readStandardInput } from './read-stdin.js';

/** The names that mean standard input, read from descriptor 0 (never opened: /dev/stdin fails on a socket). */
const STDIN_PATHS = new Set(['-', '/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

export function isStandardInput(path: string): boolean {
  return STDIN_PATHS.has(path);
}

export interface UserFile {
  /** How the file is named in messages: "the secret file", "the --join file". */
  what: string;
  /** The option, without dashes: "secret-file". */
  option: string;
  /** What it carries when it is standard input: "the secret", "the join() object". */
  carries: string;
  maxBytes: number;
  /** Why a larger file cannot be right: "a Zoom Client Secret is 32 characters". */
  tooLargeBecause: string;
}

export const SECRET_FILE: UserFile = {
  what: 'the secret file',
  option: 'secret-file',
  carries: 'the secret',
  maxBytes: 4 * 1024,
  tooLargeBecause: 'that is not a secret (a Zoom Client Secret is 32 characters)',
};

export const TOKEN_FILE: UserFile = {
  what: 'the token file',
  option: 'auth-token-file',
  carries: 'the bearer token',
  maxBytes: 4 * 1024,
  tooLargeBecause: 'that is not a bearer token (one line of 32 to a few hundred characters)',
};

export const JOIN_FILE: UserFile = {
  what: 'the --join file',
  option: 'join',
  carries: 'the join() object',
  maxBytes: 64 * 1024,
  tooLargeBecause: 'that is not a join() object (it is a few hundred bytes)',
};

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

/** The file's text: standard input for `-` and /dev/stdin, else a named pipe or a regular file. */
export async function readUserFile(path: string, file: UserFile, io: Io): Promise<string> {
  if (!isStandardInput(path)) return isNamedPipe(path) ? readNamedPipe(path, file, io) : readRegularFile(path, file);
  const named = path === '-' ? '' : ` (${path})`;
  if (io.stdin.isTTY) {
    throw new ZoomsigError(
      'UNREADABLE_INPUT',
      `${file.what} is standard input${named}, which is a terminal: pipe ${file.carries} in (--${file.option} - < file), or give the path of a file.`,
      file.option,
    );
  }
  return readStandardInput(io, {
    purpose: `${file.carries} (--${file.option} ${path})`,
    maxBytes: file.maxBytes,
    option: file.option,
    silent: (wait) => `nothing arrived on standard input within ${wait} for --${file.option} ${path}: pipe ${file.carries} in, or give the path of a file.`,
    tooLarge: `standard input (--${file.option} ${path}) is over ${kib(file.maxBytes)}: ${file.tooLargeBecause}.`,
  });
}

/** Opened so that a FIFO never holds the open waiting for a writer. */
const OPEN_NON_BLOCKING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** "cannot read the secret file <path>: <reason>." */
function unreadable(path: string, file: UserFile, reason: string): ZoomsigError {
  return new ZoomsigError('UNREADABLE_INPUT', `cannot read ${file.what} ${path}: ${reason}.`, file.option);
}

/** Why Node could not open or read a file, in words where the code is a usual one. */
function reasonOf(error: unknown): string {
  const code = (error as { code?: string } | undefined)?.code;
  return (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
}

function tooLargeMessage(path: string, file: UserFile): string {
  return `${file.what} ${path} is over ${kib(file.maxBytes)}: ${file.tooLargeBecause}.`;
}

/** Whether the path names a pipe; anything else (a missing file too) is readRegularFile's to report. */
function isNamedPipe(path: string): boolean {
  try {
    return statSync(path).isFIFO();
  } catch {
    return false;
  }
}

/**
 * A named pipe: `<(command)` (an inherited pipe, /dev/fd/63) or one made by
 * mkfifo. Opened non-blocking, so that a pipe nobody writes to does not hold
 * the open, and read through node:net (loaded only here) as standard input
 * is: capped, and an error when nothing arrives within the first-byte timeout.
 */
async function readNamedPipe(path: string, file: UserFile, io: Io): Promise<string> {
  let fd: number;
  try {
    fd = openSync(path, OPEN_NON_BLOCKING);
  } catch (error) {
    throw unreadable(path, file, reasonOf(error));
  }
  if (!fstatSync(fd).isFIFO()) {
    // Replaced between the two looks: read whatever it is now as a path.
    closeSync(fd);
    return readRegularFile(path, file);
  }
  const { Socket } = await import('node:net');
  let pipe: InstanceType<typeof Socket>;
  try {
    pipe = new Socket({ fd, readable: true, writable: false });
  } catch (error) {
    closeSync(fd);
    throw unreadable(path, file, reasonOf(error));
  }
  try {
    return await readCapped(
      pipe,
      {
        purpose: `${file.carries} (--${file.option} ${path})`,
        maxBytes: file.maxBytes,
        option: file.option,
        silent: (wait) => `nothing arrived within ${wait} on ${file.what} ${path}, a pipe: what should write ${file.carries} there did not (for <(command), run the command alone to see why).`,
        tooLarge: tooLargeMessage(path, file),
      },
      firstByteTimeout(io),
      `${file.what} ${path}`,
    );
  } finally {
    pipe.destroy();
  }
}

/**
 * A regular file, at most `maxBytes`, read synchronously. It is looked at
 * before it is opened, and opened non-blocking, so that a FIFO can never
 * make zoomsig wait for a writer.
 */
export function readRegularFile(path: string, file: UserFile): string {
  const fail = (reason: string): ZoomsigError => unreadable(path, file, reason);
  let fd: number | undefined;
  try {
    refuseSpecial(statSync(path), fail);
    fd = openSync(path, OPEN_NON_BLOCKING);
    const stats = fstatSync(fd);
    refuseSpecial(stats, fail);
    const tooLarge = new ZoomsigError('UNREADABLE_INPUT', tooLargeMessage(path, file), file.option);
    if (stats.size > file.maxBytes) throw tooLarge;
    // Read up to one byte past the cap: some files (in /proc, say) say they are empty and are not.
    const buffer = Buffer.alloc(file.maxBytes + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > file.maxBytes) throw tooLarge;
    }
    return buffer.subarray(0, length).toString('utf8');
  } catch (error) {
    if (error instanceof ZoomsigError) throw error;
    throw fail(reasonOf(error));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Only a regular file is read: the sentence for anything else. */
function refuseSpecial(stats: Stats, fail: (reason: string) => ZoomsigError): void {
  if (stats.isFile()) return;
  if (stats.isDirectory()) throw fail('it is a directory');
  // readUserFile reads a pipe; this is reached only where a file is read again by path (secretFileText).
  if (stats.isFIFO()) throw fail('it is a named pipe (FIFO), which is read only once, when the command starts');
  if (stats.isCharacterDevice() || stats.isBlockDevice()) throw fail('it is a device, not a regular file: give a regular file, or - for standard input');
  if (stats.isSocket()) throw fail('it is a socket, not a regular file');
  throw fail('it is not a regular file');
}

function kib(bytes: number): string {
  return `${bytes / 1024} KiB`;
}
