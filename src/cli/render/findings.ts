/** Findings of any check (token, credentials, endpoint) rendered for people (text) and for GitHub Actions (annotations). */
import type { Finding, Severity, Verdict } from '../../core/finding.js';
import { cutText } from '../../core/mask.js';
import type { Output } from '../io.js';

const MARKS: Record<Severity, { mark: string; style: 'red' | 'yellow' | 'blue' }> = {
  error: { mark: '✗', style: 'red' },
  warning: { mark: '!', style: 'yellow' },
  info: { mark: 'i', style: 'blue' },
};

/**
 * Per finding: the mark, the id, the claim and its value, the message; then
 * the fix and, when the finding has one, its docs page.
 */
export function findingLines(findings: readonly Finding<string>[], output: Output): string[] {
  return findings.flatMap((finding) => {
    const { mark, style } = MARKS[finding.severity];
    const head = [output.paint(style, `${mark} ${finding.id}`)];
    const claim = claimText(finding, output);
    if (claim) head.push(output.paint('bold', claim));
    const lines = [`${head.join('  ')}  ${finding.message}`];
    if (finding.hint) lines.push(`  ${output.paint('dim', 'fix:')}  ${finding.hint}`);
    if (finding.docs) lines.push(`  ${output.paint('dim', 'docs:')} ${docsText(finding)}`);
    return lines;
  });
}

/** `zoomsig explain expired`, and the page's web address when the project has one. */
export function docsText(finding: Pick<Finding<string>, 'docs' | 'docsUrl'>): string {
  return finding.docsUrl === undefined ? (finding.docs ?? '') : `${finding.docs}  (${finding.docsUrl})`;
}

/** `iat=1767225510000`, `mn="857 4606 5012"`, or the claim alone; a long value cut short, its secrets masked first. */
function claimText(finding: Finding<string>, output: Output): string | undefined {
  if (finding.claim === undefined) return undefined;
  if (finding.value === undefined) return finding.claim;
  const value = JSON.stringify(finding.value) ?? String(finding.value);
  return `${finding.claim}=${value.length > 40 ? cutText(value, 39, output.protectedValues()) : value}`;
}

/** Said wherever a verdict is given with --ignore-exp: the verdict does not cover the clock. */
export const TIME_NOT_JUDGED = 'Time claims not judged (--ignore-exp): iat and exp were not compared with the clock, so expiry and a clock ahead are not covered.';

/** Whether a run fails: an error, or a warning with --strict. */
export function verdictFails(verdict: Verdict, strict: boolean): boolean {
  return verdict === 'fail' || (strict && verdict === 'warn');
}

/** "✗ fail", "! warn", "✓ ok", coloured; a warning that fails with --strict gets the cross. */
export function verdictMark(verdict: Verdict, strict: boolean, output: Output): string {
  const [mark, style] = verdictFails(verdict, strict)
    ? (['✗', 'red'] as const)
    : verdict === 'warn'
      ? (['!', 'yellow'] as const)
      : (['✓', 'green'] as const);
  return output.paint(style, `${mark} ${verdict}`);
}

/**
 * `::error title=zoomsig expired::exp was …` lines, escaped as the Actions
 * runner wants, and a closing `::notice` with the verdict so that a clean run
 * shows in the log too.
 */
export function githubAnnotations(findings: readonly Finding<string>[], verdict: string, notes: readonly string[] = []): string {
  const command: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
  const lines = findings.map((finding) => {
    const title = escapeProperty(`zoomsig ${finding.id}`);
    const fix = finding.hint ? ` Fix: ${finding.hint}` : '';
    const docs = finding.docs ? ` See: ${docsText(finding)}` : '';
    return `::${command[finding.severity]} title=${title}::${escapeData(`${finding.message}${fix}${docs}`)}`;
  });
  for (const note of notes) lines.push(`::notice title=zoomsig::${escapeData(note)}`);
  lines.push(`::notice title=zoomsig::${escapeData(verdict)}`);
  return lines.join('\n');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
