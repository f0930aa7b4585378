/**
 * zoomsig as a library: generate, decode and verify Zoom SDK signatures.
 */
export { generateSignature, signHs256 } from './core/generate.js';
export type {
  GeneratedSignature,
  MeetingSignatureOptions,
  Role,
  SignatureOptions,
  VideoSignatureOptions,
} from './core/generate.js';
export { decodeToken, classifyJwt } from './core/decode-token.js';
export type { DecodedToken, DecodeProblem, SegmentReport, TokenFormat } from './core/decode-token.js';
export { verifyToken } from './core/verify.js';
export type { SecretInput, SignatureStatus, VerifyOptions, VerifyResult } from './core/verify.js';
export { cleanInput } from './core/clean-input.js';
export type { CleanedInput, Unwrapping } from './core/clean-input.js';
export { CHECK_IDS, verdictOf } from './core/finding.js';
export type { CheckId, Finding, Severity, Verdict } from './core/finding.js';
export { TOKEN_KINDS, TOKEN_KIND_LABELS } from './core/token-kind.js';
export type { TokenKind } from './core/token-kind.js';
export type { LegacyFields } from './core/legacy-signature.js';
export { maskSecret } from './core/mask.js';
export { normaliseGeoRegions, normaliseMeetingNumber, normaliseRole } from './core/normalise.js';
export { ZoomsigError, isZoomsigError } from './core/errors.js';
export type { ZoomsigErrorCode } from './core/errors.js';
