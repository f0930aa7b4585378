/**
 * The requests of `zoomsig check --endpoint`, with the global fetch: the
 * sample's POSTs (`concurrency` at a time), the CORS preflight and the POST
 * without Content-Type, each within its timeout. What comes back is recorded
 * as data for the checks (src/core/smoke/check-endpoint.ts); nothing is judged here.
 */
import { ZoomsigError } from '../core/errors.js';
import type { EndpointProbe, Exchange, NoReply } from '../core/smoke/smoke-check.js';

export interface ExchangeSettings {
  probe: EndpointProbe;
  requests: number;
  concurrency: number;
  /** The clock, in Unix seconds, read as each reply arrives. */
  clock: () => number;
}

/**
 * Sends everything and returns the exchanges: the POSTs in order, then the
 * preflight (when an origin is checked), then the POST without Content-Type.
 * The first POST goes alone: when it cannot connect at all, the endpoint is
 * unreachable, which is a usage error (exit 2), not a finding.
 */
export async function exchangeWithEndpoint({ probe, requests, concurrency, clock }: ExchangeSettings): Promise<Exchange[]> {
  const body = JSON.stringify(probe.body);
  const origin: Record<string, string> = probe.origin === undefined ? {} : { origin: probe.origin };
  const post = (): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json', ...origin }, body });

  const first = await send(probe, post(), clock);
  if (first.unreachable !== undefined) throw first.unreachable;
  const rest = await inPool(requests - 1, concurrency, () => send(probe, post(), clock));
  const exchanges: Exchange[] = [first, ...rest].map(({ outcome }, index) => ({ kind: 'post', number: index + 1, outcome }));

  if (probe.origin !== undefined) {
    const preflight = await send(probe, { method: 'OPTIONS', headers: { ...origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } }, clock);
    exchanges.push({ kind: 'preflight', number: 1, outcome: preflight.outcome });
  }
  // A Uint8Array body: fetch adds no Content-Type of its own, as it would for a string.
  const bare = await send(probe, { method: 'POST', headers: origin, body: new TextEncoder().encode(body) }, clock);
  exchanges.push({ kind: 'no-content-type', number: 1, outcome: bare.outcome });
  return exchanges;
}

interface Sent {
  outcome: Exchange['outcome'];
  /** Set when the request could not connect at all. */
  unreachable?: ZoomsigError;
}

async function send(probe: EndpointProbe, init: RequestInit, clock: () => number): Promise<Sent> {
  const started = performance.now();
  try {
    const response = await fetch(probe.url, { ...init, redirect: 'follow', signal: AbortSignal.timeout(probe.timeoutMs) });
    const body = await response.text();
    const headers = Object.fromEntries(response.headers.entries());
    return { outcome: { type: 'reply', reply: { status: response.status, headers, body, ms: performance.now() - started, at: clock() } } };
  } catch (error) {
    const { failure, connected } = failureOf(error);
    return {
      outcome: { type: 'no-reply', failure },
      ...(!connected && { unreachable: new ZoomsigError('UNREACHABLE', `cannot reach ${probe.url}: ${failure.detail}. Is the endpoint running, and is the URL right?`, 'endpoint') }),
    };
  }
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
  UND_ERR_CONNECT_TIMEOUT: 'connecting timed out',
};

/** Errors after connecting: the endpoint was reached and let the request down. */
const REPLY_ERRORS: Readonly<Record<string, string>> = {
  ECONNRESET: 'the connection was reset before the reply',
  EPIPE: 'the connection was closed while sending',
  UND_ERR_SOCKET: 'the server closed the connection before the reply',
  HPE_INVALID_CONSTANT: 'the reply is not valid HTTP',
};

/** What a fetch error means, and whether the endpoint was reached at all. */
function failureOf(error: unknown): { failure: NoReply; connected: boolean } {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { failure: { reason: 'timeout', detail: 'it timed out' }, connected: true };
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (code in REPLY_ERRORS) return { failure: { reason: 'network', detail: REPLY_ERRORS[code] ?? code }, connected: true };
  const known = CONNECT_ERRORS[code];
  if (known !== undefined) return { failure: { reason: 'network', detail: known }, connected: false };
  if (/CERT|SSL|TLS/i.test(code)) return { failure: { reason: 'network', detail: `its TLS certificate is not accepted (${code})` }, connected: false };
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return { failure: { reason: 'network', detail: message === 'bad port' ? 'fetch refuses that port (browsers block it too)' : message }, connected: false };
}
