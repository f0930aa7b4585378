/** Reading an endpoint's replies: success, a short view of a body, its error reason, its signature, CORS. */
import { isJsonObject, parseJsonLimited } from '../json-value.js';
import { redactSecrets } from '../mask.js';
import type { ExchangeContext, HttpReply, JsonBody, Redirect, TooLarge } from './smoke-check.js';

export function isSuccess(reply: Pick<HttpReply, 'status'>): boolean {
  return reply.status >= 200 && reply.status < 300;
}

export function readJson(body: string): JsonBody {
  const parsed = parseJsonLimited(body);
  return parsed.ok ? { parsed: true, value: parsed.value } : { parsed: false };
}

/**
 * The start of a body, on one line, quoted: `"Internal Server Error"`,
 * `"eyJhbGciOiJIUzI1…"`. The secrets are masked in the whole text first, so
 * that the cut never leaves a piece of one.
 */
export function snippet(text: string, secrets: readonly string[], length = 40): string {
  const line = redactSecrets(text, secrets).replace(/\s+/g, ' ').trim();
  return `"${line.length > length ? `${line.slice(0, length)}…` : line}"`;
}

/** True when a text is a JWT (or the start of one) on its own: `eyJ…`, two dots. */
export function looksLikeJwt(text: string): boolean {
  return /^eyJ[\w-]*\.[\w-]*\.[\w-]*$/.test(text.trim().replace(/^"|"$/g, ''));
}

/** The reason an error reply gives: the sample's {errors: [{property, reason}]}, an {error} or {message}, or the text. */
export function errorReason({ reply, json, secrets }: { reply: HttpReply; json: JsonBody | undefined; secrets: readonly string[] }): string | undefined {
  if (json?.parsed && isJsonObject(json.value)) {
    const { errors, error, message } = json.value;
    if (Array.isArray(errors) && isJsonObject(errors[0])) {
      const { property, reason } = errors[0];
      if (typeof reason === 'string') return typeof property === 'string' ? `${property}: ${reason}` : reason;
    }
    for (const text of [error, message]) if (typeof text === 'string') return snippet(text, secrets, 200).slice(1, -1);
  }
  return reply.body.trim() === '' ? undefined : snippet(reply.body, secrets, 80);
}

/** The reply's `signature` field, when it is a string. */
export function signatureOf(context: Pick<ExchangeContext, 'json'>): string | undefined {
  const { json } = context;
  if (!json?.parsed || !isJsonObject(json.value)) return undefined;
  const { signature } = json.value;
  return typeof signature === 'string' ? signature : undefined;
}

/** Why a page on `origin` may not read this reply, or undefined when it may. */
export function corsProblem(reply: Pick<HttpReply, 'headers'>, origin: string): string | undefined {
  const allowed = reply.headers['access-control-allow-origin'];
  if (allowed === undefined || allowed.trim() === '') return 'has no Access-Control-Allow-Origin header';
  if (allowed.trim() === '*' || allowed.trim() === origin) return undefined;
  return `allows the origin ${JSON.stringify(allowed)}, not ${origin}`;
}

export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** A clause as a sentence: its first letter in capitals. */
export function sentence(clause: string): string {
  return `${clause.charAt(0).toUpperCase()}${clause.slice(1)}`;
}

/** 65536 -> "64 KiB", 1536 -> "1.5 KiB", 900 -> "900 bytes". */
export function bytesText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/**
 * Where a redirect points, and the chain when redirects were followed:
 * "HTTP 307 to https://other.example/ (another origin)", "HTTP 302 back to http://a/ (a loop: http://a/ → http://b/ → http://a/)".
 */
export function redirectText({ status, location: raw, why, via }: Redirect): string {
  // A Location is the server's text, up to Node's 16 KiB of headers: shown cut short.
  const location = raw.length > 200 ? `${raw.slice(0, 200)}…` : raw;
  const chain = [...via, location].join(' → ');
  switch (why) {
    case 'bad-location':
      return `HTTP ${status} with a Location that is not a URL, ${JSON.stringify(location)}`;
    case 'other-origin':
      return `HTTP ${status} to another origin, ${location}${via.length > 1 ? ` (${chain})` : ''}`;
    case 'loop':
      return `HTTP ${status} back to ${location} (a loop: ${chain})`;
    case 'too-many':
      return `HTTP ${status} to ${location}, after ${via.length - 1} redirects followed (${chain})`;
    case 'not-followed':
      return `HTTP ${status} to ${location}${via.length > 1 ? ` (${chain})` : ''}`;
  }
}

/** Why a reply was not read whole: "over 64 KiB", "declares 10 MiB (Content-Length)", "inflates past 64 KiB (gzip)". */
export function tooLargeText({ limit, received, declared, encoding }: TooLarge): string {
  if (declared !== undefined) return `declares ${bytesText(declared)} (Content-Length), over the ${bytesText(limit)} limit`;
  if (encoding !== undefined) return `inflates past the ${bytesText(limit)} limit from ${bytesText(received)} of ${encoding}`;
  return `is over the ${bytesText(limit)} limit`;
}
