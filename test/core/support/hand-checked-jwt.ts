/**
 * JWT checks done by hand with node:crypto, independent of src/: the tests do
 * not trust the code under test to tell them its tokens are right.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** HS256 checked by hand: HMAC-SHA256 over header.payload, compared as base64url. */
export function independentlyValid(token: string, secret: string): boolean {
  const [header = '', payload = '', mac = ''] = token.split('.');
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return mac.length === expected.length && timingSafeEqual(Buffer.from(mac), Buffer.from(expected));
}

/** `header.payload` (the signing input) signed by hand: HMAC-SHA256 with the secret, in base64url. */
export function signedByHand(input: string, secret: string): string {
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** One base64url segment of a JWT, decoded as JSON. */
export const part = (token: string, index: number): unknown =>
  JSON.parse(Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8'));
