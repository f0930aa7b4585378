import { ENV } from '../zoom-rules.js';
import type { Check } from './check.js';
import { wrongSignatureLength } from './signature-length.js';

export const signatureInvalid: Check = {
  id: 'signature-invalid',
  severity: 'error',
  group: 'Signature',
  title: 'The signature does not match the secret',
  hint: 'Sign with the Client Secret of the same Meeting SDK (or General) app whose Client ID is in the token; check dev vs prod credentials.',
  run({ decoded, signature, tokenSdk }) {
    if (!signature.checked) return undefined;
    if (signature.matched) return [];
    if (decoded.kind === 'legacy-web-signature') {
      return [
        {
          message: "The legacy signature's hash does not match the secret given (it was made with a JWT app's API Secret).",
          hint: 'This format is retired whatever the secret: generate an SDK JWT instead.',
        },
      ];
    }
    const tried = signature.tried.map((s) => `${s.label} (${s.masked})`).join(', ');
    const which = signature.tried.length === 1 ? 'the secret' : 'any of the secrets';
    const mismatch = signature.tried.length > 0 ? `The signature does not match ${which} given: ${tried}. ` : '';
    const other = signature.otherSdkSecret;
    if (other !== undefined && tokenSdk !== undefined) {
      const [own, wrong] = tokenSdk === 'video' ? ['Video SDK', 'Meeting SDK'] : ['Meeting SDK', 'Video SDK'];
      return [
        {
          message: `${mismatch}It was signed with ${other.label} (${other.masked}): the ${wrong} app's secret on a ${own} token.`,
          hint: `Sign ${own} tokens with the ${own} app's secret (${tokenSdk === 'video' ? ENV.videoSecret : ENV.meetingSecret}): the two SDKs' credentials are not interchangeable.`,
        },
      ];
    }
    const wrong = wrongSignatureLength(decoded);
    if (wrong?.hex === true) {
      // An HMAC in hex is compared as the bytes it spells: a mismatch is the secret's.
      return [{ message: `The signature does not match ${which} given: ${tried}, even read as the hex it is written in (signature-length).` }];
    }
    if (wrong !== undefined) {
      // No secret makes a signature of that length: the secret given may well be right.
      return [
        {
          message: `The signature does not match ${which} given: ${tried}, and at ${wrong.bytes} bytes it matches no secret at all (signature-length), so this says nothing of the secret.`,
          hint: 'Fix the signature first (signature-length), then check again with the same secret.',
        },
      ];
    }
    return [{ message: `The signature does not match ${which} given: ${tried}.` }];
  },
};
