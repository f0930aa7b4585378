/** Telling a parsed JSON body's shape: an object to read fields from, or what it is instead. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "null", "an array", "a string", "a number"…: what a JSON value that is not an object is, for a message. */
export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}

/**
 * Deeper than this, JSON is refused before it is parsed: no Zoom token,
 * reply or join() object nests more than a few levels, and a value thousands
 * of levels deep overflows the stack of whatever walks it next (a renderer,
 * JSON.stringify, a deep copy).
 */
export const MAX_JSON_DEPTH = 64;

/** What a look over JSON text finds before it is parsed. */
export interface JsonScan {
  /** The deepest nesting of objects and arrays (capped: the scan stops past MAX_JSON_DEPTH). */
  depth: number;
  tooDeep: boolean;
  /** Keys an object names more than once, as paths (`alg`, `user.name`), each once. */
  duplicateKeys: string[];
}

/**
 * One pass over JSON text without recursion: its nesting depth, and the keys
 * an object names twice (JSON.parse keeps the last of them, other decoders
 * the first or reject the whole). Meant for text JSON.parse accepts; on other
 * text the answer is a best effort and never throws.
 */
export function scanJson(text: string): JsonScan {
  // One entry per open object or array: the keys seen (objects only) and the path to it.
  const stack: { keys: Set<string> | undefined; path: string }[] = [];
  const duplicates = new Set<string>();
  let depth = 0;
  let lastString: string | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') {
      const end = stringEnd(text, index);
      lastString = text.slice(index, end + 1);
      index = end;
      continue;
    }
    if (char === ':' && lastString !== undefined) {
      const top = stack.at(-1);
      const key = decodeJsonString(lastString);
      if (top?.keys !== undefined) {
        if (top.keys.has(key)) duplicates.add(top.path === '' ? key : `${top.path}.${key}`);
        top.keys.add(key);
      }
      lastString = key;
      continue;
    }
    if (char === '{' || char === '[') {
      const parent = stack.at(-1);
      const name = parent?.keys !== undefined && lastString !== undefined ? lastString : '';
      const path = parent === undefined ? '' : [parent.path, name].filter(Boolean).join('.');
      stack.push({ keys: char === '{' ? new Set() : undefined, path });
      depth = Math.max(depth, stack.length);
      if (depth > MAX_JSON_DEPTH) return { depth, tooDeep: true, duplicateKeys: [...duplicates] };
    } else if (char === '}' || char === ']') {
      stack.pop();
    }
    if (char !== ' ' && char !== '\t' && char !== '\n' && char !== '\r') lastString = char === ':' ? lastString : undefined;
  }
  return { depth, tooDeep: false, duplicateKeys: [...duplicates] };
}

/** The index of the quote that closes the string opening at `start` (or the text's last index). */
function stringEnd(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === '"') return index;
  }
  return text.length - 1;
}

function decodeJsonString(literal: string): string {
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : literal;
  } catch {
    return literal;
  }
}

/**
 * Whether the text holds more than MAX_JSON_DEPTH opening brackets, inside
 * strings or not: text with fewer cannot nest deeper, and needs no scan
 * (`zoomsig serve` reads a body of forty characters per request).
 */
export function mayNestTooDeep(text: string): boolean {
  let open = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // { and [
    if ((code === 0x7b || code === 0x5b) && ++open > MAX_JSON_DEPTH) return true;
  }
  return false;
}

/**
 * The keys JSON text names more than once (as scanJson gives them), told
 * from the text and what JSON.parse made of it. Text that JSON.stringify
 * gives back unchanged names none: of two same keys JSON.parse keeps one,
 * so text that names a key twice is longer than what it parses to. A
 * compact token segment then needs no scan, which took ~0.2 ms off doctor
 * and decode (the scan's first run, in process, this VM).
 */
export function duplicateKeysOf(text: string, value: unknown): string[] {
  return JSON.stringify(value) === text ? [] : scanJson(text).duplicateKeys;
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * JSON.parse behind the depth limit: the value, or why there is none, in a
 * few words ("nested 65 levels deep", "Unexpected token …").
 */
export function parseJsonLimited(text: string): JsonParse {
  if (mayNestTooDeep(text) && scanJson(text).tooDeep) return { ok: false, reason: `nested more than ${MAX_JSON_DEPTH} levels deep` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A claim or join() value as a number, the way Number() reads a number or a
 * string, and NaN for anything else. Number() itself throws on an object
 * whose toString and valueOf are not functions, which a pasted token can
 * hold: {"role":{"toString":1}}.
 */
export function asNumber(value: unknown): number {
  return typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
}
