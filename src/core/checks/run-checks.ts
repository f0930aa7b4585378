/** Runs the registry over a context: findings, and which checks passed or did not apply. */
import { docsFields } from '../docs-ref.js';
import type { CheckId, Finding } from '../finding.js';
import { MAX_PLAUSIBLE_SECONDS } from '../time.js';
import type { DecodedToken } from '../decode-token.js';
import { toFindings, type Check, type CheckContext, type RunnableCheck, type TimeSeconds } from './check.js';
import { CHECKS } from './registry.js';

export interface CheckRun<Id extends string = CheckId> {
  findings: Finding<Id>[];
  /** Checks that looked and found nothing. */
  passed: Id[];
  /** Checks that do not apply to this token or these options. */
  skipped: Id[];
}

export function runChecks(context: CheckContext, checks: readonly Check[] = CHECKS): CheckRun {
  return runEach(context, checks);
}

/** Runs checks of any kind over their context, each finding linked to its check's page. */
export function runEach<Context, Id extends string>(context: Context, checks: readonly RunnableCheck<Context, Id>[]): CheckRun<Id> {
  const run: CheckRun<Id> = { findings: [], passed: [], skipped: [] };
  for (const check of checks) {
    const drafts = check.run(context);
    if (drafts === undefined) run.skipped.push(check.id);
    else if (drafts.length === 0) run.passed.push(check.id);
    else run.findings.push(...toFindings(check, drafts).map((finding) => ({ ...finding, ...docsFields(check.id) })));
  }
  return run;
}

/** The SDK a token's claims are for, when it is an SDK token. */
export function tokenSdkOf(decoded: DecodedToken): 'meeting' | 'video' | undefined {
  if (decoded.kind === 'meeting-sdk') return 'meeting';
  if (decoded.kind === 'video-sdk') return 'video';
  return undefined;
}

/** iat, exp and tokenExp of an SDK token, as whole seconds, when they are plausible numbers of seconds. */
export function timeSecondsOf(decoded: DecodedToken): TimeSeconds {
  const seconds: TimeSeconds = {};
  if (tokenSdkOf(decoded) === undefined || decoded.payload === undefined) return seconds;
  for (const claim of ['iat', 'exp', 'tokenExp'] as const) {
    const value = decoded.payload[claim];
    if (typeof value === 'number' && Number.isFinite(value) && value <= MAX_PLAUSIBLE_SECONDS) seconds[claim] = Math.floor(value);
  }
  return seconds;
}

/** The Format checks alone, which need nothing but the decoded token (decode's view of a paste). */
export function formatFindings(decoded: DecodedToken): Finding[] {
  const context: CheckContext = {
    decoded,
    now: 0,
    sdk: undefined,
    key: undefined,
    meeting: undefined,
    role: undefined,
    join: undefined,
    answers: undefined,
    webSdkVersion: undefined,
    ignoreExp: true,
    skewSeconds: 0,
    seconds: {},
    tokenSdk: tokenSdkOf(decoded),
    signature: { checkable: false, tried: [], checked: false, valid: false },
  };
  return runChecks(context, CHECKS.filter((check) => check.group === 'Format')).findings;
}
