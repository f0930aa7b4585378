/**
 * The requests of `zoomsig check --endpoint`: the sample's POSTs
 * (`concurrency` at a time), the CORS preflight and the POST without
 * Content-Type. What comes back is recorded as data for the checks
 * (src/core/smoke/check-endpoint.ts); nothing is judged here.
 *
 * node:http(s) directly, not fetch: every request has its own timer, which
 * settles it whatever the server does (accepts and closes, resets, never
 * answers, stops half-way), so the run can never end before each request has
 * an outcome; and a reply is read as a stream, its size capped before and
 * after decompression, so no reply can cost more memory than the cap.
 * (fetch never settles on a connection closed without a reply, and reads
 * whole bodies, inflated, with no limit.) Loaded only with --endpoint.
 */
import type { ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import { ZoomsigError } from '../core/errors.js';
import { bytesText, seconds } from '../core/smoke/replies.js';
import type { EndpointProbe, Exchange, NoReply, Redirect } from '../core/smoke/smoke-check.js';

export interface ExchangeSettings {
  probe: EndpointProbe;
  requests: number;
  concurrency: number;
  /** The most bytes a reply may have, on the connection and once decompressed. */
  maxReplyBytes: number;
  /** Follow redirects on the endpoint's origin (never for the preflight, which no browser follows). */
  followRedirects: boolean;
  /** The clock, in Unix seconds, read as each reply arrives. */
  clock: () => number;
}

/** How many redirects --follow-redirects follows for one request. */
export const MAX_REDIRECTS = 5;

/**
 * Sends everything and returns the exchanges: the POSTs in order, then the
 * preflight (when an origin is checked) and the POST without Content-Type,
 * those two at once. The whole run takes at most --timeout × ⌈requests /
 * concurrency⌉ for the POSTs, and one --timeout more for the other two.
 * When none of the first `concurrency` POSTs can connect at all, the
 * endpoint is unreachable: a usage error (exit 2), not a finding.
 */
export async function exchangeWithEndpoint(settings: ExchangeSettings): Promise<Exchange[]> {
  const { probe, requests, concurrency } = settings;
  const [http, https] = await Promise.all([import('node:http'), new URL(probe.url).protocol === 'https:' ? import('node:https') : undefined]);
  const transport: Transport = { request: (https ?? http).request, zlib: () => import('node:zlib') };
  const body = Buffer.from(JSON.stringify(probe.body));
  const origin: Record<string, string> = probe.origin === undefined ? {} : { origin: probe.origin };
  const post = (): Promise<Sent> =>
    send(transport, settings, { method: 'POST', headers: { 'content-type': 'application/json', ...origin }, body }, settings.followRedirects);

  const firstWave = Math.min(concurrency, requests);
  const first = await Promise.all(Array.from({ length: firstWave }, post));
  const unreachable = first.every((sent) => sent.unreachable !== undefined) ? first[0]?.unreachable : undefined;
  if (unreachable !== undefined) throw unreachable;
  const rest = await inPool(requests - firstWave, concurrency, post);
  const exchanges: Exchange[] = [...first, ...rest].map(({ outcome }, index) => ({ kind: 'post', number: index + 1, outcome }));

  const preflight =
    probe.origin === undefined
      ? undefined
      : send(transport, settings, { method: 'OPTIONS', headers: { ...origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } }, false);
  const bare = send(transport, settings, { method: 'POST', headers: origin, body }, settings.followRedirects);
  const [preflightSent, bareSent] = await Promise.all([preflight, bare]);
  if (preflightSent !== undefined) exchanges.push({ kind: 'preflight', number: 1, outcome: preflightSent.outcome });
  exchanges.push({ kind: 'no-content-type', number: 1, outcome: bareSent.outcome });
  return exchanges;
}

interface Transport {
  request: typeof import('node:http').request;
  zlib: () => Promise<typeof import('node:zlib')>;
}

interface Outgoing {
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
}

interface Sent {
  outcome: Exchange['outcome'];
  /** Set when the request could not connect at all. */
  unreachable?: ZoomsigError;
}

/** The request, and the redirects it is allowed to follow, all within one --timeout. */
async function send(transport: Transport, settings: ExchangeSettings, outgoing: Outgoing, follow: boolean): Promise<Sent> {
  const { probe } = settings;
  const started = performance.now();
  const deadline = started + probe.timeoutMs;
  const via: string[] = [];
  let url = new URL(probe.url);
  let request = outgoing;
  for (;;) {
    via.push(url.href);
    const attempt = await exchangeOnce(transport, url, request, deadline, settings);
    if (attempt.type === 'failed') {
      return {
        outcome: { type: 'no-reply', failure: attempt.failure },
        ...(!attempt.connected && {
          unreachable: new ZoomsigError('UNREACHABLE', `cannot reach ${probe.url}: ${attempt.failure.detail}. Is the endpoint running, and is the URL right?`, 'endpoint'),
        }),
      };
    }
    if (attempt.type === 'too-large') return { outcome: { type: 'too-large', tooLarge: attempt.tooLarge } };
    if (attempt.type === 'reply') {
      const reply = { status: attempt.status, headers: attempt.headers, body: attempt.body, ms: performance.now() - started, at: settings.clock() };
      return { outcome: { type: 'reply', reply } };
    }
    const redirect = (why: Redirect['why'], location: string): Sent => ({ outcome: { type: 'redirect', redirect: { status: attempt.status, location, why, via: [...via] } } });
    let next: URL;
    try {
      next = new URL(attempt.location, url);
    } catch {
      return redirect('bad-location', attempt.location);
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') return redirect('bad-location', attempt.location);
    if (!follow) return redirect('not-followed', next.href);
    if (next.origin !== new URL(probe.url).origin) return redirect('other-origin', next.href);
    if (via.includes(next.href)) return redirect('loop', next.href);
    if (via.length > MAX_REDIRECTS) return redirect('too-many', next.href);
    // As fetch does: a 303, and a 301 or 302 of a POST, are followed as a GET without the body.
    if (attempt.status === 303 || ((attempt.status === 301 || attempt.status === 302) && request.method === 'POST')) {
      const { 'content-type': _type, ...headers } = request.headers;
      request = { method: 'GET', headers };
    }
    url = next;
  }
}

type Attempt =
  | { type: 'failed'; failure: NoReply; connected: boolean }
  | { type: 'reply'; status: number; headers: Record<string, string>; body: string }
  | { type: 'redirect'; status: number; location: string }
  | { type: 'too-large'; tooLarge: Extract<Exchange['outcome'], { type: 'too-large' }>['tooLarge'] };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const DECODERS = { gzip: 'createGunzip', 'x-gzip': 'createGunzip', deflate: 'createInflate', br: 'createBrotliDecompress' } as const;

/**
 * One HTTP request, settled by the first of: the whole reply read, an
 * error, the cap passed, or the deadline. Whatever settles it destroys the
 * request, so no socket outlives it.
 */
function exchangeOnce(transport: Transport, url: URL, outgoing: Outgoing, deadline: number, settings: ExchangeSettings): Promise<Attempt> {
  const limit = settings.maxReplyBytes;
  return new Promise((resolve) => {
    let connected = false;
    let response: IncomingMessage | undefined;
    let received = 0;
    let decoder: Transform | undefined;
    let settled = false;
    let request: ClientRequest | undefined;
    const settle = (attempt: Attempt): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request?.destroy();
      decoder?.destroy();
      resolve(attempt);
    };
    const fail = (reason: NoReply['reason'], detail: string): void => settle({ type: 'failed', failure: { reason, detail }, connected });
    const timer = setTimeout(() => {
      if (!connected) fail('timeout', `connecting took longer than ${seconds(settings.probe.timeoutMs)}`);
      else if (response === undefined) fail('timeout', `no reply within ${seconds(settings.probe.timeoutMs)}`);
      else fail('timeout', `the reply (HTTP ${response.statusCode ?? '?'}) did not end within ${seconds(settings.probe.timeoutMs)}: ${bytesText(received)} came`);
    }, Math.max(0, deadline - performance.now()));

    try {
      request = transport.request(url, {
        method: outgoing.method,
        headers: {
          accept: 'application/json, */*',
          'accept-encoding': 'gzip, deflate, br',
          'user-agent': 'zoomsig check',
          ...outgoing.headers,
          ...(outgoing.body !== undefined && { 'content-length': String(outgoing.body.length) }),
        },
        agent: false,
      });
    } catch (error) {
      fail('refused', error instanceof Error ? error.message : String(error));
      return;
    }
    request.once('socket', (socket) => socket.once('connect', () => (connected = true)));
    let cut: (() => void) | undefined;
    // on, not once: a request (or its reply) may report more than one error, and an unheard one would crash the run.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (cut !== undefined) {
        cut();
        return;
      }
      const [reason, detail] = requestError(error, connected);
      // A TLS failure is one of the setup, as a refused connection is: the endpoint was not reached.
      if (/CERT|SSL|TLS/i.test(error.code ?? '')) connected = false;
      fail(reason, detail);
    });
    request.once('response', (res) => {
      response = res;
      const status = res.statusCode ?? 0;
      const headers = flatHeaders(res.headers);
      const location = headers.location;
      if (REDIRECTS.has(status) && location !== undefined) {
        settle({ type: 'redirect', status, location });
        return;
      }
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > limit) {
        settle({ type: 'too-large', tooLarge: { status, headers, limit, received: 0, declared } });
        return;
      }
      const encoding = (headers['content-encoding'] ?? 'identity').trim().toLowerCase();
      const chunks: Buffer[] = [];
      let size = 0;
      const keep = (chunk: Buffer): void => {
        size += chunk.length;
        if (size > limit) settle({ type: 'too-large', tooLarge: { status, headers, limit, received, ...(encoding !== 'identity' && { encoding }) } });
        else chunks.push(chunk);
      };
      const done = (): void => settle({ type: 'reply', status, headers, body: Buffer.concat(chunks).toString('utf8') });
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > limit) {
          settle({ type: 'too-large', tooLarge: { status, headers, limit, received } });
          return;
        }
        if (decoder === undefined) keep(chunk);
        else decoder.write(chunk);
      });
      cut = () => fail('cut', cutText(status, received, declared));
      res.once('aborted', cut);
      res.on('error', cut);
      res.once('close', () => {
        if (!res.complete) cut?.();
      });
      if (encoding === 'identity' || encoding === '') {
        res.once('end', done);
        return;
      }
      if (!Object.hasOwn(DECODERS, encoding)) {
        fail('unreadable', `the reply (HTTP ${status}) is in a Content-Encoding zoomsig did not ask for, ${JSON.stringify(encoding.slice(0, 40))}`);
        return;
      }
      // Until zlib is loaded, the reply waits (paused).
      res.pause();
      void transport.zlib().then((zlib) => {
        if (settled) return;
        decoder = zlib[DECODERS[encoding as keyof typeof DECODERS]]();
        decoder.on('data', keep);
        decoder.once('end', done);
        decoder.on('error', (error) => fail('unreadable', `the reply's ${encoding} body (HTTP ${status}) is corrupt: ${error.message}`));
        res.once('end', () => decoder?.end());
        res.resume();
      });
    });
    request.end(outgoing.body);
  });
}

