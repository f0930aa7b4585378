/**
 * A diagnosis as the page shows it, in doctor's order: the verdict, every
 * finding with its mark, id, claim and value, message, fix and check page;
 * the passed checks when asked for; then the time line, header and payload.
 * The words come from the core, as doctor's do.
 */
import type { Diagnosis } from '../core/doctor.js';
import { signatureSentence, timelinePoints, verdictSentence, type TimelinePoint } from '../core/doctor-summary.js';
import type { Finding, Severity } from '../core/finding.js';
import { formatRelative, isoFromSeconds } from '../core/time.js';
import { timeClaimsOf, type TimeClaim } from '../core/time-claims.js';
import { TOKEN_KIND_ADVICE, TOKEN_KIND_LABELS } from '../core/token-kind.js';
import { el, svg, withCode } from './dom.js';
import { checkButton, checkPageView, type Navigate } from './explain-view.js';

const MARKS: Record<Severity, string> = { error: '✗', warning: '!', info: 'i' };
const VERDICT_MARKS = { fail: '✗', warn: '!', ok: '✓' } as const;

export function diagnosisView(diagnosis: Diagnosis, options: { verbose: boolean }, navigate: Navigate): HTMLElement {
  const view = el('div', { class: 'diagnosis' });
  view.append(
    el(
      'p',
      { class: `verdict verdict-${diagnosis.verdict}`, 'data-verdict': diagnosis.verdict },
      el('span', { class: 'mark', 'aria-hidden': 'true' }, VERDICT_MARKS[diagnosis.verdict]),
      el('strong', {}, diagnosis.verdict),
      ' ',
      verdictSentence(diagnosis, false),
    ),
  );

  const facts = el('dl', { class: 'facts' });
  const fact = (term: string, ...value: (Node | string)[]): void => {
    facts.append(el('dt', {}, term), el('dd', {}, ...value));
  };
  fact('kind', el('span', { 'data-kind': diagnosis.kind }, TOKEN_KIND_LABELS[diagnosis.kind]));
  if (diagnosis.error) {
    const { entry, code } = diagnosis.error;
    fact('error', `${code}: ${entry.meaning} (${entry.platform}): findings ranked by how well they explain it`);
  }
  const signature = signatureSentence(diagnosis);
  if (signature) fact('signature', signature);
  if (diagnosis.decoded.unwrapped.length > 0) fact('cleaned', `took off ${diagnosis.decoded.unwrapped.map((u) => u.description).join(', ')}`);
  view.append(facts);
  const advice = TOKEN_KIND_ADVICE[diagnosis.kind];
  if (advice) view.append(el('p', { class: 'notice' }, ...withCode(advice)));

  if (diagnosis.findings.length > 0) {
    view.append(el('h2', {}, `Findings (${diagnosis.findings.length})`), findingList(diagnosis.findings, navigate));
  }
  if (diagnosis.error && diagnosis.error.unseen.length > 0) {
    view.append(
      el('h2', {}, `What no token check can see for ${diagnosis.error.code}`),
      el('ul', { class: 'unseen' }, ...diagnosis.error.unseen.map((cause) => el('li', {}, el('p', {}, cause.cause), el('p', {}, el('span', { class: 'label' }, 'what to do: '), cause.fix)))),
    );
  }
  if (options.verbose) view.append(passedView(diagnosis, navigate));

  const points = timelinePoints(diagnosis);
  if (points.length > 0) view.append(el('h2', {}, 'Timeline'), timelineView(points, diagnosis.now));
  const claims = timeClaimsOf(diagnosis.decoded, diagnosis.now);
  const { header, payload, legacy } = diagnosis.decoded;
  if (header) view.append(el('h2', {}, 'Header'), claimTable(header, []));
  if (payload) view.append(el('h2', {}, 'Payload'), claimTable(payload, claims));
  if (legacy) {
    const { apiKey, meetingNumber, timestamp, role, hash } = legacy;
    view.append(el('h2', {}, 'Legacy fields'), claimTable({ apiKey, meetingNumber, timestamp, role, hash }, claims));
  }
  view.append(el('p', { class: 'help checked-at' }, `Checked at ${isoFromSeconds(diagnosis.now) ?? diagnosis.now}.`));
  return view;
}

