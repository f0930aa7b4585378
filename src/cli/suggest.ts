/** "Did you mean …?" for what commander does not know: explain's subjects (commander suggests commands and options). */

/**
 * Words whose lengths differ by more than `maxDistance` are further apart than
 * that: no need to fill a table of |a| × |b| cells (a pasted 40 KB token given
 * to explain took over 10 s against every id).
 */
function withinReach(a: string, b: string, maxDistance: number): boolean {
  return Math.abs(a.length - b.length) <= maxDistance;
}

/** Damerau–Levenshtein distance (adjacent swaps count as one edit). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[rows - 1] as number[])[cols - 1] as number;
}

/** Up to `count` candidates within `maxDistance` edits, nearest first. */
export function nearest(word: string, candidates: readonly string[], count = 3, maxDistance = 3): string[] {
  const wanted = word.toLowerCase();
  return candidates
    .filter((candidate) => withinReach(wanted, candidate, maxDistance))
    .map((candidate) => ({ candidate, distance: editDistance(wanted, candidate.toLowerCase()) }))
    .filter(({ distance }) => distance <= maxDistance && distance < Math.max(wanted.length, 2))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, count)
    .map(({ candidate }) => candidate);
}
