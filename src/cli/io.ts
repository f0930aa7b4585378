/**
 * The command layer's view of the process: streams, environment, working
 * directory. Commands get an `Io` so tests can drive them without a process.
 */
import chalk, { Chalk, chalkStderr, type ChalkInstance } from 'chalk';
import { redactSecrets } from '../core/mask.js';
import { descriptorInput, descriptorOutput } from './descriptor-output.js';

export interface WritableLike {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Io {
  env: Record<string, string | undefined>;
  cwd: string;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** A real stream: prompts draw on it when it is a terminal. */
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: WritableLike;
  /** The wall clock, read only here. */
  clock: () => Date;
}

export function processIo(): Io {
  return {
    env: process.env,
    cwd: process.cwd(),
    // Streams only when they are really used (read, or drawn on by a prompt): see descriptor-output.ts.
    stdin: descriptorInput(0, () => process.stdin),
    stdout: descriptorOutput(1, () => process.stdout),
    stderr: descriptorOutput(2, () => process.stderr),
    clock: () => new Date(),
  };
}

/** What decides how output looks: --no-color, --quiet. */
export interface OutputSettings {
  noColor?: boolean | undefined;
  quiet?: boolean | undefined;
}

/**
 * Everything a command prints goes through here: secrets it has seen are
 * masked on the way out, whatever the code path that printed them. Colour
 * comes from chalk, decided for each stream from that stream (chalk for
 * stdout, chalkStderr for stderr: TERM=dumb, FORCE_COLOR, a terminal or
 * not), and is off with --no-color or NO_COLOR.
 */
export class Output {
  private readonly secrets: string[] = [];
  private stdoutPainter!: ChalkInstance;
  private stderrPainter!: ChalkInstance;
  private quiet = false;

  constructor(
    private readonly io: Io,
    settings: OutputSettings = {},
  ) {
    this.configure(settings);
  }

  /** Once the options are parsed. */
  configure({ noColor, quiet }: OutputSettings): void {
    const off = noColor === true || (this.io.env.NO_COLOR !== undefined && this.io.env.NO_COLOR !== '');
    this.stdoutPainter = off ? plain() : chalk;
    this.stderrPainter = off ? plain() : chalkStderr;
    this.quiet = quiet === true;
  }

  /** Whether what goes to stdout is painted. */
  get color(): boolean {
    return this.stdoutPainter.level > 0;
  }

  /** Registers a secret so that it is masked in all later output. */
  protect(secret: string): void {
    for (const value of [secret, secret.trim()]) {
      if (value !== '' && !this.secrets.includes(value)) this.secrets.push(value);
    }
    this.secrets.sort((a, b) => b.length - a.length);
  }

  /** The text with every registered secret masked: for what goes to a file (a JUnit report) rather than a stream. */
  redact(text: string): string {
    return redactSecrets(text, this.secrets);
  }

  out(text: string): void {
    this.io.stdout.write(this.redact(ensureNewline(text)));
  }

  err(text: string): void {
    this.io.stderr.write(this.redact(ensureNewline(text)));
  }

  /** A warning on stderr; --quiet drops it. */
  warn(text: string): void {
    if (!this.quiet) this.err(`${this.stderrPainter.yellow('warning:')} ${text}`);
  }

  /** A note on stderr; --quiet drops it. */
  note(text: string): void {
    if (!this.quiet) this.err(`${this.stderrPainter.dim('note:')} ${text}`);
  }

  /** Text for stdout, painted when stdout takes colour. */
  paint(style: Style, text: string): string {
    return this.stdoutPainter[style](text);
  }
}

let plainPainter: ChalkInstance | undefined;
/** chalk that paints nothing: --no-color, NO_COLOR. */
function plain(): ChalkInstance {
  plainPainter ??= new Chalk({ level: 0 });
  return plainPainter;
}

export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'blue' | 'cyan';

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
