import { listText } from '../list-text.js';
import { corsProblem, isSuccess, redirectText } from './replies.js';
import type { EndpointCheck, HttpReply } from './smoke-check.js';

type ReplyHead = Pick<HttpReply, 'status' | 'headers'>;

export const corsPreflight: EndpointCheck = {
  id: 'cors-preflight',
  severity: 'error',
  group: 'Endpoint',
  title: 'The CORS preflight does not allow the page\'s POST',
  hint: 'Answer OPTIONS with 204 and Access-Control-Allow-Origin (* or the page\'s origin), Access-Control-Allow-Methods including POST and Access-Control-Allow-Headers including Content-Type: app.use(cors()) in Express, as Zoom\'s sample does.',
  run({ exchange, probe }) {
    if (exchange.kind !== 'preflight' || probe.origin === undefined) return undefined;
    const asked = `The preflight (OPTIONS from ${probe.origin})`;
    const { outcome } = exchange;
    if (outcome.type === 'no-reply') return [{ message: `${asked} got no reply: ${outcome.failure.detail}.` }];
    if (outcome.type === 'redirect') {
      return [{ message: `${asked} got ${redirectText(outcome.redirect)}: a browser does not follow a preflight's redirect, and never sends the POST.` }];
    }
    // A preflight's body means nothing: its status and headers are judged, however large the body.
    const head = outcome.type === 'reply' ? outcome.reply : outcome.tooLarge;
    const problems = preflightProblems(head, probe.origin);
    return problems.length === 0 ? [] : [{ message: `${asked} ${listText(problems)}: the browser never sends the POST.` }];
  },
};

function preflightProblems(reply: ReplyHead, origin: string): string[] {
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
function listHeader(reply: ReplyHead, name: string): string[] | undefined {
  const value = reply.headers[name];
  return value === undefined ? undefined : value.split(',').map((item) => item.trim().toLowerCase()).filter((item) => item !== '');
}
