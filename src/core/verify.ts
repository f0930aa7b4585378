/**
 * verifyToken: would Zoom accept this signature? HS256 JWTs are checked with
 * jose (loaded only here), legacy signatures with their HMAC. On a mismatch
 * the usual mistakes with the secret are tried and the one that matches is named.
 */
import { decodeBase64Lenient } from './base64url.js';
import { decodeToken, type DecodedToken } from './decode-token.js';
import { verdictOf, type Finding, type Verdict } from './finding.js';
import { legacyHash } from './legacy-signature.js';
import { maskSecret } from './mask.js';
import { hmacMatches, keyAsSecretVariant, secretVariants, type SecretVariant } from './secret-forensics.js';
import { toUnixSeconds, type Clock } from './time.js';
import {
  claimFindings,
  formatFindings,
  headerFindings,
  kindFindings,
  timeFindings,
  type TokenContext,
} from './token-findings.js';
import type { TokenKind } from './token-kind.js';
import { timingSafeEqual } from 'node:crypto';

export interface SecretInput {
  /** Where the secret came from ("--secret #2", "ZOOM_MEETING_SDK_SECRET"): shown to the user. */
  label: string;
  value: string;
}

export interface VerifyOptions {
  /** One secret, or several to find which one signed the token (dev vs prod). */
  secrets: string | readonly (string | SecretInput)[];
  /** The clock: a Date or Unix seconds. */
  now: Clock;
  /** The key the token should carry. */
  key?: string;
  /** Where that key came from, for messages ("--key", "ZOOM_MEETING_SDK_KEY"). */
  keyLabel?: string;
  /** Which SDK the token is for. */
  sdk?: 'meeting' | 'video';
  /** Do not judge exp / iat against the clock. */
  ignoreExp?: boolean;
  /** Seconds iat may be ahead of now. Default 60. */
  skewSeconds?: number;
}

export interface SignatureStatus {
  /** A secret was given and the token's format allows checking. */
  checked: boolean;
  /** The HMAC matched one of the secrets exactly. */
  valid: boolean;
  /** The secret that matched: its label, mask and position in the list. */
  secret?: { label: string; masked: string; index: number };
}

export interface VerifyResult {
  /** True only when Zoom would accept the signature: it verified and no check failed. */
  ok: boolean;
  verdict: Verdict;
  kind: TokenKind;
  signature: SignatureStatus;
  decoded: DecodedToken;
  findings: Finding[];
}

export async function verifyToken(token: string, options: VerifyOptions): Promise<VerifyResult> {
  const decoded = decodeToken(token);
  const secrets = normaliseSecrets(options.secrets);
  const context: TokenContext = {
    now: toUnixSeconds(options.now),
    sdk: options.sdk,
    key: options.key,
    keyLabel: options.keyLabel,
    ignoreExp: options.ignoreExp,
    skewSeconds: options.skewSeconds,
  };

  const findings: Finding[] = [...formatFindings(decoded), ...kindFindings(decoded, context), ...headerFindings(decoded)];
  let signature: SignatureStatus = { checked: false, valid: false };

  if (decoded.kind === 'legacy-web-signature' && decoded.legacy) {
    signature = checkLegacy(decoded, secrets, findings);
  } else if (isCheckableJwt(decoded)) {
    signature = await checkJwt(decoded, secrets, options.key, findings);
  }
  findings.push(...claimFindings(decoded, context), ...timeFindings(decoded, context));

  const verdict = verdictOf(findings);
  return {
    ok: verdict !== 'fail' && signature.valid,
    verdict,
    kind: decoded.kind,
    signature,
    decoded,
    findings,
  };
}

