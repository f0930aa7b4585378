import type { Check } from './check.js';

export const base64NotUrlSafe: Check = {
  id: 'base64-not-url-safe',
  severity: 'error',
  group: 'Format',
  title: 'Standard base64 instead of base64url',
  hint: 'Encode each part with base64url (no "+", "/" or "=") — btoa() and Buffer.toString("base64") are the wrong encoders. Use a JWT library.',
  run({ decoded }) {
    if (decoded.format !== 'jwt') return undefined;
    return decoded.problems
      .filter((problem) => problem.code === 'not-url-safe')
      .map((problem) => ({ message: problem.message, ...(problem.segment && { claim: problem.segment }) }));
  },
};
