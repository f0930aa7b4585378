import { otherTokenCheck } from './other-token.js';

export const jwtAppTokenAsSignature = otherTokenCheck(
  'jwt-app-token-as-signature',
  'jwt-app-api-token',
  'A retired JWT-app API token',
);
