/**
 * What the user's secrets say of a token's signature, worked out once before
 * the checks run: HS256 JWTs through jose, legacy signatures through WebCrypto
 * (secret-forensics.ts, loaded only when there is a secret). On a mismatch the
 * usual mistakes with the secret are tried and the one that matches is
 * recorded. Comparisons are constant-time; no secret is kept, only its label
 * and mask.
 */
import { decodeBase64Lenient, hexHmacBytes, utf8Bytes } from './base64url.js';
import type { DecodedToken } from './decode-token.js';
import { maskSecret } from './mask.js';
import type { JwsCheck, SecretVariant } from './secret-forensics.js';

type Forensics = typeof import('./secret-forensics.js');

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
  /** A secret was given but the signature could not be compared with it: why (`checked` is false). */
  unreadable?: string;
  /** The other SDK's secret signed it (a Meeting SDK secret on a Video SDK token, or the reverse). */
  otherSdkSecret?: SecretRef;
}

/** What one secret's bytes say of the signature. */
type Matcher = (secret: Uint8Array) => Promise<JwsCheck>;

export async function analyseSignature(
  decoded: DecodedToken,
  secrets: readonly SecretInput[],
  expectedKey?: string,
  otherSdkSecrets: readonly SecretInput[] = [],
): Promise<SignatureAnalysis> {
  const usable = secrets.filter((secret) => typeof secret.value === 'string' && secret.value !== '');
  const tried = usable.map(refOf);
  const legacy = decoded.kind === 'legacy-web-signature' ? decoded.legacy : undefined;
  const checkable = legacy !== undefined || isCheckableJwt(decoded);
  // The other SDK's secrets: only for an SDK JWT, only as given, only when its own secrets do not match.
  const others = checkable && legacy === undefined ? otherSdkSecrets.filter((secret) => typeof secret.value === 'string' && secret.value !== '') : [];
  if (!checkable || (usable.length === 0 && others.length === 0)) return { checkable, tried, checked: false, valid: false };

  const forensics = await import('./secret-forensics.js');
  if (legacy !== undefined) {
    const matches: Matcher = async (secret) => ((await forensics.legacyHashMatches(legacy, secret)) ? MATCH : MISMATCH);
    return analyse(usable, tried, [legacy.apiKey], matches, forensics, true);
  }
  const [header = '', payload = '', mac = ''] = decoded.token.split('.');
  const unreadable = standardAlphabetSigningInput(decoded);
  if (unreadable !== undefined) return { checkable, tried, checked: false, valid: false, unreadable };
  // An HMAC written in hex is compared as the bytes it spells (read as base64url, its 64 digits are
  // 48 bytes, which no HMAC-SHA256 is): a match says the secret is right and only the encoding wrong.
  const hexMac = hexHmacBytes(mac);
  const macBytes = hexMac ?? decodeBase64Lenient(mac).bytes ?? new Uint8Array(0);
  // Not base64url, or a signature whose last character sets spare bits: Zoom rejects it whatever
  // the HMAC (base64-not-url-safe, non-canonical-signature say so); still say whether the secret
  // is right, so the user knows only the encoding is wrong. Judged on the text, not on the bytes:
  // jose and atob, like most decoders, read "…V" as the bytes of "…U", so the rule must not be theirs.
  const encodedAsZoomWants =
    hexMac === undefined && decoded.segments.every((segment) => segment.urlSafe && (segment.name !== 'signature' || segment.canonical));
  const matches: Matcher = (secret) => forensics.jwtMatches(header, payload, macBytes, secret);
  if (usable.length === 0) {
    // No secret of its own SDK: a match with the other SDK's is still worth naming; no match proves nothing.
    const other = await firstMatch(others, matches);
    return other ? { checkable, tried, checked: true, valid: false, otherSdkSecret: other } : { checkable, tried, checked: false, valid: false };
  }
  const analysis = await analyse(usable, tried, keyCandidates(decoded, expectedKey), matches, forensics, encodedAsZoomWants);
  const explained = !analysis.checked || analysis.matched !== undefined || analysis.diagnosis !== undefined;
  const otherSdkSecret = explained ? undefined : await firstMatch(others, matches);
  if (otherSdkSecret) return { ...analysis, otherSdkSecret };
  const secretInClaim = !explained ? findSecretInClaim(decoded, usable) : undefined;
  return { ...analysis, ...(secretInClaim && { secretInClaim }) };
}

