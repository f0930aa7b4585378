/**
 * serve's access log: lines written to a descriptor without ever blocking
 * the server. A synchronous write to a pipe nobody drains (a log shipper
 * that stalled, `zoomsig serve 2>&1 | slow`) waits for ever, and with it
 * every request and the SIGTERM handler; so does a write on libuv's thread
 * pool, which then also keeps process.exit waiting for that thread.
 *
 * A pipe or socket (what a process manager, a container runtime or a test
 * hands over) is written as a non-blocking stream: lines queue in memory up
 * to a limit, and past it are dropped and counted. The count is written as
 * soon as the descriptor takes lines again. A terminal, which a person can
 * stop (Ctrl-S) but which does not stall for ever, is written with fs.write,
 * one write at a time. A regular file or a device that is not a terminal
 * (/dev/null) takes a write at once, so it is written synchronously, as Node
 * writes process.stderr to a file: no trip through the thread pool for each
 * write.
 *
 * Opened on the first line, after everything serve prints at start-up: from
 * then on the descriptor is the log's (a stream over it makes it non-blocking).
 *
 * The lines of one turn of the event loop go out in one write (setImmediate):
 * under load a write per request line was a system call per request, and on
 * a file or terminal a trip through libuv's thread pool per request too.
 */
import { fstatSync, write, writeSync } from 'node:fs';
import { Socket } from 'node:net';
import { isatty } from 'node:tty';

export interface AsyncLog {
  /** Queues one line (a newline is added); never blocks, never throws. */
  line(text: string): void;
  /** Lines dropped so far because the descriptor did not take them. */
  readonly dropped: number;
}

/** How much may wait for the descriptor before lines are dropped. */
const MAX_QUEUED_BYTES = 64 * 1024;

interface Sink {
  /** Bytes written but not yet taken by the descriptor. */
  queued(): number;
  write(text: string): void;
}

export function asyncLog(fd: number, redact: (text: string) => string = (text) => text): AsyncLog {
  let sink: Sink | undefined;
  let dropped = 0;
  let reported = 0;
  let broken = false;

  const reportDropped = (): void => {
    if (dropped === reported || sink === undefined || broken) return;
    const count = dropped - reported;
    reported = dropped;
    sink.write(`zoomsig serve: ${count} log line${count === 1 ? '' : 's'} dropped: the log was not being read.\n`);
  };
  const onBroken = (): void => {
    broken = true;
  };

  return {
    line(text) {
      sink ??= openSink(fd, reportDropped, onBroken);
      const redacted = redact(text);
      const entry = `${redacted.endsWith('\n') ? redacted.replace(/\n+$/, '') : redacted}\n`;
      if (broken || sink.queued() + entry.length > MAX_QUEUED_BYTES) {
        dropped += 1;
        return;
      }
      sink.write(entry);
    },
    get dropped() {
      return dropped;
    },
  };
}

/**
 * A stream over a pipe or socket; a synchronous write for a regular file or a
 * device that is not a terminal; fs.write for a terminal. `drained` runs when
 * all queued bytes are written.
 */
function openSink(fd: number, drained: () => void, broken: () => void): Sink {
  let socket: Socket;
  try {
    socket = new Socket({ fd, readable: false, writable: true });
  } catch {
    return takesWritesAtOnce(fd) ? syncSink(fd, broken) : fileSink(fd, drained, broken);
  }
  // The log alone does not keep the process alive (pending writes do, until serve's deadline).
  socket.unref();
  socket.on('error', broken);
  socket.on('drain', drained);
  const batch = turnBatch((text) => socket.write(text));
  return { queued: () => socket.writableLength + batch.queued(), write: batch.write };
}

/** The lines of one turn of the event loop, handed to `flush` together at its end. */
function turnBatch(flush: (text: string) => void): Sink {
  let batch = '';
  const end = (): void => {
    const text = batch;
    batch = '';
    flush(text);
  };
  return {
    queued: () => batch.length,
    write: (text) => {
      if (batch === '') setImmediate(end);
      batch += text;
    },
  };
}

function takesWritesAtOnce(fd: number): boolean {
  try {
    const stats = fstatSync(fd);
    return stats.isFile() || (stats.isCharacterDevice() && !isatty(fd));
  } catch {
    return false;
  }
}

/** The lines of a turn in one synchronous write, at the end of the turn. */
function syncSink(fd: number, broken: () => void): Sink {
  return turnBatch((text) => {
    const chunk = Buffer.from(text, 'utf8');
    try {
      for (let offset = 0; offset < chunk.length; ) offset += writeSync(fd, chunk, offset, chunk.length - offset);
    } catch {
      broken();
    }
  });
}

function fileSink(fd: number, drained: () => void, broken: () => void): Sink {
  let pending: string[] = [];
  let pendingBytes = 0;
  let writing = false;
  const flush = (): void => {
    if (writing || pending.length === 0) return;
    const chunk = Buffer.from(pending.join(''), 'utf8');
    pending = [];
    writing = true;
    const writeFrom = (offset: number): void => {
      write(fd, chunk, offset, chunk.length - offset, null, (error, written) => {
        if (error) {
          broken();
          return;
        }
        if (offset + written < chunk.length) {
          writeFrom(offset + written);
          return;
        }
        writing = false;
        pendingBytes = pending.reduce((sum, text) => sum + text.length, 0);
        if (pending.length === 0) drained();
        flush();
      });
    };
    writeFrom(0);
  };
  return {
    queued: () => pendingBytes,
    write: (text) => {
      // The first line of a turn schedules the write; the others of that turn join it.
      if (pending.length === 0 && !writing) setImmediate(flush);
      pending.push(text);
      pendingBytes += text.length;
    },
  };
}
