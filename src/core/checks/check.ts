/**
 * The shape of a check: its id, default severity, group, title and fix hint,
 * and a `run` that looks at the context and returns findings as data.
 * One check per file; the registry (registry.ts) lists them all.
 */
import type { DecodedToken } from '../decode-token.js';
import type { CheckId, Finding, Severity } from '../finding.js';
import type { JoinContext } from '../join-context.js';
import type { SetupAnswers } from '../setup-answers.js';
import type { SignatureAnalysis } from '../signature-analysis.js';

export const CHECK_GROUPS = ['Format', 'Token kind', 'Claims', 'Time', 'Signature', 'Join context', 'Setup'] as const;
export type CheckGroup = (typeof CHECK_GROUPS)[number];

/** Time claims read as whole seconds: present only when a plausible number of seconds. */
export interface TimeSeconds {
  iat?: number;
  exp?: number;
  tokenExp?: number;
}

/** Everything a check may look at. Built once per run by buildCheckContext. */
export interface CheckContext {
  decoded: DecodedToken;
  /** The clock, in Unix seconds. */
  now: number;
  /** Which SDK the token is meant for, when the user said. */
  sdk: 'meeting' | 'video' | undefined;
  /** The key (Client ID / SDK Key) the token should carry, and where it came from. */
  key: { value: string; label: string } | undefined;
  /** The meeting number the token should carry (digits), and where it came from. */
  meeting: { value: string; label: string } | undefined;
  /** The role the user joins with, and where it came from. */
  role: { value: 0 | 1; label: string } | undefined;
  /** The object passed to join(), from --join. */
  join: JoinContext | undefined;
  /** What the user said of their setup (doctor's questions on a terminal). */
  answers: SetupAnswers | undefined;
  /** The Web SDK version the user said (sdkVersion, or doctor's question), and where it came from. */
  webSdkVersion: { version: readonly [number, number, number]; label: string } | undefined;
  /** Do not judge exp / iat against the clock. */
  ignoreExp: boolean;
  /** Seconds iat may be ahead of now. */
  skewSeconds: number;
  /** iat, exp, tokenExp as whole seconds, when they are. */
  seconds: TimeSeconds;
  /** The SDK the token's claims say it is for, when it is an SDK token. */
  tokenSdk: 'meeting' | 'video' | undefined;
  /** What the secrets said of the signature; undefined when none could be checked. */
  signature: SignatureAnalysis;
}

/** A finding as a check writes it: id and severity default to the check's own. */
export interface FindingDraft {
  message: string;
  hint?: string;
  claim?: string;
  value?: unknown;
  severity?: Severity;
}

/**
 * What every check has, whatever it looks at: the token checks here, and
 * those of `zoomsig check` (credentials and endpoints, smoke/registry.ts).
 */
export interface CheckInfo<Id extends string = string, Group extends string = string> {
  id: Id;
  /** The severity of its findings, unless a finding says otherwise (a disputed case, say). */
  severity: Severity;
  group: Group;
  /** The problem, in a few words: "Milliseconds instead of seconds". */
  title: string;
  /** The usual fix, used when a finding gives none. */
  hint: string;
}

/** A check that looks at a `Context`. */
export interface RunnableCheck<Context, Id extends string = string, Group extends string = string> extends CheckInfo<Id, Group> {
  /**
   * Drafts of the problems found: an empty list when the check passed,
   * undefined when it does not apply (a video claim on a meeting token, say).
   */
  run(context: Context): FindingDraft[] | undefined;
}

/** A token check. */
export type Check = RunnableCheck<CheckContext, CheckId, CheckGroup>;

/** Completes a check's drafts into findings. */
export function toFindings<Id extends string>(check: CheckInfo<Id>, drafts: readonly FindingDraft[]): Finding<Id>[] {
  return drafts.map((draft) => ({
    id: check.id,
    severity: draft.severity ?? check.severity,
    message: draft.message,
    hint: draft.hint ?? check.hint,
    ...(draft.claim !== undefined && { claim: draft.claim }),
    ...(draft.value !== undefined && { value: draft.value }),
  }));
}

/** True when the token is a Meeting SDK or Video SDK JWT by its claims. */
export function isSdkToken(context: CheckContext): boolean {
  return context.tokenSdk !== undefined;
}

export const REGENERATE = 'Generate a new signature on your server for each join: zoomsig generate shows a correct one.';
