import { secretMistakeCheck } from './secret-mistake.js';

export const keySecretSwapped = secretMistakeCheck(
  'key-secret-swapped',
  'Signed with the key, or key and secret swapped',
  'Sign with the Client Secret and put the Client ID in appKey/sdkKey: the two are swapped or the key was used twice.',
  ({ signature }) => {
    const found = signature.secretInClaim;
    if (found === undefined) return [];
    return [
      {
        message: `${found.claim} holds your secret (${found.secret.label}, ${found.secret.masked}): key and secret are swapped.`,
        claim: found.claim,
      },
    ];
  },
);
