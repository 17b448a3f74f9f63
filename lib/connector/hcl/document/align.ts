/**
 * Re-aligns what `terraform fmt` aligns, on the lines an edit touched and the
 * runs they belong to — never elsewhere, so a file the user formatted their
 * own way keeps its untouched lines byte for byte.
 *
 * The two alignments (checked against terraform 1.11 `fmt`):
 * - `=` of consecutive single-line attributes of one body: one space after the
 *   longest name. A blank line, a comment line, a block or an attribute whose
 *   value spans lines ends the run.
 * - trailing comments of consecutive lines (attribute or block header lines):
 *   one space after the longest line's content.
 */
import { tokenize } from '../import/structure-lexer';
import { Lines } from '../import/structure-lines';
import { readHclDocument, type DocItem } from './tree';

interface TextEdit {
  from: number;
  to: number;
  insert: string;
}

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

interface AttributeLine {
  line: number;
  nameEnd: number;
  valueFrom: number;
  nameLength: number;
}

/** Runs of consecutive single-line attributes, body by body. */
function attributeRuns(items: DocItem[], lines: Lines, runs: AttributeLine[][]): void {
  let run: AttributeLine[] = [];
  const close = () => {
    if (run.length) runs.push(run);
    run = [];
  };
  for (const item of items) {
    if (item.kind === 'block') {
      close();
      attributeRuns(item.body, lines, runs);
      continue;
    }
    const line = lines.line(item.from);
    const single = lines.line(item.valueTo) === line;
    const previous = run[run.length - 1];
    if (!single || (previous && previous.line !== line - 1)) close();
    if (single) run.push({ line, nameEnd: item.from + item.name.length, valueFrom: item.valueFrom, nameLength: item.name.length });
    else close();
  }
  close();
}

function alignAssignments(text: string, touched: Set<number>): string {
  const doc = readHclDocument(text);
  const runs: AttributeLine[][] = [];
  attributeRuns(doc.items, doc.lines, runs);
  const edits: TextEdit[] = [];
  for (const run of runs) {
    if (!run.some((a) => touched.has(a.line))) continue;
    const width = Math.max(...run.map((a) => a.nameLength));
    for (const a of run) {
      const wanted = ' '.repeat(width - a.nameLength + 1) + '= ';
      if (text.slice(a.nameEnd, a.valueFrom) !== wanted) edits.push({ from: a.nameEnd, to: a.valueFrom, insert: wanted });
    }
  }
  return edits.length ? applyEdits(text, edits) : text;
}

interface CommentLine {
  line: number;
  start: number;
  contentEnd: number;
  comment: number;
}

function alignComments(text: string, touched: Set<number>): string {
  const lines = new Lines(text);
  const { tokens } = tokenize(text, lines);
  // The last token ending on each line, and whether a comment follows it there.
  const lastEnd = new Map<number, number>();
  for (const t of tokens) {
    if (t.type === 'nl' || t.type === 'eof' || t.type === 'stop' || t.type === 'heredoc') continue;
    lastEnd.set(lines.line(t.to), t.to);
  }
  const commented: CommentLine[] = [];
  for (const [line, end] of lastEnd) {
    const lineEnd = lines.end(end);
    const rest = text.slice(end, lineEnd);
    const offset = rest.search(/\S/);
    if (offset < 0) continue;
    const comment = end + offset;
    if (text[comment] === '#' || text.startsWith('//', comment) || text.startsWith('/*', comment)) {
      commented.push({ line, start: lines.start(end), contentEnd: end, comment });
    }
  }
  commented.sort((a, b) => a.line - b.line);
  const edits: TextEdit[] = [];
  let i = 0;
  while (i < commented.length) {
    let j = i + 1;
    while (j < commented.length && commented[j].line === commented[j - 1].line + 1) j++;
    const chain = commented.slice(i, j);
    if (chain.some((c) => touched.has(c.line))) {
      const column = Math.max(...chain.map((c) => c.contentEnd - c.start)) + 1;
      for (const c of chain) {
        const wanted = ' '.repeat(column - (c.contentEnd - c.start));
        if (text.slice(c.contentEnd, c.comment) !== wanted) edits.push({ from: c.contentEnd, to: c.comment, insert: wanted });
      }
    }
    i = j;
  }
  return edits.length ? applyEdits(text, edits) : text;
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
    const first = lines.line(from);
    const last = lines.line(to);
    // A deleted line joins its neighbours: the runs on both sides may have to re-align.
    for (let l = first - 1; l <= last + 1; l++) touched.add(l);
    delta += e.insert.length - (e.to - e.from);
  }
  return alignComments(alignAssignments(next, touched), touched);
}

export type { TextEdit };
