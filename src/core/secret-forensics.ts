/**
 * The HMAC work: checking a signature with a secret and, when it does not
 * match, trying the mistakes people make with their secret to name the one
 * that does. node:crypto only, constant-time comparisons only. Loaded only
 * when there is a secret to check with (signature-analysis.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CheckId } from './finding.js';
import type { LegacyFields } from './legacy-signature.js';

export interface SecretVariant {
  id: Extract<CheckId, 'secret-whitespace' | 'key-secret-swapped' | 'secret-encoding'>;
  /** What was done to the secret, in words, with no secret in them. */
  description: string;
  bytes: Uint8Array;
}

/** HS256: HMAC-SHA256 of the signing input (header.payload) with the secret, compared in constant time. */
export function hmacMatches(signingInput: string, expected: Uint8Array, secret: Uint8Array): boolean {
  if (expected.length !== 32) return false;
  const actual = createHmac('sha256', secret).update(signingInput).digest();
  return timingSafeEqual(actual, expected);
}

/** The hash the legacy format carries, computed with the given secret. */
export function legacyHash(fields: Omit<LegacyFields, 'hash'>, secret: string | Uint8Array): string {
  const message = Buffer.from(`${fields.apiKey}${fields.meetingNumber}${fields.timestamp}${fields.role}`).toString('base64');
  return createHmac('sha256', secret).update(message).digest('base64');
}

/** Whether a legacy signature's hash was made with the secret, compared in constant time. */
export function legacyHashMatches(fields: LegacyFields, secret: Uint8Array): boolean {
  const expected = Buffer.from(fields.hash, 'utf8');
  const actual = Buffer.from(legacyHash(fields, secret), 'utf8');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Variants of one secret: whitespace added or trimmed, hex- or base64-decoded. */
export function secretVariants(secret: string): SecretVariant[] {
  const variants: SecretVariant[] = [];
  const add = (id: SecretVariant['id'], description: string, bytes: Uint8Array): void => {
    if (bytes.length > 0 && !variants.some((v) => Buffer.compare(Buffer.from(v.bytes), Buffer.from(bytes)) === 0)) {
      variants.push({ id, description, bytes });
    }
  };
  const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

  const trimmed = secret.trim();
  if (trimmed !== secret) {
    add('secret-whitespace', 'your secret without the white space around it', utf8(trimmed));
  }
  for (const [suffix, words] of [
    ['\n', 'a trailing newline'],
    ['\r\n', 'a trailing CRLF'],
    [' ', 'a trailing space'],
  ] as const) {
    add('secret-whitespace', `your secret plus ${words}`, utf8(trimmed + suffix));
  }
  add('secret-whitespace', 'your secret with a leading space', utf8(` ${trimmed}`));

  if (/^(?:[0-9a-fA-F]{2})+$/.test(trimmed)) {
    add('secret-encoding', 'your secret hex-decoded to bytes', Buffer.from(trimmed, 'hex'));
  }
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) && trimmed.replace(/=+$/, '').length % 4 !== 1) {
    const decoded = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (decoded.length > 0) add('secret-encoding', 'your secret base64-decoded to bytes', decoded);
  }
  return variants;
}

/** The key used as the secret: the token signed with the Client ID. */
export function keyAsSecretVariant(key: string): SecretVariant {
  return {
    id: 'key-secret-swapped',
    description: 'the key (Client ID / SDK Key) as the secret',
    bytes: Buffer.from(key, 'utf8'),
  };
}
