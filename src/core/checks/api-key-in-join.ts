import type { Check } from './check.js';

export const apiKeyInJoin: Check = {
  id: 'api-key-in-join',
  severity: 'error',
  group: 'Join context',
  title: 'join() gets a JWT-app apiKey',
  hint: 'Remove apiKey from join(): the key goes into the signature (appKey), signed with Meeting SDK credentials.',
  run({ join }) {
    if (join === undefined) return undefined;
    if (join.apiKey === undefined) return [];
    return [
      {
        message: 'join() gets apiKey: Web SDK 2.7.0 and later refuse it with error 3 ("Using a Zoom JWT App type API Key is no longer available in version 2.7.0+").',
        claim: 'apiKey',
        value: join.apiKey,
      },
    ];
  },
};
