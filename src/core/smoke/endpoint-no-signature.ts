import { describeJsonValue, isJsonObject } from '../json-value.js';
import { isSuccess } from './replies.js';
import type { EndpointCheck } from './smoke-check.js';

export const endpointNoSignature: EndpointCheck = {
  id: 'endpoint-no-signature',
  severity: 'error',
  group: 'Endpoint',
  title: 'The reply has no signature field',
  hint: 'Answer {"signature": "<the JWT>", "sdkKey": "<Client ID>"} as Zoom\'s sample does: the web sample passes response.signature to join().',
  run({ exchange, reply, json }) {
    if (exchange.kind !== 'post' || reply === undefined || !isSuccess(reply) || !json?.parsed) return undefined;
    const { value } = json;
    if (!isJsonObject(value)) return [{ message: `The reply is ${describeJsonValue(value)}, not an object with a "signature" field.` }];
    if (typeof value.signature === 'string') return [];
    const fields = Object.keys(value);
    if ('signature' in value) {
      return [{ message: `"signature" is ${describeJsonValue(value.signature)}, not a string.` }];
    }
    const names = fields.slice(0, 6).map((field) => JSON.stringify(field)).join(', ');
    const has = fields.length === 0 ? 'is an empty object' : `has ${fields.length === 1 ? 'only the field' : 'the fields'} ${names}${fields.length > 6 ? ', …' : ''}`;
    return [{ message: `The reply has no "signature" field: it ${has}.` }];
  },
};
