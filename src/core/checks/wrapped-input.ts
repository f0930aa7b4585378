import type { Check } from './check.js';

export const wrappedInput: Check = {
  id: 'wrapped-input',
  severity: 'info',
  group: 'Format',
  title: 'The token was pasted with a wrapper',
  hint: 'Pass the SDK the token alone: no quotes, no "Bearer ", not the whole JSON reply.',
  run({ decoded }) {
    if (decoded.unwrapped.length === 0) return [];
    const parts = decoded.unwrapped.map((u) => u.description);
    const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
    return [{ message: `Took off ${list} before reading it.` }];
  },
};
