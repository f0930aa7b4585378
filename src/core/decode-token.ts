/**
 * The token core: takes whatever was pasted and says what it is and what it
 * holds. Pure, never throws, never reads the clock.
 */
import { decodeBase64Lenient, isPrintableAscii, latin1Text, utf8Text, withoutPadding } from './base64url.js';
import { cleanInput, codePoint, jwtWords, type Unwrapping } from './clean-input.js';
import { duplicateKeysOf, MAX_JSON_DEPTH, mayNestTooDeep, scanJson } from './json-value.js';
import { listText } from './list-text.js';
import { decodeLegacySignature, type LegacyFields } from './legacy-signature.js';
import type { TokenKind } from './token-kind.js';

export type TokenFormat =
  /** Dot-separated base64url segments. */
  | 'jwt'
  /** The retired JWT-app web signature: base64 of five dot-separated fields. */
  | 'legacy'
  /** 32 bytes in base64 or hex: an HMAC on its own, without header or payload. */
  | 'bare-hmac'
  /** base64 of readable text that is not a token (the key alone, say). */
  | 'encoded-text'
  | 'empty'
  | 'unknown';

export type SegmentName = 'header' | 'payload' | 'signature';

export interface SegmentReport {
  name: SegmentName;
  /** Length of the segment as pasted. */
  length: number;
  urlSafe: boolean;
  standardAlphabet: boolean;
  padded: boolean;
  decodable: boolean;
  /**
   * The last character carries no bits beyond the data: what every encoder
   * writes. `…U` where `…T` was meant decodes to the same bytes, but is not
   * the same text, and a strict decoder refuses it.
   */
  canonical: boolean;
}

/** A key that a header or payload names more than once. */
export interface DuplicateKey {
  segment: 'header' | 'payload';
  /** The key's path: `alg`, or `user.name` inside an object. */
  key: string;
}

export type DecodeProblemCode =
  | 'empty'
  | 'too-long'
  | 'segment-count'
  | 'bad-base64'
  | 'bad-json'
  | 'too-deep'
  | 'not-an-object'
  | 'not-url-safe'
  | 'empty-signature'
  | 'binary'
  | 'several-tokens';

export interface DecodeProblem {
  code: DecodeProblemCode;
  segment?: SegmentName;
  message: string;
}

export interface DecodedToken {
  /** The token after cleaning (what was analysed). */
  token: string;
  /** Wrappers taken off the pasted input, outermost first. */
  unwrapped: Unwrapping[];
  kind: TokenKind;
  format: TokenFormat;
  header: Record<string, unknown> | undefined;
  payload: Record<string, unknown> | undefined;
  /** Per-segment encoding facts, for JWT-shaped input. */
  segments: SegmentReport[];
  /** The decoded signature bytes' length, for JWT-shaped input. */
  signatureBytes: number | undefined;
  /** The five fields of a legacy web signature. */
  legacy: LegacyFields | undefined;
  /** For `encoded-text`: what the base64 decodes to. */
  encodedText: string | undefined;
  /** Keys the header or payload names twice (JSON.parse kept the last). */
  duplicateKeys: DuplicateKey[];
  /** Everything that could not be decoded, recorded instead of thrown. */
  problems: DecodeProblem[];
}

/** Text longer than this is not looked into beyond its first bytes. */
const MAX_ANALYSED_LENGTH = 64 * 1024;

export function decodeToken(input: unknown): DecodedToken {
  const cleaned = cleanInput(typeof input === 'string' ? input : '');
  const result: DecodedToken = {
    token: cleaned.token,
    unwrapped: cleaned.unwrapped,
    kind: 'unrecognised',
    format: 'unknown',
    header: undefined,
    payload: undefined,
    segments: [],
    signatureBytes: undefined,
    legacy: undefined,
    encodedText: undefined,
    duplicateKeys: [],
    problems: [],
  };
  const token = cleaned.token;

  if (token === '') {
    result.format = 'empty';
    result.problems.push({ code: 'empty', message: 'The input is empty: there is no token to look at.' });
    return result;
  }
  if (token.length > MAX_ANALYSED_LENGTH) {
    result.problems.push({
      code: 'too-long',
      message: `The input is ${token.length} characters long; a Zoom signature is a few hundred. This is not a token.`,
    });
    return result;
  }
  // Two tokens start with "eyJ" twice: only then are the words looked at.
  const several = token.indexOf('eyJ') !== token.lastIndexOf('eyJ') && /\s/.test(token) ? jwtWords(token) : [];
  if (several.length > 1) {
    const lines = new Set(several.map((found) => found.line));
    const where = lines.size === several.length ? `on lines ${listText(several.map((found) => String(found.line)))}` : `words ${listText(several.map((found) => String(found.word + 1)))}`;
    result.problems.push({
      code: 'several-tokens',
      message: `The input holds ${several.length} tokens, not one (${where}): zoomsig does not guess which one your app passes to join().`,
    });
    return result;
  }
  const foreign = /[^\x20-\x7e]/u.exec(token);
  if (foreign) {
    const char = foreign[0];
    const code = codePoint(char);
    const shown = /\p{L}|\p{N}|\p{P}|\p{S}/u.test(char) ? `"${char}" (${code})` : code;
    result.problems.push({
      code: 'binary',
      message: `The input holds ${shown} at character ${foreign.index + 1} (after cleaning), and a token holds only ASCII letters, digits and - _ . (control characters and non-ASCII text never appear in one).`,
    });
    return result;
  }

  if (token.includes('.')) {
    decodeJwtShape(token, result);
    return result;
  }
  decodeDotless(token, result);
  return result;
}

