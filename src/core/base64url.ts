/** Base64 and base64url helpers that never throw. */

const STANDARD_OR_URL = /^[A-Za-z0-9+/_-]*={0,2}$/;
const URL_SAFE = /^[A-Za-z0-9_-]*$/;

export function encodeBase64Url(data: string | Uint8Array): string {
  return Buffer.from(data).toString('base64url');
}

export interface SegmentBytes {
  /** The decoded bytes, when the text is base64 of either alphabet. */
  bytes: Buffer | undefined;
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
  if (!STANDARD_OR_URL.test(text) || text.replace(/=+$/, '').length % 4 === 1) {
    return { bytes: undefined, urlSafe: false, standardAlphabet, padded };
  }
  if (/[+/]/.test(text) && /[-_]/.test(text)) {
    // Both alphabets at once: not something any encoder writes.
    return { bytes: undefined, urlSafe: false, standardAlphabet, padded };
  }
  const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
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
