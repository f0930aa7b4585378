import { versionAtLeast } from '../setup-answers.js';
import type { Check } from './check.js';

/**
 * What the Web SDK version the user gave rules out. appKey rules by version
 * are missing-claim's, sdkKey in join() by version sdk-key-join-mismatch's.
 */
export const sdkVersion: Check = {
  id: 'sdk-version',
  severity: 'error',
  group: 'Setup',
  title: 'The token does not fit the SDK version',
  hint: 'Sign on a server with appKey, sdkKey, mn, role, iat, exp and tokenExp, as Zoom\'s sample does; keep the Web SDK current.',
  run({ webSdkVersion, tokenSdk }) {
    if (webSdkVersion === undefined || tokenSdk !== 'meeting') return undefined;
    const { version, label } = webSdkVersion;
    if (versionAtLeast(version, [2, 3, 0])) return [];
    return [
      {
        message: `Web SDK ${version.join('.')} (${label}) predates the SDK JWT (2.3.0, 2022-03) and takes only the retired JWT-app signature, which no longer works.`,
        hint: 'Upgrade the Web SDK to a current version and sign an SDK JWT: zoomsig generate.',
      },
    ];
  },
};
