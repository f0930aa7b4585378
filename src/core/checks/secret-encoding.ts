import { secretMistakeCheck } from './secret-mistake.js';

export const secretEncoding = secretMistakeCheck(
  'secret-encoding',
  'The secret was hex- or base64-decoded',
  'Use the secret as the plain text shown in the Marketplace (UTF-8 bytes); do not hex- or base64-decode it.',
);
