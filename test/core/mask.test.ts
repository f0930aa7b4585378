/**
 * The mask: whole secrets replaced by `Kq7V…a1Ue`, and, in a text something
 * cut short before masking, the pieces of 8 characters or more that the cut
 * left at its edge; cutText masks before it cuts.
 */
import { describe, expect, it } from 'vitest';
import { cutText, maskSecret, redactSecrets } from '../../src/core/mask.js';

const S = 'Kq7VtZ3xW9pLm2RbN8cYf4HsJ6dGa1Ue';
const MASK = 'Kq7V…a1Ue';

/** Every piece of 8 characters of the secret. */
const PIECES = Array.from({ length: S.length - 7 }, (_, index) => S.slice(index, index + 8));
function holdsNoPiece(text: string): void {
  for (const piece of PIECES) expect(text, `holds ${piece}`).not.toContain(piece);
}

describe('redactSecrets', () => {
  it('masks every whole occurrence', () => {
    expect(redactSecrets(`a ${S} b ${S}`, [S])).toBe(`a ${MASK} b ${MASK}`);
    expect(maskSecret(S)).toBe(MASK);
  });

  it.each([
    ['the start of the secret before a cut', `"${'a'.repeat(20)}${S.slice(0, 18)}…"`, `"${'a'.repeat(20)}${MASK}…"`],
    ['the end of the secret after a cut', `…${S.slice(10)} more`, `…${MASK} more`],
    ['a middle piece between two cuts', `…${S.slice(5, 20)}…`, `…${MASK}…`],
    ['exactly 8 characters', `x${S.slice(0, 8)}…`, `x${MASK}…`],
  ])('masks %s', (_name, text, masked) => {
    const out = redactSecrets(text, [S]);
    expect(out).toBe(masked);
    holdsNoPiece(out);
  });

  it.each([
    ['a piece under 8 characters', `x${S.slice(0, 7)}…`],
    ['a piece not at a cut', `${S.slice(0, 12)} is not at an edge`],
    ['a text without a cut', 'nothing to see'],
    ['the mask itself', `secret (${MASK})…`],
  ])('leaves %s alone', (_name, text) => {
    expect(redactSecrets(text, [S])).toBe(text);
  });
});

describe('cutText', () => {
  it('masks the whole value, then cuts: no piece of the secret survives', () => {
    const value = `${'a'.repeat(20)}${S}zzz`;
    const naive = `${value.slice(0, 39)}…`;
    expect(naive).toContain(S.slice(0, 19));
    const cut = cutText(value, 39, [S]);
    expect(cut).toBe(`${'a'.repeat(20)}${MASK}zzz`);
    holdsNoPiece(cutText(`${'a'.repeat(35)}${S}`, 39, [S]));
  });

  it('cuts what is long, with the mark', () => {
    expect(cutText('x'.repeat(50), 10, [S])).toBe(`${'x'.repeat(10)}…`);
    expect(cutText('short', 10, [S])).toBe('short');
  });
});
