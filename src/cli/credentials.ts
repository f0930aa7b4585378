/**
 * Where keys and secrets come from, in this order: flags (--secret,
 * --secret-file, --key), the environment, then a .env file in the working
 * directory. Every secret found is registered with the output for masking.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { ZoomsigError } from '../core/errors.js';
import { OTHER_APP_SECRETS } from '../core/smoke/credential-values.js';
import type { SecretInput } from '../core/verify.js';
import { ENV } from '../core/zoom-rules.js';
import { readRegularFile, readUserFile, SECRET_FILE } from './read-file.js';
import type { Io, Output } from './io.js';
import { optionArguments, type OptionValues } from './options.js';

export type Sdk = 'meeting' | 'video';

export interface ResolvedValue {
  value: string;
  /** Where it came from, for messages: "--key", "ZOOM_MEETING_SDK_KEY", ".env (ZOOM_MEETING_SDK_KEY)". */
  source: string;
}

export function envNames(sdk: Sdk): { key: string; secret: string } {
  return sdk === 'video' ? { key: ENV.videoKey, secret: ENV.videoSecret } : { key: ENV.meetingKey, secret: ENV.meetingSecret };
}

/** A --secret-file as read: its text, or why it could not be. */
type SecretFileRead = { text: string } | { error: ZoomsigError };

/**
 * Reads the environment variable, then .env, and says which was used; and
 * the --secret-file files of the command line, each read once (standard
 * input can be read only once).
 */
export class Environment {
  private dotenv: Record<string, string> | undefined;
  private readonly secretFiles = new Map<string, SecretFileRead>();

  constructor(private readonly io: Io) {}

  /** Reads each file (or standard input) now; an error is kept for when the secret is asked for. */
  async loadSecretFiles(paths: readonly string[]): Promise<void> {
    for (const path of paths) {
      if (this.secretFiles.has(path)) continue;
      try {
        this.secretFiles.set(path, { text: await readUserFile(path, SECRET_FILE, this.io) });
      } catch (error) {
        if (!(error instanceof ZoomsigError)) throw error;
        this.secretFiles.set(path, { error });
      }
    }
  }

  /** The text of a --secret-file: as loaded, or read now (a regular file only). */
  secretFileText(path: string): string {
    const loaded = this.secretFiles.get(path);
    if (loaded === undefined) return readRegularFile(path, SECRET_FILE);
    if ('error' in loaded) throw loaded.error;
    return loaded.text;
  }

  lookup(name: string): ResolvedValue | undefined {
    const fromEnv = this.io.env[name];
    if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, source: name };
    const fromFile = this.dotenvValues()[name];
    if (fromFile !== undefined && fromFile !== '') return { value: fromFile, source: `.env (${name})` };
    return undefined;
  }

  /** True when the variable is set but empty (a common CI mistake). */
  isSetButEmpty(name: string): boolean {
    return this.io.env[name] === '' || this.dotenvValues()[name] === '';
  }

  private dotenvValues(): Record<string, string> {
    if (this.dotenv === undefined) {
      const path = join(this.io.cwd, '.env');
      let text = '';
      try {
        // Most directories have no .env: asked first, as reading it would throw an error
        // Node builds with its stack. Asking, and not parsing an empty text, took ~0.15 ms
        // off every start in such a directory (in process, this VM, Node 20).
        if (existsSync(path)) text = readFileSync(path, 'utf8');
      } catch {
        text = '';
      }
      this.dotenv = text === '' ? {} : (parseEnv(text) as Record<string, string>);
    }
    return this.dotenv;
  }
}

/** The bearer token serve requires of its callers, when --auth-token-file does not give it. */
export const SERVE_TOKEN_VARIABLE = 'ZOOMSIG_SERVE_TOKEN';

/**
 * Registers, before anything is parsed or printed, every secret this run can
 * know of: --secret values in argv, the contents of the --secret-file files
 * it names (read now, standard input included), and the secret variables of
 * the environment and .env. Then even a command that takes no secret
 * (decode) or a usage error that echoes an argument cannot print one.
 */
/** The warning a --secret on the command line gets: from the command, or at a usage error that stops the run before it. */
export function warnSecretOnCommandLine(output: Output, variable = 'ZOOM_MEETING_SDK_SECRET (ZOOM_VIDEO_SDK_SECRET for video)'): void {
  output.warnOnce(
    'secret-on-command-line',
    `a secret on the command line is visible to other users (ps) and kept in your shell history. Prefer --secret-file, ${variable} or a .env file.`,
  );
}

/** Whether the arguments carry a secret itself (--secret), before `--`. */
export function hasSecretArgument(argv: readonly string[]): boolean {
  return optionArguments(argv).some((arg) => arg === '--secret' || arg.startsWith('--secret='));
}

export async function protectKnownSecrets(argv: readonly string[], env: Environment, output: Output): Promise<void> {
  const args = optionArguments(argv);
  const secretFiles: string[] = [];
  args.forEach((arg, index) => {
    const next = args[index + 1];
    if (arg === '--secret' && next !== undefined) output.protect(next);
    else if (arg.startsWith('--secret=')) output.protect(arg.slice('--secret='.length));
    else if (arg === '--secret-file' && next !== undefined) secretFiles.push(next);
    else if (arg.startsWith('--secret-file=')) secretFiles.push(arg.slice('--secret-file='.length));
  });
  // The SDK secrets, serve's bearer token, and the secrets of other kinds of Zoom app that check reports on.
  for (const name of [ENV.meetingSecret, ENV.videoSecret, SERVE_TOKEN_VARIABLE, ...OTHER_APP_SECRETS]) {
    const found = env.lookup(name);
    if (found) output.protect(found.value);
  }
  // The secret files' contents too, before any option is checked or echoed.
  await env.loadSecretFiles(secretFiles);
  for (const path of secretFiles) {
    try {
      output.protect(withoutTrailingNewline(env.secretFileText(path)));
    } catch {
      // A path that names no file and looks like a secret was probably the secret itself: never echoed.
      if (looksLikeSecret(path)) output.protect(path);
    }
  }
}

