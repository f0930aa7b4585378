/**
 * Every HS256 JWS zoomsig makes or checks goes through jose, over WebCrypto
 * (globalThis.crypto.subtle): signing with `CompactSign`, checking with
 * `compactVerify` limited to HS256, its failures told apart by jose's error
 * `code`. The legacy format's HMAC, which is no JWS, goes through WebCrypto here
 * too. Loaded with import() only when something is signed or verified: decode,
 * explain and doctor without a secret never evaluate jose.
 */
import { CompactSign, compactVerify, errors } from 'jose';
import { utf8Bytes } from './base64url.js';
import { ZoomsigError } from './errors.js';

const HMAC_SHA256 = { name: 'HMAC', hash: 'SHA-256' } as const;

/**
 * The bytes in an ArrayBuffer of their own: the DOM's WebCrypto types take no
 * view that could sit on a SharedArrayBuffer (Node's do), and the page of
 * `zoomsig ui` type-checks this file against the DOM's.
 */
function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

/** WebCrypto's CryptoKey, named without Node's or the DOM's type declarations. */
type CryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/**
 * Imported signing keys by secret, so that `zoomsig serve` (and a library
 * caller signing in a loop) imports each secret once rather than on every
 * signature. Bounded: a caller with many secrets only loses the reuse.
 */
const signingKeys = new Map<string, Promise<CryptoKey>>();
const MAX_SIGNING_KEYS = 16;

function signingKey(secret: string): Promise<CryptoKey> {
  let key = signingKeys.get(secret);
  if (key === undefined) {
    key = crypto.subtle.importKey('raw', ownBuffer(utf8Bytes(secret)), HMAC_SHA256, false, ['sign']);
    if (signingKeys.size >= MAX_SIGNING_KEYS) signingKeys.delete(signingKeys.keys().next().value as string);
    signingKeys.set(secret, key);
    key.catch(() => signingKeys.delete(secret));
  }
  return key;
}

/**
 * A compact HS256 JWS: `header` and `payload` serialised by JSON.stringify (so
 * in their own key order), signed with the secret's UTF-8 bytes (or the bytes given).
 */
export async function signCompact(
  header: { alg: 'HS256'; typ: 'JWT' },
  payload: Record<string, unknown>,
  secret: string | Uint8Array,
): Promise<string> {
  if (secret.length === 0) throw new ZoomsigError('MISSING_VALUE', 'The secret is empty: HS256 needs a key of at least one byte.', 'secret');
  const key = typeof secret === 'string' ? await signingKey(secret) : secret;
  return new CompactSign(utf8Bytes(JSON.stringify(payload))).setProtectedHeader(header).sign(key);
}

/** What checking a compact JWS with one key came to. */
export type JwsCheck =
  | { outcome: 'match' }
  | { outcome: 'mismatch' }
  /** jose would not compare the HMAC at all: the token is not a JWS it reads. */
  | { outcome: 'unreadable'; reason: string };

/** Why jose refused a token before (or instead of) comparing its HMAC, by error code. */
const UNREADABLE: Readonly<Record<string, string>> = {
  [errors.JWSInvalid.code]: 'a JWS verifier (jose) does not read it as a compact JWS: a part is not base64url, or the header is not UTF-8 JSON',
  [errors.JOSENotSupported.code]: 'its header names an extension ("crit") that a JWS verifier must refuse',
  [errors.JOSEAlgNotAllowed.code]: 'its header\'s "alg" is not HS256',
};

/** Checks an HS256 compact JWS with the key's bytes; the comparison is WebCrypto's, in constant time. */
export async function verifyCompact(token: string, key: Uint8Array): Promise<JwsCheck> {
  try {
    await compactVerify(token, key, { algorithms: ['HS256'] });
    return { outcome: 'match' };
  } catch (error) {
    const code = error instanceof errors.JOSEError ? error.code : undefined;
    if (code === errors.JWSSignatureVerificationFailed.code) return { outcome: 'mismatch' };
    const reason = code === undefined ? undefined : UNREADABLE[code];
    if (reason !== undefined) return { outcome: 'unreadable', reason };
    throw error;
  }
}

/**
 * Whether `mac` is HMAC-SHA256 of `message` with the key's bytes, through
 * WebCrypto's verify (constant time): the legacy format's hash, which no JWS carries.
 */
export async function hmacSha256Matches(message: Uint8Array, mac: Uint8Array, key: Uint8Array): Promise<boolean> {
  const cryptoKey = await crypto.subtle.importKey('raw', ownBuffer(key), HMAC_SHA256, false, ['verify']);
  return crypto.subtle.verify('HMAC', cryptoKey, ownBuffer(mac), ownBuffer(message));
}
