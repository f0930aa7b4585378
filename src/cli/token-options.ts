/**
 * What verify and doctor take from the command line and the environment to
 * judge a token: the clock, the SDK, the secrets and key, the skew.
 */
import { decodeToken } from '../core/decode-token.js';
import { ZoomsigError } from '../core/errors.js';
import { parseVersion } from '../core/setup-answers.js';
import type { DoctorOptions } from '../core/doctor.js';
import type { SecretInput } from '../core/signature-analysis.js';
import type { CommandInput } from './commands.js';
import { nowOption, sdkOption, skewOption } from './common-options.js';
import { resolveKey, resolveSecrets, type Sdk } from './credentials.js';

export interface TokenOptions extends DoctorOptions {
  now: number;
  secrets: SecretInput[];
}

/** The options, and the SDK whose credentials were read: the one named, else the token's own kind. */
export function tokenOptions(input: string, { values, io, output, environment }: CommandInput): { options: TokenOptions; sdk: Sdk } {
  const now = nowOption(values, io);
  const skewSeconds = skewOption(values);
  const sdkFlag = sdkOption(values);
  const sdk = sdkFlag ?? (decodeToken(input).kind === 'video-sdk' ? 'video' : 'meeting');
  const secrets = resolveSecrets(values, environment, sdk, output);
  // The configured key, when there is one: a token made for another app is the commonest 3712.
  const key = resolveKey(values, environment, sdk);
  return {
    sdk,
    options: {
      now,
      secrets,
      ...(key !== undefined && { key: key.value, keyLabel: key.source }),
      ...(sdkFlag !== undefined && { sdk: sdkFlag }),
      ...(values['ignore-exp'] && { ignoreExp: true }),
      ...(skewSeconds !== undefined && { skewSeconds }),
      ...(values['sdk-version'] !== undefined && { sdkVersion: sdkVersionOption(values['sdk-version']) }),
    },
  };
}

/** --sdk-version: the Web SDK version the page loads, as x.y or x.y.z. */
function sdkVersionOption(text: string): string {
  if (parseVersion(text) === undefined) {
    throw new ZoomsigError('INVALID_OPTION', `--sdk-version takes the Web SDK version your page loads, as x.y or x.y.z (5.1.0); got "${text}".`, 'sdk-version');
  }
  return text.trim();
}
