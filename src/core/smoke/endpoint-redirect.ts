import { redirectText } from './replies.js';
import type { EndpointCheck, Redirect } from './smoke-check.js';

export const endpointRedirect: EndpointCheck = {
  id: 'endpoint-redirect',
  severity: 'error',
  group: 'Endpoint',
  title: 'The endpoint answers with a redirect',
  hint: 'Point the page (and --endpoint) at the URL that answers: the web sample\'s fetch() follows a 301, 302 or 303 as a GET, without the body, and a redirect to another origin needs CORS there too. --follow-redirects lets zoomsig follow redirects on the same origin.',
  run({ exchange }) {
    if (exchange.kind !== 'post') return undefined;
    const { outcome } = exchange;
    if (outcome.type === 'no-reply') return undefined;
    if (outcome.type !== 'redirect') return [];
    return [{ message: `${redirectText(outcome.redirect)}: ${why(outcome.redirect)}` }];
  },
};

function why({ status, why: reason }: Redirect): string {
  const browser =
    status === 307 || status === 308 ? ' A browser re-sends the POST there, with its body and Origin.' : ' A browser follows it as a GET, without the body.';
  switch (reason) {
    case 'not-followed':
      return `not followed, so no signature was checked (--follow-redirects follows one on the same origin).${status === 307 || status === 308 ? '' : browser}`;
    case 'other-origin':
      return `not followed: zoomsig follows redirects on the endpoint's origin only.${browser}`;
    case 'loop':
      return 'the page never gets a reply.';
    case 'too-many':
      return 'not followed further.';
    case 'bad-location':
      return 'nothing to follow.';
  }
}
