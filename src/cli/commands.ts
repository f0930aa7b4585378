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
  /** What the positional argument is, for messages (default "token"). */
  positional?: string;
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
  {
    name: 'doctor',
    summary: 'run every check, explain each problem and how to fix it',
    usage: 'zoomsig doctor [token|-] [options]',
    description:
      'Runs every check on the token: its format, its kind, its claims, its time claims against the clock, the signature when a secret is known (env, .env, --secret-file), and what you pass to join() (--join). Each problem comes with the offending claim, the fix and its docs page. --error ranks the findings by the error Zoom gave and lists the causes no token can show. Exits 1 when Zoom would reject the token.',
    options: [
      'secret', 'secret-file', 'key', 'meeting', 'role', 'join', 'error', 'sdk', 'product', 'now', 'ignore-exp',
      'skew', 'strict', 'verbose', 'format', ...OUTPUT_OPTIONS,
    ],
    maxPositionals: 1,
    examples: [
      'zoomsig doctor eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ…',
      'pbpaste | zoomsig doctor --error 3712',
      'zoomsig doctor --join join.json --secret-file sdk.secret',
      'zoomsig doctor "$TOKEN" --meeting "https://zoom.us/j/85746065012" --role 0 --json',
      'zoomsig doctor --ignore-exp --verbose < examples/endpoint-reply.json',
    ],
    load: async () => (await import('./commands/doctor.js')).runDoctor,
  },
  {
    name: 'explain',
    summary: 'what a Zoom error code (3712, 200, 124, 63, ...) or a check id means',
    usage: 'zoomsig explain <code|check-id>',
    description:
      'For a Zoom error code (web or native, any case): what it means, its causes most frequent first, the doctor check that looks for each, and what to do about the ones no token can show. For a check id: its page, with why Zoom rejects it and how to fix it. Without an argument: every code and check it knows.',
    options: ['format', ...OUTPUT_OPTIONS],
    maxPositionals: 1,
    positional: 'error code or check id',
    examples: ['zoomsig explain 3712', 'zoomsig explain jwttokenwrong', 'zoomsig explain timestamps-in-ms', 'zoomsig explain 200 --json'],
    load: async () => (await import('./commands/explain.js')).runExplain,
  },
  {
    name: 'check',
    summary: 'CI smoke check of credentials or of a running auth endpoint',
    usage: 'zoomsig check [--endpoint <url>] [options]',
    description:
      'Without --endpoint: reads each SDK\'s key and secret (flags, ZOOM_MEETING_SDK_* / ZOOM_VIDEO_SDK_*, .env), checks them for white space, quotes, a pasted token, key equal to secret, empty variables and OAuth-app variables, and has doctor judge a token made with them. With --endpoint: POSTs the web sample\'s body {meetingNumber, role} --requests times, runs doctor on every signature, checks the CORS preflight for --origin and a POST without Content-Type, and counts each problem over the replies. Exits 1 on an error finding, 2 when there is nothing to check or the endpoint cannot be reached.',
    options: [
      'endpoint', 'requests', 'concurrency', 'timeout', 'origin', 'secret', 'secret-file', 'key', 'meeting', 'role', 'topic', 'sdk',
      'product', 'now', 'ignore-exp', 'skew', 'strict', 'junit', 'format', ...OUTPUT_OPTIONS,
    ],
    maxPositionals: 0,
    examples: [
      'zoomsig check                                   # the credentials in the environment or .env',
      'zoomsig check --endpoint http://localhost:4000 --requests 20',
      'zoomsig check --endpoint https://staging.example.com/api/zoom-signature --origin https://app.example.com --format github --junit reports/zoomsig.xml',
      'zoomsig check --endpoint http://localhost:4000/video --sdk video --topic support-room-7 --role 1 --json',
    ],
    load: async () => (await import('./commands/check.js')).runCheck,
  },
  {
    name: 'serve',
    summary: 'local auth endpoint, drop-in for Zoom\'s sample endpoints',
    usage: 'zoomsig serve [options]',
    description:
      'Answers POST / as Zoom\'s Meeting SDK sample endpoint does ({meetingNumber, role, expirationSeconds?, videoWebRtcMode?} in, {signature, sdkKey} out) and POST /video as the Video SDK sample does ({sessionName, role, ...} in, {signature} out), with the same validation and HTTP 400 {errors: [{property, reason}]}. Credentials from ZOOM_MEETING_SDK_KEY / _SECRET and ZOOM_VIDEO_SDK_KEY / _SECRET (environment or .env); --key and --secret-file set those of --sdk (default meeting). CORS for pages from loopback origins (--allow-origin for others), requests only for the address it listens on (--allow-host for others), GET /health, one log line per request on stderr (never blocking: lines a stalled reader cannot take are dropped and counted). --max-role 0, --max-expiration and --auth-token-file (or ZOOMSIG_SERVE_TOKEN) limit what is signed and for whom. Stops on Ctrl-C (SIGINT) or SIGTERM, within a second.',
    options: [
      'port', 'host', 'key', 'secret', 'secret-file', 'sdk', 'product', 'allow-origin', 'allow-host', 'max-role', 'max-expiration',
      'auth-token-file', 'now', 'no-color', 'help',
    ],
    maxPositionals: 0,
    examples: [
      'zoomsig serve',
      'PORT=8080 zoomsig serve --host 0.0.0.0',
      'zoomsig serve --port 0        # a free port, printed on start',
      'zoomsig serve --sdk video --key "$VIDEO_KEY" --secret-file video.secret',
      'zoomsig serve --host 0.0.0.0 --allow-host sig.example.com --allow-origin https://app.example.com --max-role 0 --max-expiration 2h --auth-token-file /run/secrets/serve-token',
      'curl -s -X POST localhost:4000 -H "Content-Type: application/json" -d \'{"meetingNumber":"85746065012","role":0}\'',
      'curl -s -X POST localhost:4000/video -H "Content-Type: application/json" -d \'{"sessionName":"room-7","role":1}\'',
    ],
    load: async () => (await import('./commands/serve.js')).runServe,
  },
];
