import type { Check } from './check.js';

export const sdkKeyJoinMismatch: Check = {
  id: 'sdk-key-join-mismatch',
  severity: 'error',
  group: 'Join context',
  title: "join()'s sdkKey differs from the token's key",
  hint: 'Pass join() the Client ID that signed the token, or leave sdkKey out (deprecated since Web SDK 4.0.0): the SDK reads the key from the signature.',
  run({ decoded, tokenSdk, join }) {
    const payload = decoded.payload;
    if (join?.sdkKey === undefined || tokenSdk !== 'meeting' || payload === undefined) return undefined;
    const claim = ['appKey', 'sdkKey'].find((name) => typeof payload[name] === 'string');
    if (claim === undefined) return undefined;
    if (join.sdkKey === payload[claim]) return [];
    return [
      {
        message: `join() gets sdkKey ${JSON.stringify(join.sdkKey)}, but the token's ${claim} is "${String(payload[claim])}".`,
        claim: 'sdkKey',
        value: join.sdkKey,
      },
    ];
  },
};
