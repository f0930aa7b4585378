/**
 * The HMAC work: checking a signature with a secret and, when it does not
 * match, trying the mistakes people make with their secret to name the one
 * that does. JWTs through jose's compactVerify, the legacy hash through
 * WebCrypto (jws.ts); every comparison is WebCrypto's, in constant time.
 * Loaded only when there is a secret to check with (signature-analysis.ts).
 */
import { decodeBase64Lenient, decodeHex, encodeBase64, encodeBase64Url, sameBytes, utf8Bytes } from './base64url.js';
import type { CheckId } from './finding.js';
import { hmacSha256Matches, verifyCompact, type JwsCheck } from './jws.js';
import type { LegacyFields } from './legacy-signature.js';

export type { JwsCheck } from './jws.js';

export interface SecretVariant {
  id: Extract<CheckId, 'secret-whitespace' | 'key-secret-swapped' | 'secret-encoding' | 'secret-wrapped'>;
  /** What was done to the secret, in words, with no secret in them. */
  description: string;
  bytes: Uint8Array;
}

/**
 * HS256: checks `header.payload.signature` with the secret through jose. The
 * signature part is handed over as base64url of the bytes it decodes to, so a
 * signature in standard base64 (padded, "+" and "/") is still compared: its
 * encoding is base64-not-url-safe's finding, the secret's part is this one's.
 */
export function jwtMatches(header: string, payload: string, mac: Uint8Array, secret: Uint8Array): Promise<JwsCheck> {
  return verifyCompact(`${header}.${payload}.${encodeBase64Url(mac)}`, secret);
}

/** Whether a legacy signature's hash was made with the secret, compared in constant time. */
export async function legacyHashMatches(fields: LegacyFields, secret: Uint8Array): Promise<boolean> {
  // The format carries the HMAC in padded standard base64: any other spelling of the same
  // bytes is not what the format's code writes, so it matches no secret.
  const mac = decodeBase64Lenient(fields.hash).bytes;
  if (mac === undefined || mac.length !== 32 || encodeBase64(mac) !== fields.hash) return false;
  const message = encodeBase64(`${fields.apiKey}${fields.meetingNumber}${fields.timestamp}${fields.role}`);
  return hmacSha256Matches(utf8Bytes(message), mac, secret);
}

/** The variables Zoom's samples read the secrets from: a server may sign with the whole line. */
const SECRET_VARIABLES = ['ZOOM_MEETING_SDK_SECRET', 'ZOOM_VIDEO_SDK_SECRET'] as const;
const QUOTE_NAMES: Record<string, string> = { '"': 'double quotes', "'": 'single quotes', '`': 'backticks' };

/**
 * Variants of one secret: whitespace added or trimmed; quotes or a NAME=
 * line taken off or put on (one copy read from a file that keeps them, the
 * other not); hex- or base64-decoded. Descriptions name the quotes and the
 * variable, never the secret.
 */
export function secretVariants(secret: string): SecretVariant[] {
  const variants: SecretVariant[] = [];
  const add = (id: SecretVariant['id'], description: string, bytes: Uint8Array | undefined): void => {
    if (bytes !== undefined && bytes.length > 0 && !variants.some((v) => sameBytes(v.bytes, bytes))) {
      variants.push({ id, description, bytes });
    }
  };

  const trimmed = secret.trim();
  if (trimmed !== secret) {
    add('secret-whitespace', 'your secret without the white space around it', utf8Bytes(trimmed));
  }
  for (const [suffix, words] of [
    ['\n', 'a trailing newline'],
    ['\r\n', 'a trailing CRLF'],
    [' ', 'a trailing space'],
  ] as const) {
    add('secret-whitespace', `your secret plus ${words}`, utf8Bytes(trimmed + suffix));
  }
  add('secret-whitespace', 'your secret with a leading space', utf8Bytes(` ${trimmed}`));

  const line = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(trimmed);
  const value = line ? (line[2] ?? '').trim() : trimmed;
  if (line) add('secret-wrapped', `the value of your ${line[1]}= line, without "${line[1]}="`, utf8Bytes(unquoted(value)));
  const quoted = /^(["'`])(.+)\1$/.exec(value);
  if (quoted) add('secret-wrapped', `your secret without the ${QUOTE_NAMES[quoted[1] ?? '"']} around it`, utf8Bytes(quoted[2] ?? ''));
  if (!line && !quoted) {
    add('secret-wrapped', 'your secret inside double quotes', utf8Bytes(`"${trimmed}"`));
    add('secret-wrapped', 'your secret inside single quotes', utf8Bytes(`'${trimmed}'`));
    for (const name of SECRET_VARIABLES) add('secret-wrapped', `the whole line ${name}=<your secret>`, utf8Bytes(`${name}=${trimmed}`));
  }

  if (/^(?:[0-9a-fA-F]{2})+$/.test(trimmed)) {
    add('secret-encoding', 'your secret hex-decoded to bytes', decodeHex(trimmed));
  }
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) && trimmed.replace(/=+$/, '').length % 4 !== 1) {
    add('secret-encoding', 'your secret base64-decoded to bytes', base64Variant(trimmed));
  }
  return variants;
}

function unquoted(text: string): string {
  return /^(["'`])(.+)\1$/.exec(text)?.[2] ?? text;
}

/**
 * The secret read as base64 of either alphabet, as Buffer.from(s, 'base64')
 * reads it: a secret holding both "-_" and "+/" still decodes.
 */
function base64Variant(text: string): Uint8Array | undefined {
  return decodeBase64Lenient(text.replaceAll('-', '+').replaceAll('_', '/')).bytes;
}

/** The key used as the secret: the token signed with the Client ID. */
export function keyAsSecretVariant(key: string): SecretVariant {
  return {
    id: 'key-secret-swapped',
    description: 'the key (Client ID / SDK Key) as the secret',
    bytes: utf8Bytes(key),
  };
}
