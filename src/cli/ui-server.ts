/**
 * The server of `zoomsig ui`: GET / answers the page, and that is all it
 * does. No API, nothing that signs: the page does its work in the browser.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { UiPage } from './ui-page.js';

export function createUiServer(page: UiPage): Server {
  const body = Buffer.from(page.html, 'utf8');
  const headers = {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
    // The page's own policy, plus what only a header can say: no framing.
    'Content-Security-Policy': `${page.csp}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
  return createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      answer(response, 405, 'zoomsig ui serves one page, to GET.', { Allow: 'GET, HEAD' });
    } else if (path !== '/' && path !== '/index.html') {
      answer(response, 404, 'zoomsig ui serves one page: /');
    } else {
      response.writeHead(200, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
    }
  });
}

function answer(response: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', ...extra });
  response.end(`${text}\n`);
}
