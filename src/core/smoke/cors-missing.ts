import { corsProblem } from './replies.js';
import type { EndpointCheck } from './smoke-check.js';

export const corsMissing: EndpointCheck = {
  id: 'cors-missing',
  severity: 'error',
  group: 'Endpoint',
  title: 'The reply does not let the page read it (CORS)',
  hint: 'Send Access-Control-Allow-Origin with every reply, errors included: * (as Zoom\'s sample does, with the cors package) or the page\'s origin. Without it the browser hides the reply and fetch() fails.',
  run({ exchange, reply, probe }) {
    if (exchange.kind !== 'post' || reply === undefined || probe.origin === undefined) return undefined;
    const problem = corsProblem(reply, probe.origin);
    return problem === undefined ? [] : [{ message: `The reply to a page on ${probe.origin} ${problem}.` }];
  },
};
