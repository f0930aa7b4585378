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

/** What decides how output looks: --no-color, --quiet. */
export interface OutputSettings {
  noColor?: boolean | undefined;
  quiet?: boolean | undefined;
}

type Painter = (style: Style, text: string) => string;
const PLAIN: Painter = (_style, text) => text;

/**
 * Everything a command prints goes through here: secrets it has seen are
 * masked on the way out, whatever the code path that printed them. Colour
 * comes from chalk, decided for each stream from that stream (chalk for
 * stdout, chalkStderr for stderr: TERM=dumb, FORCE_COLOR, a terminal or
 * not), and is off with --no-color or NO_COLOR. Until configure() nothing is
 * painted (a usage error is plain text).
 */
export class Output {
  private readonly secrets: string[] = [];
  private paintOut: Painter = PLAIN;
  private paintErr: Painter = PLAIN;
  private quiet: boolean;

  constructor(
    private readonly io: Io,
    settings: OutputSettings = {},
  ) {
    this.quiet = settings.quiet === true;
  }

  /**
   * Once the options are parsed: --quiet, and the painters. chalk is loaded
   * only when colour may be on, and then decides. Not loaded: with --no-color
   * or NO_COLOR; nor when neither stdout nor stderr is a terminal and nothing
   * forces colour (FORCE_COLOR, or Azure Pipelines' TF_BUILD and AGENT_NAME,
   * where chalk paints without a terminal), where chalk would paint neither.
   * A piped run then saves chalk's start, ~1.5 ms (the least of 30 runs).
   */
  async configure({ noColor, quiet }: OutputSettings): Promise<void> {
    this.quiet = quiet === true;
    const { env } = this.io;
    const off = noColor === true || (env.NO_COLOR !== undefined && env.NO_COLOR !== '');
    const forced = env.FORCE_COLOR !== undefined || (env.TF_BUILD !== undefined && env.AGENT_NAME !== undefined);
    if (off || (!forced && this.io.stdout.isTTY !== true && this.io.stderr.isTTY !== true)) {
      this.paintOut = PLAIN;
      this.paintErr = PLAIN;
      return;
    }
    const { default: chalk, chalkStderr } = await import('chalk');
    this.paintOut = (style, text) => chalk[style](text);
    this.paintErr = (style, text) => chalkStderr[style](text);
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

  /** A warning on stderr; --quiet drops it. */
  warn(text: string): void {
    if (!this.quiet) this.err(`${this.paintErr('yellow', 'warning:')} ${text}`);
  }

  private readonly warnedOnce = new Set<string>();

  /** A warning given at most once a run, under `key`, whichever code path reaches it first. */
  warnOnce(key: string, text: string): void {
    if (this.warnedOnce.has(key)) return;
    this.warnedOnce.add(key);
    this.warn(text);
  }

  /** A note on stderr; --quiet drops it. */
  note(text: string): void {
    if (!this.quiet) this.err(`${this.paintErr('dim', 'note:')} ${text}`);
  }

  /** Text for stdout, painted when stdout takes colour. */
  paint(style: Style, text: string): string {
    return this.paintOut(style, text);
  }
}

/** A value as it is, and as JSON, XML and GitHub's annotations escape it. */
function escapedForms(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const xml = value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');
  const github = value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
  return [...new Set([value, json, xml, github])];
}

export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'blue' | 'cyan';

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
