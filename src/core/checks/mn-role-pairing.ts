import type { Check } from './check.js';

export const mnRolePairing: Check = {
  id: 'mn-role-pairing',
  severity: 'error',
  group: 'Claims',
  title: 'mn without role, or role without mn',
  hint: 'A web signature carries both mn and role; a native-only token carries neither.',
  run({ decoded, tokenSdk }) {
    const payload = decoded.payload;
    if (tokenSdk !== 'meeting' || payload === undefined) return undefined;
    const hasMn = Object.hasOwn(payload, 'mn');
    if (hasMn === Object.hasOwn(payload, 'role')) return [];
    return [{ message: hasMn ? 'There is mn but no role.' : 'There is role but no mn.', claim: hasMn ? 'role' : 'mn' }];
  },
};
