/**
 * verifyToken: would Zoom accept this signature? The doctor's checks with the
 * user's secrets, and a yes only when the HMAC matched and no check failed.
 */
import { decodeToken, type DecodedToken } from './decode-token.js';
import { diagnoseDecoded, requireOptions } from './doctor.js';
import type { Finding, Verdict } from './finding.js';
import type { SecretInput } from './signature-analysis.js';
import type { Clock } from './time.js';
import type { TokenKind } from './token-kind.js';

export type { SecretInput } from './signature-analysis.js';

export interface VerifyOptions {
  /** One secret, or several to find which one signed the token (dev vs prod). */
  secrets: string | readonly (string | SecretInput)[];
  /** The clock: a Date or Unix seconds. */
  now: Clock;
  /** The key the token should carry. */
  key?: string;
  /** Where that key came from, for messages ("--key", "ZOOM_MEETING_SDK_KEY"). */
  keyLabel?: string;
  /** Which SDK the token is for. */
  sdk?: 'meeting' | 'video';
  /** Do not judge exp / iat against the clock. */
  ignoreExp?: boolean;
  /** Seconds iat may be ahead of now. Default 60. */
  skewSeconds?: number;
  /** The other SDK's secrets, tried when the token's own do not match (see DoctorOptions). */
  otherSdkSecrets?: readonly SecretInput[];
  /** The Web SDK version the page loads ("5.1.0"); without it a current one (6.x) is assumed. */
  sdkVersion?: string;
}

export interface SignatureStatus {
  /** A secret was given and the token's format allows checking. */
  checked: boolean;
  /** The HMAC matched one of the secrets exactly. */
  valid: boolean;
  /** The secret that matched: its label, mask and position in the list. */
  secret?: { label: string; masked: string; index: number };
  /** A secret was given, but the signature could not be compared with it: why. */
  unreadable?: string;
}

export interface VerifyResult {
  /** True only when Zoom would accept the signature: it verified and no check failed. */
  ok: boolean;
  verdict: Verdict;
  kind: TokenKind;
  signature: SignatureStatus;
  decoded: DecodedToken;
  findings: Finding[];
  /** False with ignoreExp: the answer says nothing of iat and exp against the clock. */
  timeJudged: boolean;
}

export async function verifyToken(token: string, options: VerifyOptions): Promise<VerifyResult> {
  // decodeToken never throws: verifyDecoded checks the options first all the same.
  return verifyDecoded(decodeToken(token), options);
}

/** verifyToken of a token decodeToken has read already (see diagnoseDecoded). Not in the package's exports. */
export async function verifyDecoded(decoded: DecodedToken, options: VerifyOptions): Promise<VerifyResult> {
  requireOptions(options, 'verifyToken');
  const diagnosis = await diagnoseDecoded(decoded, options);
  const { signature } = diagnosis;
  return {
    ok: diagnosis.verdict !== 'fail' && signature.valid,
    verdict: diagnosis.verdict,
    kind: diagnosis.kind,
    signature: {
      checked: signature.checked,
      valid: signature.valid,
      ...(signature.matched && { secret: signature.matched }),
      ...(signature.unreadable !== undefined && { unreadable: signature.unreadable }),
    },
    decoded: diagnosis.decoded,
    findings: diagnosis.findings,
    timeJudged: diagnosis.timeJudged,
  };
}
