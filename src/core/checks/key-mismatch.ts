import type { Check, FindingDraft } from './check.js';

export const keyMismatch: Check = {
  id: 'key-mismatch',
  severity: 'error',
  group: 'Claims',
  title: 'The key in the token is not the expected one',
  hint: 'Sign with the Client ID and Client Secret of the same app, and pass that Client ID to join().',
  run({ decoded, tokenSdk, key }) {
    const payload = decoded.payload;
    if (payload === undefined || tokenSdk === undefined) return undefined;
    const drafts: FindingDraft[] = [];
    if (tokenSdk === 'meeting' && Object.hasOwn(payload, 'appKey') && Object.hasOwn(payload, 'sdkKey') && payload.appKey !== payload.sdkKey) {
      drafts.push({
        message: `appKey (${JSON.stringify(payload.appKey)}) and sdkKey (${JSON.stringify(payload.sdkKey)}) differ.`,
        hint: 'Both must be the Client ID (SDK Key) of the app whose secret signs the token.',
        claim: 'sdkKey',
        value: payload.sdkKey,
      });
    }
    if (key !== undefined) {
      const claims = tokenSdk === 'meeting' ? ['appKey', 'sdkKey'] : ['app_key'];
      const claim = claims.find((name) => typeof payload[name] === 'string' && payload[name] !== key.value);
      if (claim !== undefined) {
        drafts.push({
          message: `${claim} is "${String(payload[claim])}", but the key from ${key.label} is "${key.value}".`,
          claim,
          value: payload[claim],
        });
      }
    }
    return drafts;
  },
};
