
/**
 * Findings are data: renderers (text, JSON, GitHub annotations) are views of
 * the same list. Check ids are the stable names of the CLI contract; each has
 * its check in checks/registry.ts and its page in docs/checks/<id>.md.
 */

export const CHECK_IDS = [
  // Format
  'not-a-token',
  'malformed-token',
  'wrapped-input',
  'bare-hmac',
  'encoded-key-only',
  'legacy-signature',
  'base64-not-url-safe',
  'wrong-alg',
  // Token integrity (checked with the format: no secret needed)
  'duplicate-json-key',
  'non-canonical-signature',
  'signature-length',
  // Token kind
  'oauth-token-as-signature',
  'zak-as-signature',
  'jwt-app-token-as-signature',
  'video-token-for-meeting-sdk',
  'meeting-token-for-video-sdk',
  // Claims
  'missing-claim',
  'claim-type',
  'wrong-claim-name',
  'invalid-role',
  'meeting-number-format',
  'mn-role-pairing',
  'key-mismatch',
  'meeting-number-mismatch',
  'role-mismatch',
  // Time
  'timestamps-in-ms',
  'expired',
  'iat-in-future',
  'validity-too-short',
  'validity-too-long',
  'token-exp-out-of-range',
  'timezone-offset',
  'expires-soon',
  // Signature
  'signature-unverified',
  'signature-invalid',
  'secret-whitespace',
  'key-secret-swapped',
  'secret-encoding',
  'secret-wrapped',
  // Join context (doctor --join)
  'host-needs-zak',
  'sdk-key-join-mismatch',
  'join-signature-differs',
  'native-token-for-web',
  'join-meeting-number-format',
  'zak-with-obf-token',
  'api-key-in-join',
  // Setup (doctor's questions: what no token can show)
  'wrong-app-type',
  'external-meeting',
  'sdk-version',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export type Severity = 'error' | 'warning' | 'info';

/**
 * A finding of a check. Token checks (checks/registry.ts) write `Finding`,
 * the checks of `zoomsig check` (smoke/registry.ts) `Finding<SmokeCheckId>`.
 */
export interface Finding<Id extends string = CheckId> {
  id: Id;
  severity: Severity;
  /** What is wrong, in plain words, with the offending value. */
  message: string;
  /** How to fix it. */
  hint?: string;
  /** The claim the finding is about, when there is one. */
  claim?: string;
  /** The offending value, as found in the token. */
  value?: unknown;
  /** How to read the check's page, offline: `zoomsig explain <id>` (a string, as schema 1 has always had it). */
  docs?: string;
  /** The check's page inside the installed package: `docs/checks/<id>.md`. */
  docsPage?: string;
  /** The page on the web, only once the project has a known home. */
  docsUrl?: string;
}

export type Verdict = 'ok' | 'warn' | 'fail';

/** `fail` with any error, `warn` with warnings only, else `ok`. */
export function verdictOf(findings: readonly Pick<Finding<string>, 'severity'>[]): Verdict {
  if (findings.some((finding) => finding.severity === 'error')) return 'fail';
  if (findings.some((finding) => finding.severity === 'warning')) return 'warn';
  return 'ok';
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors, then warnings, then info; the order within each is kept. */
export function bySeverity<F extends Pick<Finding<string>, 'severity'>>(findings: readonly F[]): F[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** For sorting: 0 for errors, 1 for warnings, 2 for info. */
export function severityRank(severity: Severity): number {
  return SEVERITY_ORDER[severity];
}

/** The counts of a list of findings: "2 errors, 1 warning". */
export function countFindings(findings: readonly Pick<Finding<string>, 'severity'>[]): string {
  const counts = severityCounts(findings);
  const parts = [
    [counts.error, 'error'],
    [counts.warning, 'warning'],
  ] as const;
  const text = parts.filter(([n]) => n > 0).map(([n, word]) => `${n} ${word}${n === 1 ? '' : 's'}`);
  return text.length > 0 ? text.join(', ') : 'no problems';
}

/** How many findings of each severity. */
export function severityCounts(findings: readonly Pick<Finding<string>, 'severity'>[]): Record<Severity, number> {
  const count = (severity: Severity): number => findings.filter((finding) => finding.severity === severity).length;
  return { error: count('error'), warning: count('warning'), info: count('info') };
}
