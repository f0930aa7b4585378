import { isSuccess, looksLikeJwt, snippet } from './replies.js';
import type { EndpointCheck } from './smoke-check.js';

export const endpointNotJson: EndpointCheck = {
  id: 'endpoint-not-json',
  severity: 'error',
  group: 'Endpoint',
  title: 'The reply is not JSON',
  hint: 'Answer with JSON, as Zoom\'s sample does: res.json({ signature, sdkKey }). The web sample reads (await response.json()).signature.',
  run({ exchange, reply, json, secrets }) {
    if (exchange.kind !== 'post' || reply === undefined || !isSuccess(reply)) return undefined;
    if (json?.parsed) return [];
    const type = reply.headers['content-type'];
    const typeText = type === undefined ? 'no Content-Type' : `Content-Type ${type}`;
    if (reply.body.trim() === '') return [{ message: `HTTP ${reply.status} with an empty body (${typeText}).` }];
    const what = looksLikeJwt(reply.body) ? 'the token as plain text' : 'not JSON';
    return [{ message: `The body is ${what} (${typeText}): ${snippet(reply.body, secrets)}.` }];
  },
};
