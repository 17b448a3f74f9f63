/**
 * Applies text edits and re-aligns what `terraform fmt` aligns on the lines
 * they touched and the runs those lines belong to — never elsewhere, so a
 * file the user formatted their own way keeps its untouched lines byte for
 * byte. The alignment rules are hclwrite's (lib/hcl/align.ts).
 */
import { alignmentEdits, type TextEdit } from '@/lib/hcl/align';
import { Lines } from '@/lib/hcl/lines';

export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.from) + e.insert;
    at = e.to;
  }
  return out + text.slice(at);
}

/**
 * Applies `edits` to `text` and re-aligns the runs around the lines they
 * touched. Returns the new text.
 */
export function applyEditsAligned(text: string, edits: TextEdit[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
  const next = applyEdits(text, sorted);
  const lines = new Lines(next);
  const touched = new Set<number>();
  let delta = 0;
  for (const e of sorted) {
    const from = e.from + delta;
    const to = from + e.insert.length;
    // A deleted line joins its neighbours: the runs on both sides may have to re-align.
    for (let l = lines.line(from) - 1; l <= lines.line(to) + 1; l++) touched.add(l);
    delta += e.insert.length - (e.to - e.from);
  }
  const alignment = alignmentEdits(next, touched);
  return alignment.length ? applyEdits(next, alignment) : next;
}

export type { TextEdit };
