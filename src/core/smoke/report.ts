/** What `zoomsig check` reports, in either mode: counted findings, the checks that passed or did not apply, a verdict. */
import type { CheckRun } from '../checks/run-checks.js';
import type { Diagnosis } from '../doctor.js';
import { bySeverity, verdictOf, type CheckId, type Verdict } from '../finding.js';
import type { AnyCheckId } from './smoke-check.js';
import type { CountedFinding, CountUnit, LabelledRun } from './tally.js';

export interface SmokeReportBase {
  verdict: Verdict;
  /** Errors first, then warnings, then info. */
  findings: CountedFinding<AnyCheckId>[];
  /** Checks that looked and found nothing. */
  passed: AnyCheckId[];
  /** Checks that had nothing to look at. */
  skipped: AnyCheckId[];
  /** The clock, in Unix seconds. */
  now: number;
}

/** One subject's doctor run, labelled for counting. */
export function diagnosisRun<Label>(diagnosis: Diagnosis, label: Label): LabelledRun<CheckId, Label> {
  return { findings: diagnosis.findings, passed: diagnosis.passed, skipped: diagnosis.skipped, label };
}

/** A check run over one subject only: each finding counts 1 of 1. */
export function singleRun<Id extends AnyCheckId>(run: CheckRun<Id>, unit: CountUnit): CountedRun<CountedFinding<Id>> {
  return { findings: run.findings.map((finding) => ({ ...finding, count: 1, total: 1, unit })), passed: run.passed, skipped: run.skipped };
}

/** Counted findings with the checks that passed and did not apply. */
export interface CountedRun<F> {
  findings: readonly F[];
  passed: readonly AnyCheckId[];
  skipped: readonly AnyCheckId[];
}

/** Joins tallies (in order, each already sorted) into one report's findings, checks and verdict. */
export function joinTallies<F extends CountedFinding<AnyCheckId>>(
  parts: readonly CountedRun<F>[],
): { findings: F[]; passed: AnyCheckId[]; skipped: AnyCheckId[]; verdict: Verdict } {
  const findings = bySeverity(parts.flatMap((part) => part.findings));
  return {
    findings,
    passed: parts.flatMap((part) => part.passed),
    skipped: parts.flatMap((part) => part.skipped),
    verdict: verdictOf(findings),
  };
}
