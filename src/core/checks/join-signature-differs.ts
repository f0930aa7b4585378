import { cleanInput } from '../clean-input.js';
import type { Check } from './check.js';

export const joinSignatureDiffers: Check = {
  id: 'join-signature-differs',
  severity: 'warning',
  group: 'Join context',
  title: 'The join() object carries another signature',
  hint: 'Check the signature join() really gets: give doctor no token (no argument, nothing piped) and it checks the one in the --join file.',
  run({ decoded, join }) {
    if (typeof join?.signature !== 'string' || join.signature.trim() === '') return undefined;
    if (cleanInput(join.signature).token === decoded.token) return [];
    return [
      {
        message: "The join() object's signature is not the token doctor checked (the one given as an argument or piped in): the page may be passing join() a stale or different token.",
        claim: 'signature',
      },
    ];
  },
};
