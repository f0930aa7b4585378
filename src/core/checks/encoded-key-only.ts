import type { Check } from './check.js';

export const encodedKeyOnly: Check = {
  id: 'encoded-key-only',
  severity: 'error',
  group: 'Format',
  title: 'Base64 of plain text, not a token',
  hint: 'Build the signature as a JWT (header.payload.signature) signed with your secret: zoomsig generate shows how.',
  run({ decoded }) {
    if (decoded.format !== 'encoded-text') return [];
    const text = decoded.encodedText ?? '';
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    return [{ message: `This is base64 of plain text, not a token: it decodes to "${shown}".`, value: text }];
  },
};
