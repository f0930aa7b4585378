import { TOKEN_KIND_ADVICE } from '../token-kind.js';
import type { Check } from './check.js';

export const legacySignature: Check = {
  id: 'legacy-signature',
  severity: 'error',
  group: 'Format',
  title: 'The retired JWT-app web signature',
  hint: TOKEN_KIND_ADVICE['legacy-web-signature'] ?? '',
  run({ decoded, signature }) {
    if (decoded.kind !== 'legacy-web-signature') return [];
    const matched = signature.matched
      ? ` Its hash does match ${signature.matched.label} (${signature.matched.masked}), but Zoom no longer accepts this format.`
      : '';
    return [
      {
        message: `This is the retired JWT-app web signature (base64 of key.meeting.timestamp.role.hash), not an SDK JWT.${matched}`,
      },
    ];
  },
};
