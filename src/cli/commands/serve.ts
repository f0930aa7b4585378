/**
 * zoomsig serve: a local auth endpoint, a drop-in for Zoom's Meeting SDK and
 * Video SDK sample endpoints. Runs until SIGINT or SIGTERM, then closes the
 * server and returns 0 (within a second, whatever its clients and its log do).
 */
import type { Server } from 'node:http';
import type { EndpointConfig, SdkCredentials } from '../../core/auth-endpoint.js';
import { hostRule, type AccessPolicy } from '../../core/endpoint-access.js';
import { ZoomsigError } from '../../core/errors.js';
import { parseClock } from '../../core/time.js';
import { asyncLog } from '../async-log.js';
import type { CommandInput } from '../commands.js';
import { formatOption, sdkOption } from '../common-options.js';
import { envNames, SERVE_TOKEN_VARIABLE, signingCredentials, type Environment, type Sdk } from '../credentials.js';
import { EXIT } from '../exit-codes.js';
import type { Io, Output } from '../io.js';
import { parseAllowHost, parseAllowOrigin, parseMaxExpiration, parseMaxRole, parsePort, type OptionValues } from '../options.js';
import { createEndpointServer } from '../http-endpoint.js';
import { readUserFile, TOKEN_FILE } from '../read-file.js';

const DEFAULT_PORT = 4000;
const DEFAULT_HOST = '127.0.0.1';
/** How long open requests get to finish after SIGINT / SIGTERM before their connections are cut. */
const SHUTDOWN_GRACE_MS = 400;
/**
 * When the process ends after a signal even if something still holds it: a
 * log write waiting on a pipe nobody reads keeps Node's event loop alive for
 * as long as the pipe stays full. The one process.exit of zoomsig, for that.
 */
const SHUTDOWN_DEADLINE_MS = 700;
/** Shorter bearer tokens than this are accepted with a warning. */
const MIN_TOKEN_LENGTH = 16;

export async function runServe({ values, io, output, environment }: CommandInput): Promise<number> {
  const format = formatOption(values);
  const port = portOption(values, io.env);
  const host = values.host ?? DEFAULT_HOST;
  const fixedNow = values.now === undefined ? undefined : parseClock(values.now);
  // --key / --secret-file are for the SDK --sdk names (default meeting); the other SDK reads the environment.
  const flagged = sdkOption(values) ?? 'meeting';
  const credentials = (sdk: Sdk): SdkCredentials | undefined =>
    signingCredentials(sdk === flagged ? values : {}, environment, sdk, output, 'serve');
  const access = await accessPolicy(values, environment, host, output, io);
  const config: EndpointConfig = {
    meeting: credentials('meeting'),
    video: credentials('video'),
    now: () => fixedNow ?? io.clock(),
    access,
  };
  if (config.meeting === undefined && config.video === undefined) throw noCredentialsError(environment);

  // From here on stderr is the access log: written without blocking, whoever reads it or not.
  const log = asyncLog(2, (text) => output.redact(text));
  const server = createEndpointServer({ config, log: (line) => log.line(line) });
  // Listening for the signals before the URL is printed: whoever reads it may stop the server at once.
  const shutdown = stopOnSignal(server, log, 'serve');
  let url: string;
  try {
    url = await listen(server, port, host);
  } catch (error) {
    shutdown.cancel();
    throw error;
  }
  output.out(format === 'json' ? JSON.stringify(startJson(url, config)) : startBanner(url, config));
  if (!isLoopback(host)) {
    const unless = access.authToken === undefined ? ' Set --auth-token-file (or ZOOMSIG_SERVE_TOKEN) so that only your callers can.' : '';
    output.warn(`listening on ${host}: anyone who can reach this machine can get signatures made with your secret.${unless}`);
  }
  if (access.allowOrigins.includes('*')) {
    output.warn(
      '--allow-origin *: any web page open in a browser on a machine that reaches this server can get signatures made with your secret, as with Zoom\'s sample. Name your site\'s origin instead, or require --auth-token-file.',
    );
  }
  if (values.now !== undefined) output.note(`every token is signed at --now ${values.now}, not at the time of the request.`);
  return shutdown.stopped;
}

function portOption(values: OptionValues, env: Record<string, string | undefined>): number {
  const raw = values.port ?? (env.PORT === '' ? undefined : env.PORT);
  if (raw === undefined) return DEFAULT_PORT;
  return parsePort(raw, values.port === undefined ? 'PORT' : '--port');
}

/** --allow-origin, --allow-host, --max-role, --max-expiration, --auth-token-file / ZOOMSIG_SERVE_TOKEN. */
async function accessPolicy(values: OptionValues, environment: Environment, host: string, output: Output, io: Io): Promise<AccessPolicy> {
  const { 'max-role': maxRole, 'max-expiration': maxExpiration } = values;
  return {
    allowOrigins: (values['allow-origin'] ?? []).map(parseAllowOrigin),
    hosts: hostRule(host, (values['allow-host'] ?? []).map(parseAllowHost)),
    maxRole: maxRole === undefined ? undefined : parseMaxRole(maxRole),
    maxExpirationSeconds: maxExpiration === undefined ? undefined : parseMaxExpiration(maxExpiration),
    authToken: await authToken(values, environment, output, io),
  };
}

