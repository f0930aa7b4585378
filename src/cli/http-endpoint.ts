/**
 * The node:http shell around handleEndpointRequest: reads the request within
 * the size and time limits, writes the reply, and logs one line per request
 * (method, path, status, milliseconds: never a body, a header or a token).
 * Loaded only by `zoomsig serve`, so no other command pays for node:http.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import {
  handleEndpointRequest,
  internalErrorReply,
  MAX_BODY_BYTES,
  tooLargeReply,
  type EndpointConfig,
  type EndpointReply,
} from '../core/auth-endpoint.js';

export interface EndpointServerOptions {
  config: EndpointConfig;
  /** Receives the access-log lines and the reasons of internal errors. */
  log: (line: string) => void;
  /** How long a client may take to send its headers (default 10 s). */
  headersTimeoutMs?: number;
  /** How long it may take to send the whole request (default 30 s). */
  requestTimeoutMs?: number;
}

/**
 * After a 413, the rest of the body is read and thrown away up to this much,
 * then the connection is cut. Cutting it sooner resets a client still
 * sending (a 10 MB upload), which then reports the reset, not the 413.
 */
const MAX_DISCARDED_BYTES = 64 * 1024 * 1024;

/** A request being served, for its one access-log line. */
interface Pending {
  method: string;
  path: string;
  /** performance.now() at the request's start; none before the headers are in. */
  started?: number;
  logged: boolean;
}

/** What Node's client errors mean, as a status and a note for the log. */
function clientErrorReply(code: string | undefined): [status: number, note: string] {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, 'the client was too slow to send its request'];
  if (code === 'HPE_HEADER_OVERFLOW') return [431, 'the headers are too large'];
  return [400, 'not an HTTP request'];
}

export function createEndpointServer(options: EndpointServerOptions): Server {
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? 30_000, headersTimeout);
  // The request each connection is on, so that a client error names it.
  const pending = new WeakMap<Socket, Pending>();
  const server = createServer(
    {
      headersTimeout,
      requestTimeout,
      keepAliveTimeout: 5_000,
      // How often Node looks for clients past those limits (its default, 30 s, would let them overstay).
      connectionsCheckingInterval: Math.min(1_000, headersTimeout),
    },
    (req, res) => {
      const url = req.url ?? '/';
      const query = url.indexOf('?');
      const request: Pending = { method: req.method ?? 'GET', path: query === -1 ? url : url.slice(0, query), started: performance.now(), logged: false };
      pending.set(req.socket, request);
      res.once('close', () => {
        if (pending.get(req.socket) === request) pending.delete(req.socket);
        const status = res.headersSent ? String(res.statusCode) : '-';
        logOnce(request, status, res.writableFinished ? undefined : 'the client went away', options.log);
      });
      void serveRequest(req, res, request, options);
    },
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // A client that hung up needs neither a reply nor a log line.
    if (error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, note] = clientErrorReply(error.code);
    // Before the headers are in there is no request yet: no method or path.
    logOnce(pending.get(socket) ?? { method: '-', path: '-', logged: false }, String(status), note, options.log);
    if (socket.writable) socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroySoon();
  });
  return server;
}

/** The access-log line: method, path, status, milliseconds, and why when it did not end well. */
function logOnce(request: Pending, status: string, note: string | undefined, log: (line: string) => void): void {
  if (request.logged) return;
  request.logged = true;
  const ms = request.started === undefined ? '' : ` ${(performance.now() - request.started).toFixed(1)}ms`;
  log(`${printable(request.method)} ${printable(request.path)} ${status}${ms}${note === undefined ? '' : ` (${note})`}`);
}

async function serveRequest(req: IncomingMessage, res: ServerResponse, request: Pending, options: EndpointServerOptions): Promise<void> {
  const { method, path } = request;
  let reply: EndpointReply;
  try {
    const body = await readBody(req);
    reply = body === undefined ? tooLargeReply() : await handleEndpointRequest({ method, path, headers: req.headers, body }, options.config);
  } catch (error) {
    if (req.destroyed || res.destroyed) return;
    options.log(`internal error on ${printable(method)} ${printable(path)}: ${error instanceof Error ? error.message : String(error)}`);
    reply = internalErrorReply();
  }
  if (res.destroyed) return;
  const payload = reply.body === undefined ? undefined : JSON.stringify(reply.body);
  // The reply's headers are its own object (handleEndpointRequest makes one per reply).
  if (payload !== undefined) reply.headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, reply.headers);
  res.end(payload);
}

/**
 * The body as text, or undefined as soon as it is known to be over
 * MAX_BODY_BYTES, so the 413 goes out at once. The rest is still read and
 * dropped, so that the client reads the 413 rather than a reset connection,
 * up to MAX_DISCARDED_BYTES more; then the connection is cut.
 */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    if (Number(req.headers['content-length']) > MAX_BODY_BYTES) resolve(undefined);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      resolve(undefined);
      if (size > MAX_BODY_BYTES + MAX_DISCARDED_BYTES) req.socket.destroy();
    });
    // Resolving again after a 413 changes nothing.
    req.once('end', () => {
      if (size > MAX_BODY_BYTES) resolve(undefined);
      // One chunk, as a body of a few hundred bytes comes: no copy.
      else resolve((chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString('utf8'));
    });
    req.once('error', reject);
  });
}

const PRINTABLE = /^[\x21-\x7e]*$/;

/** Request text fit for one log line: no control characters, cut short. */
function printable(text: string): string {
  if (text.length <= 80 && PRINTABLE.test(text)) return text;
  const clean = text.replace(/[^\x21-\x7e]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}
