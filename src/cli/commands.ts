/**
 * The command table: name, summary, usage, options, examples, and how to
 * load the code that runs it (imported only when that command runs).
 */
import type { Environment } from './credentials.js';
import type { Io, Output } from './io.js';
import type { OptionName, OptionValues } from './options.js';

export interface CommandInput {
  values: OptionValues;
  positionals: string[];
  io: Io;
  output: Output;
  /** Environment variables and .env, read once per run. */
  environment: Environment;
}

export type CommandRunner = (input: CommandInput) => Promise<number>;

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  description: string;
  options: readonly OptionName[];
  maxPositionals: number;
  examples: readonly string[];
  load: () => Promise<CommandRunner>;
}

const OUTPUT_OPTIONS = ['json', 'no-color', 'help'] as const;

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'generate',
    summary: 'print a new signature (the token alone on stdout)',
    usage: 'zoomsig generate [options]',
    description:
      'Builds a Meeting SDK (default) or Video SDK signature exactly as Zoom\'s samples do: HS256, base64url, seconds, iat back-dated 30 s, exp = iat + expires-in, tokenExp = exp. Interactive mode: on a terminal, whatever the flags, the environment and .env leave out is asked for (the secret hidden), and the same command without the questions is shown afterwards. Without a terminal (pipes, CI) nothing is asked: a missing value is an error naming its flag and variable.',
    options: [
      'sdk', 'product', 'key', 'secret', 'secret-file', 'meeting', 'role', 'expires-in', 'webrtc', 'native',
      'topic', 'session-key', 'user-identity', 'now', 'format', ...OUTPUT_OPTIONS,
    ],
    maxPositionals: 0,
    examples: [
      'zoomsig generate                                   # on a terminal: asks for what is missing',
      'zoomsig generate --meeting 85746065012 --role 0',
      'zoomsig generate --meeting "https://zoom.us/j/85746065012?pwd=abc" --role host --expires-in 90m',
      'zoomsig generate --native --json',
      'zoomsig generate --sdk video --topic "support-room-7" --role 1',
    ],
    load: async () => (await import('./commands/generate.js')).runGenerate,
  },
  {
    name: 'decode',
    summary: 'show what a pasted token is and holds (no secret needed)',
    usage: 'zoomsig decode [token|-] [options]',
    description:
      'Reads a token from the argument, from - (standard input), or from a pipe, takes off quotes, "Bearer " and JSON wrappers, and shows its kind, header, payload and time claims. The signature is not checked: use zoomsig verify for that.',
    options: ['now', 'format', ...OUTPUT_OPTIONS],
    maxPositionals: 1,
    examples: [
      'zoomsig decode eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ…',
      'pbpaste | zoomsig decode',
      'curl -s -X POST localhost:4000 -H "Content-Type: application/json" -d \'{"meetingNumber":"85746065012","role":0}\' | zoomsig decode --json',
    ],
    load: async () => (await import('./commands/decode.js')).runDecode,
  },
  {
    name: 'verify',
    summary: 'check the signature against a secret; exit 0 only if Zoom would accept it',
    usage: 'zoomsig verify [token|-] [options]',
    description:
      'Checks the HMAC with your secret (several --secret: says which one signed it), the algorithm, the claims and the time claims. On a mismatch it tries the usual mistakes (white space, key used as secret, swapped, hex/base64-decoded secret) and names the one that matches.',
    options: [
      'secret', 'secret-file', 'key', 'sdk', 'product', 'now', 'ignore-exp', 'skew', 'strict', 'format',
      ...OUTPUT_OPTIONS,
    ],
    maxPositionals: 1,
    examples: [
      'ZOOM_MEETING_SDK_SECRET=… zoomsig verify eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ…',
      'zoomsig verify --secret-file dev.secret --secret-file prod.secret < token.txt',
      'zoomsig verify --ignore-exp --format github "$TOKEN"',
    ],
    load: async () => (await import('./commands/verify.js')).runVerify,
  },
];
