import type { Check } from './check.js';

export const notAToken: Check = {
  id: 'not-a-token',
  severity: 'error',
  group: 'Format',
  title: 'Not a token at all',
  hint: 'An SDK signature starts with "eyJ" and has two dots. Check you copied the whole value your server returned.',
  run({ decoded }) {
    if (decoded.format !== 'empty' && decoded.format !== 'unknown') return [];
    return [
      {
        message:
          decoded.problems[0]?.message ?? 'This is not a JWT (three base64url parts joined by dots) nor any Zoom signature format.',
      },
    ];
  },
};
