/**
 * Bytes, text and base64 without Node's Buffer: TextEncoder/TextDecoder and
 * atob/btoa, which every JavaScript runtime has. Nothing here throws.
 */

const STANDARD_OR_URL = /^[A-Za-z0-9+/_-]*={0,2}$/;
const URL_SAFE = /^[A-Za-z0-9_-]*$/;

const encoder = new TextEncoder();
// ignoreBOM keeps a leading U+FEFF in the text (as Buffer's toString did): a header that starts
// with a byte-order mark is not JSON, and that is a finding, not something to hide.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** UTF-8 bytes of a string (lone surrogates become U+FFFD). */
export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** A string from UTF-8 bytes, malformed sequences as U+FFFD. */
export function utf8Text(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** One character per byte (U+0000..U+00FF): latin1, what atob and btoa work in. */
export function latin1Text(bytes: Uint8Array): string {
  let text = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return text;
}

function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index);
  return bytes;
}

/** Standard base64, padded. A string is taken as UTF-8. */
export function encodeBase64(data: string | Uint8Array): string {
  return btoa(latin1Text(typeof data === 'string' ? utf8Bytes(data) : data));
}

/** base64url without padding, what each part of a JWT is. A string is taken as UTF-8. */
export function encodeBase64Url(data: string | Uint8Array): string {
  return encodeBase64(data).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** Bytes of an even number of hex digits; undefined for anything else. */
export function decodeHex(text: string): Uint8Array | undefined {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(text)) return undefined;
  const bytes = new Uint8Array(text.length / 2);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = Number.parseInt(text.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

/** Same bytes? Not constant-time: never for a MAC (WebCrypto's verify compares those). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

export interface SegmentBytes {
  /** The decoded bytes, when the text is base64 of either alphabet. */
  bytes: Uint8Array | undefined;
  /** Only `A-Z a-z 0-9 - _` and no padding: what a JWT segment must be. */
  urlSafe: boolean;
  /** Characters of the standard alphabet (`+`, `/`) were found. */
  standardAlphabet: boolean;
  /** Trailing `=` padding was found. */
  padded: boolean;
}

/**
 * Decodes base64url or standard base64, padded or not, and records which
 * alphabet it used. Returns `bytes: undefined` for text that is neither.
 */
export function decodeBase64Lenient(text: string): SegmentBytes {
  const urlSafe = URL_SAFE.test(text);
  const padded = text.endsWith('=');
  const standardAlphabet = /[+/]/.test(text);
  const unpadded = text.replace(/=+$/, '');
  if (!STANDARD_OR_URL.test(text) || unpadded.length % 4 === 1) {
    return { bytes: undefined, urlSafe: false, standardAlphabet, padded };
  }
  if (/[+/]/.test(text) && /[-_]/.test(text)) {
    // Both alphabets at once: not something any encoder writes.
    return { bytes: undefined, urlSafe: false, standardAlphabet, padded };
  }
  // Unpadded, so that any amount of padding is read alike ("AB=" as "AB"); the checks above
  // leave atob nothing to refuse.
  const bytes = latin1Bytes(atob(unpadded.replace(/-/g, '+').replace(/_/g, '/')));
  return { bytes, urlSafe, standardAlphabet, padded };
}

/** True when every byte is printable ASCII (or tab/newline). */
export function isPrintableAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) {
    if (b === 0x09 || b === 0x0a || b === 0x0d) continue;
    if (b < 0x20 || b > 0x7e) return false;
  }
  return true;
}
