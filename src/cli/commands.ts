/**
 * The command table: name, summary, arguments, options, examples, and how to
 * load the code that runs it (imported only when that command runs). The
 * commander program is made from it (program.ts): a new command is one entry.
 */
import type { Command } from 'commander';
import type { OutputFormat } from './common-options.js';
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
  /** The commander program (completion reads its commands and options). */
  program?: Command;
}

export type CommandRunner = (input: CommandInput) => Promise<number>;

export interface CommandSpec {
  name: string;
  summary: string;
  description: string;
  /** Its own options; the global ones (--json, --format, --no-color, --quiet, --help) are added to every command. */
  options: readonly OptionName[];
  /** This command's help text for an option, where the table's general one would be wrong. */
  optionHelp?: Partial<Record<OptionName, string>>;
  /** What --format takes here (default text, json, github). */
  formats?: readonly OutputFormat[];
  /** Its one optional argument, if any: `[token|-]`, and what to call it in messages. */
  argument?: { usage: string; name: string; description: string; required?: boolean; choices?: readonly string[] };
  examples: readonly string[];
  /** Not listed in the help (`zoomsig version`). */
  hidden?: boolean;
  /** Reads every command of the program (completion), not only itself. */
  wholeProgram?: boolean;
  load: () => Promise<CommandRunner>;
}

