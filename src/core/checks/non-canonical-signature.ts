import { canonicalEnd } from '../decode-token.js';
import type { Check } from './check.js';
import { wrongSignatureLength } from './signature-length.js';

export const nonCanonicalSignature: Check = {
  id: 'non-canonical-signature',
  severity: 'error',
  group: 'Format',
  title: 'The signature\'s last character sets spare bits',
  hint: 'Encode the HMAC with a base64url encoder (a JWT library, Buffer.toString("base64url")) and never edit the token by hand.',
  run({ decoded }) {
    if (decoded.format !== 'jwt') return undefined;
    const signature = decoded.token.split('.')[2];
    const segment = decoded.segments.find((s) => s.name === 'signature');
    if (signature === undefined || segment === undefined || !segment.decodable) return undefined;
    // A signature of the wrong length was cut or run on, not edited at its end: signature-length says so,
    // and "an encoder writes … there" would send the user after the wrong character.
    if (wrongSignatureLength(decoded) !== undefined) return undefined;
    const expected = canonicalEnd(signature);
    if (expected === undefined) return [];
    const last = signature.replace(/=+$/, '').at(-1) ?? '';
    return [
      {
        message: `The signature ends in "${last}", whose low bits lie past the signature's last byte; an encoder writes "${expected}" there. Lenient decoders read both as the same bytes, strict ones refuse it, and zoomsig does not count it as verified.`,
        claim: 'signature',
      },
    ];
  },
};
