import type { Check } from './check.js';

export const wrongAlg: Check = {
  id: 'wrong-alg',
  severity: 'error',
  group: 'Format',
  title: 'Not signed with HS256',
  hint: 'Sign with HMAC-SHA256 (HS256) and your SDK secret; the header must be {"alg":"HS256","typ":"JWT"}.',
  run({ decoded }) {
    const header = decoded.header;
    // OAuth tokens and ZAKs are Zoom's own (HS512 and all): their kind check says what to do.
    if (header === undefined || decoded.format !== 'jwt' || decoded.kind === 'oauth-token' || decoded.kind === 'zak') {
      return undefined;
    }
    if (header.alg === 'HS256') return [];
    return [
      {
        message: `The header says "alg": ${JSON.stringify(header.alg) ?? 'nothing'}; Zoom accepts only HS256.`,
        claim: 'alg',
        value: header.alg,
      },
    ];
  },
};
