/**
 * diagnoseToken: every check of the registry over one token, with what the
 * user knows (key, meeting, role, the join() object, the error Zoom gave).
 * Pure but for the HMAC work; the clock is passed in.
 */
import { runChecks, timeSecondsOf, tokenSdkOf, type CheckRun } from './checks/run-checks.js';
import type { CheckContext, TimeSeconds } from './checks/check.js';
import { decodeToken, type DecodedToken } from './decode-token.js';
import type { ZoomErrorCause, ZoomErrorCode } from './error-codes.js';
import { ZoomsigError } from './errors.js';
import { bySeverity, verdictOf, type CheckId, type Finding, type Verdict } from './finding.js';
import type { JoinContext } from './join-context.js';
import { normaliseMeetingNumber, normaliseRole } from './normalise.js';
import { parseVersion, type SetupAnswers } from './setup-answers.js';
import { analyseSignature, type SecretInput, type SignatureAnalysis } from './signature-analysis.js';
import { requireClock, type Clock } from './time.js';
import type { TokenKind } from './token-kind.js';
import { DEFAULT_SKEW_SECONDS } from './zoom-rules.js';

export interface DoctorOptions {
  /** The clock: a Date or Unix seconds. */
  now: Clock;
  /** Secrets to check the signature with: one, or several to find which one signed it. */
  secrets?: string | readonly (string | SecretInput)[];
  /**
   * The other SDK's secrets (the Video SDK app's for a Meeting SDK token, and
   * the reverse), when at hand: tried as given when the token's own do not
   * match, so that a token signed with the wrong SDK's secret is named.
   */
  otherSdkSecrets?: readonly SecretInput[];
  /** The key the token should carry. */
  key?: string;
  /** Where that key came from, for messages ("--key", "ZOOM_MEETING_SDK_KEY"). */
  keyLabel?: string;
  /** Which SDK the token is for. */
  sdk?: 'meeting' | 'video';
  /** The meeting the token should be for: digits, with spaces or dashes, or a join URL. */
  meeting?: string | number;
  /** The role the user joins with: 0, 1, "participant", "host". */
  role?: string | number;
  /** The object passed to join(). */
  join?: JoinContext;
  /** What the user said of their setup: app type, whose meeting, join or start, SDK and version. */
  answers?: SetupAnswers;
  /**
   * The Web SDK version the page loads ("5.1.0", "3.13"): older Web SDKs read
   * the key differently (missing-claim, sdk-key-join-mismatch). Without it, a
   * current Web SDK (6.x) is assumed.
   */
  sdkVersion?: string;
  /** Do not judge exp / iat against the clock. */
  ignoreExp?: boolean;
  /** Seconds iat may be ahead of now. Default 60. */
  skewSeconds?: number;
  /** The error code Zoom answered (3712, 200, JWTTOKENWRONG…): findings are ranked by it. */
  error?: string;
}

export interface Diagnosis {
  kind: TokenKind;
  verdict: Verdict;
  decoded: DecodedToken;
  /** Errors, warnings and info; ranked by `error` when one was given. */
  findings: Finding[];
  passed: CheckId[];
  skipped: CheckId[];
  signature: SignatureAnalysis;
  /** The clock the time claims were judged against, in Unix seconds. */
  now: number;
  /** False with ignoreExp: iat and exp were not judged against the clock, and the output must say so. */
  timeJudged: boolean;
  /** iat, exp and tokenExp as whole seconds, when they are. */
  seconds: TimeSeconds;
  /** The error code given, with the causes no token check can see. */
  error?: { entry: ZoomErrorCode; code: string; unseen: ZoomErrorCause[] };
}

export async function diagnoseToken(token: string, options: DoctorOptions): Promise<Diagnosis> {
  // decodeToken never throws: diagnoseDecoded checks the options first all the same.
  return diagnoseDecoded(decodeToken(token), options);
}

/**
 * diagnoseToken of a token decodeToken has read already: the CLI reads it
 * once, for its options too (a second read cost ~0.25 ms of doctor's and
 * verify's start). Not in the package's exports.
 */