function findingList(findings: readonly Finding[], navigate: Navigate): HTMLElement {
  const list = el('ol', { class: 'findings' });
  for (const finding of findings) {
    const claim = claimText(finding);
    const page = checkPageView(finding.id, navigate, 4);
    list.append(
      el(
        'li',
        { class: `finding sev-${finding.severity}`, 'data-finding-id': finding.id, 'data-severity': finding.severity },
        el(
          'p',
          { class: 'head' },
          el('span', { class: 'mark', role: 'img', 'aria-label': finding.severity }, MARKS[finding.severity]),
          el('code', { class: 'id' }, finding.id),
          claim !== undefined && el('code', { class: 'claim' }, claim),
        ),
        el('p', { class: 'message' }, ...withCode(finding.message)),
        finding.hint !== undefined && el('p', { class: 'fix' }, el('span', { class: 'label' }, 'fix: '), ...withCode(finding.hint)),
        page !== undefined && el('details', { class: 'page' }, el('summary', {}, `About ${finding.id}`), el('div', { class: 'check-page' }, page)),
      ),
    );
  }
  return list;
}

/** `iat=1767225510000`, `mn="857 4606 5012"`, or the claim alone. */
function claimText(finding: Finding): string | undefined {
  if (finding.claim === undefined) return undefined;
  if (finding.value === undefined) return finding.claim;
  return `${finding.claim}=${JSON.stringify(finding.value) ?? String(finding.value)}`;
}

function passedView(diagnosis: Diagnosis, navigate: Navigate): HTMLElement {
  const ids = (list: readonly string[]): Node[] => list.flatMap((id, index) => (index === 0 ? [checkButton(id, navigate)] : [document.createTextNode(', '), checkButton(id, navigate)]));
  return el(
    'div',
    { class: 'passed' },
    el('p', { 'data-passed': diagnosis.passed.join(' ') }, el('span', { class: 'label ok' }, `✓ passed (${diagnosis.passed.length}): `), ...ids(diagnosis.passed)),
    diagnosis.skipped.length > 0 && el('p', {}, el('span', { class: 'label' }, `- not applicable (${diagnosis.skipped.length}): `), ...ids(diagnosis.skipped)),
  );
}

/** The time claims and the clock on one line, then each as ISO 8601 and relative time. */
function timelineView(points: readonly TimelinePoint[], now: number): HTMLElement {
  const times = points.map((point) => point.at);
  const min = Math.min(...times);
  const span = Math.max(...times) - min;
  const [width, left, right] = [600, 40, 560];
  const xOf = (at: number): number => (span === 0 ? (left + right) / 2 : left + ((at - min) / span) * (right - left));
  // Points at the same place share one mark and one label: "exp = tokenExp".
  const marks = new Map<number, { labels: string[]; now: boolean }>();
  for (const point of points) {
    const x = Math.round(xOf(point.at));
    const mark = marks.get(x) ?? { labels: [], now: false };
    mark.labels.push(point.label);
    mark.now ||= point.label === 'now';
    marks.set(x, mark);
  }
  const drawing = svg('svg', { viewBox: `0 0 ${width} 64`, class: 'timeline', role: 'img', 'aria-label': 'timeline of the time claims and the clock' });
  drawing.append(svg('line', { x1: String(left), x2: String(right), y1: '20', y2: '20', class: 'axis' }));
  [...marks.entries()].sort(([a], [b]) => a - b).forEach(([x, mark], index) => {
    // Labels alternate between two rows, and the ones at the ends stay inside the drawing.
    const anchor = x < left + 60 ? 'start' : x > right - 60 ? 'end' : 'middle';
    const labelX = anchor === 'start' ? x - 6 : anchor === 'end' ? x + 6 : x;
    drawing.append(
      mark.now
        ? svg('path', { d: `M${x} 19 L${x + 6} 6 L${x - 6} 6 Z`, class: 'now' })
        : svg('circle', { cx: String(x), cy: '20', r: '6', class: 'point' }),
      svg('text', { x: String(labelX), y: index % 2 === 0 ? '44' : '60', 'text-anchor': anchor }, mark.labels.join(' = ')),
    );
  });
  const rows = [...points].sort((a, b) => a.at - b.at).map((point) =>
    el('tr', {}, el('th', { scope: 'row' }, point.label), el('td', {}, isoFromSeconds(point.at) ?? String(point.at)), el('td', {}, point.label === 'now' ? '' : formatRelative(point.at, now))),
  );
  return el('div', { class: 'timeline-box' }, drawing, el('table', { class: 'times' }, el('tbody', {}, ...rows)));
}

function claimTable(object: Record<string, unknown>, claims: readonly TimeClaim[]): HTMLElement {
  const rows = Object.keys(object).map((key) => {
    const time = claims.find((claim) => claim.claim === key);
    const when =
      time?.iso === undefined ? '' : `${time.iso}, ${time.relative ?? ''}${time.unit === 'milliseconds' ? ' (read as milliseconds)' : ''}`;
    return el('tr', {}, el('th', { scope: 'row' }, el('code', {}, key)), el('td', {}, el('code', {}, JSON.stringify(object[key]) ?? String(object[key]))), el('td', { class: 'when' }, when));
  });
  return el('table', { class: 'claims' }, el('tbody', {}, ...rows));
}
