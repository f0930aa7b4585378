/**
 * A small timeline of a token's time claims and the clock, drawn with text:
 *
 *   ●──▲─────────────────────────────●
 *   iat now                          exp = tokenExp
 *
 * Pure: points in, lines out (colour is the caller's).
 */
import type { TimelinePoint } from '../../core/doctor-summary.js';

/** Columns of the bar. */
const WIDTH = 48;

export function timelineLines(points: readonly TimelinePoint[], nowLabel = 'now'): string[] {
  if (points.length === 0) return [];
  const times = points.map((point) => point.at);
  const min = Math.min(...times);
  const span = Math.max(...times) - min;
  const columnOf = (at: number): number => (span === 0 ? 0 : Math.round(((at - min) / span) * (WIDTH - 1)));

  // Points at the same column share one mark and one label: "exp = tokenExp".
  const marks = new Map<number, { labels: string[]; now: boolean }>();
  for (const point of points) {
    const column = columnOf(point.at);
    const mark = marks.get(column) ?? { labels: [], now: false };
    mark.labels.push(point.label);
    mark.now ||= point.label === nowLabel;
    marks.set(column, mark);
  }
  const width = span === 0 ? 1 : WIDTH;
  const bar = Array.from({ length: width }, () => '─');
  const columns = [...marks.keys()].sort((a, b) => a - b);
  for (const column of columns) bar[column] = marks.get(column)?.now ? '▲' : '●';

  // Labels left to right, each at its mark or just after the previous one.
  let labelLine = '';
  for (const column of columns) {
    const text = marks.get(column)?.labels.join(' = ') ?? '';
    const start = Math.max(column, labelLine.length === 0 ? 0 : labelLine.length + 1);
    labelLine = `${labelLine.padEnd(start)}${text}`;
  }
  return [bar.join(''), labelLine];
}
