/**
 * serve's replies leave nothing in V8's old space: every reply's headers
 * object shares one hidden class (map). Headers spread from a shared object
 * and then added to (the CORS and length headers) got a new map each, and
 * maps live in the old space: ~500 bytes a request there, cleared by a
 * mark-compact of 4 to 6 ms every few seconds under load, in serve's p99.
 * Asked of V8 itself (%HaveSameMap, --allow-natives-syntax), in a node of
 * its own, on the built library.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ENDPOINT = new URL('../../dist/core/auth-endpoint.js', import.meta.url).href;

/** Whether the headers of `count` replies to this request, as serve sends them, all have one map. */
function oneMapFor(request: { method: string; path: string; body: string; origin?: string }, count = 50): { same: boolean; statuses: number[] } {
  const script = `
    const { handleEndpointRequest } = await import(${JSON.stringify(ENDPOINT)});
    const config = { meeting: { key: 'FakeClientId0123456789', secret: 'FakeClientSecret0123456789abcdef' }, now: () => 1767225600 };
    const request = ${JSON.stringify(request)};
    const headers = { host: '127.0.0.1:4000', 'content-type': 'application/json', ...(request.origin ? { origin: request.origin } : {}) };
    const replies = [];
    for (let index = 0; index < ${count}; index += 1) {
      const reply = await handleEndpointRequest({ method: request.method, path: request.path, headers, body: request.body }, config);
      // As src/cli/http-endpoint.ts completes it.
      reply.headers['content-length'] = '100';
      replies.push(reply);
    }
    const same = replies.every((reply) => %HaveSameMap(reply.headers, replies[0].headers));
    process.stdout.write(JSON.stringify({ same, statuses: [...new Set(replies.map((reply) => reply.status))] }));
  `;
  const result = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as { same: boolean; statuses: number[] };
}

describe("serve's reply headers", () => {
  it('share one hidden class across signed replies', () => {
    expect(oneMapFor({ method: 'POST', path: '/', body: '{"meetingNumber":"85746065012","role":0}' })).toEqual({ same: true, statuses: [200] });
  });

  it('share one across replies to a page with an allowed origin, and across health replies', () => {
    expect(oneMapFor({ method: 'POST', path: '/', body: '{"meetingNumber":"85746065012","role":0}', origin: 'http://localhost:3000' })).toEqual({ same: true, statuses: [200] });
    expect(oneMapFor({ method: 'GET', path: '/health', body: '' })).toEqual({ same: true, statuses: [200] });
  });

  it('share one across error replies too', () => {
    expect(oneMapFor({ method: 'POST', path: '/', body: '{"role":7}' })).toEqual({ same: true, statuses: [400] });
    expect(oneMapFor({ method: 'PUT', path: '/', body: '' })).toEqual({ same: true, statuses: [405] });
  });
});