export async function diagnoseDecoded(decoded: DecodedToken, options: DoctorOptions): Promise<Diagnosis> {
  requireOptions(options, 'diagnoseToken');
  // The table of Zoom's error codes is imported only when an error is given: building it
  // at every start cost doctor 0.7% of its instructions, verify 0.4% (scripts/bench-instructions.mjs).
  const errorCodes = options.error === undefined ? undefined : await import('./error-codes.js');
  const entry = errorCodes === undefined || options.error === undefined ? undefined : errorCodes.findErrorCode(options.error);
  if (options.error !== undefined && entry === undefined) {
    throw new ZoomsigError(
      'INVALID_OPTION',
      `error: "${options.error}" is not a Zoom error code zoomsig knows (3712, 200, 3705, 124, JWTTOKENWRONG…). "zoomsig explain" lists them.`,
      'error',
    );
  }
  const webSdkVersion = webSdkVersionOf(options);
  const now = requireClock(options.now);
  const secrets = normaliseSecrets(options.secrets);
  const signature = await analyseSignature(decoded, secrets, options.key, options.otherSdkSecrets);
  const context: CheckContext = {
    decoded,
    now,
    sdk: options.sdk,
    key: options.key === undefined ? undefined : { value: options.key, label: options.keyLabel ?? 'the key you gave' },
    meeting: options.meeting === undefined ? undefined : { value: normaliseMeetingNumber(options.meeting, 'meeting'), label: '--meeting' },
    role: roleOf(options),
    join: options.join,
    answers: options.answers,
    webSdkVersion,
    ignoreExp: options.ignoreExp ?? false,
    skewSeconds: options.skewSeconds ?? DEFAULT_SKEW_SECONDS,
    seconds: timeSecondsOf(decoded),
    tokenSdk: tokenSdkOf(decoded),
    signature,
  };
  const run = runChecks(context);
  const findings = entry && errorCodes ? errorCodes.rankFindings(run.findings, entry) : bySeverity(run.findings);
  return {
    kind: decoded.kind,
    verdict: verdictOf(findings),
    decoded,
    findings,
    passed: run.passed,
    skipped: run.skipped,
    signature,
    now,
    timeJudged: !context.ignoreExp,
    seconds: context.seconds,
    ...(entry && errorCodes && options.error !== undefined && {
      error: { entry, code: options.error.trim().toUpperCase(), unseen: errorCodes.unseenCauses(entry, answeredChecks(run)) },
    }),
  };
}

/** The options object itself, which a caller may leave out: a sentence, not a TypeError. */
export function requireOptions(options: unknown, fn: string): void {
  if (options === null || typeof options !== 'object') {
    throw new ZoomsigError('MISSING_VALUE', `${fn} needs its options, at least { now }: ${fn}(token, { now: new Date() }).`, 'options');
  }
}

/** The Web SDK version: sdkVersion, else the one the user gave for the Web SDK. */
function webSdkVersionOf(options: DoctorOptions): CheckContext['webSdkVersion'] {
  if (options.sdkVersion !== undefined) {
    const version = parseVersion(options.sdkVersion);
    if (version === undefined) {
      throw new ZoomsigError(
        'INVALID_OPTION',
        `sdkVersion takes the Web SDK version as x.y or x.y.z ("5.1.0"); got ${JSON.stringify(options.sdkVersion)}.`,
        'sdkVersion',
      );
    }
    return { version, label: 'the version given' };
  }
  if (options.answers?.platform !== 'web') return undefined;
  const version = parseVersion(options.answers.sdkVersion);
  return version && { version, label: 'the version you said' };
}

/** The setup checks that ran on the user's answers: their causes are no longer unseen. */
function answeredChecks(run: CheckRun): Set<CheckId> {
  return new Set<CheckId>([...run.passed, ...run.findings.map((finding) => finding.id)]);
}

/** The role to compare with: --role, else what the user said they do (join or start). */
function roleOf(options: DoctorOptions): CheckContext['role'] {
  if (options.role !== undefined) return { value: normaliseRole(options.role, 'role'), label: '--role' };
  const intent = options.answers?.intent;
  if (intent === undefined) return undefined;
  return { value: intent === 'start' ? 1 : 0, label: 'the role you said you join with' };
}

function normaliseSecrets(secrets: DoctorOptions['secrets']): SecretInput[] {
  if (secrets === undefined) return [];
  const list = typeof secrets === 'string' ? [secrets] : [...secrets];
  return list.map((secret, index) => (typeof secret === 'string' ? { label: `secret #${index + 1}`, value: secret } : secret));
}