/** The bearer token callers must send: from --auth-token-file, else ZOOMSIG_SERVE_TOKEN (environment or .env). */
async function authToken(values: OptionValues, environment: Environment, output: Output, io: Io): Promise<string | undefined> {
  const path = values['auth-token-file'];
  const found = path === undefined ? environment.lookup(SERVE_TOKEN_VARIABLE)?.value : await readUserFile(path, TOKEN_FILE, io);
  if (found === undefined) return undefined;
  const token = found.replace(/\r?\n$/, '');
  output.protect(token);
  const source = path === undefined ? SERVE_TOKEN_VARIABLE : `the token file ${path}`;
  if (token.trim() === '' || /\s/.test(token)) {
    throw new ZoomsigError('UNREADABLE_INPUT', `${source} must hold the token alone, one line without spaces${token.trim() === '' ? '; it is empty' : ''}.`, 'auth-token-file');
  }
  if (token.length < MIN_TOKEN_LENGTH) {
    output.warn(`the token in ${source} is ${token.length} characters long: anyone who guesses it gets signatures. Use 32 random characters or more (openssl rand -hex 32).`);
  }
  return token;
}

function noCredentialsError(env: Environment): ZoomsigError {
  const meeting = envNames('meeting');
  const video = envNames('video');
  const empty = [meeting.key, meeting.secret, video.key, video.secret].filter((name) => env.isSetButEmpty(name));
  const emptyNote = empty.length > 0 ? ` (${empty.join(' and ')} ${empty.length > 1 ? 'are' : 'is'} set but empty)` : '';
  return new ZoomsigError(
    'MISSING_VALUE',
    `serve has no credentials to sign with${emptyNote}: set ${meeting.key} and ${meeting.secret} (Meeting SDK, POST /) or ${video.key} and ${video.secret} (Video SDK, POST /video) in the environment or a .env file, or give --key and --secret-file.`,
    'key',
  );
}

/** Listens on host:port and resolves with the server's URL; a clear sentence when it cannot. */
export function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, port, host)));
    server.listen(port, host, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new ZoomsigError('INTERNAL', `the server on ${host} has no port.`));
        return;
      }
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve(`http://${shownHost}:${address.port}`);
    });
  });
}

function listenError(error: NodeJS.ErrnoException, port: number, host: string): ZoomsigError {
  const where = `${host} port ${port}`;
  if (error.code === 'EADDRINUSE') {
    return new ZoomsigError('USAGE', `${where} is already in use: stop what listens there, or choose another port with --port (0 picks a free one).`, 'port');
  }
  if (error.code === 'EACCES') return new ZoomsigError('USAGE', `${where} needs privileges: choose a port above 1023 with --port.`, 'port');
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
    return new ZoomsigError('USAGE', `cannot listen on ${host}: it is not an address of this machine. Leave out --host for ${DEFAULT_HOST}.`, 'host');
  }
  return new ZoomsigError('USAGE', `cannot listen on ${where}: ${error.message}.`, 'port');
}

function startBanner(url: string, config: EndpointConfig): string {
  const signing = (sdk: Sdk, label: string): string => {
    const names = envNames(sdk);
    return config[sdk] === undefined ? `not configured (set ${names.key} and ${names.secret})` : `${label} signatures`;
  };
  const rows: [method: string, path: string, what: string][] = [
    ['POST', '/', signing('meeting', 'Meeting SDK')],
    ['POST', '/video', signing('video', 'Video SDK')],
    ['GET', '/health', 'which SDKs are configured'],
  ];
  return [
    `zoomsig serve: listening on ${url}`,
    ...rows.map(([method, path, what]) => `  ${method.padEnd(4)} ${path.padEnd(7)}  ${what}`),
    'Stop it with Ctrl-C.',
  ].join('\n');
}

/** --json: the same as one line of JSON, for a script that starts the server and reads where it listens. */
function startJson(url: string, config: EndpointConfig): Record<string, unknown> {
  return {
    schemaVersion: 1,
    url,
    endpoints: { meeting: config.meeting === undefined ? null : `${url}/`, video: config.video === undefined ? null : `${url}/video`, health: `${url}/health` },
  };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** Where stopOnSignal says it stops: serve's access log (which counts what it dropped), or ui's stderr. */
export interface StopLog {
  line(text: string): void;
  readonly dropped?: number;
}

/**
 * `stopped` resolves with exit code 0 once SIGINT or SIGTERM has closed the
 * server; a second signal cuts open connections at once. `cancel` takes the
 * handlers off again (the server never started).
 */
export function stopOnSignal(server: Server, log: StopLog, command: string): { stopped: Promise<number>; cancel: () => void } {
  let stop: (signal: NodeJS.Signals) => void = () => undefined;
  const cancel = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
  const stopped = new Promise<number>((resolve) => {
    let stopping = false;
    stop = (signal) => {
      if (stopping) {
        server.closeAllConnections();
        return;
      }
      stopping = true;
      log.line(`zoomsig ${command}: ${signal}, stopping.`);
      server.close(() => {
        cancel();
        const dropped = log.dropped ?? 0;
        if (dropped > 0) log.line(`zoomsig ${command}: ${dropped} log lines were dropped in all: the log was not being read.`);
        resolve(EXIT.ok);
      });
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
      // Unref'd: it fires only when something (a log write stuck on a full pipe) keeps the process up.
      setTimeout(() => process.exit(EXIT.ok), SHUTDOWN_DEADLINE_MS).unref();
    };
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { stopped, cancel };
}
