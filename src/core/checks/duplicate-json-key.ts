import type { Check } from './check.js';

export const duplicateJsonKey: Check = {
  id: 'duplicate-json-key',
  severity: 'error',
  group: 'Format',
  title: 'A key named twice in the header or payload',
  hint: 'Build the header and payload as objects and let a JWT library serialise them; never join JSON text by hand.',
  run({ decoded }) {
    if (decoded.format !== 'jwt') return undefined;
    return decoded.duplicateKeys.map(({ segment, key }) => ({
      message: `The ${segment} names ${JSON.stringify(key)} more than once. JSON.parse (and so zoomsig) keeps the last one, other decoders the first, and strict ones refuse the token: what it says depends on who reads it.`,
      claim: segment === 'header' ? `header.${key}` : key,
    }));
  },
};
