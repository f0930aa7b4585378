/** doctor's three views of a diagnosis: text for people, JSON (schema 1), GitHub annotations. */
import type { Diagnosis } from '../../core/doctor.js';
import { signatureSentence, timelinePoints, verdictSentence } from '../../core/doctor-summary.js';
import { formatRelative, isoFromSeconds } from '../../core/time.js';
import { TOKEN_KIND_LABELS } from '../../core/token-kind.js';
import type { Output } from '../io.js';
import { fieldLine } from './field-line.js';
import { findingLines, githubAnnotations, TIME_NOT_JUDGED, verdictFails, verdictMark } from './findings.js';
import { timelineLines } from './timeline.js';

export interface DoctorView {
  strict: boolean;
  verbose: boolean;
}

/** Whether the run fails: an error, or a warning with --strict. */
export function doctorFails(diagnosis: Diagnosis, strict: boolean): boolean {
  return verdictFails(diagnosis.verdict, strict);
}

export function doctorText(diagnosis: Diagnosis, view: DoctorView, output: Output): string {
  const lines = [fieldLine(output, 'kind', TOKEN_KIND_LABELS[diagnosis.kind]), fieldLine(output, 'verdict', verdictText(diagnosis, view, output))];
  if (diagnosis.error) {
    const { entry, code } = diagnosis.error;
    lines.push(fieldLine(output, 'error', `${code}: ${entry.meaning} (${entry.platform}) — findings ranked by how well they explain it`));
  }
  const signature = signatureSentence(diagnosis);
  if (signature) lines.push(fieldLine(output, 'signature', signature));
  if (diagnosis.findings.length > 0) lines.push('', ...findingLines(diagnosis.findings, output));

  const timeline = timelinePoints(diagnosis);
  if (timeline.length > 0) {
    lines.push('', output.paint('bold', 'timeline'), ...timelineLines(timeline).map((line) => `  ${line}`));
    const width = Math.max(...timeline.map((point) => point.label.length));
    for (const point of [...timeline].sort((a, b) => a.at - b.at)) {
      const relative = point.label === 'now' ? '' : `  ${formatRelative(point.at, diagnosis.now)}`;
      lines.push(`  ${output.paint('dim', point.label.padEnd(width))}  ${isoFromSeconds(point.at) ?? point.at}${relative}`);
    }
  }

  if (diagnosis.error && diagnosis.error.unseen.length > 0) {
    lines.push('', output.paint('bold', `What no token check can see for ${diagnosis.error.code}:`));
    for (const cause of diagnosis.error.unseen) {
      lines.push(`${output.paint('yellow', '?')} ${cause.cause}`, `  ${output.paint('dim', 'what to do:')} ${cause.fix}`);
    }
  }
  if (view.verbose && diagnosis.passed.length > 0) {
    lines.push('', `${output.paint('green', `✓ passed (${diagnosis.passed.length}):`)} ${diagnosis.passed.join(', ')}`);
    if (diagnosis.skipped.length > 0) {
      lines.push(`${output.paint('dim', `- not applicable (${diagnosis.skipped.length}):`)} ${diagnosis.skipped.join(', ')}`);
    }
  }
  lines.push('', verdictText(diagnosis, view, output, true));
  if (!diagnosis.timeJudged) lines.push(`${output.paint('yellow', '!')} ${TIME_NOT_JUDGED}`);
  return lines.join('\n');
}

export function doctorJson(diagnosis: Diagnosis): Record<string, unknown> {
  const { signature } = diagnosis;
  return {
    schemaVersion: 1,
    kind: diagnosis.kind,
    verdict: diagnosis.verdict,
    header: diagnosis.decoded.header ?? null,
    payload: diagnosis.decoded.payload ?? null,
    findings: diagnosis.findings,
    signature: {
      checked: signature.checked,
      valid: signature.valid,
      secret: signature.matched ? { label: signature.matched.label, masked: signature.matched.masked } : null,
    },
    checks: { passed: diagnosis.passed, skipped: diagnosis.skipped },
    timeJudged: diagnosis.timeJudged,
    now: isoFromSeconds(diagnosis.now) ?? null,
    ...(diagnosis.error && {
      error: {
        code: diagnosis.error.code,
        platform: diagnosis.error.entry.platform,
        meaning: diagnosis.error.entry.meaning,
        unseenCauses: diagnosis.error.unseen.map(({ cause, fix }) => ({ cause, fix })),
      },
    }),
  };
}

export function doctorGithub(diagnosis: Diagnosis, view: DoctorView): string {
  const unseen = diagnosis.error?.unseen.map((cause) => `Zoom error ${diagnosis.error?.code}, not visible in the token: ${cause.cause} What to do: ${cause.fix}`) ?? [];
  return githubAnnotations(diagnosis.findings, verdictSentence(diagnosis, view.strict), diagnosis.timeJudged ? unseen : [...unseen, TIME_NOT_JUDGED]);
}

function verdictText(diagnosis: Diagnosis, view: DoctorView, output: Output, last = false): string {
  const at = last ? ` (checked at ${isoFromSeconds(diagnosis.now) ?? diagnosis.now})` : '';
  return `${verdictMark(diagnosis.verdict, view.strict, output)}  ${verdictSentence(diagnosis, view.strict)}${at}`;
}
