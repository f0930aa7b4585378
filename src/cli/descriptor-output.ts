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
import { fstatSync, statSync, writeSync } from 'node:fs';

export function descriptorOutput(fd: number, realStream: () => NodeJS.WriteStream): NodeJS.WriteStream {
  let stream: NodeJS.WriteStream | undefined;
  const open = (): NodeJS.WriteStream => (stream ??= realStream());
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
      throw error;
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
function isTerminal(fd: number, open: () => { isTTY?: boolean }): boolean {
  if (process.platform === 'win32') return open().isTTY === true;
  try {
    const stat = fstatSync(fd);
    return stat.isCharacterDevice() && stat.rdev !== statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}
