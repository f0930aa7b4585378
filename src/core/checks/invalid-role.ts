import type { Check } from './check.js';
import { isStringRole, roleClaimOf } from './role-claim.js';

export const invalidRole: Check = {
  id: 'invalid-role',
  severity: 'error',
  group: 'Claims',
  title: 'role is neither 0 nor 1',
  hint: 'Set the role to 0 (join as participant) or 1 (start as host).',
  run(context) {
    const claim = roleClaimOf(context);
    const payload = context.decoded.payload;
    if (claim === undefined || payload === undefined || !Object.hasOwn(payload, claim)) return undefined;
    const value = payload[claim];
    if (value === 0 || value === 1 || isStringRole(value)) return [];
    return [
      {
        message: `${claim} is ${JSON.stringify(value)}; it must be 0 (join as participant) or 1 (start as host).`,
        hint: `Set "${claim}" to 0 or 1.`,
        claim,
        value,
      },
    ];
  },
};
