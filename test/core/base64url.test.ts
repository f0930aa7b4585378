/**
 * decodeBase64Lenient, one pass of its own, against what it replaced: three
 * regular expressions and atob (the reference below), on text of every
 * alphabet, padding and length, and on text that is not base64 at all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Lenient, withoutPadding } from '../../src/core/base64url.js';

function reference(text: string): { bytes: number[] | undefined; urlSafe: boolean; standardAlphabet: boolean; padded: boolean } {
  const urlSafe = /^[A-Za-z0-9_-]*$/.test(text);
  const padded = text.endsWith('=');
  const standardAlphabet = /[+/]/.test(text);
  const unpadded = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text) || unpadded.length % 4 === 1 || (/[+/]/.test(text) && /[-_]/.test(text))) {
    return { bytes: undefined, urlSafe: false, standardAlphabet, padded };
  }
  const binary = atob(unpadded.replace(/-/g, '+').replace(/_/g, '/'));
  return { bytes: [...binary].map((char) => char.charCodeAt(0)), urlSafe, standardAlphabet, padded };
}

function decoded(text: string): ReturnType<typeof reference> {
  const result = decodeBase64Lenient(text);
  return { ...result, bytes: result.bytes === undefined ? undefined : [...result.bytes] };
}

describe('decodeBase64Lenient', () => {
  it('decodes as atob did, bytes of either alphabet, padded or not', () => {
    const encoded = fc.tuple(fc.uint8Array({ maxLength: 40 }), fc.boolean(), fc.integer({ min: 0, max: 3 })).map(([bytes, url, padding]) => {
      const standard = Buffer.from(bytes).toString('base64').replace(/=+$/, '');
      const text = url ? standard.replace(/\+/g, '-').replace(/\//g, '_') : standard;
      return text + '='.repeat(padding);
    });
    fc.assert(
      fc.property(encoded, (text) => {
        expect(decoded(text)).toEqual(reference(text));
      }),
      { numRuns: 3_000 },
    );
  });

  it('refuses and flags what atob and the patterns refused or flagged, whatever the text', () => {
    const chars = fc.constantFrom(...'AZaz09+/-_= .\u00e9\u00ff\n'.split(''), 'A', 'b', '7');
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 24 }), (text) => {
        expect(decoded(text)).toEqual(reference(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('drops the bits left over at the end, as atob does', () => {
    expect(decoded('QR')).toEqual(reference('QR'));
    expect([...(decodeBase64Lenient('QR').bytes ?? [])]).toEqual([0x41]);
    expect(decodeBase64Lenient('Q').bytes).toBeUndefined();
    expect(decodeBase64Lenient('QQ===').bytes).toBeUndefined();
  });
});

describe('withoutPadding', () => {
  it.each([
    ['', ''],
    ['QQ==', 'QQ'],
    ['QUI=', 'QUI'],
    ['QUJD', 'QUJD'],
    ['==', ''],
    ['a=b=', 'a=b'],
  ])('%s → %s', (text, unpadded) => {
    expect(withoutPadding(text)).toBe(unpadded);
  });
});
