/** "Did you mean …?" for misspelt attribute and block names. */

import { itemAt } from '@/lib/util/indexing';

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions (a common typo). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  /** The distance between the first `i` characters of `a` and the first `j` of `b` (both within the table). */
  const distance = (i: number, j: number): number => itemAt(itemAt(d, i, 'row'), j, 'column');
  for (let i = 1; i < rows; i++) {
    const row = itemAt(d, i, 'row');
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(distance(i - 1, j) + 1, distance(i, j - 1) + 1, distance(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(distance(i, j), distance(i - 2, j - 2) + 1);
      }
    }
  }
  return distance(a.length, b.length);
}

/**
 * The closest candidate, if it is close enough to be a plausible typo: at
 * most 3 edits and fewer than half the name's length (so `id` does not
 * "suggest" `cxp`). Ties go to the first candidate.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.min(3, Math.ceil(name.length / 2) - 1);
  return best !== undefined && bestDistance <= limit ? best : undefined;
}
