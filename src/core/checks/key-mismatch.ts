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
    const bothKeys = tokenSdk === 'meeting' && Object.hasOwn(payload, 'appKey') && Object.hasOwn(payload, 'sdkKey');
    if (bothKeys && payload.appKey !== payload.sdkKey) {
      // Section 7: both views of Web SDK 6.x take appKey when the two differ.
      drafts.push({
        message: `appKey (${JSON.stringify(payload.appKey)}) and sdkKey (${JSON.stringify(payload.sdkKey)}) differ. Web SDK 6.x takes appKey; an older SDK reading sdkKey would name another app.`,
        hint: 'Both must be the Client ID (SDK Key) of the app whose secret signs the token.',
        claim: 'sdkKey',
        value: payload.sdkKey,
        severity: 'warning',
      });
    }
    // No expected key: appKey and sdkKey agreeing says nothing of whether they are the right app's.
    if (key === undefined) return drafts.length > 0 ? drafts : undefined;
    // The key the SDK sends: appKey, else sdkKey (Meeting SDK); app_key (Video SDK).
    const claims = tokenSdk === 'meeting' ? ['appKey', 'sdkKey'] : ['app_key'];
    const claim = claims.find((name) => typeof payload[name] === 'string');
    if (claim !== undefined && payload[claim] !== key.value) {
      drafts.push({
        message: `${claim} is "${String(payload[claim])}", but the key from ${key.label} is "${key.value}".`,
        claim,
        value: payload[claim],
      });
    }
    return drafts;
  },
};
