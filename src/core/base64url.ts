/**
 * Bytes, text and base64 without Node's Buffer: TextEncoder/TextDecoder and
 * btoa, which every JavaScript runtime has, and a decoder of our own. Nothing
 * here throws.
 */

/** The value of each base64 character, of either alphabet, by its code; -1 for anything else. */
const BASE64_VALUES = (() => {
  const values = new Int8Array(128).fill(-1);
  const standard = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let index = 0; index < 64; index += 1) values[standard.charCodeAt(index)] = index;
  values[0x2d] = 62; // -
  values[0x5f] = 63; // _
  return values;
})();

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

/** Standard base64, padded. A string is taken as UTF-8. */
export function encodeBase64(data: string | Uint8Array): string {
  return btoa(latin1Text(typeof data === 'string' ? utf8Bytes(data) : data));
}

/** base64url without padding, what each part of a JWT is. A string is taken as UTF-8. */
export function encodeBase64Url(data: string | Uint8Array): string {
  return withoutPadding(encodeBase64(data)).replaceAll('+', '-').replaceAll('/', '_');
}

/** The text without the "=" padding at its end. */
export function withoutPadding(text: string): string {
  const end = unpaddedLength(text);
  return end === text.length ? text : text.slice(0, end);
}

/** The length of the text before the "=" padding at its end. */
function unpaddedLength(text: string): number {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d) end -= 1;
  return end;
}

/** Bytes of an even number of hex digits; undefined for anything else. */
export function decodeHex(text: string): Uint8Array | undefined {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(text)) return undefined;
  const bytes = new Uint8Array(text.length / 2);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = Number.parseInt(text.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

/**
 * The 32 bytes of an HMAC-SHA256 written as 64 hex digits (digest('hex')), as
 * a signature part holds it by mistake; undefined for any other text.
 */
export function hexHmacBytes(text: string): Uint8Array | undefined {
  return text.length === 64 ? decodeHex(text) : undefined;
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
 * alphabet it used. Returns `bytes: undefined` for text that is neither:
 * a character of neither alphabet, both alphabets at once, more than two
 * "=", or a length no encoder writes. Bits left over at the end are
 * dropped, as atob drops them (non-canonical-signature looks at them).
 *
 * One pass over the text, without regular expressions or atob: a token's
 * three segments used to cost six patterns' first compilations and atob's
 * first run, ~0.1 ms of every decode and doctor (in process, this VM).
 */
export function decodeBase64Lenient(text: string): SegmentBytes {
  const end = unpaddedLength(text);
  const padded = end < text.length;
  let standardAlphabet = false;
  let urlAlphabet = false;
  let foreign = false;
  for (let index = 0; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x2b || code === 0x2f) standardAlphabet = true;
    else if (code === 0x2d || code === 0x5f) urlAlphabet = true;
    else if (code > 0x7f || (BASE64_VALUES[code] as number) < 0) foreign = true;
  }
  // Both alphabets at once is not something any encoder writes.
  if (foreign || text.length - end > 2 || end % 4 === 1 || (standardAlphabet && urlAlphabet)) {
    return { bytes: undefined, urlSafe: false, standardAlphabet, padded };
  }
  // Any amount of padding (up to two) is read alike: "AB=" as "AB".
  const bytes = new Uint8Array((end * 3) >> 2);
  let bits = 0;
  let held = 0;
  let length = 0;
  for (let index = 0; index < end; index += 1) {
    held = ((held << 6) | (BASE64_VALUES[text.charCodeAt(index)] as number)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[length++] = (held >> bits) & 0xff;
    }
  }
  return { bytes, urlSafe: !standardAlphabet && !padded, standardAlphabet, padded };
}

/** True when every byte is printable ASCII (or tab/newline). */
export function isPrintableAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) {
    if (b === 0x09 || b === 0x0a || b === 0x0d) continue;
    if (b < 0x20 || b > 0x7e) return false;
  }
  return true;
}
