import { versionAtLeast } from '../setup-answers.js';
import { REGENERATE, type Check, type CheckContext, type FindingDraft } from './check.js';

/** Missing, these fail on Zoom's server. tokenExp is read by no SDK bundle (section 7): a warning. */
const REQUIRED = {
  meeting: ['iat', 'exp'],
  video: ['app_key', 'tpc', 'role_type', 'version', 'iat', 'exp'],
} as const;

const ADD_APP_KEY = 'Add "appKey": your Client ID (the same value as "sdkKey"), as Zoom\'s sample does.';

export const missingClaim: Check = {
  id: 'missing-claim',
  severity: 'error',
  group: 'Claims',
  title: 'A required claim is missing',
  hint: REGENERATE,
  run(context) {
    const { decoded, tokenSdk } = context;
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
    if (tokenSdk === 'meeting') drafts.push(...appKeyDrafts(context, has));
    for (const claim of REQUIRED[tokenSdk]) {
      if (!has(claim)) drafts.push({ message: `There is no ${claim} claim.`, claim });
    }
    if (tokenSdk === 'meeting' && !has('tokenExp')) {
      drafts.push({
        message: 'There is no tokenExp claim. No Web SDK reads it (Zoom\'s old generator did not write it), so it is unlikely to be what fails, but Zoom\'s sample writes tokenExp = exp.',
        hint: 'Add "tokenExp" with the value of "exp", as Zoom\'s sample does.',
        claim: 'tokenExp',
        severity: 'warning',
      });
    }
    return drafts;
  },
};

/**
 * No appKey. What the SDKs do (docs/zoom-signatures.md, section 7): Web SDK
 * 6.x sends no API key (client view: apiKey=undefined, or nothing at all when
 * sdkKey is missing too); native SDKs need appKey. Only an older Web SDK, when
 * the user says so, gets by: 4.x-5.x sent the sdkKey instead, 3.x the sdkKey
 * passed to join().
 */
function appKeyDrafts({ webSdkVersion }: CheckContext, has: (claim: string) => boolean): FindingDraft[] {
  if (has('appKey')) return [];
  const version = webSdkVersion?.version;
  const said = webSdkVersion ? `Web SDK ${version?.join('.')} (${webSdkVersion.label})` : undefined;
  if (!has('sdkKey')) {
    if (said && version && !versionAtLeast(version, [4, 0, 0])) {
      return [
        {
          message: `There is no appKey nor sdkKey. ${said} sends the sdkKey passed to join() as the key, so it may get by; Web SDK 4.0 and later and native SDKs cannot tell which app signed it.`,
          hint: ADD_APP_KEY,
          claim: 'appKey',
          severity: 'warning',
        },
      ];
    }
    return [
      {
        message:
          'There is no appKey (nor sdkKey): Zoom cannot tell which app signed it. Web SDK 6.x silently does nothing (client view) or rejects it with "appKey can not empty in the signature" (component view); native SDKs refuse it.',
        hint: ADD_APP_KEY,
        claim: 'appKey',
      },
    ];
  }
  if (said && version && !versionAtLeast(version, [6, 0, 0])) {
    return [
      {
        message: `There is sdkKey but no appKey. ${said} sends the sdkKey instead, so it gets by there; Web SDK 6.x and native SDKs need appKey.`,
        hint: ADD_APP_KEY,
        claim: 'appKey',
        severity: 'warning',
      },
    ];
  }
  return [
    {
      message:
        'There is sdkKey but no appKey. Web SDK 6.x sends apiKey=undefined to Zoom (client view), which refuses the join, and native SDKs need appKey. Only Web SDK 4.x-5.x sent the sdkKey instead (tell doctor the Web SDK version if you run one).',
      hint: ADD_APP_KEY,
      claim: 'appKey',
    },
  ];
}
