/**
 * What `zoomsig check` looks at in credentials mode, read once: each SDK's
 * key and secret as found (flags for the SDK --sdk names, then the
 * environment and .env), the credential variables set but empty, and the
 * variables of other kinds of Zoom app. Values are kept as they are,
 * white space and quotes included: the checks are about them.
 */
import { listText } from '../core/list-text.js';
import { OTHER_APP_SECRETS, OTHER_APP_VARIABLES } from '../core/smoke/credential-values.js';
import type { CredentialsContext, CredentialValue, SdkCredentialValues } from '../core/smoke/smoke-check.js';
import { ZoomsigError } from '../core/errors.js';
import { envNames, resolveKey, resolveSecrets, type Environment, type Sdk } from './credentials.js';
import type { Output } from './io.js';
import type { OptionValues } from './options.js';

export function credentialsContext(values: OptionValues, env: Environment, sdks: readonly Sdk[], flagged: Sdk, output: Output): CredentialsContext {
  const found = sdks.map((sdk) => sdkValues(sdk === flagged ? values : {}, env, sdk, output));
  const emptyVariables = found.flatMap(({ sdk, key, secret }) => {
    const names = envNames(sdk);
    return [key === undefined ? names.key : undefined, secret === undefined ? names.secret : undefined].filter(
      (name): name is string => name !== undefined && env.isSetButEmpty(name),
    );
  });
  const otherAppVariables = OTHER_APP_VARIABLES.flatMap((name): CredentialValue[] => {
    const value = env.lookup(name);
    if (value === undefined) return [];
    if (OTHER_APP_SECRETS.includes(name)) output.protect(value.value);
    return [{ value: value.value, source: name }];
  });
  return { sdks: found, emptyVariables, otherAppVariables };
}

function sdkValues(values: OptionValues, env: Environment, sdk: Sdk, output: Output): SdkCredentialValues {
  const key = resolveKey(values, env, sdk);
  const [secret, ...more] = resolveSecrets(values, env, sdk, output);
  if (more.length > 0) throw new ZoomsigError('USAGE', 'check looks at one secret per SDK; give --secret or --secret-file once.');
  return {
    sdk,
    ...(key !== undefined && { key: { value: key.value, source: key.source } }),
    ...(secret !== undefined && { secret: { value: secret.value, source: secret.label } }),
  };
}

/** The exit-2 sentence when no SDK has a key or a secret anywhere. */
export function noCredentialsError(context: CredentialsContext): ZoomsigError {
  const wanted = context.sdks.map(({ sdk }) => {
    const names = envNames(sdk);
    return `${names.key} and ${names.secret}`;
  });
  const empty = context.emptyVariables.length > 0 ? ` (${listText(context.emptyVariables)} ${context.emptyVariables.length > 1 ? 'are' : 'is'} set but empty)` : '';
  const others = context.otherAppVariables.map((variable) => variable.source);
  const otherNote =
    others.length > 0 ? ` ${listText(others)} ${others.length > 1 ? 'are' : 'is'} set, but those are another kind of Zoom app's, which cannot sign SDK tokens.` : '';
  return new ZoomsigError(
    'MISSING_VALUE',
    `check found no SDK credentials to check${empty}: set ${wanted.join(' or ')} in the environment or a .env file, or give --key and --secret-file, or check a running endpoint with --endpoint <url>.${otherNote}`,
    'key',
  );
}
