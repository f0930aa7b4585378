import type { Check } from './check.js';

export const bareHmac: Check = {
  id: 'bare-hmac',
  severity: 'error',
  group: 'Format',
  title: 'Only the HMAC, not the whole signature',
  hint: 'Return the whole JWT, header.payload.signature, not just the HMAC digest. zoomsig generate shows the full form.',
  run({ decoded }) {
    if (decoded.format !== 'bare-hmac') return [];
    return [{ message: `This is a bare HMAC (${decoded.token.length} characters, no dots): only the last part of a signature.` }];
  },
};
