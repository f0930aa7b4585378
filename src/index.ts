/**
 * zoomsig as a library: generate, decode, verify and diagnose Zoom SDK signatures.
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
export { diagnoseToken } from './core/doctor.js';
export type { Diagnosis, DoctorOptions } from './core/doctor.js';
export { CHECKS, CHECKS_BY_ID, checkById } from './core/checks/registry.js';
export type { Check, CheckContext, CheckGroup, CheckInfo, FindingDraft, RunnableCheck } from './core/checks/check.js';
export { ALL_CHECKS, anyCheckById } from './core/all-checks.js';
export {
  CREDENTIAL_CHECK_IDS,
  ENDPOINT_CHECK_IDS,
  SMOKE_CHECK_GROUPS,
  SMOKE_CHECK_IDS,
} from './core/smoke/smoke-check.js';
export type {
  AnyCheckId,
  CredentialCheck,
  CredentialsContext,
  CredentialValue,
  EndpointCheck,
  EndpointProbe,
  Exchange,
  ExchangeContext,
  HttpReply,
  NoReply,
  Redirect,
  SdkCredentialValues,
  SmokeCheck,
  SmokeCheckGroup,
  SmokeCheckId,
  TooLarge,
} from './core/smoke/smoke-check.js';
export { CREDENTIAL_CHECKS, CREDENTIAL_CHECKS_BY_ID, ENDPOINT_CHECKS, ENDPOINT_CHECKS_BY_ID, SMOKE_CHECKS, smokeCheckById } from './core/smoke/registry.js';
export { checkCredentials, CHECK_DEFAULTS } from './core/smoke/check-credentials.js';
export type { CredentialRef, CredentialsCheckOptions, CredentialsReport, SdkCredentialsResult } from './core/smoke/check-credentials.js';
export { checkEndpoint } from './core/smoke/check-endpoint.js';
export type { EndpointCheckOptions, EndpointReport } from './core/smoke/check-endpoint.js';
export type { CountedFinding, CountUnit } from './core/smoke/tally.js';
export { parseJoinContext } from './core/join-context.js';
export type { JoinContext } from './core/join-context.js';
export type { SignatureAnalysis } from './core/signature-analysis.js';
export { ZOOM_ERROR_CODES, findErrorCode, rankFindings } from './core/error-codes.js';
export type { ZoomErrorCause, ZoomErrorCode } from './core/error-codes.js';
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
