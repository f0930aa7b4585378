/**
 * Who may use `zoomsig serve`, decided per request without the network:
 * the Host the request names (DNS rebinding names the attacker's host), the
 * Origin of the page that sends it (CORS), a bearer token, and what may be
 * signed (the highest role, the longest lifetime). Pure: the http shell and
 * handleEndpointRequest call it; the CLI builds the policy from its options.
 */

import { isDigits } from './normalise.js';

export interface AccessPolicy {
  /**
   * Origins besides the loopback ones (`http://localhost:*`, `http://127.0.0.1:*`,
   * `http://[::1]:*`, and the same over https) whose pages may call the server,
   * as `new URL(…).origin` writes them; `*` lets any page call it (Zoom's samples).
   */
  allowOrigins: readonly string[];
  /**
   * Host header names served (lower case, no port); `*` serves any. Undefined:
   * the Host is not checked (a library user's own server).
   */
  hosts?: HostRule | undefined;
  /** 0: no host (role 1) tokens are signed. */
  maxRole?: 0 | 1 | undefined;
  /** The longest lifetime signed, in seconds; also the lifetime when a request names none and the default is longer. */
  maxExpirationSeconds?: number | undefined;
  /** Required as `Authorization: Bearer <token>` on the signature routes. */
  authToken?: string | undefined;
}

export interface HostRule {
  names: readonly string[];
  /** Any IP address literal is served too: the server listens on every interface (0.0.0.0, ::). */
  anyAddress: boolean;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'] as const;
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]', '']);

/**
 * The Host names a server listening on `listenHost` answers to: that address,
 * the loopback names when it listens on loopback or on every interface (then
 * any IP literal too), and the extra names (`--allow-host`).
 */
export function hostRule(listenHost: string, extra: readonly string[]): HostRule {
  const listen = hostnameOf(listenHost.includes(':') && !listenHost.startsWith('[') ? `[${listenHost}]` : listenHost);
  const wildcard = WILDCARD_ADDRESSES.has(listen);
  const loopback = wildcard || isLoopbackName(listen);
  const names = [...(wildcard ? [] : [listen]), ...(loopback ? LOOPBACK_NAMES : []), ...extra.map((name) => hostnameOf(name))];
  return { names: [...new Set(names)], anyAddress: wildcard };
}

/** The host name of a Host header (or `--allow-host` value), lower case, without port or trailing dot. */
export function hostnameOf(host: string): string {
  const text = host.trim().toLowerCase();
  let name = text;
  if (text.startsWith('[')) {
    name = text.slice(0, text.indexOf(']') + 1);
  } else {
    // A port: the last colon, followed by digits only (or nothing).
    const colon = text.lastIndexOf(':');
    if (colon !== -1 && isDigits(text, colon + 1)) name = text.slice(0, colon);
  }
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

export function hostAllowed(hostHeader: string | undefined, rule: HostRule | undefined): boolean {
  if (rule === undefined) return true;
  if (hostHeader === undefined || hostHeader.trim() === '') return false;
  if (rule.names.includes('*')) return true;
  const name = hostnameOf(hostHeader);
  return rule.names.includes(name) || (rule.anyAddress && isIpLiteral(name));
}

function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name);
}

function isIpLiteral(name: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || /^\[[0-9a-f:.]+\]$/.test(name);
}

/** Whether a page of this origin may call the server: a loopback page, or one the policy allows. */
export function originAllowed(origin: string, policy: AccessPolicy): boolean {
  if (policy.allowOrigins.includes('*') || policy.allowOrigins.includes(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && (LOOPBACK_NAMES as readonly string[]).includes(url.hostname) && url.origin === origin;
}

/**
 * An origin as a browser sends it in the Origin header, from what a user
 * typed (`https://App.example.com:443/` → `https://app.example.com`), or
 * undefined when it is not an http(s) origin. `*` and `null` stay as they are.
 */
export function normaliseOrigin(text: string): string | undefined {
  const value = text.trim();
  if (value === '*' || value === 'null') return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') return undefined;
  return url.origin;
}

/** True when the Authorization header carries the bearer token; the comparison takes the same time wherever they differ. */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return constantTimeEqual(match?.[1] ?? '', token);
}

/**
 * String equality in time that depends on the expected value's length only,
 * not on where (or whether) the given one differs.
 */
export function constantTimeEqual(given: string, expected: string): boolean {
  const encoder = new TextEncoder();
  const a = encoder.encode(given);
  const b = encoder.encode(expected);
  let difference = a.length ^ b.length;
  for (let index = 0; index < b.length; index += 1) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}
