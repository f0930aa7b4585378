import { versionAtLeast } from '../setup-answers.js';
import type { Check } from './check.js';

/**
 * Section 7 of docs/zoom-signatures.md: from Web SDK 4.0 the signature's key
 * overwrites the sdkKey passed to join() (with a console warning), so a
 * mismatch is harmless there; 3.x requires that sdkKey and sends it as the key.
 */
export const sdkKeyJoinMismatch: Check = {
  id: 'sdk-key-join-mismatch',
  severity: 'warning',
  group: 'Join context',
  title: "join()'s sdkKey differs from the token's key",
  hint: 'Pass join() the Client ID that signed the token, or leave sdkKey out (deprecated since Web SDK 4.0.0): the SDK reads the key from the signature.',
  run({ decoded, tokenSdk, join, webSdkVersion }) {
    const payload = decoded.payload;
    if (join?.sdkKey === undefined || tokenSdk !== 'meeting' || payload === undefined) return undefined;
    const claim = ['appKey', 'sdkKey'].find((name) => typeof payload[name] === 'string');
    if (claim === undefined) return undefined;
    if (join.sdkKey === payload[claim]) return [];
    const differs = `join() gets sdkKey ${JSON.stringify(join.sdkKey)}, but the token's ${claim} is "${String(payload[claim])}"`;
    if (webSdkVersion && !versionAtLeast(webSdkVersion.version, [4, 0, 0])) {
      return [
        {
          message: `${differs}. Web SDK ${webSdkVersion.version.join('.')} (${webSdkVersion.label}) sends join()'s sdkKey as the key, so Zoom checks the signature against the wrong app.`,
          claim: 'sdkKey',
          value: join.sdkKey,
          severity: 'error',
        },
      ];
    }
    return [
      {
        message: `${differs}. Web SDK 4.0 and later replace it with the signature's key (with a console warning), so this is harmless there; Web SDK 3.x sends join()'s sdkKey and fails (tell doctor the Web SDK version if you run one).`,
        claim: 'sdkKey',
        value: join.sdkKey,
      },
    ];
  },
};
