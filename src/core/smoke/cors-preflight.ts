import { listText } from '../list-text.js';
import { corsProblem, isSuccess, seconds } from './replies.js';
import type { EndpointCheck, HttpReply } from './smoke-check.js';

export const corsPreflight: EndpointCheck = {
  id: 'cors-preflight',
  severity: 'error',
  group: 'Endpoint',
  title: 'The CORS preflight does not allow the page\'s POST',
  hint: 'Answer OPTIONS with 204 and Access-Control-Allow-Origin (* or the page\'s origin), Access-Control-Allow-Methods including POST and Access-Control-Allow-Headers including Content-Type: app.use(cors()) in Express, as Zoom\'s sample does.',
  run({ exchange, reply, probe }) {
    if (exchange.kind !== 'preflight' || probe.origin === undefined) return undefined;
    const asked = `The preflight (OPTIONS from ${probe.origin})`;
    if (exchange.outcome.type === 'no-reply') {
      const { failure } = exchange.outcome;
      return [{ message: `${asked} got no reply: ${failure.reason === 'timeout' ? `none within ${seconds(probe.timeoutMs)}` : failure.detail}.` }];
    }
    if (reply === undefined) return undefined;
    const problems = preflightProblems(reply, probe.origin);
    return problems.length === 0 ? [] : [{ message: `${asked} ${listText(problems)}: the browser never sends the POST.` }];
  },
};

function preflightProblems(reply: HttpReply, origin: string): string[] {
  if (!isSuccess(reply)) return [`got HTTP ${reply.status}`];
  const problems: string[] = [];
  const originProblem = corsProblem(reply, origin);
  if (originProblem !== undefined) problems.push(originProblem);
  const methods = listHeader(reply, 'access-control-allow-methods');
  // Without the header only the simple methods are allowed, and POST is one of them.
  if (methods !== undefined && !methods.includes('*') && !methods.includes('post')) {
    problems.push(`allows the methods ${reply.headers['access-control-allow-methods'] ?? ''}, not POST`);
  }
  const headers = listHeader(reply, 'access-control-allow-headers');
  if (headers === undefined) problems.push('does not allow the Content-Type header a JSON POST sends (no Access-Control-Allow-Headers)');
  else if (!headers.includes('*') && !headers.includes('content-type')) {
    problems.push(`allows the headers ${reply.headers['access-control-allow-headers'] ?? ''}, not Content-Type`);
  }
  return problems;
}

/** A comma-separated header as lower-case items; undefined when absent. */
function listHeader(reply: HttpReply, name: string): string[] | undefined {
  const value = reply.headers[name];
  return value === undefined ? undefined : value.split(',').map((item) => item.trim().toLowerCase()).filter((item) => item !== '');
}
