import type { Check } from './check.js';

export const wrappedInput: Check = {
  id: 'wrapped-input',
  severity: 'info',
  group: 'Format',
  title: 'The token was pasted with a wrapper',
  hint: 'Pass the SDK the token alone: no quotes, no "Bearer ", not the whole JSON reply.',
  run({ decoded }) {
    if (decoded.unwrapped.length === 0) return [];
    return [{ message: `Took off ${decoded.unwrapped.map((u) => u.description).join(', ')} before reading the token.` }];
  },
};
