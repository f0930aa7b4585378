/**
 * Turns whatever a user pasted into the bare token, recording each wrapper it
 * took off. Pure, linear in the input, and never throws.
 */

import { parseJsonLimited } from './json-value.js';

export type WrapperKind =
  | 'whitespace'
  | 'quotes'
  | 'bearer-prefix'
  | 'header-name'
  | 'json-object'
  | 'json-string'
  | 'assignment'
  | 'line-breaks'
  | 'invisible-characters'
  | 'smart-quotes'
  | 'url'
  | 'url-encoding'
  | 'code'
  | 'surrounding-text';

export interface Unwrapping {
  kind: WrapperKind;
  /** Plain words: what was taken off. */
  description: string;
}

export interface CleanedInput {
  /** The token as it will be analysed. */
  token: string;
  /** What was taken off, outermost first. Empty when the input was clean. */
  unwrapped: Unwrapping[];
}

/** Object keys that usually hold the token in a pasted JSON reply. */
const TOKEN_KEYS = [
  'signature',
  'sdkSignature',
  'token',
  'jwt',
  'sdkJWT',
  'jwtToken',
  'access_token',
  'accessToken',
  'zak',
] as const;

/**
 * A token in a URL's query or fragment, under one of TOKEN_KEYS: pages built
 * on Zoom's older CDN sample read their settings from the query string
 * (`meeting.html?mn=…&pwd=…`), and many add the signature there. The
 * value is taken as written (not form-decoded: a "+" of standard base64
 * stays a "+"), up to the next "&" or "#" (or a quote or bracket, where a
 * URL ends inside other text).
 */
const URL_PARAMETER = new RegExp(`[?&#](${TOKEN_KEYS.join('|')})=([^&#"'<>]*)`);
/**
 * A token quoted in code under one of TOKEN_KEYS, anywhere in the text:
 * `client.join({ signature: '…', sdkKey: '…' })`, a JavaScript object that
 * is not JSON. Its key may be quoted too; the value is what a token holds.
 */
const CODE_VALUE = new RegExp(`(?:^|[^\\w$])(${TOKEN_KEYS.join('|')})["']?\\s*[:=]\\s*(["'\`])([A-Za-z0-9_-][A-Za-z0-9._+/=-]{15,})\\2`);
/** A percent escape, as encodeURIComponent writes "+", "/" and "=" (%2B, %2F, %3D). */
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/g;

