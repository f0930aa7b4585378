/**
 * Findings counted over many subjects (the endpoint's replies, the SDKs'
 * tokens): one finding per check and claim, with how many subjects showed
 * it, of how many the check looked at, and which. "3 of 20 signatures", not
 * only the first failure.
 */
import type { CheckRun } from '../checks/run-checks.js';
import { severityRank, type Finding } from '../finding.js';

/** What a count counts: requests sent, signatures judged, or the credentials (looked at once). */
export type CountUnit = 'requests' | 'signatures' | 'credentials';

export interface CountedFinding<Id extends string = string> extends Finding<Id> {
  /** How many of the `total` subjects showed it. */
  count: number;
  /** How many subjects the check looked at. */
  total: number;
  unit: CountUnit;
}

/** A check run over one subject, with its label: a request number, an SDK. */
export interface LabelledRun<Id extends string, Label> extends CheckRun<Id> {
  label: Label;
}

export interface Tally<Id extends string, Label> {
  /** Errors first, then warnings, then info; in `ids` order within each. */
  findings: (CountedFinding<Id> & { labels: Label[] })[];
  /** Checks that looked at one subject or more and found nothing. */
  passed: Id[];
  /** Checks of `ids` that looked at no subject. */
  skipped: Id[];
}

/**
 * Counts the runs' findings by check id and claim. The severity is the worst
 * seen; the message, hint, claim and value are those of the first subject
 * that showed it.
 */
export function tally<Id extends string, Label>(runs: readonly LabelledRun<Id, Label>[], unit: CountUnit, ids: readonly Id[]): Tally<Id, Label> {
  const groups = new Map<string, { finding: Finding<Id>; labels: Label[] }>();
  const lookedAt = new Map<Id, number>();
  for (const run of runs) {
    for (const id of new Set([...run.passed, ...run.findings.map((finding) => finding.id)])) lookedAt.set(id, (lookedAt.get(id) ?? 0) + 1);
    for (const finding of run.findings) {
      const key = `${finding.id}\u0000${finding.claim ?? ''}`;
      const group = groups.get(key);
      if (group === undefined) {
        groups.set(key, { finding, labels: [run.label] });
        continue;
      }
      if (severityRank(finding.severity) < severityRank(group.finding.severity)) group.finding = { ...group.finding, severity: finding.severity };
      if (!group.labels.includes(run.label)) group.labels.push(run.label);
    }
  }
  const order = (id: Id): number => ids.indexOf(id);
  const findings = [...groups.values()]
    .map(({ finding, labels }) => ({ ...finding, count: labels.length, total: lookedAt.get(finding.id) ?? labels.length, unit, labels }))
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || order(a.id) - order(b.id));
  const found = new Set(findings.map((finding) => finding.id));
  return {
    findings,
    passed: ids.filter((id) => lookedAt.has(id) && !found.has(id)),
    skipped: ids.filter((id) => !lookedAt.has(id)),
  };
}
