import type { Check } from './check.js';

/** Claim names people write instead of the right ones. */
const WRONG_CLAIM_NAMES: Record<'meeting' | 'video', Record<string, string>> = {
  meeting: {
    meetingNumber: 'mn',
    meeting_number: 'mn',
    apiKey: 'appKey',
    api_key: 'appKey',
    sdk_key: 'sdkKey',
    app_key: 'appKey',
    token_exp: 'tokenExp',
  },
  video: { appKey: 'app_key', sdkKey: 'app_key', roleType: 'role_type', topic: 'tpc', sessionName: 'tpc' },
};

export const wrongClaimName: Check = {
  id: 'wrong-claim-name',
  severity: 'error',
  group: 'Claims',
  title: 'A claim under the wrong name',
  hint: 'Rename the claim as Zoom spells it.',
  run({ decoded, tokenSdk }) {
    const payload = decoded.payload;
    if (payload === undefined || tokenSdk === undefined) return undefined;
    return Object.entries(WRONG_CLAIM_NAMES[tokenSdk])
      .filter(([wrong, right]) => Object.hasOwn(payload, wrong) && !Object.hasOwn(payload, right))
      .map(([wrong, right]) => ({
        message: `The claim is named "${wrong}"; Zoom reads "${right}".`,
        hint: `Rename "${wrong}" to "${right}" in the payload.`,
        claim: wrong,
        value: payload[wrong],
      }));
  },
};
