/** Reading an endpoint's replies: success, a short view of a body, its error reason, its signature, CORS. */
import { isJsonObject, parseJsonLimited } from '../json-value.js';
import type { ExchangeContext, HttpReply, JsonBody } from './smoke-check.js';

export function isSuccess(reply: HttpReply): boolean {
  return reply.status >= 200 && reply.status < 300;
}

export function readJson(body: string): JsonBody {
  const parsed = parseJsonLimited(body);
  return parsed.ok ? { parsed: true, value: parsed.value } : { parsed: false };
}

/** The start of a body, on one line, quoted: `"Internal Server Error"`, `"eyJhbGciOiJIUzI1…"`. */
export function snippet(text: string, length = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `"${line.length > length ? `${line.slice(0, length)}…` : line}"`;
}

/** True when a text is a JWT (or the start of one) on its own: `eyJ…`, two dots. */
export function looksLikeJwt(text: string): boolean {
  return /^eyJ[\w-]*\.[\w-]*\.[\w-]*$/.test(text.trim().replace(/^"|"$/g, ''));
}

/** The reason an error reply gives: the sample's {errors: [{property, reason}]}, an {error} or {message}, or the text. */
export function errorReason(reply: HttpReply, json: JsonBody | undefined): string | undefined {
  if (json?.parsed && isJsonObject(json.value)) {
    const { errors, error, message } = json.value;
    if (Array.isArray(errors) && isJsonObject(errors[0])) {
      const { property, reason } = errors[0];
      if (typeof reason === 'string') return typeof property === 'string' ? `${property}: ${reason}` : reason;
    }
    for (const text of [error, message]) if (typeof text === 'string') return text;
  }
  return reply.body.trim() === '' ? undefined : snippet(reply.body, 80);
}

/** The reply's `signature` field, when it is a string. */
export function signatureOf(context: Pick<ExchangeContext, 'json'>): string | undefined {
  const { json } = context;
  if (!json?.parsed || !isJsonObject(json.value)) return undefined;
  const { signature } = json.value;
  return typeof signature === 'string' ? signature : undefined;
}

/** Why a page on `origin` may not read this reply, or undefined when it may. */
export function corsProblem(reply: HttpReply, origin: string): string | undefined {
  const allowed = reply.headers['access-control-allow-origin'];
  if (allowed === undefined || allowed.trim() === '') return 'has no Access-Control-Allow-Origin header';
  if (allowed.trim() === '*' || allowed.trim() === origin) return undefined;
  return `allows the origin ${JSON.stringify(allowed)}, not ${origin}`;
}

export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
