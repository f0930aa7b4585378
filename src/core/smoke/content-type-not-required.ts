import { decodeToken } from '../decode-token.js';
import { redirectText, signatureOf, tooLargeText } from './replies.js';
import type { EndpointCheck, EndpointProbe } from './smoke-check.js';

export const contentTypeNotRequired: EndpointCheck = {
  id: 'content-type-not-required',
  severity: 'warning',
  group: 'Endpoint',
  title: 'A POST without a JSON Content-Type is not refused',
  hint: 'Refuse a body without Content-Type: application/json with HTTP 415 (or 400) and a reason, as zoomsig serve does, instead of signing a token without the body\'s meeting number and role.',
  run({ exchange, reply, json, probe }) {
    if (exchange.kind !== 'no-content-type') return undefined;
    const asked = 'A POST of the same body without Content-Type';
    const { outcome } = exchange;
    // No reply at all is an error, not a warning: the endpoint left a request unanswered.
    if (outcome.type === 'no-reply') {
      return [{ severity: 'error', message: `${asked} got no reply (${outcome.failure.detail}): a page that forgets the header waits in vain.` }];
    }
    if (outcome.type === 'redirect') return [{ message: `${asked} got ${redirectText(outcome.redirect)} instead of a refusal: not followed, so not checked.` }];
    if (outcome.type === 'too-large') return [{ message: `${asked} got a reply that ${tooLargeText(outcome.tooLarge)} instead of a refusal: not checked.` }];
    if (reply === undefined) return undefined;
    if (reply.status >= 500) return [{ message: `${asked} got HTTP ${reply.status}: the endpoint fails instead of saying what is wrong.` }];
    const signature = reply.status < 300 ? signatureOf({ json }) : undefined;
    if (signature === undefined) return [];
    const ignored = ignoredClaims(signature, probe);
    if (ignored === undefined) return [];
    return [
      {
        message: `${asked} got HTTP ${reply.status} and a token ${ignored}: the body was not read (express.json() skips it without the header), and Zoom rejects that token (3712).`,
      },
    ];
  },
};

/** How the token shows the body was ignored ("without mn and role"), or undefined when it carries what was sent. */
function ignoredClaims(signature: string, probe: EndpointProbe): string | undefined {
  const payload = decodeToken(signature).payload;
  if (payload === undefined) return undefined;
  if (probe.sdk === 'video') {
    return payload.tpc === probe.body.sessionName ? undefined : payload.tpc === undefined ? 'without tpc' : `for the session ${JSON.stringify(payload.tpc)}`;
  }
  if (payload.mn === undefined && payload.role === undefined) return 'without mn and role (a native token)';
  return String(payload.mn) === String(probe.body.meetingNumber) ? undefined : `for the meeting ${JSON.stringify(payload.mn)}`;
}
