import { bareValue, describeCredential } from './credential-values.js';
import type { CredentialCheck } from './smoke-check.js';

export const keyEqualsSecret: CredentialCheck = {
  id: 'key-equals-secret',
  severity: 'error',
  group: 'Credentials',
  title: 'The key and the secret are the same',
  hint: 'Copy the Client ID into the key and the Client Secret into the secret, from the same app in the Marketplace: they are different strings.',
  run({ sdks }) {
    return sdks.flatMap(({ sdk, key, secret }) => {
      if (key === undefined || secret === undefined || bareValue(key.value) !== bareValue(secret.value)) return [];
      const keyText = describeCredential({ sdk, half: 'key', credential: key });
      return [{ message: `${keyText} and its secret (${secret.source}) hold the same value: one of them was pasted twice.` }];
    });
  },
};
