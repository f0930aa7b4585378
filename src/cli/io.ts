/**
 * The command layer's view of the process: streams, environment, working
 * directory. Commands get an `Io` so tests can drive them without a process.
 */
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

/**
 * Everything a command prints goes through here: secrets it has seen are
 * masked on the way out, whatever the code path that printed them.
 */
export class Output {
  readonly color: boolean;
  private readonly secrets: string[] = [];

  constructor(
    private readonly io: Io,
    options: { noColor?: boolean | undefined } = {},
  ) {
    this.color = useColor(io, options.noColor === true);
  }

  /**
   * Registers a secret so that it is masked in all later output: as it is,
   * trimmed, and as it reads once escaped in JSON, XML or a GitHub
   * annotation (a quote, a backslash, an & or a % in it would hide it from
   * a search for the value as it is).
   */
  protect(secret: string): void {
    for (const value of [secret, secret.trim()].flatMap(escapedForms)) {
      if (value !== '' && !this.secrets.includes(value)) this.secrets.push(value);
    }
    this.secrets.sort((a, b) => b.length - a.length);
  }

  /** The values registered so far, longest first: for code that must mask them before it cuts a text short. */
  protectedValues(): readonly string[] {
    return [...this.secrets];
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

  warn(text: string): void {
    this.err(`${this.paint('yellow', 'warning:')} ${text}`);
  }

  note(text: string): void {
    this.err(`${this.paint('dim', 'note:')} ${text}`);
  }

  paint(style: Style, text: string): string {
    if (!this.color) return text;
    const [open, close] = STYLES[style];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  }
}

/** A value as it is, and as JSON, XML and GitHub's annotations escape it. */
function escapedForms(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const xml = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  const github = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return [...new Set([value, json, xml, github])];
}

type Style = keyof typeof STYLES;
const STYLES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  cyan: [36, 39],
} as const;

function useColor(io: Io, noColor: boolean): boolean {
  if (noColor || (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '')) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
