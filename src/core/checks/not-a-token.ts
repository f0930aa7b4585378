import type { Check } from './check.js';

export const notAToken: Check = {
  id: 'not-a-token',
  severity: 'error',
  group: 'Format',
  title: 'Not a token at all',
  hint: 'An SDK signature starts with "eyJ" and has two dots. Check you copied the whole value your server returned.',
  run({ decoded }) {
    if (decoded.format !== 'empty' && decoded.format !== 'unknown') return [];
    // Shaped like a JWT but for characters that do not belong: the usual hint would describe what it already is.
    const shaped = /^eyJ[^.]*\.[^.]*\.[^.]*$/.test(decoded.token) && decoded.problems[0]?.code === 'binary';
    const several = decoded.problems[0]?.code === 'several-tokens';
    const hint = several
      ? 'Paste the one token your app passes to join(), alone; to compare two tokens, run zoomsig doctor on each.'
      : shaped
        ? 'It has the shape of a token, but a character in it does not belong there: copy it again as plain text (not through a word processor, a rich-text chat or an e-mail), or retype the character named.'
        : undefined;
    return [
      {
        message:
          decoded.problems[0]?.message ?? 'This is not a JWT (three base64url parts joined by dots) nor any Zoom signature format.',
        ...(hint !== undefined && { hint }),
      },
    ];
  },
};