function normaliseSecrets(secrets: VerifyOptions['secrets']): SecretInput[] {
  const list = typeof secrets === 'string' ? [secrets] : [...secrets];
  return list
    .map((secret, index) => (typeof secret === 'string' ? { label: `secret #${index + 1}`, value: secret } : secret))
    .filter((secret) => typeof secret.value === 'string' && secret.value !== '');
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

async function checkJwt(
  decoded: DecodedToken,
  secrets: SecretInput[],
  expectedKey: string | undefined,
  findings: Finding[],
): Promise<SignatureStatus> {
  if (secrets.length === 0) {
    findings.push({
      id: 'signature-unverified',
      severity: 'info',
      message: 'No secret was given, so the signature itself was not checked.',
      hint: 'Pass the secret with --secret-file, ZOOM_MEETING_SDK_SECRET or a .env file to check it.',
    });
    return { checked: false, valid: false };
  }
  const { compactVerify } = await import('jose/jws/compact/verify');
  const urlSafe = decoded.segments.every((segment) => segment.urlSafe);
  const [header = '', payload = '', mac = ''] = decoded.token.split('.');
  const signingInput = `${header}.${payload}`;
  const macBytes = decodeBase64Lenient(mac).bytes ?? Buffer.alloc(0);

  for (const [index, secret] of secrets.entries()) {
    const bytes = Buffer.from(secret.value, 'utf8');
    let matched = false;
    if (urlSafe) {
      try {
        await compactVerify(decoded.token, bytes, { algorithms: ['HS256'] });
        matched = true;
      } catch {
        matched = false;
      }
    } else {
      // Not base64url: Zoom rejects it whatever the HMAC, which base64-not-url-safe reports.
      // Still say whether the secret is right, so the user knows only the encoding is wrong.
      matched = hmacMatches(signingInput, macBytes, bytes);
    }
    if (matched) {
      return { checked: true, valid: urlSafe, secret: { label: secret.label, masked: maskSecret(secret.value), index } };
    }
  }

  const tried = secrets.map((s) => `${s.label} (${maskSecret(s.value)})`).join(', ');
  findings.push({
    id: 'signature-invalid',
    severity: 'error',
    message: `The signature does not match ${secrets.length === 1 ? 'the secret' : 'any of the secrets'} given: ${tried}.`,
    hint: 'Sign with the Client Secret of the same Meeting SDK (or General) app whose Client ID is in the token; check dev vs prod credentials.',
  });
  const diagnosis = diagnoseSecret(secrets, keyCandidates(decoded, expectedKey), (bytes) =>
    hmacMatches(signingInput, macBytes, bytes),
  );
  if (diagnosis) findings.push(diagnosis);
  else {
    const swapped = swappedKeyFinding(decoded, secrets);
    if (swapped) findings.push(swapped);
  }
  return { checked: true, valid: false };
}

function checkLegacy(decoded: DecodedToken, secrets: SecretInput[], findings: Finding[]): SignatureStatus {
  const legacy = decoded.legacy;
  if (legacy === undefined || secrets.length === 0) return { checked: false, valid: false };
  const expected = Buffer.from(legacy.hash, 'utf8');
  const matches = (secret: Uint8Array): boolean => {
    const actual = Buffer.from(legacyHash(legacy, secret), 'utf8');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  };
  for (const [index, secret] of secrets.entries()) {
    if (matches(Buffer.from(secret.value, 'utf8'))) {
      const legacyFinding = findings.find((finding) => finding.id === 'legacy-signature');
      if (legacyFinding) {
        legacyFinding.message += ` Its hash does match ${secret.label} (${maskSecret(secret.value)}), but Zoom no longer accepts this format.`;
      }
      return { checked: true, valid: true, secret: { label: secret.label, masked: maskSecret(secret.value), index } };
    }
  }
  findings.push({
    id: 'signature-invalid',
    severity: 'error',
    message: 'The legacy signature\'s hash does not match the secret given (it was made with a JWT app\'s API Secret).',
    hint: 'This format is retired whatever the secret: generate an SDK JWT instead.',
  });
  const diagnosis = diagnoseSecret(secrets, [legacy.apiKey], matches);
  if (diagnosis) findings.push(diagnosis);
  return { checked: true, valid: false };
}

function keyCandidates(decoded: DecodedToken, expectedKey: string | undefined): string[] {
  const payload = decoded.payload ?? {};
  const keys = [expectedKey, payload.appKey, payload.sdkKey, payload.app_key, payload.iss];
  return [...new Set(keys.filter((key): key is string => typeof key === 'string' && key !== ''))];
}

/** Tries each secret's variants, then each key as the secret; the first match becomes a finding. */
function diagnoseSecret(
  secrets: SecretInput[],
  keys: string[],
  matches: (bytes: Uint8Array) => boolean,
): Finding | undefined {
  const attempts: { variant: SecretVariant; secret: SecretInput | undefined }[] = [
    ...secrets.flatMap((secret) => secretVariants(secret.value).map((variant) => ({ variant, secret }))),
    ...keys.map((key) => ({ variant: keyAsSecretVariant(key), secret: undefined })),
  ];
  for (const { variant, secret } of attempts) {
    if (!matches(variant.bytes)) continue;
    const whose = secret ? ` (${secret.label}, ${maskSecret(secret.value)})` : '';
    return {
      id: variant.id,
      severity: 'error',
      message: `The token was signed with ${variant.description}${whose}.`,
      hint: FORENSIC_HINTS[variant.id],
    };
  }
  return undefined;
}

const FORENSIC_HINTS: Record<SecretVariant['id'], string> = {
  'secret-whitespace':
    'One copy of the secret has white space the other lacks: trim it where it is read (env files and `echo` add newlines) and sign with exactly the value shown in the Marketplace.',
  'key-secret-swapped':
    'Sign with the Client Secret and put the Client ID in appKey/sdkKey: the two are swapped or the key was used twice.',
  'secret-encoding':
    'Use the secret as the plain text shown in the Marketplace (UTF-8 bytes); do not hex- or base64-decode it.',
};

/** The secret itself sits in the key claim: key and secret were swapped. */
function swappedKeyFinding(decoded: DecodedToken, secrets: SecretInput[]): Finding | undefined {
  const payload = decoded.payload ?? {};
  for (const claim of ['appKey', 'sdkKey', 'app_key']) {
    const value = payload[claim];
    const secret = secrets.find((s) => s.value === value || s.value.trim() === value);
    if (secret) {
      return {
        id: 'key-secret-swapped',
        severity: 'error',
        message: `${claim} holds your secret (${secret.label}, ${maskSecret(secret.value)}): key and secret are swapped.`,
        hint: FORENSIC_HINTS['key-secret-swapped'],
        claim,
      };
    }
  }
  return undefined;
}