const MAX_ROUNDS = 8;
const ASSIGNMENT = /^(?:export\s+|const\s+|let\s+|var\s+)?[A-Za-z_$][\w$.]*\s*[:=]\s*(["'`]?)([A-Za-z0-9_-][A-Za-z0-9._+/=-]{15,})\1\s*[;,]?$/;

/** Characters editors and chat clients slip into a paste that show as nothing (or as a space). */
const INVISIBLE: Readonly<Record<string, string>> = {
  '\u200B': 'zero-width space',
  '\u200C': 'zero-width non-joiner',
  '\u200D': 'zero-width joiner',
  '\u2060': 'word joiner',
  '\uFEFF': 'byte order mark',
  '\u00AD': 'soft hyphen',
  '\u180E': 'Mongolian vowel separator',
  '\u200E': 'left-to-right mark',
  '\u200F': 'right-to-left mark',
  '\u202A': 'left-to-right embedding',
  '\u202B': 'right-to-left embedding',
  '\u202C': 'pop directional formatting',
  '\u202D': 'left-to-right override',
  '\u202E': 'right-to-left override',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\u00A0': 'no-break space',
  '\u2007': 'figure space',
  '\u202F': 'narrow no-break space',
  '\u3000': 'ideographic space',
};
/** Spaces among them, read as a space (so that trimming and line joining apply); the rest are dropped. */
const SPACE_LIKE = new Set(['\u00A0', '\u2007', '\u202F', '\u3000']);
/** Curly quotes from word processors and chat, read as the straight quotes they stand for. */
const SMART_QUOTES: Readonly<Record<string, '"' | "'">> = {
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2033': '"',
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
};
const INVISIBLE_OR_SMART = new RegExp(`[${[...Object.keys(INVISIBLE), ...Object.keys(SMART_QUOTES)].join('')}]`, 'g');
/** How many positions a description lists before "and N more". */
const MAX_POSITIONS = 3;

export function cleanInput(raw: unknown): CleanedInput {
  const unwrapped: Unwrapping[] = [];
  let text = replaceLookalikes(typeof raw === 'string' ? raw : '', unwrapped);

  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const before = text;
    text = stripOnce(text, unwrapped);
    if (text === before) break;
  }

  // A token among words ("The signature is eyJ…", "eyJ… (expires in 2h)"): a token is one word, so
  // the others are text around it, unless they may be the rest of it broken across lines (below).
  // Two tokens or more are left as they are: decodeToken says so rather than guess which is meant.
  if (text.includes('eyJ') && /\s/.test(text)) {
    const words = text.split(/\s+/).filter((word) => word !== '');
    const tokens = jwtWords(text);
    const [only] = tokens;
    // A first word that is a token with a whole HS256 signature cannot be continued on the next line.
    if (tokens.length === 1 && only !== undefined && (only.word > 0 || (only.token.split('.')[2] ?? '').length >= HS256_SIGNATURE_CHARACTERS)) {
      const others = words.length - 1;
      unwrapped.push({ kind: 'surrounding-text', description: `the text around it (${others} other word${others === 1 ? '' : 's'})` });
      return { token: only.token, unwrapped };
    }
  }

  // A token broken across lines (e-mail, chat): a JWT never holds whitespace.
  // Joined only when the input spans lines or has a token's dots: plain words stay words.
  if (/\s/.test(text) && (/[\r\n]/.test(text) || text.includes('.'))) {
    const joined = text.replace(/\s+/g, '');
    if (/^[A-Za-z0-9+/_=-]+(\.[A-Za-z0-9+/_=-]*){0,2}$/.test(joined) && joined.length >= 16) {
      text = joined;
      unwrapped.push({ kind: 'line-breaks', description: 'white space and line breaks inside the token' });
    }
  }

  return { token: text, unwrapped };
}

/** An HS256 signature in base64url: 32 bytes, 43 characters. */
const HS256_SIGNATURE_CHARACTERS = 43;
/** A whole JWT as one word: a JSON header (base64 of `{"` is `eyJ`), three parts, a signature; either base64 alphabet. */
const WHOLE_JWT = /^eyJ[\w+/=-]*\.[\w+/=-]+\.[\w+/=-]+$/;

/** A token found among the words of a text: which word (from 0) and which line (from 1) it is. */
export interface JwtWord {
  token: string;
  word: number;
  line: number;
}

/**
 * The words of a text that are whole JWTs, each taken out of the brackets,
 * quotes or punctuation around it (a sentence's full stop after the
 * signature too).
 */
export function jwtWords(text: string): JwtWord[] {
  const found: JwtWord[] = [];
  let word = 0;
  text.split(/\r?\n/).forEach((lineText, index) => {
    for (const raw of lineText.split(/\s+/)) {
      if (raw === '') continue;
      const bare = raw.replace(/^[(["'<`]+/, '').replace(/[)\]"'>`,;:!?]+$/, '');
      const token = bare.endsWith('.') && bare.split('.').length === 4 ? bare.slice(0, -1) : bare;
      if (WHOLE_JWT.test(token)) found.push({ token, word, line: index + 1 });
      word += 1;
    }
  });
  return found;
}

/**
 * Invisible characters dropped (space-like ones read as spaces) and curly
 * quotes read as straight ones, anywhere in the input: no token holds either.
 * Each kind is recorded with the character, its code point and where it was
 * (1-based positions in the input as pasted).
 */
function replaceLookalikes(text: string, unwrapped: Unwrapping[]): string {
  const invisible: string[] = [];
  const quotes: string[] = [];
  const cleaned = text.replace(INVISIBLE_OR_SMART, (char, offset: number) => {
    const at = `${codePoint(char)} at character ${offset + 1}`;
    const straight = SMART_QUOTES[char];
    if (straight !== undefined) {
      quotes.push(`${char} (${at})`);
      return straight;
    }
    invisible.push(`a ${INVISIBLE[char] ?? 'invisible character'} (${at})`);
    return SPACE_LIKE.has(char) ? ' ' : '';
  });
  if (invisible.length > 0) {
    unwrapped.push({ kind: 'invisible-characters', description: `invisible characters: ${listed(invisible)}` });
  }
  if (quotes.length > 0) {
    unwrapped.push({ kind: 'smart-quotes', description: `curly quotes ${listed(quotes)}, read as straight quotes` });
  }
  return cleaned;
}

/** "U+200B": a character's code point, as messages name it. */
export function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function listed(items: readonly string[]): string {
  const shown = items.slice(0, MAX_POSITIONS);
  const more = items.length - shown.length;
  const head = shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : (shown[0] ?? '');
  return more > 0 ? `${shown.join(', ')} and ${more} more` : head;
}

function stripOnce(text: string, unwrapped: Unwrapping[]): string {
  const trimmed = text.trim();
  if (trimmed !== text) {
    // Only worth reporting when there was more than a final newline.
    if (text.replace(/\r?\n$/, '') !== trimmed) {
      unwrapped.push({ kind: 'whitespace', description: 'surrounding white space' });
    }
    return trimmed;
  }

  const first = text[0];
  const last = text[text.length - 1];
  if (text.length >= 2 && first === last && (first === '"' || first === "'" || first === '`')) {
    if (first === '"') {
      const parsed = tryJson(text);
      if (typeof parsed === 'string' && parsed !== text.slice(1, -1)) {
        unwrapped.push({ kind: 'json-string', description: 'a JSON string literal' });
        return parsed;
      }
    }
    unwrapped.push({ kind: 'quotes', description: `surrounding ${first === '`' ? 'backticks' : 'quotes'}` });
    return text.slice(1, -1);
  }

  // Each pattern below is tried only where it can match (its first letter; a ":" or "="). A
  // pattern is compiled at its first use, and the assignment one also backtracks over the
  // whole token: skipping the three for a plain token took 0.7% off doctor's instructions
  // (counted by scripts/bench-instructions.mjs).
  const header = first === 'a' || first === 'A' ? /^authorization\s*:\s*/i.exec(text) : null;
  if (header) {
    unwrapped.push({ kind: 'header-name', description: 'an "Authorization:" header name' });
    return text.slice(header[0].length);
  }

  const bearer = first === 'b' || first === 'B' ? /^bearer\s+/i.exec(text) : null;
  if (bearer) {
    unwrapped.push({ kind: 'bearer-prefix', description: 'a "Bearer " prefix' });
    return text.slice(bearer[0].length);
  }

  if (first === '{' && last === '}') {
    const parsed = tryJson(text);
    const found = findTokenValue(parsed, 0);
    if (found) {
      unwrapped.push({ kind: 'json-object', description: `a JSON object (the "${found.key}" field)` });
      return found.value;
    }
  }

  // A URL, or its query alone, with the token as a parameter: tried only where a URL has one.
  const parameter = text.includes('=') && /[?&#]/.test(text) && !/\s/.test(text) ? URL_PARAMETER.exec(text) : null;
  if (parameter?.[2]) {
    const decoded = percentDecoded(parameter[2]);
    unwrapped.push({ kind: 'url', description: `a URL (its "${parameter[1]}" parameter${decoded === parameter[2] ? '' : ', URL-decoded'})` });
    return decoded;
  }

  // A token URL-encoded on its own (%2B, %2F, %3D for "+", "/", "="): what encodeURIComponent makes of standard base64.
  if (text.includes('%') && /^[\w.~%+-]+$/.test(text)) {
    const decoded = percentDecoded(text);
    if (decoded !== text) {
      const escapes = [...new Set(text.match(PERCENT_ESCAPE)?.map((escape) => escape.toUpperCase()))];
      unwrapped.push({ kind: 'url-encoding', description: `URL encoding (${listed(escapes)})` });
      return decoded;
    }
  }

  // `signature = "…"`, `signature: '…'`, `export ZOOM_SIGNATURE=…` pasted from code or an env file.
  const hasColonOrEquals = text.includes('=') || text.includes(':');
  const assignment = hasColonOrEquals ? ASSIGNMENT.exec(text) : null;
  if (assignment?.[2] !== undefined) {
    unwrapped.push({ kind: 'assignment', description: 'a variable assignment around it' });
    return assignment[2];
  }

  // Code around it (a join() call, an object literal): tried only where there is a ":" or "=".
  const quoted = hasColonOrEquals ? CODE_VALUE.exec(text) : null;
  if (quoted?.[3] !== undefined) {
    unwrapped.push({ kind: 'code', description: `code around it (its "${quoted[1]}" value)` });
    return quoted[3];
  }

  return text;
}

/** The text with its percent escapes decoded; as it is when they do not decode (a lone "%", bytes that are not UTF-8). */
function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function tryJson(text: string): unknown {
  const parsed = parseJsonLimited(text);
  return parsed.ok ? parsed.value : undefined;
}

function findTokenValue(value: unknown, depth: number): { key: string; value: string } | undefined {
  if (depth > 4 || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  for (const key of TOKEN_KEYS) {
    const candidate = record[key];
    if (typeof candidate === 'string' && candidate.trim() !== '') return { key, value: candidate };
  }
  for (const nested of Object.values(record)) {
    const found = findTokenValue(nested, depth + 1);
    if (found) return found;
  }
  return undefined;
}