function decodeJwtShape(token: string, result: DecodedToken): void {
  result.format = 'jwt';
  const parts = token.split('.');
  if (parts.length !== 3) {
    const counted = `A JWT has three parts separated by dots (header.payload.signature); this has ${parts.length}`;
    const fullStop = parts.length === 4 && parts[3] === '';
    result.problems.push({
      code: 'segment-count',
      message: fullStop ? `${counted}, the last one empty: it ends with a "." after the signature (a full stop copied with it?). Take that "." off.` : `${counted}.`,
    });
  }
  const names: SegmentName[] = ['header', 'payload', 'signature'];
  const decoded: (Uint8Array | undefined)[] = [];
  parts.slice(0, 3).forEach((part, index) => {
    const name = names[index] as SegmentName;
    const bytes = decodeBase64Lenient(part);
    result.segments.push({
      name,
      length: part.length,
      urlSafe: bytes.urlSafe,
      standardAlphabet: bytes.standardAlphabet,
      padded: bytes.padded,
      decodable: bytes.bytes !== undefined,
      canonical: bytes.bytes === undefined || canonicalEnd(part) === undefined,
    });
    decoded.push(bytes.bytes);
    if (bytes.bytes === undefined) {
      result.problems.push({ code: 'bad-base64', segment: name, message: badBase64Message(name, part) });
    } else if (!bytes.urlSafe && part !== '') {
      const what = [bytes.standardAlphabet ? '"+" or "/"' : '', bytes.padded ? '"=" padding' : '']
        .filter(Boolean)
        .join(' and ');
      result.problems.push({
        code: 'not-url-safe',
        segment: name,
        message: `The ${name} is standard base64, not base64url: it holds ${what}.`,
      });
    }
  });

  result.header = parseJsonSegment(decoded[0], 'header', result);
  result.payload = parseJsonSegment(decoded[1], 'payload', result);
  const signature = decoded[2];
  if (parts.length >= 3) {
    result.signatureBytes = signature?.length;
    if (parts[2] === '') {
      result.problems.push({
        code: 'empty-signature',
        segment: 'signature',
        message: 'The signature part is empty: the token was never signed (or "alg": "none").',
      });
    }
  }
  result.kind = classifyJwt(result.header, result.payload);
}

/** Why a segment is not base64: its characters, its alphabets, or its length. */
function badBase64Message(name: SegmentName, part: string): string {
  const outside = /[^A-Za-z0-9+/_=-]/.exec(part)?.[0];
  if (outside !== undefined) {
    return `The ${name} is not base64url: it holds ${JSON.stringify(outside)}, outside A-Z a-z 0-9 - _.`;
  }
  if (/[+/]/.test(part) && /[-_]/.test(part)) {
    return `The ${name} mixes the two base64 alphabets ("+" or "/" with "-" or "_"): no encoder writes that.`;
  }
  const length = withoutPadding(part).length;
  if (length % 4 === 1) {
    return `The ${name} is ${length} character${length === 1 ? '' : 's'} long, and base64url text never has a length of 4n+1: part of it was lost (cut off when copying?), though every character is valid.`;
  }
  return `The ${name} is not base64url: "=" may only end it.`;
}

