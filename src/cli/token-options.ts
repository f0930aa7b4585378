/**
 * What verify and doctor take from the command line and the environment to
 * judge a token: the clock, the SDK, the secrets and key, the skew.
 */
import { decodeToken, type DecodedToken } from '../core/decode-token.js';
import type { DoctorOptions } from '../core/doctor.js';
import type { SecretInput } from '../core/signature-analysis.js';
import type { CommandInput } from './commands.js';
import { nowOption, sdkOption, skewOption } from './common-options.js';
import { parseSdkVersion } from './options.js';
import { envNames, resolveKey, resolveSecrets, type Environment, type Sdk } from './credentials.js';
import type { Output } from './io.js';
import type { TokenKind } from '../core/token-kind.js';

export interface TokenOptions extends DoctorOptions {
  now: number;
  secrets: SecretInput[];
}

/**
 * The options, the SDK whose credentials were read (the one named, else the
 * token's own kind), and the token as decodeToken read it, for
 * diagnoseDecoded and verifyDecoded.
 */
export function tokenOptions(input: string, { values, io, output, environment }: CommandInput): { options: TokenOptions; sdk: Sdk; decoded: DecodedToken } {
  const now = nowOption(values, io);
  const skewSeconds = skewOption(values);
  const sdkFlag = sdkOption(values);
  const decoded = decodeToken(input);
  const { kind } = decoded;
  const sdk = sdkFlag ?? (kind === 'video-sdk' ? 'video' : 'meeting');
  const secrets = resolveSecrets(values, environment, sdk, output);
  const otherSdkSecrets = otherSdkSecretsOf(kind, sdk, environment, output);
  // The configured key, when there is one: a token made for another app is the commonest 3712.
  const key = resolveKey(values, environment, sdk);
  return {
    sdk,
    decoded,
    options: {
      now,
      secrets,
      ...(otherSdkSecrets.length > 0 && { otherSdkSecrets }),
      ...(key !== undefined && { key: key.value, keyLabel: key.source }),
      ...(sdkFlag !== undefined && { sdk: sdkFlag }),
      ...(values['ignore-exp'] && { ignoreExp: true }),
      ...(skewSeconds !== undefined && { skewSeconds }),
      ...(values['sdk-version'] !== undefined && { sdkVersion: parseSdkVersion(values['sdk-version']) }),
    },
  };
}

/**
 * The other SDK's secret from the environment or .env, when the token is an
 * SDK token whose own SDK's secrets were read: a Video SDK token signed with
 * ZOOM_MEETING_SDK_SECRET (or the reverse) is then named, not only refused.
 */
function otherSdkSecretsOf(kind: TokenKind, sdk: Sdk, environment: Environment, output: Output): SecretInput[] {
  const own = kind === 'video-sdk' ? 'video' : kind === 'meeting-sdk' ? 'meeting' : undefined;
  if (own === undefined || own !== sdk) return [];
  const found = environment.lookup(envNames(own === 'video' ? 'meeting' : 'video').secret);
  if (found === undefined || found.value === '') return [];
  output.protect(found.value);
  return [{ label: found.source, value: found.value }];
}
