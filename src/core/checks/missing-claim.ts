import { REGENERATE, type Check, type FindingDraft } from './check.js';

const REQUIRED = {
  meeting: ['iat', 'exp', 'tokenExp'],
  video: ['app_key', 'tpc', 'role_type', 'version', 'iat', 'exp'],
} as const;

export const missingClaim: Check = {
  id: 'missing-claim',
  severity: 'error',
  group: 'Claims',
  title: 'A required claim is missing',
  hint: REGENERATE,
  run({ decoded, tokenSdk }) {
    const payload = decoded.payload;
    if (payload === undefined) return undefined;
    if (decoded.kind === 'jwt') {
      return [
        {
          message:
            'This JWT has none of the claims of an SDK signature (appKey, sdkKey, mn, tokenExp for the Meeting SDK; app_key, tpc, role_type for the Video SDK).',
          claim: 'appKey',
        },
      ];
    }
    if (tokenSdk === undefined) return undefined;
    const has = (claim: string): boolean => Object.hasOwn(payload, claim);
    const drafts: FindingDraft[] = [];
    if (tokenSdk === 'meeting') {
      if (!has('appKey') && !has('sdkKey')) {
        drafts.push({ message: 'There is no appKey (nor sdkKey): Zoom cannot tell which app signed it.', claim: 'appKey' });
      } else if (!has('appKey')) {
        // Disputed: the Web SDK rejects only when both are missing, but 5.0 and native SDKs require appKey.
        drafts.push({
          message: 'There is sdkKey but no appKey. Native SDKs and Web SDK 5.0 and later require appKey.',
          hint: 'Add "appKey" with the same value as "sdkKey" (your Client ID), as Zoom\'s sample does.',
          claim: 'appKey',
          severity: 'warning',
        });
      }
    }
    for (const claim of REQUIRED[tokenSdk]) {
      if (!has(claim)) drafts.push({ message: `There is no ${claim} claim.`, claim });
    }
    return drafts;
  },
};
