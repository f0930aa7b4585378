import { credentialItems, describeCredential } from './credential-values.js';
import type { CredentialCheck } from './smoke-check.js';

export const credentialWhitespace: CredentialCheck = {
  id: 'credential-whitespace',
  severity: 'error',
  group: 'Credentials',
  title: 'White space in or around the key or secret',
  hint: 'Store the bare value from the Marketplace, with no newline or space (an `echo` into a file, a CI secret pasted with its line break), and trim where your server reads it: Zoom uses the bytes as they are.',
  run(context) {
    return credentialItems(context).flatMap((item) => {
      const where = whereWhiteSpace(item.credential.value);
      return where === undefined ? [] : [{ message: `${describeCredential(item)} ${where}.` }];
    });
  },
};

const NAMES: Readonly<Record<string, string>> = { '\n': 'a newline', '\r\n': 'a CRLF', '\r': 'a carriage return', '\t': 'a tab', ' ': 'a space' };

/** "ends with a newline", "starts with a space", "has white space inside", or undefined. */
function whereWhiteSpace(value: string): string | undefined {
  const trailing = /\s+$/.exec(value)?.[0];
  const leading = /^\s+/.exec(value)?.[0];
  const parts: string[] = [];
  if (leading !== undefined) parts.push(`starts with ${nameOf(leading)}`);
  if (trailing !== undefined && trailing !== value) parts.push(`ends with ${nameOf(trailing)}`);
  if (parts.length === 0 && /\s/.test(value)) parts.push('has white space inside');
  return parts.length === 0 ? undefined : parts.join(' and ');
}

function nameOf(space: string): string {
  return NAMES[space] ?? `${space.length} white-space characters`;
}
