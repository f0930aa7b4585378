import { sentence } from './replies.js';
import type { EndpointCheck } from './smoke-check.js';

export const endpointNoReply: EndpointCheck = {
  id: 'endpoint-no-reply',
  severity: 'error',
  group: 'Endpoint',
  title: 'A request got no reply',
  hint: 'Look at the endpoint\'s log for these requests: a handler that never answers (an unhandled promise, a missing res.end()), a crash, or a server that cannot keep up. The page waits in vain and the join never starts.',
  run({ exchange }) {
    if (exchange.kind !== 'post') return undefined;
    if (exchange.outcome.type !== 'no-reply') return [];
    return [{ message: `${sentence(exchange.outcome.failure.detail)}.` }];
  },
};
