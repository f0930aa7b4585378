/** The kinds of token of the CLI contract, with the words a person reads. */
export const TOKEN_KINDS = [
  'meeting-sdk',
  'video-sdk',
  'legacy-web-signature',
  'oauth-token',
  'zak',
  'jwt-app-api-token',
  'jwt',
  'unrecognised',
] as const;

export type TokenKind = (typeof TOKEN_KINDS)[number];

export const TOKEN_KIND_LABELS: Record<TokenKind, string> = {
  'meeting-sdk': 'Meeting SDK signature (JWT)',
  'video-sdk': 'Video SDK signature (JWT)',
  'legacy-web-signature': 'legacy Web SDK signature (retired JWT-app format)',
  'oauth-token': 'Zoom OAuth access token (for the REST API, not a signature)',
  zak: 'ZAK (Zoom access key for starting meetings, not a signature)',
  'jwt-app-api-token': 'JWT-app API token (retired in 2023, not a signature)',
  jwt: 'JWT of no Zoom SDK kind',
  unrecognised: 'not a token zoomsig recognises',
};

/** A sentence on what to do with a token of this kind, when it is not a signature. */
export const TOKEN_KIND_ADVICE: Partial<Record<TokenKind, string>> = {
  'legacy-web-signature':
    'This format was signed with a JWT app\'s API Key/Secret; Web SDK 2.7.0 and later cannot use it. Create a Meeting SDK (or General) app and generate an SDK JWT: zoomsig generate.',
  'oauth-token':
    'It is for REST API calls and is signed by Zoom, so no secret of yours verifies it. The SDK needs its own JWT signed with Meeting SDK credentials: zoomsig generate.',
  zak: 'Pass it as `zak` in join() when starting a meeting as host; the signature is a separate JWT: zoomsig generate.',
  'jwt-app-api-token':
    'JWT apps were retired in 2023. Create a Meeting SDK (or General app with Embed) and generate an SDK JWT with its Client ID/Secret: zoomsig generate.',
};
