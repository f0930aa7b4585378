import { neverGivenLegacyFields } from '../legacy-signature.js';
import { TOKEN_KIND_ADVICE } from '../token-kind.js';
import type { Check, FindingDraft } from './check.js';

const ADVICE = TOKEN_KIND_ADVICE['legacy-web-signature'] ?? '';

export const legacySignature: Check = {
  id: 'legacy-signature',
  severity: 'error',
  group: 'Format',
  title: 'The retired JWT-app web signature',
  hint: ADVICE,
  run({ decoded, signature }) {
    if (decoded.kind !== 'legacy-web-signature' || decoded.legacy === undefined) return [];
    const matched = signature.matched
      ? ` Its hash does match ${signature.matched.label} (${signature.matched.masked}), but Zoom no longer accepts this format.`
      : '';
    // Section 7: the Web SDK finds no appKey in it; what users see is no 3712.
    const seen = ' Web SDK 2.7.0 and later cannot use it: the client view silently stops, the component view throws a TypeError, before any request.';
    const draft: FindingDraft = {
      message: `This is the retired JWT-app web signature (base64 of key.meeting.timestamp.role.hash), not an SDK JWT.${matched}${seen}`,
    };
    const missing = neverGivenLegacyFields(decoded.legacy);
    if (missing.length > 0) {
      const fields = missing.map((name) => `${name === 'meetingNumber' ? 'meeting number' : name} reads ${JSON.stringify(decoded.legacy?.[name])}`);
      draft.message += ` Its ${fields.join(' and its ')}: the server that made it never got ${missing.length === 2 ? 'them' : 'it'}, typically because the request had no Content-Type: application/json and its body was not read.`;
      draft.hint = `Send the request to your endpoint with the header Content-Type: application/json, so that it gets meetingNumber and role. ${ADVICE}`;
      draft.claim = missing[0];
    }
    return [draft];
  },
};
