import type { Check } from './check.js';

const given = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

export const zakWithObfToken: Check = {
  id: 'zak-with-obf-token',
  severity: 'error',
  group: 'Join context',
  title: 'join() gets both zak and obfToken',
  hint: 'Pass one of the two: zak (the host\'s, to start; or a signed-in user\'s) or obfToken (to join another account\'s meeting on behalf of a user).',
  run({ join }) {
    if (join === undefined) return undefined;
    if (!given(join.zak) || !given(join.obfToken)) return [];
    return [
      {
        message: 'join() gets both zak and obfToken: the client view stops with error 3636 and the component view rejects the join, before the signature is even sent.',
        claim: 'obfToken',
      },
    ];
  },
};