const TOKEN_ARGUMENT = {
  usage: '[token|-]',
  name: 'token',
  description: 'the token, or - to read standard input (default: standard input when it is piped)',
} as const;

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'generate',
    summary: 'print a new signature (the token alone on stdout)',
    description:
      'Builds a Meeting SDK (default) or Video SDK signature exactly as Zoom\'s samples do: HS256, base64url, seconds, iat back-dated 30 s, exp = iat + expires-in, tokenExp = exp. Interactive mode: on a terminal, whatever the flags, the environment and .env leave out is asked for (the secret hidden), except what has a default (the lifetime, 2 h; the Video SDK role, 0), and the same command without the questions is shown afterwards. Without a terminal (pipes, CI) nothing is asked: a missing value is an error naming its flag and variable.',
    options: [
      'sdk', 'product', 'key', 'secret', 'secret-file', 'meeting', 'role', 'expires-in', 'webrtc', 'native',
      'topic', 'session-key', 'user-identity', 'now',
    ],
    optionHelp: {
      sdk: 'which SDK the signature is for (default: meeting)',
      role: '0 / participant (join) or 1 / host (start); required for a web signature, default 0 for video',
      now: 'the clock to sign at: Unix seconds or ISO 8601, read as UTC when it has no offset (default: the system clock)',
    },
    formats: ['text', 'json'],
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
    description:
      'Reads a token from the argument, from - (standard input), or from a pipe, takes off quotes, "Bearer " and JSON wrappers, and shows its kind, header, payload and time claims. The signature is not checked: use zoomsig verify for that.',
    options: ['now'],
    argument: TOKEN_ARGUMENT,
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
    description:
      'Checks the HMAC with your secret (several --secret: says which one signed it), the algorithm, the claims and the time claims. On a mismatch it tries the usual mistakes (white space, key used as secret, swapped, hex/base64-decoded secret) and names the one that matches.',
    options: [
      'secret', 'secret-file', 'key', 'sdk', 'product', 'sdk-version', 'now', 'ignore-exp', 'skew', 'strict',
    ],
    optionHelp: { sdk: 'which SDK the token is for, whose secret variable is read (default: the token\'s own kind)' },
    argument: TOKEN_ARGUMENT,
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
    description:
      'Runs every check on the token: its format, its kind, its claims, its time claims against the clock, the signature when a secret is known (env, .env, --secret-file), and what you pass to join() (--join). Each problem comes with the offending claim, the fix and its docs page. --error ranks the findings by the error Zoom gave and lists the causes no token can show. Exits 1 when Zoom would reject the token.',
    options: [
      'secret', 'secret-file', 'key', 'meeting', 'role', 'join', 'error', 'sdk', 'product', 'sdk-version', 'now', 'ignore-exp',
      'skew', 'strict', 'verbose',
    ],
    optionHelp: {
      role: 'the role you join with, 0 / participant or 1 / host: checked against the token\'s (role-mismatch)',
      meeting: 'the meeting you join, checked against the token\'s mn: 85746065012, "857 4606 5012" or a join URL',
      key: 'the SDK key / Client ID you expect (env ZOOM_MEETING_SDK_KEY, or ZOOM_VIDEO_SDK_KEY for video)',
      sdk: 'which SDK the token is for (default: inferred from the token)',
    },
    argument: TOKEN_ARGUMENT,
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
    description:
      'For a Zoom error code (web or native, any case): what it means, its causes most frequent first, the doctor check that looks for each, and what to do about the ones no token can show. For a check id: its page, with why Zoom rejects it and how to fix it. Without an argument: every code and check it knows.',
    options: [],
    formats: ['text', 'json'],
    argument: { usage: '[code|check-id]', name: 'error code or check id', description: 'a Zoom error code (3712, 200, JWTTOKENWRONG…) or a check id (expired)' },
    examples: ['zoomsig explain 3712', 'zoomsig explain jwttokenwrong', 'zoomsig explain timestamps-in-ms', 'zoomsig explain 200 --json'],
    load: async () => (await import('./commands/explain.js')).runExplain,
  },
  {
    name: 'check',
    summary: 'CI smoke check of credentials or of a running auth endpoint',
    description:
      'Without --endpoint: reads each SDK\'s key and secret (flags, ZOOM_MEETING_SDK_* / ZOOM_VIDEO_SDK_*, .env), checks them for white space, quotes, a pasted token, key equal to secret, empty variables and OAuth-app variables, and has doctor judge a token made with them. With --endpoint: POSTs the web sample\'s body {meetingNumber, role} --requests times, runs doctor on every signature, checks the CORS preflight for --origin and a POST without Content-Type, and counts each problem over the replies. Every request ends within --timeout, a reply is read up to --max-reply, and a redirect is a finding (--follow-redirects follows those on the endpoint\'s origin). Exits 1 on an error finding, 2 when there is nothing to check or the endpoint cannot be reached.',
    options: [
      'endpoint', 'requests', 'concurrency', 'timeout', 'origin', 'max-reply', 'follow-redirects', 'secret', 'secret-file', 'key', 'meeting', 'role', 'topic', 'sdk',
      'product', 'now', 'ignore-exp', 'skew', 'strict', 'junit',
    ],
    optionHelp: {
      role: 'the role to ask the endpoint for and to sign the test token with: 0 / participant or 1 / host (default 0)',
      meeting: 'the meeting number to ask the endpoint for (default 85746065012, a made-up one)',
      topic: 'video: the session name to ask the endpoint for (default zoomsig-check)',
      sdk: 'which SDK to check (default: each one configured; an endpoint: meeting)',
    },
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
    description:
      'Answers POST / as Zoom\'s Meeting SDK sample endpoint does ({meetingNumber, role, expirationSeconds?, videoWebRtcMode?} in, {signature, sdkKey} out) and POST /video as the Video SDK sample does ({sessionName, role, ...} in, {signature} out), with the same validation and HTTP 400 {errors: [{property, reason}]}. Credentials from ZOOM_MEETING_SDK_KEY / _SECRET and ZOOM_VIDEO_SDK_KEY / _SECRET (environment or .env); --key and --secret-file set those of --sdk (default meeting). CORS for pages from loopback origins (--allow-origin for others), requests only for the address it listens on (--allow-host for others), GET /health, one log line per request on stderr (never blocking: lines a stalled reader cannot take are dropped and counted). --max-role 0, --max-expiration and --auth-token-file (or ZOOMSIG_SERVE_TOKEN) limit what is signed and for whom. Stops on Ctrl-C (SIGINT) or SIGTERM, within a second.',
    options: [
      'port', 'host', 'key', 'secret', 'secret-file', 'sdk', 'product', 'allow-origin', 'allow-host', 'max-role', 'max-expiration',
      'auth-token-file', 'now',
    ],
    optionHelp: {
      sdk: 'which SDK --key, --secret and --secret-file are for (default: meeting); the other SDK reads the environment',
      now: 'sign every token at this time instead of the request\'s: Unix seconds or ISO 8601, read as UTC when it has no offset',
    },
    formats: ['text', 'json'],
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
  {
    name: 'ui',
    summary: 'the same checks in a local web page (offline; nothing leaves the machine)',
    description:
      'Serves one page on 127.0.0.1 (port 4100; --port 0 picks a free one) that does what doctor, generate and explain do, in the browser: paste a token (or an endpoint\'s reply, a join() object, "Bearer …"), optionally give the secret, key, meeting, role, SDK, the error Zoom showed and the clock, and read the verdict and every finding with its fix and page. The page\'s Content-Security-Policy forbids every connection, the secret is never stored or put in the link, and the server answers the page and nothing else. The URL is the first line on stdout. --out writes the page as one self-contained HTML file that works from disk (file://) or any static host. Stops on Ctrl-C (SIGINT) or SIGTERM.',
    options: ['port', 'host', 'open', 'out'],
    optionHelp: {
      port: 'the port to listen on (default 4100; 0 picks a free one and prints it)',
    },
    formats: ['text', 'json'],
    examples: [
      'zoomsig ui --open',
      'zoomsig ui --port 0        # a free port, printed on start',
      'zoomsig ui --out zoomsig.html',
    ],
    load: async () => (await import('./commands/ui.js')).runUi,
  },
  {
    name: 'completion',
    summary: 'print a shell completion script (bash, zsh or fish)',
    description:
      'Prints a completion script for the shell named, made from this program\'s commands and options: commands, options and the values of options that take a fixed set. Load it from your shell\'s start-up file, or save it where your shell looks for completions.',
    options: [],
    formats: ['text'],
    argument: { usage: '<bash|zsh|fish>', name: 'shell', description: 'the shell to complete for', required: true, choices: ['bash', 'zsh', 'fish'] },
    wholeProgram: true,
    examples: [
      'source <(zoomsig completion bash)                          # bash, in ~/.bashrc',
      'zoomsig completion zsh > "${fpath[1]}/_zoomsig"             # zsh',
      'zoomsig completion fish > ~/.config/fish/completions/zoomsig.fish',
    ],
    load: async () => (await import('./commands/completion.js')).runCompletion,
  },
  {
    name: 'version',
    summary: 'print the version',
    description: 'Prints the version of zoomsig, as --version does.',
    options: [],
    formats: ['text'],
    examples: ['zoomsig version'],
    hidden: true,
    load: async () => (await import('./version.js')).runVersion,
  },
];
