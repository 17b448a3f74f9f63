/**
 * Highlighting from the engine's own scanner (./scanner.ts): the kinds of the
 * spans of a file, for the static preview and the editor alike, so HCL is
 * read one way everywhere (no second grammar for colours).
 *
 * A scan may start at the beginning of the file or at any line start outside
 * every template (`restartPoints`), which is what lets the editor colour only
 * the lines on screen after an edit instead of the whole file.
 */
import { itemAt, lastItem } from '../util/indexing';
import { scan, T, type TokenStream } from './scanner';

export type HighlightKind = 'block' | 'attr' | 'string' | 'number' | 'bool' | 'comment' | 'ident' | 'punct';

export interface HighlightSpan {
  from: number;
  to: number;
  kind: HighlightKind;
}

const PUNCTUATION = new Set<number>([
  T.OBrace,
  T.CBrace,
  T.OBrack,
  T.CBrack,
  T.OParen,
  T.CParen,
  T.Comma,
  T.Dot,
  T.Ellipsis,
  T.Star,
  T.Slash,
  T.Plus,
  T.Minus,
  T.Percent,
  T.Equal,
  T.EqualOp,
  T.NotEqual,
  T.Bang,
  T.LessThan,
  T.LessThanEq,
  T.GreaterThan,
  T.GreaterThanEq,
  T.And,
  T.Or,
  T.Question,
  T.Colon,
  T.DoubleColon,
  T.FatArrow,
]);

/** Template openers and closers, as the scanner nests them (Q: quoted string, H: heredoc, S: `${`/`%{` sequence). */
const Q = 1;
const H = 2;
const S = 3;

/**
 * The highlighted spans of `text`, read from its start (the beginning of a file or a restart point), in order and
 * not overlapping; a quoted string or heredoc is one span with its quotes and sequences, as the preview always
 * showed it. Gaps are white space or text with no colour of its own.
 */
export function highlightSpans(text: string): HighlightSpan[] {
  const tokens = scan(text);
  const spans = tokenSpans(text, tokens);
  return tokens.comments.length ? withComments(spans, tokens.comments) : spans;
}

function tokenSpans(text: string, tokens: TokenStream): HighlightSpan[] {
  const { types, from, to, count } = tokens;
  const spans: HighlightSpan[] = [];
  const nesting: number[] = [];
  let stringFrom = 0;
  for (let k = 0; k < count; k++) {
    const type = types[k];
    if (nesting.length) {
      if (type === T.OQuote) nesting.push(Q);
      else if (type === T.OHeredoc) nesting.push(H);
      else if (type === T.TemplateInterp || type === T.TemplateControl) nesting.push(S);
      else if (type === T.TemplateSeqEnd && nesting[nesting.length - 1] === S) nesting.pop();
      else if (type === T.CQuote && nesting[nesting.length - 1] === Q) nesting.pop();
      else if (type === T.CHeredoc && nesting[nesting.length - 1] === H) nesting.pop();
      else if (type === T.Newline && nesting[nesting.length - 1] === Q) {
        // A quoted string is not closed on its line: it ends before the newline, as the scanner reads it.
        nesting.pop();
        if (!nesting.length) spans.push({ from: stringFrom, to: from[k]!, kind: 'string' });
        continue;
      } else if (type === T.EOF) break;
      if (!nesting.length) spans.push({ from: stringFrom, to: to[k]!, kind: 'string' });
      continue;
    }
    switch (type) {
      case T.OQuote:
      case T.OHeredoc:
        stringFrom = from[k]!;
        nesting.push(type === T.OQuote ? Q : H);
        break;
      case T.Number:
        spans.push({ from: from[k]!, to: to[k]!, kind: 'number' });
        break;
      case T.Ident:
        spans.push({ from: from[k]!, to: to[k]!, kind: identKind(text, tokens, k) });
        break;
      case T.UnclosedComment:
        spans.push({ from: from[k]!, to: to[k]!, kind: 'comment' });
        break;
      default:
        if (PUNCTUATION.has(type!)) spans.push({ from: from[k]!, to: to[k]!, kind: 'punct' });
    }
  }
  // A string still open at the end of the text runs to its last token.
  if (nesting.length && count > 1) spans.push({ from: stringFrom, to: to[count - 2]!, kind: 'string' });
  return spans;
}

