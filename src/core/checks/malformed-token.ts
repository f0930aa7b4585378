import type { Check } from './check.js';

export const malformedToken: Check = {
  id: 'malformed-token',
  severity: 'error',
  group: 'Format',
  title: 'A JWT that cannot be read',
  hint: 'Copy the whole token again; if your own code builds it, use a JWT library instead of joining strings by hand.',
  run({ decoded }) {
    if (decoded.format !== 'jwt' && decoded.format !== 'legacy') return undefined;
    return decoded.problems
      .filter((problem) => problem.code !== 'not-url-safe')
      .map((problem) => ({ message: problem.message, ...(problem.segment && { claim: problem.segment }) }));
  },
};
