/**
 * The registry of `zoomsig check`'s own checks, by id: typed as Records over
 * the id lists, so an id without its check, or a check under another id,
 * does not compile. They run, and their findings are listed, in id order.
 */
import type { CheckInfo } from '../checks/check.js';
import { contentTypeNotRequired } from './content-type-not-required.js';
import { corsMissing } from './cors-missing.js';
import { corsPreflight } from './cors-preflight.js';
import { credentialQuotes } from './credential-quotes.js';
import { credentialWhitespace } from './credential-whitespace.js';
import { emptyCredentialVariable } from './empty-credential-variable.js';
import { endpointHttpError } from './endpoint-http-error.js';
import { endpointNoReply } from './endpoint-no-reply.js';
import { endpointNoSignature } from './endpoint-no-signature.js';
import { endpointNotJson } from './endpoint-not-json.js';
import { endpointRedirect } from './endpoint-redirect.js';
import { endpointReplyTooLarge } from './endpoint-reply-too-large.js';
import { incompleteCredentials } from './incomplete-credentials.js';
import { keyEqualsSecret } from './key-equals-secret.js';
import { oauthAppVariables } from './oauth-app-variables.js';
import {
  CREDENTIAL_CHECK_IDS,
  ENDPOINT_CHECK_IDS,
  SMOKE_CHECK_IDS,
  type CredentialCheck,
  type CredentialCheckId,
  type EndpointCheck,
  type EndpointCheckId,
  type SmokeCheck,
  type SmokeCheckGroup,
  type SmokeCheckId,
} from './smoke-check.js';
import { tokenAsCredential } from './token-as-credential.js';

export const CREDENTIAL_CHECKS_BY_ID: Readonly<Record<CredentialCheckId, CredentialCheck>> = {
  'credential-whitespace': credentialWhitespace,
  'credential-quotes': credentialQuotes,
  'key-equals-secret': keyEqualsSecret,
  'token-as-credential': tokenAsCredential,
  'incomplete-credentials': incompleteCredentials,
  'empty-credential-variable': emptyCredentialVariable,
  'oauth-app-variables': oauthAppVariables,
};

export const ENDPOINT_CHECKS_BY_ID: Readonly<Record<EndpointCheckId, EndpointCheck>> = {
  'endpoint-no-reply': endpointNoReply,
  'endpoint-redirect': endpointRedirect,
  'endpoint-reply-too-large': endpointReplyTooLarge,
  'endpoint-http-error': endpointHttpError,
  'endpoint-not-json': endpointNotJson,
  'endpoint-no-signature': endpointNoSignature,
  'cors-missing': corsMissing,
  'cors-preflight': corsPreflight,
  'content-type-not-required': contentTypeNotRequired,
};

export const CREDENTIAL_CHECKS: readonly CredentialCheck[] = CREDENTIAL_CHECK_IDS.map((id) => CREDENTIAL_CHECKS_BY_ID[id]);
export const ENDPOINT_CHECKS: readonly EndpointCheck[] = ENDPOINT_CHECK_IDS.map((id) => ENDPOINT_CHECKS_BY_ID[id]);

const SMOKE_CHECKS_BY_ID: Readonly<Record<SmokeCheckId, SmokeCheck>> = { ...CREDENTIAL_CHECKS_BY_ID, ...ENDPOINT_CHECKS_BY_ID };

/** Every check of `zoomsig check`, credentials first, then endpoint. */
export const SMOKE_CHECKS: readonly CheckInfo<SmokeCheckId, SmokeCheckGroup>[] = SMOKE_CHECK_IDS.map((id) => SMOKE_CHECKS_BY_ID[id]);

export function smokeCheckById(id: string): CheckInfo<SmokeCheckId, SmokeCheckGroup> | undefined {
  return Object.hasOwn(SMOKE_CHECKS_BY_ID, id) ? SMOKE_CHECKS_BY_ID[id as SmokeCheckId] : undefined;
}
