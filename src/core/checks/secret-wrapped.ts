import { secretMistakeCheck } from './secret-mistake.js';

export const secretWrapped = secretMistakeCheck(
  'secret-wrapped',
  'The secret was used with its quotes or its NAME= line',
  'One copy of the secret keeps the quotes or the NAME= of an env file and the other does not: sign (and check) with the bare secret as the Marketplace shows it. docker --env-file and hand-written .env readers keep quotes.',
);
