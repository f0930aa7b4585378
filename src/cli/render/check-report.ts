/** check's views of a report: text for people, JSON (schema 1), GitHub annotations. JUnit is in junit.ts. */
import type { CredentialsReport } from '../../core/smoke/check-credentials.js';
import type { EndpointReport } from '../../core/smoke/check-endpoint.js';
import { SDK_LABELS } from '../../core/smoke/credential-values.js';
import { seconds } from '../../core/smoke/replies.js';
import type { Sdk } from '../../core/smoke/smoke-check.js';
import { isoFromSeconds } from '../../core/time.js';
import { countFindings, severityCounts, type Finding } from '../../core/finding.js';
import type { Output } from '../io.js';
import { fieldLine } from './field-line.js';
import { findingLines, githubAnnotations, verdictFails, verdictMark } from './findings.js';

export type CheckReport = CredentialsReport | EndpointReport;
type ReportFinding = CheckReport['findings'][number] & { requests?: number[]; sdks?: Sdk[] };

/** Whether the run fails: an error, or a warning with --strict. */
export function checkFails(report: CheckReport, strict: boolean): boolean {
  return verdictFails(report.verdict, strict);
}

/** The finding's message with its count: "3 of 20 signatures: …", or which SDK's token showed it. */
export function countedMessage(finding: ReportFinding): string {
  if (finding.sdks !== undefined) {
    return `${finding.sdks.map((sdk) => SDK_LABELS[sdk]).join(' and ')} ${finding.sdks.length > 1 ? 'tokens' : 'token'}: ${finding.message}`;
  }
  return finding.total > 1 ? `${finding.count} of ${finding.total} ${finding.unit}: ${finding.message}` : finding.message;
}

/** "requests 3, 6, 9" for a finding some requests showed, not all. */
export function requestsText(finding: ReportFinding): string | undefined {
  const { requests } = finding;
  if (requests === undefined || finding.count === finding.total) return undefined;
  const shown = requests.slice(0, 20).join(', ');
  return `${requests.length === 1 ? 'request' : 'requests'} ${shown}${requests.length > 20 ? ', …' : ''}`;
}

export function checkText(report: CheckReport, strict: boolean, output: Output): string {
  const lines = report.mode === 'endpoint' ? endpointRows(report, output) : credentialsRows(report, output);
  lines.push(fieldLine(output, 'verdict', verdictText(report, strict, output)), '');
  for (const finding of report.findings) {
    lines.push(...findingLines([{ ...finding, message: countedMessage(finding) }], output));
    const requests = requestsText(finding);
    if (requests !== undefined) lines.push(`  ${output.paint('dim', 'in:')}   ${requests}`);
  }
  if (report.findings.length > 0) lines.push('');
  lines.push(`${verdictText(report, strict, output)} (checked at ${isoFromSeconds(report.now) ?? report.now})`);
  return lines.join('\n');
}

function endpointRows(report: EndpointReport, output: Output): string[] {
  const { probe, requests } = report;
  const statuses = Object.entries(requests.statuses).map(([status, count]) => `HTTP ${status} ×${count}`);
  const timing = requests.medianMs === null ? '' : `; median ${requests.medianMs} ms, slowest ${requests.maxMs ?? 0} ms`;
  const rows = [
    fieldLine(output, 'endpoint', `POST ${probe.url} (${SDK_LABELS[probe.sdk]}), ${requests.sent} ${requests.sent === 1 ? 'request' : 'requests'}, timeout ${seconds(probe.timeoutMs)}`),
    fieldLine(output, 'sent', `${JSON.stringify(probe.body)}, ${probe.origin === undefined ? 'no Origin (same origin: CORS not checked)' : `Origin ${probe.origin}`}`),
    fieldLine(output, 'replies', `${requests.replied} of ${requests.sent}${statuses.length > 0 ? `: ${statuses.join(', ')}` : ''}${timing}`),
  ];
  rows.push(fieldLine(output, 'signature', signaturesText(report)));
  return rows;
}

function signaturesText({ signatures }: EndpointReport): string {
  const { received, secret } = signatures;
  if (received === 0) return 'none received';
  if (secret === null) return `${received} received, not checked: no secret given`;
  if (!signatures.checked) return `${received} received, none of them a token the secret can check`;
  return `${signatures.valid} of ${received} verified with ${secret.label} (${secret.masked})`;
}

function credentialsRows(report: CredentialsReport, output: Output): string[] {
  const rows = report.sdks.map(({ sdk, key, secret, token }) => {
    const halves = [key ? `key ${key.source} (${key.masked})` : 'no key', secret ? `secret ${secret.source} (${secret.masked})` : 'no secret'].join(', ');
    const made = token === null ? 'no token made' : token.valid ? `a token made with them ${output.paint('green', 'verifies')}` : `a token made with them ${output.paint('red', 'fails')} doctor`;
    return fieldLine(output, sdk, `${halves}: ${made}`);
  });
  return rows;
}

function verdictSentence(report: CheckReport, strict: boolean): string {
  const counts = countFindings(report.findings);
  const subject = report.mode === 'endpoint' ? 'The endpoint' : 'The credentials';
  switch (report.verdict) {
    case 'fail':
      return `${subject} ${report.mode === 'endpoint' ? 'has' : 'have'} problems: ${counts}.`;
    case 'warn':
      return strict ? `${counts}, which fail with --strict.` : `${subject} ${report.mode === 'endpoint' ? 'works' : 'work'}, but look at the ${counts}.`;
    case 'ok':
      return okSentence(report);
  }
}

function okSentence(report: CheckReport): string {
  if (report.mode === 'credentials') {
    const sdks = report.sdks.map(({ sdk }) => SDK_LABELS[sdk]).join(' and ');
    return `No problems: the ${sdks} credentials make signatures that verify.`;
  }
  const { signatures } = report;
  return signatures.checked
    ? `No problems: every reply carried a signature Zoom would accept.`
    : 'No problems found (the signatures were not checked: no secret given).';
}

function verdictText(report: CheckReport, strict: boolean, output: Output): string {
  return `${verdictMark(report.verdict, strict, output)}  ${verdictSentence(report, strict)}`;
}

export function checkJson(report: CheckReport): Record<string, unknown> {
  const common = {
    schemaVersion: 1,
    mode: report.mode,
    verdict: report.verdict,
    counts: jsonCounts(report.findings),
    findings: report.findings,
    checks: { passed: report.passed, skipped: report.skipped },
    now: isoFromSeconds(report.now) ?? null,
  };
  if (report.mode === 'credentials') return { ...common, credentials: report.sdks };
  const { probe, requests, signatures } = report;
  return { ...common, endpoint: { ...probe, origin: probe.origin ?? null, requests, signatures } };
}

function jsonCounts(findings: readonly Pick<Finding<string>, 'severity'>[]): Record<'errors' | 'warnings' | 'info', number> {
  const { error, warning, info } = severityCounts(findings);
  return { errors: error, warnings: warning, info };
}

export function checkGithub(report: CheckReport, strict: boolean): string {
  const findings = report.findings.map((finding: ReportFinding) => {
    const requests = requestsText(finding);
    return { ...finding, message: `${countedMessage(finding)}${requests === undefined ? '' : ` (${requests})`}` };
  });
  return githubAnnotations(findings, verdictSentence(report, strict));
}
