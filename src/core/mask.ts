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

/**
 * Replaces every occurrence of the given secrets in `text` with their mask.
 * A safety net for output: secrets shorter than 8 characters are left alone,
 * because masking them would mangle unrelated text (a token, say).
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 8) continue;
    if (out.includes(secret)) out = out.split(secret).join(maskSecret(secret));
  }
  return out;
}
