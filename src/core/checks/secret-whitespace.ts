import { secretMistakeCheck } from './secret-mistake.js';

export const secretWhitespace = secretMistakeCheck(
  'secret-whitespace',
  'The secret has extra or missing white space',
  'One copy of the secret has white space the other lacks: trim it where it is read (env files and `echo` add newlines) and sign with exactly the value shown in the Marketplace.',
);
