/**
 * The two alignments `terraform fmt` makes, as `hclwrite` computes them: the
 * text is cut into lines at newline tokens (a heredoc's content belongs to the
 * line that opens it), each line into a lead, an assignment (from its first
 * `=` when the brackets after it balance, heredoc openers aside) and a
 * trailing `#`/`//` comment. Consecutive lines with an assignment align their
 * `=` one space after the longest lead; consecutive lines with a trailing
 * comment align it one space after the longest content. Object attributes
 * align like body attributes, and a heredoc does not end a run.
 */
import { Lines } from './lines';
import { scan, T } from './scanner';

/** Replace `[from, to)` of the text with `insert`. */
export interface TextEdit {
  from: number;
  to: number;
  insert: string;
}

interface FormatLine {
  /** 1-based numbers of the first and last physical line (a heredoc spans several). */
  firstLine: number;
  lastLine: number;
  start: number;
  /** End of the lead (the token before `=`), or -1 without an assignment. */
  leadEnd: number;
  /** Offset of the `=`, or -1. */
  equals: number;
  /** End of the last token (before any trailing comment). */
  contentEnd: number;
  /** Offset of a trailing comment, or -1. */
  comment: number;
}

function bracketChange(type: number): number {
  if (
    type === T.OBrace ||
    type === T.OBrack ||
    type === T.OParen ||
    type === T.TemplateControl ||
    type === T.TemplateInterp
  )
    return 1;
  if (type === T.CBrace || type === T.CBrack || type === T.CParen || type === T.TemplateSeqEnd) return -1;
  return 0;
}

let graphemes: Intl.Segmenter | undefined;

/** Width in user-perceived characters (grapheme clusters), as fmt counts columns: a flag emoji is one. */
function width(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) >= 128) {
      graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
      let n = 0;
      for (const _ of graphemes.segment(text.slice(from, to))) n++;
      return n;
    }
  }
  return to - from;
}

function formatLines(text: string): FormatLine[] {
  const tokens = scan(text);
  const { types, from, to, comments } = tokens;
  const index = new Lines(text);
  const lines: FormatLine[] = [];
  let ci = 0;
  let first = 0;
  for (let i = 0; i < tokens.count; i++) {
    const type = types[i];
    if (type !== T.Newline && type !== T.EOF) continue;
    if (first === i) {
      // A blank line, or one holding only a comment: it ends every run.
      lines.push({
        firstLine: -1,
        lastLine: -1,
        start: from[i]!,
        leadEnd: -1,
        equals: -1,
        contentEnd: from[i]!,
        comment: -1,
      });
      first = i + 1;
      continue;
    }
    const start = index.start(from[first]!);
    const line: FormatLine = {
      firstLine: index.line(start),
      lastLine: index.line(from[i]!),
      start,
      leadEnd: -1,
      equals: -1,
      contentEnd: to[i - 1]!,
      comment: -1,
    };
    // A trailing line comment: the last thing before this newline, after the line's last token.
    while (ci < comments.length && comments[ci]! < to[i - 1]!) ci += 2;
    let k = ci;
    while (k < comments.length && comments[k]! < from[i]!) k += 2;
    if (k > ci) {
      const at = comments[k - 2]!;
      if (comments[k - 1] === from[i] && (text.charCodeAt(at) === 35 || text.startsWith('//', at))) line.comment = at;
    }
    for (let j = first + 1; j < i; j++) {
      if (types[j] !== T.Equal) continue;
      let net = 0;
      for (let m = j; m < i; m++) {
        net += bracketChange(types[m]!);
        if (types[m] === T.OHeredoc) break;
      }
      if (net === 0) {
        line.leadEnd = to[j - 1]!;
        line.equals = from[j]!;
      }
      break;
    }
    lines.push(line);
    first = i + 1;
  }
  return lines;
}

/** The maximal runs of consecutive lines that `inRun` accepts, in order. */
function runsOf(lines: FormatLine[], inRun: (line: FormatLine) => boolean): FormatLine[][] {
  const runs: FormatLine[][] = [];
  let run: FormatLine[] = [];
  for (const line of lines) {
    if (inRun(line)) run.push(line);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/**
 * The edits that align `text` as fmt would, on the runs that hold a line of
 * `touched` (1-based line numbers; every run when omitted).
 */
export function alignmentEdits(text: string, touched?: ReadonlySet<number>): TextEdit[] {
  const lines = formatLines(text);
  const edits: TextEdit[] = [];
  const hit = (run: FormatLine[]) => {
    if (!touched) return true;
    for (const l of run) for (let n = l.firstLine; n <= l.lastLine; n++) if (touched.has(n)) return true;
    return false;
  };
  /** Content width of each line after its `=` moved (line index → width). */
  const contentWidth = new Map<FormatLine, number>();
  for (const run of runsOf(lines, (l) => l.equals >= 0)) {
    if (!hit(run)) continue;
    const widest = Math.max(...run.map((l) => width(text, l.start, l.leadEnd)));
    for (const l of run) {
      const spaces = widest - width(text, l.start, l.leadEnd) + 1;
      if (l.equals - l.leadEnd !== spaces || text.slice(l.leadEnd, l.equals).trim() !== '')
        edits.push({ from: l.leadEnd, to: l.equals, insert: ' '.repeat(spaces) });
      contentWidth.set(l, widest + 1 + width(text, l.equals, l.contentEnd));
    }
  }
  for (const run of runsOf(lines, (l) => l.comment >= 0)) {
    if (!hit(run)) continue;
    const measured = run.map((l) => ({ l, content: contentWidth.get(l) ?? width(text, l.start, l.contentEnd) }));
    const column = Math.max(...measured.map((m) => m.content)) + 1;
    for (const { l, content } of measured) {
      const spaces = column - content;
      if (l.comment - l.contentEnd !== spaces)
        edits.push({ from: l.contentEnd, to: l.comment, insert: ' '.repeat(spaces) });
    }
  }
  return edits;
}
