/**
 * The node:http shell of zoomsig serve, in process on 127.0.0.1 with short
 * time limits: body size, slow clients, the access log.
 */
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEndpointServer } from '../../src/cli/http-endpoint.js';

const KEY = 'FakeClientId0123456789';
const SECRET = 'FakeClientSecret0123456789abcdef';
const HEADERS_TIMEOUT_MS = 300;

let server: Server;
let port: number;
const log: string[] = [];

beforeAll(async () => {
  server = createEndpointServer({
    config: { meeting: { key: KEY, secret: SECRET }, now: () => 1_767_225_600 },
    log: (line) => log.push(line),
    headersTimeoutMs: HEADERS_TIMEOUT_MS,
    requestTimeoutMs: 2 * HEADERS_TIMEOUT_MS,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  port = address.port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const url = (path: string): string => `http://127.0.0.1:${port}${path}`;

function postJson(path: string, body: string): Promise<Response> {
  return fetch(url(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

/** Sends raw bytes and collects what comes back until the server closes the connection. */
function rawExchange(...parts: string[]): Promise<{ reply: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      for (const part of parts) socket.write(part);
    });
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      reply += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve({ reply, ms: performance.now() - started }));
    setTimeout(() => socket.destroy(new Error(`the server kept the connection open; got ${JSON.stringify(reply)}`)), 5_000);
  });
}

async function lastLogLine(): Promise<string | undefined> {
  // The line is written when the response closes, just after the client has read it.
  await new Promise((resolve) => setTimeout(resolve, 20));
  return log.at(-1);
}

describe('the http shell', () => {
  it('serves a signature and logs one line without it', async () => {
    const before = log.length;
    const response = await postJson('/', '{"meetingNumber":"85746065012","role":0}');
    const { signature } = (await response.json()) as { signature: string };
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await lastLogLine()).toMatch(/^POST \/ 200 \d+\.\dms$/);
    expect(log.length).toBe(before + 1);
    expect(log.join('\n')).not.toContain(signature.split('.')[2]);
  });

  it('logs the path without its query string', async () => {
    await fetch(url('/health?secret=abc'));
    expect(await lastLogLine()).toMatch(/^GET \/health 200 /);
  });

  it('answers a body over 16 KiB with 413, and keeps serving', async () => {
    const big = JSON.stringify({ meetingNumber: '85746065012', role: 0, padding: 'x'.repeat(20 * 1024) });
    const response = await postJson('/', big);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errors: [{ property: '$body', reason: expect.stringMatching(/over 16 KiB/) }] });
    expect(await lastLogLine()).toMatch(/^POST \/ 413 /);
    expect((await postJson('/', '{"meetingNumber":"85746065012","role":0}')).status).toBe(200);
  });

  it('answers a 10 MB upload that keeps writing with 413, and reads it all rather than resetting the connection', async () => {
    const total = 10 * 1024 * 1024;
    const { reply, sent, error } = await new Promise<{ reply: string; sent: number; error?: string }>((resolve) => {
      let sent = 0;
      let reply = '';
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${total}\r\n\r\n`);
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = (): void => {
          while (sent < total) {
            sent += chunk.length;
            if (!socket.write(chunk)) {
              socket.once('drain', pump);
              return;
            }
          }
          socket.end();
        };
        pump();
      });
      socket.setEncoding('utf8');
      socket.on('data', (data: string) => {
        reply += data;
      });
      socket.on('error', (failure: NodeJS.ErrnoException) => resolve({ reply, sent, error: failure.code ?? failure.message }));
      socket.on('close', () => resolve({ reply, sent }));
    });
    expect(error).toBeUndefined();
    expect(sent).toBe(total);
    expect(reply).toMatch(/^HTTP\/1\.1 413 Payload Too Large\r\n/);
    expect(reply).toContain('over 16 KiB');
  });

  it('takes a body of exactly 16 KiB', async () => {
    const body = JSON.stringify({ meetingNumber: '85746065012', role: 0, padding: '' });
    const padded = body.replace('"padding":""', `"padding":"${'x'.repeat(16 * 1024 - body.length)}"`);
    expect(Buffer.byteLength(padded)).toBe(16 * 1024);
    expect((await postJson('/', padded)).status).toBe(200);
  });

  it('cuts a client that sends its headers too slowly (408)', async () => {
    const { reply, ms } = await rawExchange('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(ms).toBeLessThan(HEADERS_TIMEOUT_MS * 4 + 500);
    expect(log).toContain('- - 408 (the client was too slow to send its request)');
  });

  it('cuts a client that sends its body too slowly (408), in one log line', async () => {
    const before = log.length;
    const { reply } = await rawExchange(
      'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n',
      '{"meetingNumber":',
    );
    expect(reply).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    await lastLogLine();
    expect(log.slice(before)).toEqual([expect.stringMatching(/^POST \/ 408 \d+\.\dms \(the client was too slow to send its request\)$/)]);
  });

  it('answers bytes that are not HTTP with 400', async () => {
    const { reply } = await rawExchange('HELLO\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(log.at(-1)).toBe('- - 400 (not an HTTP request)');
  });
});