function cutText(status: number, received: number, declared: number): string {
  const of = Number.isFinite(declared) ? ` of ${bytesText(declared)}` : '';
  return `the connection closed in the middle of the reply (HTTP ${status}): ${bytesText(received)}${of} came`;
}

/** Headers as one string each: a repeated header joined with ", ", as fetch does. */
function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}

/** Runs `count` tasks, at most `concurrency` at a time; results in task order. */
async function inPool<T>(count: number, concurrency: number, task: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next;
      next += 1;
      results[index] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}

/** Errors of connecting, by code: the endpoint was never reached. */
const CONNECT_ERRORS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be looked up (DNS)',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  EADDRNOTAVAIL: 'the address is not available',
};

/** What a request's error means: the reason, and the clause for the message. */
function requestError(error: NodeJS.ErrnoException, connected: boolean): [NoReply['reason'], string] {
  const code = error.code ?? '';
  const known = CONNECT_ERRORS[code];
  if (known !== undefined) return ['refused', known];
  if (/CERT|SSL|TLS/i.test(code)) return ['refused', `its TLS certificate is not accepted (${code})`];
  if (code === 'HPE_HEADER_OVERFLOW') return ['invalid', 'the reply\'s headers are over the 16 KiB Node allows'];
  if (code.startsWith('HPE_')) return ['invalid', `the reply is not valid HTTP (${code})`];
  if (code === 'ECONNRESET') {
    // Node says "socket hang up" for a connection closed (FIN) with nothing sent back; a reset (RST) has the code in its message.
    return error.message === 'socket hang up' && connected
      ? ['closed', 'the server closed the connection without a reply']
      : ['reset', 'the connection was reset before the reply'];
  }
  if (code === 'EPIPE') return ['reset', 'the connection was closed while the request was being sent'];
  return ['reset', error.message];
}
