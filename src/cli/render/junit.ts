/**
 * check's report as JUnit XML, which CI systems (GitLab, Jenkins, GitHub
 * test-report actions) render: one test suite per check group, one test case
 * per check, counted over every request or token it looked at. An error
 * finding (a warning too, with --strict) is a failure; a check that had
 * nothing to look at is skipped. The caller masks secrets before writing it.
 */
import { CHECKS } from '../../core/checks/registry.js';
import { SMOKE_CHECKS } from '../../core/smoke/registry.js';
import { isoFromSeconds } from '../../core/time.js';
import { countedMessage, requestsText, type CheckReport } from './check-report.js';
import { docsText } from './findings.js';

type ReportFinding = CheckReport['findings'][number];

interface TestCase {
  group: string;
  name: string;
  outcome: { type: 'passed'; notes: string[] } | { type: 'failed'; message: string; severity: string; detail: string } | { type: 'skipped' };
}

export function junitXml(report: CheckReport, strict: boolean, elapsedSeconds: number): string {
  const cases = testCases(report, strict);
  const groups = [...new Set(cases.map((testCase) => testCase.group))];
  const timestamp = isoFromSeconds(report.now) ?? '';
  const failures = (list: readonly TestCase[]): number => list.filter((testCase) => testCase.outcome.type === 'failed').length;
  const skipped = (list: readonly TestCase[]): number => list.filter((testCase) => testCase.outcome.type === 'skipped').length;
  const subject = report.mode === 'endpoint' ? report.probe.url : 'credentials';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(`zoomsig check ${subject}`)}" tests="${cases.length}" failures="${failures(cases)}" errors="0" skipped="${skipped(cases)}" time="${elapsedSeconds.toFixed(3)}" timestamp="${attr(timestamp)}">`,
  ];
  for (const group of groups) {
    const members = cases.filter((testCase) => testCase.group === group);
    lines.push(
      `  <testsuite name="${attr(`zoomsig check: ${group}`)}" tests="${members.length}" failures="${failures(members)}" errors="0" skipped="${skipped(members)}" time="0" timestamp="${attr(timestamp)}">`,
    );
    if (group === groups[0]) {
      lines.push('    <properties>', `      <property name="mode" value="${attr(report.mode)}"/>`, `      <property name="verdict" value="${attr(report.verdict)}"/>`);
      if (report.mode === 'endpoint') lines.push(`      <property name="endpoint" value="${attr(report.probe.url)}"/>`);
      lines.push('    </properties>');
    }
    for (const testCase of members) lines.push(...testCaseXml(testCase));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

/** One case per check that looked or had nothing to look at: `zoomsig check`'s own first, then the token checks. */
function testCases(report: CheckReport, strict: boolean): TestCase[] {
  const present = new Set<string>([...report.findings.map((finding) => finding.id), ...report.passed, ...report.skipped]);
  return [...SMOKE_CHECKS, ...CHECKS]
    .filter((check) => present.has(check.id))
    .map((check): TestCase => {
      const group = check.group;
      const name = `${check.id}: ${check.title}`;
      const findings = report.findings.filter((finding) => finding.id === check.id);
      if (findings.length === 0) return { group, name, outcome: report.skipped.includes(check.id) ? { type: 'skipped' } : { type: 'passed', notes: [] } };
      const [failing] = findings.filter((finding) => finding.severity === 'error' || (strict && finding.severity === 'warning'));
      if (failing === undefined) return { group, name, outcome: { type: 'passed', notes: findings.map((finding) => `${finding.severity}: ${findingText(finding)}`) } };
      return { group, name, outcome: { type: 'failed', message: countedMessage(failing), severity: failing.severity, detail: findings.map(findingText).join('\n\n') } };
    });
}

function findingText(finding: ReportFinding): string {
  const requests = requestsText(finding);
  return [
    countedMessage(finding),
    ...(finding.hint === undefined ? [] : [`Fix: ${finding.hint}`]),
    ...(requests === undefined ? [] : [`In ${requests}.`]),
    ...(finding.docs === undefined ? [] : [`Docs: ${docsText(finding)}${finding.docsPage === undefined ? '' : ` (${finding.docsPage} in the zoomsig package)`}`]),
  ].join('\n');
}

function testCaseXml({ group, name, outcome }: TestCase): string[] {
  const open = `    <testcase classname="${attr(`zoomsig.check.${group.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`)}" name="${attr(name)}" time="0"`;
  switch (outcome.type) {
    case 'skipped':
      return [`${open}>`, '      <skipped/>', '    </testcase>'];
    case 'failed':
      return [
        `${open}>`,
        `      <failure type="${attr(outcome.severity)}" message="${attr(outcome.message)}">${text(outcome.detail)}</failure>`,
        '    </testcase>',
      ];
    case 'passed':
      return outcome.notes.length === 0 ? [`${open}/>`] : [`${open}>`, `      <system-out>${text(outcome.notes.join('\n\n'))}</system-out>`, '    </testcase>'];
  }
}

/** Characters XML 1.0 cannot hold at all, even escaped. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function text(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
