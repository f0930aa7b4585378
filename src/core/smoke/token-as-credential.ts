import { decodeToken } from '../decode-token.js';
import { TOKEN_KIND_LABELS } from '../token-kind.js';
import { bareValue, credentialItems, describeCredential } from './credential-values.js';
import type { CredentialCheck } from './smoke-check.js';

export const tokenAsCredential: CredentialCheck = {
  id: 'token-as-credential',
  severity: 'error',
  group: 'Credentials',
  title: 'A token where the key or secret goes',
  hint: 'Put the app\'s Client ID and Client Secret there, as the Marketplace shows them: tokens are made with them and never replace them.',
  run(context) {
    return credentialItems(context).flatMap((item) => {
      const value = bareValue(item.credential.value).replace(/^bearer\s+/i, '');
      // Every JWT starts with a base64url '{"' (eyJ) and has at least two dots.
      if (!/^eyJ[\w-]*\.[\w-]*\./.test(value)) return [];
      const kind = decodeToken(value).kind;
      const what = kind === 'unrecognised' ? '' : `: zoomsig reads it as a ${TOKEN_KIND_LABELS[kind]}`;
      return [{ message: `${describeCredential(item)} holds a token, not the app's ${item.half === 'key' ? 'Client ID' : 'Client Secret'}${what}.` }];
    });
  },
};
