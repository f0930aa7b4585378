import { asNumber } from '../json-value.js';
import type { Check, FindingDraft } from './check.js';
import { roleClaimOf } from './role-claim.js';

const ROLE_WORDS = { 0: 'participant (0)', 1: 'host (1)' } as const;

export const roleMismatch: Check = {
  id: 'role-mismatch',
  severity: 'error',
  group: 'Claims',
  title: "The token's role is not the one you join with",
  hint: 'Sign with the role you join with: 0 to join as participant, 1 to start as host (which also needs a ZAK).',
  run(context) {
    const claim = roleClaimOf(context);
    const payload = context.decoded.payload;
    const expected = [
      ...(context.role ? [context.role] : []),
      ...(context.join?.role !== undefined ? [{ value: context.join.role, label: "the join() object's role" }] : []),
    ];
    if (claim === undefined || payload === undefined || expected.length === 0) return undefined;
    const actual = asNumber(payload[claim]);
    if (actual !== 0 && actual !== 1) return undefined; // invalid-role says so
    const drafts: FindingDraft[] = [];
    const reported = new Set<number>();
    for (const { value, label } of expected) {
      if (asNumber(value) !== actual && !reported.has(asNumber(value))) {
        reported.add(asNumber(value));
        drafts.push({
          message: `${claim} is ${ROLE_WORDS[actual]}, but ${label} is ${JSON.stringify(value)}.`,
          claim,
          value: payload[claim],
        });
      }
    }
    return drafts;
  },
};
