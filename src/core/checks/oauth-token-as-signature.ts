import { otherTokenCheck } from './other-token.js';

export const oauthTokenAsSignature = otherTokenCheck(
  'oauth-token-as-signature',
  'oauth-token',
  'An OAuth access token where the signature goes',
);
