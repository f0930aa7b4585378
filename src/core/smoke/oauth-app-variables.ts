import { listText } from '../list-text.js';
import { bareValue, credentialItems } from './credential-values.js';
import type { CredentialCheck, CredentialValue } from './smoke-check.js';

export const oauthAppVariables: CredentialCheck = {
  id: 'oauth-app-variables',
  severity: 'warning',
  group: 'Credentials',
  title: 'Another kind of Zoom app\'s variables beside the SDK credentials',
  hint: 'Sign with a Meeting SDK app\'s Client ID and Client Secret (or a General app\'s with Features → Embed → Meeting SDK on) in ZOOM_MEETING_SDK_KEY and ZOOM_MEETING_SDK_SECRET; keep the OAuth app\'s for REST API calls.',
  run(context) {
    const others = context.otherAppVariables;
    if (others.length === 0) return [];
    const names = others.map((variable) => variable.source);
    const same = credentialItems(context).flatMap(({ credential }) =>
      others.filter((other) => bareValue(other.value) === bareValue(credential.value)).map((other) => `${credential.source} holds the same value as ${other.source}`),
    );
    const sameText = same.length > 0 ? ` ${capitalise(listText(same))}: the SDK credentials may be that app's.` : '';
    return [
      {
        message: `${listText(names)} ${names.length === 1 ? 'is' : 'are'} set: the variables of ${appKind(others)}, whose credentials work for the REST API but cannot sign SDK tokens.${sameText}`,
      },
    ];
  },
};

function appKind(variables: readonly CredentialValue[]): string {
  const names = new Set(variables.map((variable) => variable.source));
  if (names.has('ZOOM_ACCOUNT_ID')) return 'a Server-to-Server OAuth app';
  if (names.has('ZOOM_CLIENT_ID') || names.has('ZOOM_CLIENT_SECRET')) return 'an OAuth app';
  return 'a retired JWT app';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
