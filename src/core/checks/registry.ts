/**
 * The registry: every check, by id. Typed as a Record over CHECK_IDS, so a
 * contract id without its check, or a check under another id, does not compile.
 * Checks run, and their findings are listed, in CHECK_IDS order.
 */
import { CHECK_IDS, type CheckId } from '../finding.js';
import { apiKeyInJoin } from './api-key-in-join.js';
import { bareHmac } from './bare-hmac.js';
import { base64NotUrlSafe } from './base64-not-url-safe.js';
import type { Check } from './check.js';
import { claimType } from './claim-type.js';
import { duplicateJsonKey } from './duplicate-json-key.js';
import { encodedKeyOnly } from './encoded-key-only.js';
import { expired } from './expired.js';
import { externalMeeting } from './external-meeting.js';
import { expiresSoon } from './expires-soon.js';
import { hostNeedsZak } from './host-needs-zak.js';
import { iatInFuture } from './iat-in-future.js';
import { invalidRole } from './invalid-role.js';
import { joinMeetingNumberFormat } from './join-meeting-number-format.js';
import { joinSignatureDiffers } from './join-signature-differs.js';
import { jwtAppTokenAsSignature } from './jwt-app-token-as-signature.js';
import { keyMismatch } from './key-mismatch.js';
import { keySecretSwapped } from './key-secret-swapped.js';
import { legacySignature } from './legacy-signature.js';
import { malformedToken } from './malformed-token.js';
import { meetingNumberFormat } from './meeting-number-format.js';
import { meetingNumberMismatch } from './meeting-number-mismatch.js';
import { meetingTokenForVideoSdk } from './meeting-token-for-video-sdk.js';
import { missingClaim } from './missing-claim.js';
import { mnRolePairing } from './mn-role-pairing.js';
import { nativeTokenForWeb } from './native-token-for-web.js';
import { nonCanonicalSignature } from './non-canonical-signature.js';
import { notAToken } from './not-a-token.js';
import { oauthTokenAsSignature } from './oauth-token-as-signature.js';
import { roleMismatch } from './role-mismatch.js';
import { sdkKeyJoinMismatch } from './sdk-key-join-mismatch.js';
import { sdkVersion } from './sdk-version.js';
import { secretEncoding } from './secret-encoding.js';
import { secretWhitespace } from './secret-whitespace.js';
import { secretWrapped } from './secret-wrapped.js';
import { signatureInvalid } from './signature-invalid.js';
import { signatureLength } from './signature-length.js';
import { signatureUnverified } from './signature-unverified.js';
import { timestampsInMs } from './timestamps-in-ms.js';
import { timezoneOffset } from './timezone-offset.js';
import { tokenExpOutOfRange } from './token-exp-out-of-range.js';
import { validityTooLong } from './validity-too-long.js';
import { validityTooShort } from './validity-too-short.js';
import { videoTokenForMeetingSdk } from './video-token-for-meeting-sdk.js';
import { wrappedInput } from './wrapped-input.js';
import { wrongAlg } from './wrong-alg.js';
import { wrongAppType } from './wrong-app-type.js';
import { wrongClaimName } from './wrong-claim-name.js';
import { zakAsSignature } from './zak-as-signature.js';
import { zakWithObfToken } from './zak-with-obf-token.js';

export const CHECKS_BY_ID: Readonly<Record<CheckId, Check>> = {
  'not-a-token': notAToken,
  'malformed-token': malformedToken,
  'wrapped-input': wrappedInput,
  'bare-hmac': bareHmac,
  'encoded-key-only': encodedKeyOnly,
  'legacy-signature': legacySignature,
  'base64-not-url-safe': base64NotUrlSafe,
  'wrong-alg': wrongAlg,
  'duplicate-json-key': duplicateJsonKey,
  'non-canonical-signature': nonCanonicalSignature,
  'signature-length': signatureLength,
  'oauth-token-as-signature': oauthTokenAsSignature,
  'zak-as-signature': zakAsSignature,
  'jwt-app-token-as-signature': jwtAppTokenAsSignature,
  'video-token-for-meeting-sdk': videoTokenForMeetingSdk,
  'meeting-token-for-video-sdk': meetingTokenForVideoSdk,
  'missing-claim': missingClaim,
  'claim-type': claimType,
  'wrong-claim-name': wrongClaimName,
  'invalid-role': invalidRole,
  'meeting-number-format': meetingNumberFormat,
  'mn-role-pairing': mnRolePairing,
  'key-mismatch': keyMismatch,
  'meeting-number-mismatch': meetingNumberMismatch,
  'role-mismatch': roleMismatch,
  'timestamps-in-ms': timestampsInMs,
  expired,
  'iat-in-future': iatInFuture,
  'validity-too-short': validityTooShort,
  'validity-too-long': validityTooLong,
  'token-exp-out-of-range': tokenExpOutOfRange,
  'timezone-offset': timezoneOffset,
  'expires-soon': expiresSoon,
  'signature-unverified': signatureUnverified,
  'signature-invalid': signatureInvalid,
  'secret-whitespace': secretWhitespace,
  'key-secret-swapped': keySecretSwapped,
  'secret-encoding': secretEncoding,
  'secret-wrapped': secretWrapped,
  'host-needs-zak': hostNeedsZak,
  'sdk-key-join-mismatch': sdkKeyJoinMismatch,
  'join-signature-differs': joinSignatureDiffers,
  'native-token-for-web': nativeTokenForWeb,
  'join-meeting-number-format': joinMeetingNumberFormat,
  'zak-with-obf-token': zakWithObfToken,
  'api-key-in-join': apiKeyInJoin,
  'wrong-app-type': wrongAppType,
  'external-meeting': externalMeeting,
  'sdk-version': sdkVersion,
};

/** Every check, in the contract's order. */
export const CHECKS: readonly Check[] = CHECK_IDS.map((id) => CHECKS_BY_ID[id]);

export function checkById(id: string): Check | undefined {
  return Object.hasOwn(CHECKS_BY_ID, id) ? CHECKS_BY_ID[id as CheckId] : undefined;
}
