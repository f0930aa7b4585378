/**
 * The request handling of `zoomsig serve`, without the network: a request
 * (method, path, headers, body text) in, a reply (status, headers, JSON) out.
 * The clock and the credentials are passed in. The http shell
 * (src/cli/http-endpoint.ts) reads the request within its size and time
 * limits, calls this, and writes the reply.
 *
 * Every error reply has the shape of Zoom's samples' HTTP 400:
 * `{"errors":[{"property","reason"}]}`, with `$`-names for what is not a body
 * property (`$path`, `$method`, `$body`, `$server`) and the header's name for a
 * header (`Content-Type`, `Host`, `Origin`, `Authorization`).
 *
 * Who may call it is the access policy's (endpoint-access.ts): by default
 * pages from loopback origins only, unlike Zoom's samples (any origin).
 */
import {
  bearerMatches,
  hostAllowed,
  hostnameOf,
  originAllowed,
  type AccessPolicy,
} from './endpoint-access.js';
import { isZoomsigError } from './errors.js';
import { generateSignature } from './generate.js';
import { readMeetingBody, readVideoBody, type PropertyError } from './endpoint-body.js';
import { describeJsonValue, isJsonObject, parseJsonLimited } from './json-value.js';
import type { Clock } from './time.js';
import { DEFAULT_VALIDITY_SECONDS, ENV } from './zoom-rules.js';

/** The largest request body read; a larger one gets 413. */
export const MAX_BODY_BYTES = 16 * 1024;

export interface SdkCredentials {
  key: string;
  secret: string;
}

export interface EndpointConfig {
  /** Meeting SDK credentials, for `POST /`; without them it answers 503. */
  meeting?: SdkCredentials | undefined;
  /** Video SDK credentials, for `POST /video`; without them it answers 503. */
  video?: SdkCredentials | undefined;
  /** The clock tokens are signed at, read once per request. */
  now: () => Clock;
  /** Who may call, and what is signed for them; default: pages from loopback origins, no other limit. */
  access?: AccessPolicy | undefined;
}

const DEFAULT_ACCESS: AccessPolicy = { allowOrigins: [] };

export interface EndpointRequest {
  method: string;
  /** The path without its query string. */
  path: string;
  /** Request headers, lower-case names (node:http's `req.headers`). */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  body: string;
}

export interface EndpointReply {
  status: number;
  headers: Record<string, string>;
  /** Sent as JSON; no body when absent. */
  body?: Record<string, unknown>;
}

type Route = 'meeting' | 'video' | 'health';

const ROUTES: Readonly<Record<string, Route>> = { '/': 'meeting', '/video': 'video', '/health': 'health' };

const METHODS: Readonly<Record<Route, readonly string[]>> = {
  meeting: ['POST', 'OPTIONS'],
  video: ['POST', 'OPTIONS'],
  health: ['GET', 'HEAD', 'OPTIONS'],
};

const SDK_NAMES = {
  meeting: { label: 'Meeting SDK', key: ENV.meetingKey, secret: ENV.meetingSecret, example: '{"meetingNumber":"85746065012","role":0}' },
  video: { label: 'Video SDK', key: ENV.videoKey, secret: ENV.videoSecret, example: '{"sessionName":"support-room-7","role":1}' },
} as const;

/**
 * The headers of a JSON reply, in a new object each time (the CORS and
 * length headers are added to it). Made from a literal, not spread from a
 * shared object: in V8 11 a property added to a spread copy makes a new
 * hidden class each time, so the copies (`{ ...HEADERS }`) left ~500 bytes
 * a request in V8's old space, which a mark-compact of 4 to 6 ms then
 * cleared every 2 s or so (V8's GC trace, serve under autocannon: the old
 * space grew ~560 KB a thousand requests; from a literal, 31 to 47 KB, as
 * node:http with jose alone). test/cli/serve-heap.test.ts checks it.
 */