function identKind(text: string, tokens: TokenStream, k: number): HighlightKind {
  const { types, from, to, count } = tokens;
  const length = to[k]! - from[k]!;
  if (length <= 5) {
    const word = text.slice(from[k], to[k]);
    if (word === 'true' || word === 'false' || word === 'null') return 'bool';
  }
  if (types[k + 1] === T.Equal) return 'attr';
  const previous = k === 0 ? T.Newline : types[k - 1];
  if (previous !== T.Newline && previous !== T.OBrace) return 'ident';
  // A block: its type, then labels (identifiers or quoted strings) and `{` on the same line.
  let j = k + 1;
  while (j < count) {
    if (types[j] === T.Ident) j++;
    else if (types[j] === T.OQuote) {
      j++;
      while (j < count && types[j] !== T.CQuote && types[j] !== T.Newline && types[j] !== T.EOF) j++;
      if (types[j] !== T.CQuote) return 'ident';
      j++;
    } else break;
  }
  return types[j] === T.OBrace ? 'block' : 'ident';
}

function withComments(spans: HighlightSpan[], comments: number[]): HighlightSpan[] {
  const merged: HighlightSpan[] = [];
  let c = 0;
  for (const span of spans) {
    while (c < comments.length && comments[c]! < span.from) {
      merged.push({ from: comments[c]!, to: comments[c + 1]!, kind: 'comment' });
      c += 2;
    }
    merged.push(span);
  }
  for (; c < comments.length; c += 2) merged.push({ from: comments[c]!, to: comments[c + 1]!, kind: 'comment' });
  return merged;
}

/**
 * Line starts a scan may begin at (outside every template), found ahead of need and forgotten after an edit: the
 * editor asks for the last one before the first line on screen. `read(from, to)` gives the file's text in a range.
 */
export class RestartPoints {
  private readonly points: number[] = [0];
  /** Every restart point below this offset is listed. */
  private complete = 0;

  constructor(private length: number) {}

  /** The text from `from` on changed (now `length` long): points after it no longer hold. */
  changedFrom(from: number, length: number): void {
    this.length = length;
    while (this.points.length > 1 && this.lastPoint() > from) this.points.pop();
    this.complete = Math.min(this.complete, this.lastPoint());
  }

  /**
   * The last restart point at or before `pos`, reading at most `budget` characters ahead of those known (a first look
   * at the end of a pasted megabyte must not read all of it at once). `exact` is false when the budget ran out first:
   * `point` is then the start of `pos`'s line, right unless that line is inside a heredoc or a comment, and `extend`
   * (in idle time) finds the true point.
   */
  before(
    pos: number,
    read: (from: number, to: number) => string,
    budget = Number.POSITIVE_INFINITY,
  ): { point: number; exact: boolean } {
    this.extend(pos, read, budget);
    if (this.complete < pos) {
      const last = this.lastPoint();
      const lineStart = read(last, pos).lastIndexOf('\n');
      return { point: lineStart < 0 ? last : last + lineStart + 1, exact: false };
    }
    let lo = 0;
    let hi = this.points.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (itemAt(this.points, mid, 'restart point') <= pos) lo = mid;
      else hi = mid - 1;
    }
    return { point: itemAt(this.points, lo, 'restart point'), exact: true };
  }

  /** Finds restart points up to `pos`, reading about `budget` characters at most; true when they are known that far. */
  extend(pos: number, read: (from: number, to: number) => string, budget = Number.POSITIVE_INFINITY): boolean {
    let chunk = Math.min(32_768, budget);
    let spent = 0;
    while (this.complete < pos && this.complete < this.length && spent < budget) {
      const from = this.lastPoint();
      const to = Math.min(this.length, from + chunk);
      const found: number[] = [];
      // Scanning a prefix reads its templates exactly, so every line start found in it holds.
      scan(read(from, to), 0, to - from, found);
      const before = this.points.length;
      for (const point of found) this.points.push(from + point);
      if (to >= this.length) this.complete = this.length;
      else this.complete = this.lastPoint();
      // A long heredoc or comment has no line start of its own: read further at once, past the budget if need be.
      if (this.points.length === before) chunk *= 2;
      else spent += to - from;
    }
    return this.complete >= pos || this.complete >= this.length;
  }

  /** The last known point (0, the text's start, is never forgotten). */
  private lastPoint(): number {
    return lastItem(this.points, 'restart point');
  }
}
