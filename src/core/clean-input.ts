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
  | 'line-breaks';

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

const MAX_ROUNDS = 8;
const ASSIGNMENT = /^(?:export\s+|const\s+|let\s+|var\s+)?[A-Za-z_$][\w$.]*\s*[:=]\s*(["'`]?)([A-Za-z0-9_-][A-Za-z0-9._+/=-]{15,})\1\s*[;,]?$/;

export function cleanInput(raw: unknown): CleanedInput {
  const unwrapped: Unwrapping[] = [];
  let text = typeof raw === 'string' ? raw : '';

  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const before = text;
    text = stripOnce(text, unwrapped);
    if (text === before) break;
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

  const header = /^authorization\s*:\s*/i.exec(text);
  if (header) {
    unwrapped.push({ kind: 'header-name', description: 'an "Authorization:" header name' });
    return text.slice(header[0].length);
  }

  const bearer = /^bearer\s+/i.exec(text);
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

  // `signature = "…"`, `signature: '…'`, `export ZOOM_SIGNATURE=…` pasted from code or an env file.
  const assignment = ASSIGNMENT.exec(text);
  if (assignment?.[2] !== undefined) {
    unwrapped.push({ kind: 'assignment', description: 'a variable assignment around it' });
    return assignment[2];
  }

  return text;
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
