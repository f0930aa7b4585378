import { errorReason, isSuccess } from './replies.js';
import type { EndpointCheck } from './smoke-check.js';

export const endpointHttpError: EndpointCheck = {
  id: 'endpoint-http-error',
  severity: 'error',
  group: 'Endpoint',
  title: 'The endpoint answered with an HTTP error',
  hint: 'The page gets no signature: look at the endpoint\'s log for these requests. It must answer the sample\'s body, {"meetingNumber":"85746065012","role":0} sent as JSON, with HTTP 200.',
  run({ exchange, reply, json, secrets }) {
    if (exchange.kind !== 'post' || reply === undefined) return undefined;
    if (isSuccess(reply)) return [];
    const reason = errorReason({ reply, json, secrets });
    return [{ message: `HTTP ${reply.status}${reason === undefined ? '' : `: ${reason}`}.` }];
  },
};
