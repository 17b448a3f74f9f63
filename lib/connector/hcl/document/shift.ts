/**
 * The tree of an edited text without reading it again — when the edits only
 * replaced values inside single lines. Typing in a form field changes one
 * value; re-reading a 300 KB file after every keystroke would cost more than
 * the edit itself, while its tree is the old one with the offsets after the
 * edit moved.
 *
 * Only such edits qualify because they cannot change anything `terraform fmt`
 * aligns: `=` columns depend on attribute names, and a trailing comment's
 * column on its line's length — so a line that carries a comment does not
 * qualify either.
 */
import type { TextEdit } from '@/lib/hcl/edit';
import type { DocItem, HclDocument } from './tree';

const mayComment = (line: string) => line.includes('#') || line.includes('//') || line.includes('/*');

/** The line before, the rest of the line after `at`, and the line after may hold no comment (nothing to re-align there). */
function noCommentsAround(doc: HclDocument, at: number): boolean {
  const { text, lines } = doc;
  const start = lines.start(at);
  const end = lines.end(at);
  const before = start > 0 ? text.slice(lines.start(start - 1), start) : '';
  const after = end < text.length ? text.slice(end, lines.end(end + 1)) : '';
  return !mayComment(text.slice(at, end)) && !mayComment(before) && !mayComment(after);
}

/** The attribute holding offset `at`, with the body it is in. */
function attributeAt(items: DocItem[], at: number): { items: DocItem[]; index: number } | undefined {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === 'attribute' && item.valueFrom <= at && at <= item.valueTo) return { items, index: i };
    if (item.kind === 'block' && item.from < at && at < item.close) return attributeAt(item.body, at);
  }
  return undefined;
}

/** Whether the `=` signs of the run of single-line attributes around `items[index]` sit as terraform fmt puts them. */
function runAligned(doc: HclDocument, items: DocItem[], index: number): boolean {
  const single = (item: DocItem | undefined, line: number): item is DocItem & { kind: 'attribute' } =>
    item?.kind === 'attribute' && doc.lines.line(item.from) === line && doc.lines.line(item.valueTo) === line;
  const line0 = doc.lines.line(items[index].from);
  if (!single(items[index], line0)) return false;
  let first = index;
  while (single(items[first - 1], line0 - (index - first + 1))) first--;
  let last = index;
  while (single(items[last + 1], line0 + (last + 1 - index))) last++;
  const run = items.slice(first, last + 1).filter((i): i is DocItem & { kind: 'attribute' } => i.kind === 'attribute');
  const width = Math.max(...run.map((a) => a.name.length));
  return run.every((a) => doc.text.slice(a.from + a.name.length, a.valueFrom) === `${' '.repeat(width - a.name.length + 1)}= `);
}

/**
 * Whether `edits` (sorted, not overlapping) each replace a part of one line by
 * text without a line break, where nothing around needs aligning: the edited
 * attribute's run is aligned already and no comment sits on or next to the line.
 */
export function editsStayInLines(doc: HclDocument, edits: readonly TextEdit[]): boolean {
  const { text } = doc;
  return edits.every((e) => {
    if (e.insert.includes('\n') || text.lastIndexOf('\n', e.to - 1) >= e.from) return false;
    if (!noCommentsAround(doc, e.from)) return false;
    const holder = attributeAt(doc.items, e.from);
    return holder === undefined || runAligned(doc, holder.items, holder.index);
  });
}

/**
 * `doc` moved through `edits` (see editsStayInLines) to be the tree of
 * `text`, the edited text. The tree is updated in place: it is handed over
 * from the text it described, which nobody edits any more.
 */
export function shiftDocument(doc: HclDocument, text: string, edits: readonly TextEdit[]): HclDocument {
  if (edits.length === 0) return { ...doc, text };
  const ends = edits.map((e) => e.to);
  const deltas: number[] = [];
  let sum = 0;
  for (const e of edits) {
    sum += e.insert.length - (e.to - e.from);
    deltas.push(sum);
  }
  const first = edits[0].from;
  // An offset moves by the edits that end at or before it: an edited value's end moves with its new text.
  const move = (offset: number): number => {
    if (offset < first) return offset;
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? offset : offset + deltas[lo - 1];
  };
  const shiftItems = (items: DocItem[]): void => {
    for (const item of items) {
      if (item.kind === 'attribute') {
        item.from = move(item.from);
        item.valueFrom = move(item.valueFrom);
        item.valueTo = move(item.valueTo);
        continue;
      }
      // Nothing before the first edit moves.
      if (item.close < first) continue;
      item.labelRanges.forEach((range, i) => {
        const edit = edits.find((e) => e.from === range.from && e.to === range.to);
        if (edit) item.labels[i] = edit.insert;
        range.from = move(range.from);
        range.to = move(range.to);
      });
      item.from = move(item.from);
      item.close = move(item.close);
      shiftItems(item.body);
    }
  };
  shiftItems(doc.items);
  return { text, lines: doc.lines.moved(text, edits), items: doc.items };
}
