import { hexHmacBytes } from '../base64url.js';
import type { DecodedToken } from '../decode-token.js';
import type { Check } from './check.js';

/** HMAC-SHA256's length: the signature of every HS256 token, whatever the secret. */
const HS256_BYTES = 32;

/**
 * An HS256 token's signature that is not HMAC-SHA256's 32 bytes: its length
 * read as base64url, its text, and whether that text is an HMAC written in
 * hex, which signature-analysis.ts compares as the bytes it spells (so its
 * mismatch is the secret's); any other such signature matches no secret at
 * all. Undefined when the rule does not apply (not an HS256 JWT, a signature
 * that is empty or not base64, which other checks report) or holds.
 */
export function wrongSignatureLength(decoded: DecodedToken): { bytes: number; text: string; hex: boolean } | undefined {
  if (decoded.format !== 'jwt' || decoded.header?.alg !== 'HS256') return undefined;
  const bytes = decoded.signatureBytes;
  if (bytes === undefined || bytes === 0 || bytes === HS256_BYTES) return undefined;
  const text = decoded.token.split('.')[2] ?? '';
  return { bytes, text, hex: hexHmacBytes(text) !== undefined };
}

export const signatureLength: Check = {
  id: 'signature-length',
  severity: 'error',
  group: 'Format',
  title: 'The signature is not 32 bytes',
  hint: 'Copy the token whole, exactly as your endpoint returned it. If your code builds it, encode the HMAC-SHA256 with base64url (43 characters), or let a JWT library sign.',
  run({ decoded, signature }) {
    if (decoded.format !== 'jwt' || decoded.header?.alg !== 'HS256') return undefined;
    const wrong = wrongSignatureLength(decoded);
    if (wrong === undefined) return [];
    const { bytes, text } = wrong;
    if (wrong.hex) {
      const secret = signature.matched;
      const right = secret === undefined ? '' : ` Read as hex it is the HMAC of ${secret.label} (${secret.masked}): the secret is right, only the encoding is wrong.`;
      return [
        {
          message: `The signature is 64 hexadecimal digits: the HMAC written in hex, where a JWT carries its ${HS256_BYTES} bytes in base64url (43 characters). Read as base64url it is ${bytes} bytes, which no secret gives.${right}`,
          claim: 'signature',
          hint: 'Encode the HMAC with base64url, not hex (in Node.js, digest("base64url") where the code has digest("hex")), or let a JWT library sign.',
        },
      ];
    }
    if (bytes === 64) {
      return [
        {
          message: `The signature is 64 bytes: an HMAC-SHA512, under a header that says "alg": "HS256", whose HMAC-SHA256 is ${HS256_BYTES} bytes. It matches no secret.`,
          claim: 'signature',
          hint: 'Sign with HMAC-SHA256 ("sha256", HS256), as the header says; Zoom accepts only HS256.',
        },
      ];
    }
    return [
      {
        message: `The signature is ${bytes} bytes (${text.length} characters), where an HS256 signature is ${HS256_BYTES} bytes (43 characters of base64url): characters were lost or added on the way (a cut copy, a wrapped line, something appended), so it matches no secret.`,
        claim: 'signature',
      },
    ];
  },
};
