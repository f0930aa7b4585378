/**
 * The standard descriptors without Node's streams until they are needed.
 *
 * stdout and stderr as the CLI writes them: straight to the file descriptor
 * with fs.writeSync. Setting up process.stdout brings up Node's whole streams
 * stack, ~6 ms of every start (a third of zoomsig's own), for text that one
 * synchronous write delivers just as well. The real stream is made only when
 * something needs more than write() (a prompt draws on it), and from then on
 * carries every write, in order.
 */
import { fstatSync, readlinkSync, statSync, writeSync } from 'node:fs';

/**
 * A write to stdout or stderr that failed (a full disk, a descriptor not open
 * for writing): one line and exit 2, never an internal error.
 */
export class OutputError extends Error {
  constructor(fd: number, error: NodeJS.ErrnoException) {
    const stream = fd === 1 ? 'standard output' : fd === 2 ? 'standard error' : `descriptor ${fd}`;
    const reasons: Record<string, string> = {
      ENOSPC: 'no space left on the device',
      EDQUOT: 'over the disk quota',
      EFBIG: 'the file is too large',
      EBADF: 'it is closed, or not open for writing',
      EIO: 'an input/output error',
    };
    const code = error.code ?? 'unknown error';
    super(`cannot write to ${stream}: ${reasons[code] ?? error.message} (${code}).`);
    this.name = 'OutputError';
  }
}

export function isOutputError(error: unknown): error is OutputError {
  return error instanceof OutputError;
}

export function descriptorOutput(fd: number, realStream: () => NodeJS.WriteStream): NodeJS.WriteStream {
  let stream: NodeJS.WriteStream | undefined;
  const open = (): NodeJS.WriteStream => {
    if (stream === undefined) {
      stream = realStream();
      // A failed write on the stream is an event, not a throw: the same one line, then exit 2.
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') return;
        try {
          if (fd !== 2) writeSync(2, `zoomsig: ${new OutputError(fd, error).message}\n`);
        } finally {
          process.exit(2);
        }
      });
    }
    return stream;
  };
  let terminal: boolean | undefined;

  const write = (chunk: string | Uint8Array): boolean => {
    if (stream !== undefined) return stream.write(chunk);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let offset = 0;
    try {
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
      return true;
    } catch (error) {
      const code = (error as { code?: string }).code;
      // The reader went away (`zoomsig doctor | head -1`): nothing more to say.
      if (code === 'EPIPE') return true;
      // A descriptor left non-blocking by whoever opened it: the stream knows how to wait.
      if (code === 'EAGAIN') return open().write(bytes.subarray(offset));
      throw new OutputError(fd, error as NodeJS.ErrnoException);
    }
  };

  // Everything but write() and isTTY is the real stream's: a prompt's on(), columns, rows...
  return forwarding(open, {
    write: () => write,
    isTTY: () => stream?.isTTY ?? (terminal ??= isTerminal(fd, open)),
  });
}

/**
 * Standard input whose isTTY is answered from the descriptor: process.stdin is
 * made (a ReadStream, ~5 ms, more for a terminal) only when it is read.
 */
export function descriptorInput(fd: number, realStream: () => NodeJS.ReadStream): NodeJS.ReadStream {
  let stream: NodeJS.ReadStream | undefined;
  let terminal: boolean | undefined;
  const open = (): NodeJS.ReadStream => (stream ??= realStream());
  return forwarding(open, { isTTY: () => stream?.isTTY ?? (terminal ??= isTerminal(fd, open)) });
}

/**
 * A stand-in for a stream that is made on first use: `own` properties are
 * answered here, everything else (reads, writes of properties, `in`,
 * instanceof) goes to the real stream, which readline and the prompt library
 * see as if they had it.
 */
function forwarding<T extends object>(open: () => T, own: Record<string, () => unknown>): T {
  const ownOf = (property: string | symbol): (() => unknown) | undefined =>
    typeof property === 'string' && Object.hasOwn(own, property) ? own[property] : undefined;
  return new Proxy({} as T, {
    get(_target, property) {
      const answer = ownOf(property);
      if (answer) return answer();
      const real = open();
      const value: unknown = Reflect.get(real, property, real);
      return typeof value === 'function' ? value.bind(real) : value;
    },
    set: (_target, property, value) => Reflect.set(open(), property, value),
    has: (_target, property) => ownOf(property) !== undefined || Reflect.has(open(), property),
    getPrototypeOf: () => Reflect.getPrototypeOf(open()),
  });
}

/**
 * Whether the descriptor is a terminal, without node:tty (which brings up the
 * streams too): a character device other than /dev/null. On Windows, ask the stream.
 */
export function isTerminal(fd: number, open: () => { isTTY?: boolean }): boolean {
  if (process.platform === 'win32') return open().isTTY === true;
  // Asked by chalk (tty-shim.ts) and by the streams here: the standard descriptors are looked at once.
  let answer = terminals.get(fd);
  if (answer === undefined) {
    answer = process.platform === 'linux' ? terminalByLink(linkOf(fd)) : undefined;
    if (answer === undefined) {
      try {
        const stat = fstatSync(fd);
        answer = stat.isCharacterDevice() && stat.rdev !== statSync('/dev/null').rdev;
      } catch {
        answer = false;
      }
    }
    if (fd <= 2) terminals.set(fd, answer);
  }
  return answer;
}

/** What /proc/self/fd/<fd> points to (Linux), or undefined. */
function linkOf(fd: number): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

/**
 * The answer isTerminal's fstat would give, read from the descriptor's
 * /proc link where that link alone says it: a pipe, a socket or /dev/null is
 * no terminal, a pseudo-terminal is one; anything else (a file, another
 * device) is left to fstat (undefined). The first fstat of a run costs
 * 0.3 to 0.6 ms (Node makes its Stats objects), a readlink 0.08 ms: a piped
 * doctor or decode starts that much sooner (medians of 15 runs in process,
 * this VM, Node 20).
 */
export function terminalByLink(link: string | undefined): boolean | undefined {
  if (link === undefined) return undefined;
  if (link.startsWith('pipe:[') || link.startsWith('socket:[') || link === '/dev/null') return false;
  if (link.startsWith('/dev/pts/')) return true;
  return undefined;
}

const terminals = new Map<number, boolean>();
