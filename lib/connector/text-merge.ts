/**
 * A three-way merge of text by lines (what `diff3 -m` does when nothing
 * conflicts): the lines each side changed from the base are taken from that
 * side; where both changed the same base lines (or inserted at the same
 * place) differently there is no merge. The workspace uses it so a merged
 * version's .tf keeps the comments and layout both people wrote; the design
 * merge (./merge.ts) still decides every value. Pure.
 */

import { itemAt } from '@/lib/util/indexing';

/** One side's change: base lines [start, end) replaced by `lines`. */
interface Hunk {
  start: number;
  end: number;
  lines: string[];
}

/** Above this many cells the line matching is not attempted (the caller falls back). */
const MAX_CELLS = 4_000_000;

/** The hunks that turn `base` into `side` (by a longest common subsequence of lines), or null when too large. */
function hunks(base: string[], side: string[]): Hunk[] | null {
  let head = 0;
  while (head < base.length && head < side.length && base[head] === side[head]) head++;
  let tail = 0;
  while (
    tail < base.length - head &&
    tail < side.length - head &&
    base[base.length - 1 - tail] === side[side.length - 1 - tail]
  )
    tail++;
  const a = base.slice(head, base.length - tail);
  const b = side.slice(head, side.length - tail);
  if (a.length === 0 && b.length === 0) return [];
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) return null;
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..], in one flat array.
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  /** lcs[i][j]; the row and column past the ends (empty suffixes) hold 0. */
  const common = (i: number, j: number): number => lcs[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? common(i + 1, j + 1) + 1 : Math.max(common(i + 1, j), common(i, j + 1));
    }
  }
  const out: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | null = null;
  const close = () => {
    if (open) out.push(open);
    open = null;
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      close();
      i++;
      j++;
    } else if (j < b.length && (i === a.length || common(i, j + 1) >= common(i + 1, j))) {
      open ??= { start: head + i, end: head + i, lines: [] };
      open.lines.push(itemAt(b, j++, 'line'));
    } else {
      open ??= { start: head + i, end: head + i, lines: [] };
      i++;
      open.end = head + i;
    }
  }
  close();
  return out;
}

function sameLines(x: string[], y: string[]): boolean {
  return x.length === y.length && x.every((line, k) => line === y[k]);
}

/** Whether two hunks touch the same base lines, or insert at the same place. */
function overlap(x: Hunk, y: Hunk): boolean {
  if (x.start === x.end && y.start === y.end) return x.start === y.start;
  return x.start < y.end && y.start < x.end
    ? true
    : x.start === x.end
      ? x.start > y.start && x.start < y.end
      : y.start > x.start && y.start < x.end;
}

/** `theirs` and `mine` merged against `base`, or null when they changed the same lines differently. */
export function mergeText(base: string, theirs: string, mine: string): string | null {
  if (theirs === mine || mine === base) return theirs;
  if (theirs === base) return mine;
  const baseLines = base.split('\n');
  const t = hunks(baseLines, theirs.split('\n'));
  const m = hunks(baseLines, mine.split('\n'));
  if (!t || !m) return null;
  const out: string[] = [];
  let at = 0;
  let ti = 0;
  let mi = 0;
  for (;;) {
    const theirsNext = t[ti];
    const mineNext = m[mi];
    const next = theirsNext && (!mineNext || theirsNext.start <= mineNext.start) ? theirsNext : mineNext;
    if (!next) break;
    const other = next === theirsNext ? mineNext : theirsNext;
    if (other && overlap(next, other)) {
      // The same change on both sides is one change; anything else is a conflict.
      if (next.start !== other.start || next.end !== other.end || !sameLines(next.lines, other.lines)) return null;
      ti++;
      mi++;
    } else if (next === theirsNext) ti++;
    else mi++;
    out.push(...baseLines.slice(at, next.start), ...next.lines);
    at = next.end;
  }
  out.push(...baseLines.slice(at));
  return out.join('\n');
}