function jsonHeaders(): Record<string, string> {
  return {
    'content-type': 'application/json; charset=utf-8',
    // A signature is a credential: no cache keeps it.
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
}

/** The reply to one request; asynchronous because signing is (WebCrypto). */
export async function handleEndpointRequest(request: EndpointRequest, config: EndpointConfig): Promise<EndpointReply> {
  const access = config.access ?? DEFAULT_ACCESS;
  const refused = refuseCaller(request, access);
  if (refused !== undefined) return refused;
  const reply = await routeRequest(request, config, access);
  // Each reply has headers of its own (jsonReply, errorReply, preflightReply): the CORS ones are added in place,
  // except where the reply sets its own (a preflight's Vary names Origin too).
  const cors = corsHeaders(header(request, 'origin'), access);
  for (const name in cors) reply.headers[name] ??= cors[name] as string;
  return reply;
}

/** 421 for a Host this server is not (DNS rebinding), 403 for a page whose origin may not call it. */
function refuseCaller(request: EndpointRequest, access: AccessPolicy): EndpointReply | undefined {
  const host = header(request, 'host');
  if (!hostAllowed(host, access.hosts)) {
    const served = access.hosts?.names.join(', ') ?? '';
    const named = host === undefined || host.trim() === '' ? 'names no host' : `names the host "${cut(host)}"`;
    const fix = host === undefined || host.trim() === '' ? '' : ` If that is its name (behind a proxy, say), start it with --allow-host ${cut(hostnameOf(host))}.`;
    return errorReply(421, 'Host', `The request ${named}, and this server answers for ${served}${access.hosts?.anyAddress ? ' and its IP addresses' : ''} only.${fix}`);
  }
  const origin = header(request, 'origin');
  if (origin !== undefined && !originAllowed(origin, access)) {
    return errorReply(
      403,
      'Origin',
      `A page from ${cut(origin)} may not ask this server for signatures: it answers pages from http://localhost, http://127.0.0.1 and http://[::1] (any port)${access.allowOrigins.length > 0 ? ` and ${access.allowOrigins.map(cut).join(', ')}` : ''}. To allow that site, start zoomsig serve with --allow-origin ${cut(origin)}.`,
    );
  }
  return undefined;
}

/** CORS for a caller that passed refuseCaller: its own origin (or `*`, when any may call); nothing without an Origin. */
function corsHeaders(origin: string | undefined, access: AccessPolicy): Record<string, string> {
  if (access.allowOrigins.includes('*')) return { 'access-control-allow-origin': '*' };
  if (origin === undefined) return { vary: 'Origin' };
  return { 'access-control-allow-origin': origin, vary: 'Origin' };
}

async function routeRequest(request: EndpointRequest, config: EndpointConfig, access: AccessPolicy): Promise<EndpointReply> {
  const route = ROUTES[request.path];
  if (route === undefined) {
    return errorReply(404, '$path', `Nothing is served at ${cut(request.path)}: POST / (Meeting SDK), POST /video (Video SDK), GET /health.`);
  }
  const allowed = METHODS[route];
  if (request.method === 'OPTIONS') return preflightReply(request, allowed);
  if (!allowed.includes(request.method)) {
    const methods = allowed.filter((method) => method !== 'OPTIONS').join(' or ');
    return errorReply(405, '$method', `${request.path} takes ${methods}, not ${cut(request.method)}.`, { allow: allowed.join(', ') });
  }
  if (route === 'health') {
    return jsonReply(200, { status: 'ok', meetingSdk: config.meeting !== undefined, videoSdk: config.video !== undefined });
  }
  return signatureReply(route, request, config, access);
}

async function signatureReply(sdk: 'meeting' | 'video', request: EndpointRequest, config: EndpointConfig, access: AccessPolicy): Promise<EndpointReply> {
  const names = SDK_NAMES[sdk];
  if (access.authToken !== undefined && !bearerMatches(header(request, 'authorization'), access.authToken)) {
    const given = header(request, 'authorization') === undefined ? 'the request has none' : 'the request\'s is not it';
    return errorReply(
      401,
      'Authorization',
      `This server signs only for callers that send its token as Authorization: Bearer <token> (--auth-token-file or ZOOMSIG_SERVE_TOKEN); ${given}.`,
      { 'www-authenticate': 'Bearer realm="zoomsig serve"' },
    );
  }
  const credentials = config[sdk];
  if (credentials === undefined) {
    return errorReply(
      503,
      '$server',
      `This server has no ${names.label} credentials: start zoomsig serve with ${names.key} and ${names.secret} set (environment or .env).`,
    );
  }
  const contentTypeProblem = checkContentType(header(request, 'content-type'));
  if (contentTypeProblem !== undefined) return errorReply(415, 'Content-Type', contentTypeProblem);

  const parsed = parseBody(request.body, names.example);
  if (!parsed.ok) return errorReply(400, '$body', parsed.reason);

  const reading = sdk === 'meeting' ? readMeetingBody(parsed.body) : readVideoBody(parsed.body);
  if (!reading.ok) return jsonReply(400, { errors: reading.errors });
  const limit = limitRefusal(reading.options, access);
  if (limit !== undefined) return errorReply(403, limit.property, limit.reason);
  const lifetime = reading.options.expiresInSeconds ?? defaultLifetime(access);
  try {
    const { key, secret } = credentials;
    // The body's options, completed in place (they are this request's own object): a copy made
    // by spreading them cost ~55,000 more instructions a request, in the copy and in every
    // check generateSignature then makes of it (valgrind, steady state).
    const options = Object.assign(reading.options, { expiresInSeconds: lifetime, key, secret, now: config.now() });
    const { signature, sdkKey } = await generateSignature(options);
    return jsonReply(200, sdk === 'meeting' ? { signature, sdkKey } : { signature });
  } catch (error) {
    // The body was checked above, so this is a rule the checks missed: still the client's 400, never a 500.
    if (isZoomsigError(error)) return errorReply(400, error.subject ?? '$body', error.message);
    throw error;
  }
}

/** What --max-role and --max-expiration refuse to sign. */
function limitRefusal(options: { role?: unknown; expiresInSeconds?: number }, access: AccessPolicy): PropertyError | undefined {
  if (access.maxRole === 0 && options.role === 1) {
    return {
      property: 'role',
      reason: 'This server signs no host tokens (role 1): it was started with --max-role 0. Ask for role 0 to join as a participant.',
    };
  }
  const max = access.maxExpirationSeconds;
  if (max !== undefined && options.expiresInSeconds !== undefined && options.expiresInSeconds > max) {
    return {
      property: 'expirationSeconds',
      reason: `This server signs tokens for at most ${max} seconds (--max-expiration); the request asks for ${options.expiresInSeconds}.`,
    };
  }
  return undefined;
}

/** Zoom's sample lifetime, or --max-expiration when that is shorter. */
function defaultLifetime(access: AccessPolicy): number {
  return Math.min(DEFAULT_VALIDITY_SECONDS, access.maxExpirationSeconds ?? DEFAULT_VALIDITY_SECONDS);
}

/** The reason a Content-Type is not JSON, or undefined when it is. */
function checkContentType(value: string | undefined): string | undefined {
  const fix = 'send the body as JSON with the header Content-Type: application/json.';
  if (value === undefined || value.trim() === '') return `The request has no Content-Type header: ${fix}`;
  const semicolon = value.indexOf(';');
  const type = (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  if (type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type)) return undefined;
  return `The Content-Type header is "${cut(value)}", not JSON: ${fix}`;
}

function parseBody(text: string, example: string): { ok: true; body: Record<string, unknown> } | { ok: false; reason: string } {
  if (text.trim() === '') return { ok: false, reason: `The body is empty: send a JSON object such as ${example}.` };
  const parsed = parseJsonLimited(text);
  if (!parsed.ok) return { ok: false, reason: `The body is not valid JSON (${cut(parsed.reason)}): send an object such as ${example}.` };
  const body = parsed.value;
  if (!isJsonObject(body)) {
    return { ok: false, reason: `The body must be a JSON object such as ${example}; got ${describeJsonValue(body)}.` };
  }
  return { ok: true, body };
}

function preflightReply(request: EndpointRequest, allowed: readonly string[]): EndpointReply {
  const requested = header(request, 'access-control-request-headers');
  const headers: Record<string, string> = {
    'access-control-allow-methods': allowed.join(', '),
    // Whatever headers the page asks to send (the cors package's default), when they are header names.
    'access-control-allow-headers': requested !== undefined && /^\s*[\w-]+(\s*,\s*[\w-]+)*\s*$/.test(requested) ? requested : 'Content-Type',
    'access-control-max-age': '600',
    vary: 'Origin, Access-Control-Request-Headers',
  };
  // Chrome asks before a public page may call a server on this machine: only an allowed origin
  // gets here (refuseCaller answered the others with 403).
  if (header(request, 'access-control-request-private-network') === 'true') {
    headers['access-control-allow-private-network'] = 'true';
  }
  return { status: 204, headers };
}

/** A reply to a body over MAX_BODY_BYTES (the shell stops reading it). */
export function tooLargeReply(): EndpointReply {
  return errorReply(413, '$body', `The body is over ${MAX_BODY_BYTES / 1024} KiB; the request of a signature needs a few hundred bytes.`);
}

/** The reply when handling failed in a way no rule foresaw: nothing of the error goes to the client. */
export function internalErrorReply(): EndpointReply {
  return errorReply(500, '$server', 'zoomsig serve failed on this request: its log says why.');
}

function errorReply(status: number, property: string, reason: string, headers: Record<string, string> = {}): EndpointReply {
  const error: PropertyError = { property, reason };
  return { status, headers: Object.assign(jsonHeaders(), headers), body: { errors: [error] } };
}

function jsonReply(status: number, body: Record<string, unknown>): EndpointReply {
  return { status, headers: jsonHeaders(), body };
}

function header(request: EndpointRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : value?.join(', ');
}

/** Text from the request, shortened for a reply. */
function cut(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