/** The first of the secrets, as given, whose HMAC matches. */
async function firstMatch(secrets: readonly SecretInput[], matches: Matcher): Promise<SecretRef | undefined> {
  const found = await firstDecisive(secrets, (secret) => matches(utf8Bytes(secret.value)));
  return found?.check.outcome === 'match' ? refOf(found.item) : undefined;
}

/**
 * The first of the items, in their order, whose check is not a mismatch
 * (a match, or a token jose will not read), with that check; undefined if
 * every check is a mismatch. The checks run together, not one after another:
 * each is a WebCrypto job on libuv's thread pool, and waiting for each in
 * turn cost a round trip apiece (0.1 to 0.8 ms on this 2-core VM, more when
 * it is busy). doctor with a secret that does not match makes 10 checks
 * (the secret given, 8 mistakes with it, the key): together, its run took 8 to
 * 10 ms less (paired medians of 60 and 100 interleaved runs, 70 ms against
 * 80, 76 against 87). The answer is the one the checks in turn would give.
 */
async function firstDecisive<T>(items: readonly T[], check: (item: T) => Promise<JwsCheck>): Promise<{ item: T; check: JwsCheck } | undefined> {
  const checks = await Promise.all(items.map(check));
  const index = checks.findIndex((result) => result.outcome !== 'mismatch');
  const item = items[index];
  const result = checks[index];
  return item === undefined || result === undefined ? undefined : { item, check: result };
}

const MATCH: JwsCheck = { outcome: 'match' };
const MISMATCH: JwsCheck = { outcome: 'mismatch' };

/**
 * The HMAC covers the header and payload as written, so they cannot be
 * re-encoded the way the signature part is; and no JWS verifier reads a part
 * holding "+" or "/". Padding alone is read.
 */
function standardAlphabetSigningInput(decoded: DecodedToken): string | undefined {
  const parts = decoded.segments.slice(0, 2).filter((segment) => segment.standardAlphabet);
  if (parts.length === 0) return undefined;
  const names = parts.map((segment) => segment.name).join(' and ');
  return `the ${names} ${parts.length === 1 ? 'is' : 'are'} in standard base64 ("+" or "/"), which no JWS verifier reads; encode each part with base64url and check again`;
}

/** Each secret as given; on a mismatch, the usual mistakes with them. */
async function analyse(
  secrets: readonly SecretInput[],
  tried: SecretRef[],
  keys: readonly string[],
  matches: Matcher,
  forensics: Forensics,
  encodedAsZoomWants: boolean,
): Promise<SignatureAnalysis> {
  const unreadable = (reason: string): SignatureAnalysis => ({ checkable: true, tried, checked: false, valid: false, unreadable: reason });
  const given = await firstDecisive([...secrets.entries()], ([, secret]) => matches(utf8Bytes(secret.value)));
  if (given?.check.outcome === 'unreadable') return unreadable(given.check.reason);
  if (given?.check.outcome === 'match') {
    const [index, secret] = given.item;
    return { checkable: true, tried, checked: true, valid: encodedAsZoomWants, matched: { ...refOf(secret), index } };
  }
  const diagnosis = await diagnoseSecret(secrets, keys, matches, forensics);
  if (diagnosis?.unreadable !== undefined) return unreadable(diagnosis.unreadable);
  const found = diagnosis?.found;
  return { checkable: true, tried, checked: true, valid: false, ...(found && { diagnosis: found }) };
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
async function diagnoseSecret(
  secrets: readonly SecretInput[],
  keys: readonly string[],
  matches: Matcher,
  { secretVariants, keyAsSecretVariant }: Forensics,
): Promise<{ found?: NonNullable<SignatureAnalysis['diagnosis']>; unreadable?: string } | undefined> {
  const attempts: { variant: SecretVariant; secret: SecretInput | undefined }[] = [
    ...secrets.flatMap((secret) => secretVariants(secret.value).map((variant) => ({ variant, secret }))),
    ...keys.map((key) => ({ variant: keyAsSecretVariant(key), secret: undefined })),
  ];
  const first = await firstDecisive(attempts, ({ variant }) => matches(variant.bytes));
  if (first === undefined) return undefined;
  if (first.check.outcome === 'unreadable') return { unreadable: first.check.reason };
  const { variant, secret } = first.item;
  return { found: { id: variant.id, description: variant.description, ...(secret && { secret: refOf(secret) }) } };
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
