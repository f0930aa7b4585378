import { tooLargeText } from './replies.js';
import type { EndpointCheck } from './smoke-check.js';

export const endpointReplyTooLarge: EndpointCheck = {
  id: 'endpoint-reply-too-large',
  severity: 'error',
  group: 'Endpoint',
  title: 'The reply is too large',
  hint: 'Answer with the signature and nothing more, {"signature": "<the JWT>", "sdkKey": "<Client ID>"}: well under 1 KiB. A reply that is larger, or that inflates to far more than it sent, is a page, a log or a fault, not a signature. --max-reply raises the limit (default 64 KiB).',
  run({ exchange }) {
    if (exchange.kind !== 'post') return undefined;
    const { outcome } = exchange;
    if (outcome.type === 'no-reply' || outcome.type === 'redirect') return undefined;
    if (outcome.type !== 'too-large') return [];
    const { tooLarge } = outcome;
    return [{ message: `The reply (HTTP ${tooLarge.status}) ${tooLargeText(tooLarge)} (--max-reply): zoomsig stopped reading it.` }];
  },
};
