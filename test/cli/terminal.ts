/**
 * Drives the BUILT CLI through a pseudo-terminal (@lydell/node-pty: node-pty
 * with prebuilt binaries, nothing compiled at install), the way a person at a
 * terminal would: wait for a question, type, press keys, read the screen.
 * Every wait is bounded, and the process is killed when a test is done.
 */
import { spawn, type IPty } from '@lydell/node-pty';
import { BIN } from './helpers.js';

const KEYS = {
  enter: '\r',
  down: '\u001b[B',
  backspace: '\u007f',
  'ctrl-c': '\u0003',
  'ctrl-d': '\u0004',
} as const;

export type Key = keyof typeof KEYS;

export interface TerminalOptions {
  /** The whole environment (nothing is inherited): PATH, HOME and TERM are added. */
  env?: Record<string, string>;
  cwd: string;
  /** Options for node itself, before the script (zoomsig() only). */
  nodeArgs?: string[];
}

export class Terminal {
  private raw = '';
  /** How far into the screen text waitFor has already matched. */
  private cursor = 0;
  private readonly pty: IPty;
  readonly exit: Promise<number>;

  /** zoomsig itself: `node bin/zoomsig.js …args`. */
  static zoomsig(args: readonly string[], options: TerminalOptions): Terminal {
    return new Terminal(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], options);
  }

  /** A shell command line, to put a pipe on one side of zoomsig. */
  static shell(commandLine: string, options: TerminalOptions): Terminal {
    return new Terminal('/bin/sh', ['-c', commandLine], options);
  }

  private constructor(file: string, args: readonly string[], options: TerminalOptions) {
    const env: Record<string, string> = { TERM: 'xterm-256color', ...options.env };
    for (const name of ['PATH', 'HOME'] as const) {
      const value = process.env[name];
      if (value !== undefined) env[name] = value;
    }
    this.pty = spawn(file, [...args], {
      name: 'xterm-256color',
      cols: 200,
      rows: 40,
      cwd: options.cwd,
      env,
    });
    this.pty.onData((data) => {
      this.raw += data;
    });
    this.exit = new Promise((resolve) => this.pty.onExit(({ exitCode }) => resolve(exitCode)));
  }

  /** Everything drawn so far, without escape sequences: what was ever on the screen. */
  get screen(): string {
    return stripAnsi(this.raw);
  }

  /** Waits until `pattern` is drawn after what the last wait matched. */
  async waitFor(pattern: RegExp | string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rest = this.screen.slice(this.cursor);
      const match = typeof pattern === 'string' ? indexMatch(rest, pattern) : pattern.exec(rest);
      if (match) {
        this.cursor += match.index + match[0].length;
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`the terminal did not show ${String(pattern)} within ${timeoutMs} ms. It showed:\n${this.screen.slice(-2000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  type(text: string): void {
    this.pty.write(text);
  }

  press(...keys: Key[]): void {
    for (const key of keys) this.pty.write(KEYS[key]);
  }

  /** Types the answer and presses Enter once the question is on the screen. */
  async answer(question: RegExp | string, text: string): Promise<void> {
    await this.waitFor(question);
    this.type(text);
    this.press('enter');
  }

  /** The exit code, or an error when the process has not exited within `timeoutMs`. */
  async exitCode(timeoutMs = 15_000): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no exit within ${timeoutMs} ms. The terminal showed:\n${this.screen.slice(-2000)}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exit, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  kill(): void {
    try {
      this.pty.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

function indexMatch(text: string, needle: string): { index: number; 0: string } | null {
  const index = text.indexOf(needle);
  return index === -1 ? null : { index, 0: needle };
}

/** CSI, OSC and the two-character escapes a prompt library draws with. */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78]/g, '');
}
