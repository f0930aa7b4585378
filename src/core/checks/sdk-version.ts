import { parseVersion, versionAtLeast } from '../setup-answers.js';
import type { Check, FindingDraft } from './check.js';

export const sdkVersion: Check = {
  id: 'sdk-version',
  severity: 'error',
  group: 'Setup',
  title: 'The token does not fit the SDK version',
  hint: 'Sign on a server with appKey, sdkKey, mn, role, iat, exp and tokenExp, as Zoom\'s sample does; keep the Web SDK current.',
  run({ answers, decoded, tokenSdk }) {
    const platform = answers?.platform;
    if (platform === undefined || platform === 'other' || tokenSdk !== 'meeting') return undefined;
    const payload = decoded.payload ?? {};
    const hasAppKey = typeof payload.appKey === 'string' && payload.appKey !== '';
    const drafts: FindingDraft[] = [];
    if (platform !== 'web') {
      if (!hasAppKey) {
        drafts.push({ message: `The ${platform} SDK requires appKey in the signature, and this token has none.`, hint: 'Add "appKey": your Client ID (the same value as sdkKey).', claim: 'appKey' });
      }
      return drafts;
    }
    const version = parseVersion(answers?.sdkVersion);
    if (version === undefined) return [];
    const shown = version.join('.');
    if (!versionAtLeast(version, [2, 3, 0])) {
      drafts.push({
        message: `Web SDK ${shown} predates the SDK JWT (2.3.0, 2022-03) and takes only the retired JWT-app signature, which no longer works.`,
        hint: 'Upgrade the Web SDK to a current version and sign an SDK JWT: zoomsig generate.',
      });
    } else if (versionAtLeast(version, [5, 0, 0]) && !hasAppKey) {
      drafts.push({
        message: `Web SDK ${shown} requires appKey in the signature (since 5.0.0, 2025-11), and this token has none.`,
        hint: 'Add "appKey": your Client ID (the same value as sdkKey).',
        claim: 'appKey',
      });
    }
    return drafts;
  },
};
