import { latin1Text } from './base64url.js';

/**
 * Masks a secret for display: `Q7mZ…0gSa`. Short secrets show less, and a
 * secret of fewer than 8 characters shows nothing of itself but its length.
 */
export function maskSecret(secret: string | Uint8Array): string {
  const text = typeof secret === 'string' ? secret : latin1Text(secret);
  const printable = text.replace(/[^\x21-\x7e]/g, '·');
  if (printable.length >= 16) return `${printable.slice(0, 4)}…${printable.slice(-4)}`;
  if (printable.length >= 8) return `${printable.slice(0, 2)}…${printable.slice(-2)}`;
  return `(${printable.length} characters)`;
}

/** The mark of a cut: a text shortened for display ends, or resumes, with it. */
export const CUT_MARK = '…';

/** The shortest piece of a secret worth masking: shorter ones match unrelated text too often. */
const MIN_FRAGMENT = 8;

/**
 * Replaces every occurrence of the given secrets in `text` with their mask.
 * A safety net for output: secrets shorter than 8 characters are left alone,
 * because masking them would mangle unrelated text (a token, say). Then,
 * for text that some code cut short before it was masked, a piece of 8
 * characters or more of a secret that ends just before a cut mark (…), or
 * starts just after one, is masked too.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_FRAGMENT) continue;
    if (out.includes(secret)) out = out.split(secret).join(maskSecret(secret));
  }
  return out.includes(CUT_MARK) ? maskCutFragments(out, secrets.filter((secret) => secret.length > MIN_FRAGMENT)) : out;
}

/**
 * Shortens `text` to `length` characters and a cut mark, the secrets masked
 * in the whole text first: a cut never leaves a piece of one.
 */
export function cutText(text: string, length: number, secrets: readonly string[]): string {
  const masked = redactSecrets(text, secrets);
  return masked.length > length ? `${masked.slice(0, length)}${CUT_MARK}` : masked;
}

/** The pieces of secrets left at the edges of the cut marks, masked. */
function maskCutFragments(text: string, secrets: readonly string[]): string {
  if (secrets.length === 0) return text;
  const parts = text.split(CUT_MARK);
  return parts
    .map((part, index) => {
      let out = part;
      if (index < parts.length - 1) out = maskEdge(out, secrets, 'end');
      if (index > 0) out = maskEdge(out, secrets, 'start');
      return out;
    })
    .join(CUT_MARK);
}

/** The longest piece of a secret at that edge of `part` (8 characters or more), replaced by the secret's mask. */
function maskEdge(part: string, secrets: readonly string[], edge: 'start' | 'end'): string {
  const piece = (length: number): string => (edge === 'end' ? part.slice(part.length - length) : part.slice(0, length));
  for (const secret of secrets) {
    // A piece that is not in the secret has no longer piece that is: grow while it is.
    let length = 0;
    for (let next = MIN_FRAGMENT; next <= part.length && next <= secret.length && secret.includes(piece(next)); next += 1) length = next;
    if (length >= MIN_FRAGMENT) {
      const rest = edge === 'end' ? part.slice(0, part.length - length) : part.slice(length);
      return edge === 'end' ? `${rest}${maskSecret(secret)}` : `${maskSecret(secret)}${rest}`;
    }
  }
  return part;
}