/** No path separator, no dot, no space, 16 characters or more: a secret pasted where its file's path goes. */
function looksLikeSecret(path: string): boolean {
  return path.length >= 16 && !/[\\/.\s]/.test(path);
}

function withoutTrailingNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

export function resolveKey(values: OptionValues, env: Environment, sdk: Sdk): ResolvedValue | undefined {
  if (values.key !== undefined) return { value: values.key, source: '--key' };
  return env.lookup(envNames(sdk).key);
}

/**
 * All secrets given. Flags win over the environment; several flags are all
 * kept (to tell which one signed a token). Warns when a secret is on the
 * command line; notes when a trailing newline was taken off a secret file.
 */
export function resolveSecrets(values: OptionValues, env: Environment, sdk: Sdk, output: Output): SecretInput[] {
  const secrets: SecretInput[] = [];
  const fromFlags = values.secret ?? [];
  fromFlags.forEach((value, index) => {
    output.protect(value);
    secrets.push({ label: fromFlags.length > 1 ? `--secret #${index + 1}` : '--secret', value });
  });
  if (fromFlags.length > 0) warnSecretOnCommandLine(output, envNames(sdk).secret);
  for (const path of values['secret-file'] ?? []) {
    const value = readSecretFile(path, env, output);
    output.protect(value);
    secrets.push({ label: `--secret-file ${path}`, value });
  }
  if (secrets.length > 0) return secrets;

  const name = envNames(sdk).secret;
  const found = env.lookup(name);
  if (found) {
    output.protect(found.value);
    secrets.push({ label: found.source, value: found.value });
  }
  return secrets;
}

/** Whether resolveSecrets would find a secret, without reading files or warning. */
export function hasSecret(values: OptionValues, env: Environment, sdk: Sdk): boolean {
  return (values.secret ?? []).length > 0 || (values['secret-file'] ?? []).length > 0 || env.lookup(envNames(sdk).secret) !== undefined;
}

function readSecretFile(path: string, env: Environment, output: Output): string {
  if (output.protectedValues().includes(path)) {
    throw new ZoomsigError('USAGE', 'the --secret-file path is not shown: it is, or looks like, a secret. --secret-file takes the path of a file that holds the secret.', 'secret-file');
  }
  const text = env.secretFileText(path);
  const trimmed = withoutTrailingNewline(text);
  if (trimmed !== text) output.note(`removed the trailing newline from ${path}.`);
  if (trimmed === '') throw new ZoomsigError('UNREADABLE_INPUT', `the secret file ${path} is empty.`, 'secret-file');
  return trimmed;
}

/** The sentence for a missing value: which flag and which env var supply it. */
export function missingMessage(what: string, flag: string, envName: string | undefined, env: Environment): string {
  const emptyNote = envName && env.isSetButEmpty(envName) ? ` (${envName} is set but empty)` : '';
  const sources = envName ? `${flag}, ${envName} or a .env file` : flag;
  return `${what} is missing${emptyNote}: give it with ${sources}.`;
}

/** A sloppy .env leaves white space around values; Zoom's keys and secrets never hold any. */
export function trimmedWithWarning(value: string, what: string, output: Output): string {
  const trimmed = value.trim();
  if (trimmed !== value) output.warn(`removed white space around ${what}; Zoom's keys and secrets never hold any.`);
  return trimmed;
}

export interface SigningCredentials {
  key: string;
  secret: string;
}

/**
 * The key and the one secret to sign with for `sdk`, from flags, then the
 * environment and .env, white space taken off (with a warning). Undefined
 * when neither is configured; an error naming the missing half otherwise.
 */
export function signingCredentials(
  values: OptionValues,
  env: Environment,
  sdk: Sdk,
  output: Output,
  command: string,
): SigningCredentials | undefined {
  const key = resolveKey(values, env, sdk);
  if (key === undefined) {
    if (!hasSecret(values, env, sdk)) return undefined;
    throw missingKeyError(env, sdk);
  }
  const [secret, ...more] = resolveSecrets(values, env, sdk, output);
  if (secret === undefined) throw missingSecretError(env, sdk);
  if (more.length > 0) throw new ZoomsigError('USAGE', `${command} signs with one secret; give --secret or --secret-file once.`);
  return {
    key: trimmedWithWarning(key.value, `the key from ${key.source}`, output),
    secret: trimmedWithWarning(secret.value, `the secret from ${secret.label}`, output),
  };
}

export function missingKeyError(env: Environment, sdk: Sdk): ZoomsigError {
  return new ZoomsigError('MISSING_VALUE', missingMessage('The SDK key / Client ID', '--key', envNames(sdk).key, env), 'key');
}

export function missingSecretError(env: Environment, sdk: Sdk): ZoomsigError {
  return new ZoomsigError(
    'MISSING_VALUE',
    missingMessage('The SDK secret / Client Secret', '--secret-file (or --secret)', envNames(sdk).secret, env),
    'secret',
  );
}
