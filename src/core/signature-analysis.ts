/**
 * What the user's secrets say of a token's signature, worked out once before
 * the checks run: HS256 JWTs through jose (loaded only here, only when there
 * is a secret), legacy signatures through their HMAC. On a mismatch the usual
 * mistakes with the secret are tried and the one that matches is recorded.
 * Comparisons are constant-time; no secret is kept, only its label and mask.
 */
import { timingSafeEqual } from 'node:crypto';
import { decodeBase64Lenient } from './base64url.js';
import type { DecodedToken } from './decode-token.js';
import { legacyHash } from './legacy-signature.js';
import { maskSecret } from './mask.js';
import { hmacMatches, keyAsSecretVariant, secretVariants, type SecretVariant } from './secret-forensics.js';

export interface SecretInput {
  /** Where the secret came from ("--secret #2", "ZOOM_MEETING_SDK_SECRET"): shown to the user. */
  label: string;
  value: string;
}

/** A secret as it may be shown: its label and its mask. */
export interface SecretRef {
  label: string;
  masked: string;
}

export interface SignatureAnalysis {
  /** The token is signed with a secret of the user's (an SDK JWT or a legacy signature). */
  checkable: boolean;
  /** The secrets that were tried. */
  tried: SecretRef[];
  /** A secret was given and the token's format allows checking. */
  checked: boolean;
  /** The HMAC matched one of the secrets and the token is encoded as Zoom requires. */
  valid: boolean;
  /** The secret whose HMAC matched, with its position in the list. */
  matched?: SecretRef & { index: number };
  /** On a mismatch: the mistake with the secret that explains it. */
  diagnosis?: { id: SecretVariant['id']; description: string; secret?: SecretRef };
  /** On a mismatch: a key claim that holds one of the secrets. */
  secretInClaim?: { claim: string; secret: SecretRef };
}

export async function analyseSignature(
  decoded: DecodedToken,
  secrets: readonly SecretInput[],
  expectedKey?: string,
): Promise<SignatureAnalysis> {
  const usable = secrets.filter((secret) => typeof secret.value === 'string' && secret.value !== '');
  const tried = usable.map(refOf);
  if (decoded.kind === 'legacy-web-signature' && decoded.legacy) {
    return analyseLegacy(decoded, usable, tried);
  }
  if (!isCheckableJwt(decoded)) return { checkable: false, tried, checked: false, valid: false };
  if (usable.length === 0) return { checkable: true, tried, checked: false, valid: false };

  const urlSafe = decoded.segments.every((segment) => segment.urlSafe);
  const [header = '', payload = '', mac = ''] = decoded.token.split('.');
  const signingInput = `${header}.${payload}`;
  const macBytes = decodeBase64Lenient(mac).bytes ?? Buffer.alloc(0);
  const matches = (bytes: Uint8Array): boolean => hmacMatches(signingInput, macBytes, bytes);

  for (const [index, secret] of usable.entries()) {
    const bytes = Buffer.from(secret.value, 'utf8');
    // Not base64url: Zoom rejects it whatever the HMAC (base64-not-url-safe says so);
    // still say whether the secret is right, so the user knows only the encoding is wrong.
    const matched = urlSafe ? await joseVerifies(decoded.token, bytes) : matches(bytes);
    if (matched) return { checkable: true, tried, checked: true, valid: urlSafe, matched: { ...refOf(secret), index } };
  }
  const diagnosis = diagnoseSecret(usable, keyCandidates(decoded, expectedKey), matches);
  const secretInClaim = diagnosis ? undefined : findSecretInClaim(decoded, usable);
  return {
    checkable: true,
    tried,
    checked: true,
    valid: false,
    ...(diagnosis && { diagnosis }),
    ...(secretInClaim && { secretInClaim }),
  };
}

async function joseVerifies(token: string, secret: Uint8Array): Promise<boolean> {
  const { compactVerify } = await import('jose/jws/compact/verify');
  try {
    await compactVerify(token, secret, { algorithms: ['HS256'] });
    return true;
  } catch {
    return false;
  }
}

function analyseLegacy(decoded: DecodedToken, secrets: readonly SecretInput[], tried: SecretRef[]): SignatureAnalysis {
  const legacy = decoded.legacy;
  if (legacy === undefined || secrets.length === 0) return { checkable: true, tried, checked: false, valid: false };
  const expected = Buffer.from(legacy.hash, 'utf8');
  const matches = (secret: Uint8Array): boolean => {
    const actual = Buffer.from(legacyHash(legacy, secret), 'utf8');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  };
  for (const [index, secret] of secrets.entries()) {
    if (matches(Buffer.from(secret.value, 'utf8'))) {
      return { checkable: true, tried, checked: true, valid: true, matched: { ...refOf(secret), index } };
    }
  }
  const diagnosis = diagnoseSecret(secrets, [legacy.apiKey], matches);
  return { checkable: true, tried, checked: true, valid: false, ...(diagnosis && { diagnosis }) };
}

/** JWTs signed by the user's own secret: not OAuth tokens or ZAKs, which Zoom signs. */
function isCheckableJwt(decoded: DecodedToken): boolean {
  return (
    decoded.format === 'jwt' &&
    decoded.segments.length === 3 &&
    decoded.header?.alg === 'HS256' &&
    decoded.kind !== 'oauth-token' &&
    decoded.kind !== 'zak' &&
    decoded.signatureBytes !== undefined &&
    decoded.signatureBytes > 0
  );
}

function refOf(secret: SecretInput): SecretRef {
  return { label: secret.label, masked: maskSecret(secret.value) };
}

function keyCandidates(decoded: DecodedToken, expectedKey: string | undefined): string[] {
  const payload = decoded.payload ?? {};
  const keys = [expectedKey, payload.appKey, payload.sdkKey, payload.app_key, payload.iss];
  return [...new Set(keys.filter((key): key is string => typeof key === 'string' && key !== ''))];
}

/** Tries each secret's variants, then each key as the secret; the first match is the diagnosis. */
function diagnoseSecret(
  secrets: readonly SecretInput[],
  keys: readonly string[],
  matches: (bytes: Uint8Array) => boolean,
): SignatureAnalysis['diagnosis'] {
  const attempts: { variant: SecretVariant; secret: SecretInput | undefined }[] = [
    ...secrets.flatMap((secret) => secretVariants(secret.value).map((variant) => ({ variant, secret }))),
    ...keys.map((key) => ({ variant: keyAsSecretVariant(key), secret: undefined })),
  ];
  for (const { variant, secret } of attempts) {
    if (matches(variant.bytes)) {
      return { id: variant.id, description: variant.description, ...(secret && { secret: refOf(secret) }) };
    }
  }
  return undefined;
}

/** The secret itself sits in a key claim: key and secret were swapped. */
function findSecretInClaim(decoded: DecodedToken, secrets: readonly SecretInput[]): SignatureAnalysis['secretInClaim'] {
  const payload = decoded.payload ?? {};
  for (const claim of ['appKey', 'sdkKey', 'app_key']) {
    const value = payload[claim];
    const secret = secrets.find((s) => s.value === value || s.value.trim() === value);
    if (secret) return { claim, secret: refOf(secret) };
  }
  return undefined;
}