function parseJsonSegment(
  bytes: Uint8Array | undefined,
  name: SegmentName,
  result: DecodedToken,
): Record<string, unknown> | undefined {
  if (bytes === undefined) return undefined;
  const text = utf8Text(bytes);
  // Looked at before JSON.parse, so that no value deeper than MAX_JSON_DEPTH is ever built.
  const scan = mayNestTooDeep(text) ? scanJson(text) : undefined;
  if (scan?.tooDeep) {
    result.problems.push({
      code: 'too-deep',
      segment: name,
      message: `The ${name} is JSON nested more than ${MAX_JSON_DEPTH} levels deep; a Zoom token's claims are flat. It was not read.`,
    });
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const preview = isPrintableAscii(bytes) ? `: ${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)}` : '';
    result.problems.push({
      code: 'bad-json',
      segment: name,
      message: `The ${name} decodes, but not to JSON (${(error as Error).message})${preview}.`,
    });
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    result.problems.push({
      code: 'not-an-object',
      segment: name,
      message: `The ${name} is JSON but not an object: ${preview60(JSON.stringify(value) ?? '')}.`,
    });
    return undefined;
  }
  for (const key of scan?.duplicateKeys ?? duplicateKeysOf(text, value)) result.duplicateKeys.push({ segment: name === 'header' ? 'header' : 'payload', key });
  return value as Record<string, unknown>;
}

const BASE64URL_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The last character a canonical encoder writes instead, when a base64 or
 * base64url text's last character sets bits past the data (undefined when it
 * does not). With 4n + 2 characters the last one carries 4 spare bits, with
 * 4n + 3 it carries 2; a whole group of 4 has none.
 */
export function canonicalEnd(text: string): string | undefined {
  const digits = withoutPadding(text);
  const spareBits = [0, 0, 4, 2][digits.length % 4] ?? 0;
  const last = digits.at(-1);
  if (spareBits === 0 || last === undefined) return undefined;
  const value = BASE64URL_DIGITS.indexOf(last === '+' ? '-' : last === '/' ? '_' : last);
  if (value < 0) return undefined;
  const canonical = value & ~((1 << spareBits) - 1);
  if (canonical === value) return undefined;
  const digit = BASE64URL_DIGITS[canonical] ?? '';
  return /[+/]/.test(digits) ? digit.replace('-', '+').replace('_', '/') : digit;
}

/** Which kind of JWT this is, from its header and payload fingerprints. */
export function classifyJwt(
  header: Record<string, unknown> | undefined,
  payload: Record<string, unknown> | undefined,
): TokenKind {
  if (payload === undefined) return header === undefined ? 'unrecognised' : 'jwt';
  const has = (claim: string): boolean => Object.hasOwn(payload, claim);

  if (header?.zm_skm === 'zm_o2m' || ((payload.aud === 'client' || payload.aud === 'clientsm') && payload.iss === 'web')) {
    return 'zak';
  }
  if (
    payload.aud === 'https://oauth.zoom.us' ||
    (typeof payload.iss === 'string' && payload.iss.startsWith('zm:cid:')) ||
    (header?.alg === 'HS512' && header.v === '2.0')
  ) {
    return 'oauth-token';
  }
  const meetingClaims = ['appKey', 'sdkKey', 'mn', 'tokenExp', 'meetingNumber', 'apiKey'].filter(has).length;
  const videoClaims = ['app_key', 'tpc', 'role_type', 'session_key', 'user_identity'].filter(has).length;
  if (videoClaims > 0 && videoClaims >= meetingClaims) return 'video-sdk';
  if (meetingClaims > 0) return 'meeting-sdk';
  if (typeof payload.iss === 'string' && has('exp') && Object.keys(payload).every((c) => JWT_APP_CLAIMS.has(c))) {
    return 'jwt-app-api-token';
  }
  return 'jwt';
}

const JWT_APP_CLAIMS = new Set(['iss', 'exp', 'aud', 'iat', 'nbf']);

function decodeDotless(token: string, result: DecodedToken): void {
  // An HMAC on its own, in hex.
  if (/^[0-9a-fA-F]{64}$/.test(token)) {
    result.format = 'bare-hmac';
    return;
  }
  const decoded = decodeBase64Lenient(token);
  if (decoded.bytes === undefined || decoded.bytes.length === 0) return;

  if (decoded.bytes.length === 32 && (token.length === 43 || token.length === 44)) {
    result.format = 'bare-hmac';
    return;
  }
  if (!isPrintableAscii(decoded.bytes)) return;

  const text = latin1Text(decoded.bytes);
  const legacy = decodeLegacySignature(text);
  if (legacy) {
    result.format = 'legacy';
    result.kind = 'legacy-web-signature';
    result.legacy = legacy;
    return;
  }
  // Readable text of a few characters or more: base64 of something that is not a token.
  if (text.length >= 4 && /[A-Za-z0-9]/.test(text)) {
    result.format = 'encoded-text';
    result.encodedText = text;
  }
}

/** The start of a text for a message, its cut marked (…), so that the output's mask sees where it was cut. */
function preview60(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
