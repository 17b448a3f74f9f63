/**
 * The parser's view of the token stream: peeking that skips newlines where
 * HCL ignores them (inside brackets and template sequences), recovery that
 * skips to a closer without ever going back (so a broken file still parses in
 * linear time), and the diagnostics collected on the way.
 */
import { Lines } from './lines';
import { T, type TokenStream, type TokenType } from './scanner';
import type { SyntaxDiagnostic } from './syntax';

/** Each opening token's closer (the openers are its keys). */
const CLOSER_OF = new Map<number, number>([
  [T.OBrace, T.CBrace],
  [T.OBrack, T.CBrack],
  [T.OParen, T.CParen],
  [T.OQuote, T.CQuote],
  [T.OHeredoc, T.CHeredoc],
  [T.TemplateInterp, T.TemplateSeqEnd],
  [T.TemplateControl, T.TemplateSeqEnd],
]);
const CLOSERS = new Set<number>([T.CBrace, T.CBrack, T.CParen, T.CQuote, T.CHeredoc, T.TemplateSeqEnd]);

/**
 * Token indices held by the parser never pass the stream's last token, `T.EOF` (the scanner always ends the stream
 * with it and every read stops there): the token accessors read the typed arrays without a bounds check of their own.
 */
export class Cursor {
  pos = 0;
  /** Whether newlines are tokens at the current nesting (a stack; body level: yes). */
  private readonly newlines: boolean[] = [true];
  /** Set after an error until the next body item: follow-on errors of the same item are not reported. */
  recovering = false;
  readonly diagnostics: SyntaxDiagnostic[] = [];
  private lines: Lines | undefined;

  constructor(
    readonly text: string,
    readonly tokens: TokenStream,
  ) {}

  /** 1-based line of an offset (for messages that name a line). */
  lineOf(offset: number): number {
    this.lines ??= new Lines(this.text);
    return this.lines.line(offset);
  }

  /**
   * Inside a list or an argument list, a line that starts `name =`, `name {`
   * or `name "label"` (or a `}`) is where the user forgot the closing
   * bracket: the next body item. When token `i` is on such a line (its `=`,
   * its name, or the `}`), the index of the newline before that line.
   */
  nextItemLine(i: number): number {
    const { types } = this.tokens;
    const t = types[i];
    if (t === T.CBrace) return types[i - 1] === T.Newline ? i - 1 : -1;
    if (t === T.Equal) return types[i - 1] === T.Ident && types[i - 2] === T.Newline ? i - 2 : -1;
    if (t === T.Ident && types[i - 1] === T.Newline) {
      const next = types[i + 1];
      return next === T.Equal || next === T.OBrace || next === T.OQuote ? i - 1 : -1;
    }
    return -1;
  }

  /** Indentation (spaces and tabs) of the line holding `offset`. */
  indentOf(offset: number): number {
    const start = this.text.lastIndexOf('\n', offset - 1) + 1;
    let i = start;
    while (this.text[i] === ' ' || this.text[i] === '\t') i++;
    return i - start;
  }

  pushNewlines(include: boolean): void {
    this.newlines.push(include);
  }

  popNewlines(): void {
    this.newlines.pop();
  }

  /** Index of the next significant token. */
  peekIndex(): number {
    const { types } = this.tokens;
    let i = this.pos;
    if (!this.newlines[this.newlines.length - 1]) while (types[i] === T.Newline) i++;
    return i;
  }

  peek(): TokenType {
    return this.tokens.types[this.peekIndex()] as TokenType;
  }

  /** The next significant token, consumed; its index. */
  read(): number {
    const i = this.peekIndex();
    if (this.tokens.types[i] !== T.EOF) this.pos = i + 1;
    else this.pos = i;
    return i;
  }

  type(i: number): TokenType {
    return this.tokens.types[i] as TokenType;
  }

  from(i: number): number {
    return this.tokens.from[i]!;
  }

  to(i: number): number {
    return this.tokens.to[i]!;
  }

  slice(i: number): string {
    return this.text.slice(this.tokens.from[i], this.tokens.to[i]);
  }

  /** True when the next token is the identifier `word`. */
  peekKeyword(word: string): boolean {
    const i = this.peekIndex();
    return (
      this.tokens.types[i] === T.Ident &&
      this.tokens.to[i]! - this.tokens.from[i]! === word.length &&
      this.text.startsWith(word, this.tokens.from[i])
    );
  }

  /** End of the last consumed token (where a node that ends here ends). */
  lastEnd(): number {
    return this.pos > 0 ? this.tokens.to[this.pos - 1]! : 0;
  }

  error(summary: string, detail: string, from: number, to: number): void {
    if (this.recovering) return;
    this.diagnostics.push({ summary, detail, from, to: Math.max(from, to) });
    this.recovering = true;
  }

  errorAt(i: number, summary: string, detail: string): void {
    this.error(summary, detail, this.from(i), this.to(i));
  }

  /**
   * Skips to just past the `closer` that matches the nesting we are in
   * (brackets and template delimiters opened on the way are skipped whole).
   * Stops before the end of the file. Returns the closer's index, or -1.
   */
  recover(closer: TokenType): number {
    const open: number[] = [];
    const { types } = this.tokens;
    for (;;) {
      const i = this.pos;
      const t = types[i]!;
      if (t === T.EOF) return -1;
      this.pos++;
      if (open.length === 0 && t === closer) return i;
      const itsCloser = CLOSER_OF.get(t);
      if (itsCloser !== undefined) open.push(itsCloser);
      else if (CLOSERS.has(t)) {
        const at = open.lastIndexOf(t);
        if (at >= 0) open.length = at;
      }
    }
  }

  /**
   * After a broken body item: skips to the end of its line (a newline outside
   * any bracket), or to just before a `}` that closes the enclosing block.
   */
  recoverAfterBodyItem(nested: boolean): void {
    const open: number[] = [];
    const { types } = this.tokens;
    for (;;) {
      const t = types[this.pos]!;
      if (t === T.EOF) return;
      if (open.length === 0 && t === T.Newline) {
        this.pos++;
        return;
      }
      if (open.length === 0 && t === T.CBrace && nested) return;
      this.pos++;
      const itsCloser = CLOSER_OF.get(t);
      if (itsCloser !== undefined) open.push(itsCloser);
      else if (CLOSERS.has(t)) {
        const at = open.lastIndexOf(t);
        if (at >= 0) open.length = at;
      }
    }
  }
}
