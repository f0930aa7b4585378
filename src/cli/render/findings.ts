/** Findings rendered for people (text) and for GitHub Actions (annotations). */
import type { Finding, Severity } from '../../core/finding.js';
import type { Output } from '../io.js';

const MARKS: Record<Severity, { mark: string; style: 'red' | 'yellow' | 'blue' }> = {
  error: { mark: '✗', style: 'red' },
  warning: { mark: '!', style: 'yellow' },
  info: { mark: 'i', style: 'blue' },
};

export function findingLines(findings: readonly Finding[], output: Output): string[] {
  return findings.flatMap((finding) => {
    const { mark, style } = MARKS[finding.severity];
    const lines = [`${output.paint(style, `${mark} ${finding.id}`)}  ${finding.message}`];
    if (finding.hint) lines.push(`  ${output.paint('dim', 'fix:')} ${finding.hint}`);
    return lines;
  });
}

/**
 * `::error title=zoomsig expired::exp was …` lines, escaped as the Actions
 * runner wants, and a closing `::notice` with the verdict so that a clean run
 * shows in the log too.
 */
export function githubAnnotations(findings: readonly Finding[], verdict: string): string {
  const command: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
  const lines = findings.map((finding) => {
    const title = escapeProperty(`zoomsig ${finding.id}`);
    const body = escapeData(finding.hint ? `${finding.message} Fix: ${finding.hint}` : finding.message);
    return `::${command[finding.severity]} title=${title}::${body}`;
  });
  lines.push(`::notice title=zoomsig::${escapeData(verdict)}`);
  return lines.join('\n');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
