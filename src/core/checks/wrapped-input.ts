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
    const list = parts.length > 1 ? `${parts.slice(0, -1).join('; ')} and ${parts.at(-1)}` : (parts[0] ?? '');
    // Characters the eye cannot see: the SDK sends them as they are, and Zoom refuses the signature.
    const unseen = decoded.unwrapped.some((u) => u.kind === 'invisible-characters' || u.kind === 'smart-quotes');
    const inUrl = decoded.unwrapped.some((u) => u.kind === 'url' || u.kind === 'url-encoding');
    const hint = inUrl
      ? 'Where a page reads the token from its URL, decode it (URLSearchParams does) and pass the SDK the token alone. Better, have the page fetch it from your auth endpoint: a signature in a URL is kept in browser history and server logs.'
      : unseen
        ? 'Copy the token as plain text, not through a word processor, a rich-text chat or an e-mail: the SDK sends such characters as they are, and Zoom refuses the signature. Pass the SDK the token alone.'
        : undefined;
    return [{ message: `Took off ${list} before reading it.`, ...(hint !== undefined && { hint }) }];
  },
};
