/**
 * A structural check of HCL text, run before the Lezer grammar is trusted.
 *
 * codemirror-lang-hcl recovers from errors silently in places Terraform
 * does not: a quoted string missing its closing quote reads on into the
 * following lines, an unclosed `{` is "closed" at the end of the file, and
 * `name "x"` (no `=`) becomes a block header. Its error nodes, when there are
 * any, then sit far from the actual mistake.
 *
 * This scanner tokenizes the text as HCL does (strings with their template
 * interpolations, heredocs, comments) and follows the nesting of blocks and
 * brackets, so it can name the mistake where it is: the opening quote of an
 * unterminated string, the header of an unclosed block, the `[` of an
 * unclosed list, a missing `=`, a missing value, a stray `}`. It checks
 * structure only; the expressions themselves are left to the grammar.
 *
 * A structural error (string, comment, heredoc, bracket, block) stops the
 * scan: after it, nothing the text says can be read reliably. A line-level
 * one (missing `=` or value) is reported and the scan goes on at the next line.
 */

export interface StructureProblem {
  message: string;
  /** Where to underline. */
  from: number;
  to: number;
  /** Offset from which the text cannot be trusted: the import reads only what comes before. */
  cut: number;
  /** Start of the header of the top-level block the problem lies in, if any. */
  topBlock?: number;
}

type TokenType = 'ident' | 'string' | 'heredoc' | 'number' | 'punct' | 'nl' | 'eof' | 'stop';

interface Token {
  type: TokenType;
  from: number;
  to: number;
  /** The punctuation itself, for `punct`. */
  value?: string;
}

interface BodyFrame {
  /** Offset of the `{`. */
  open: number;
  /** Start of the block type identifier. */
  headerFrom: number;
  /** `resource "alkira_connector_azure_expressroute" "x"`, `instances`. */
  header: string;
  /** Indentation of the header's line. */
  indent: number;
  /** headerFrom of the outermost enclosing block (itself at the top level). */
  top: number;
}

interface ClosedPair {
  frame: BodyFrame;
  /** Offset of the `}` that closed it. */
  closer: number;
  /** Indentation of the closer's line, or -1 when the `}` is not the first thing on its line. */
  closerIndent: number;
}

/** Thrown to end the scan at a structural error. */
class Stop {
  constructor(readonly problem: StructureProblem | null) {}
}

const MAX_LABEL = 40;
const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_-]/u;
const OPENERS: Record<string, string> = { '{': '}', '[': ']', '(': ')' };
const CLOSERS = new Set(['}', ']', ')']);

class Lines {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  private index(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** 1-based line number. */
  line(offset: number): number {
    return this.index(offset) + 1;
  }

  start(offset: number): number {
    return this.starts[this.index(offset)];
  }

  /** End of the line (before its newline, and before a `\r`). */
  end(offset: number): number {
    let at = offset;
    while (at < this.text.length && this.text[at] !== '\n') at++;
    return at > offset && this.text[at - 1] === '\r' ? at - 1 : at;
  }

  /** Leading whitespace of the offset's line. */
  indent(offset: number): number {
    const start = this.start(offset);
    let at = start;
    while (at < this.text.length && (this.text[at] === ' ' || this.text[at] === '\t')) at++;
    return at - start;
  }

  /** Whether only whitespace precedes the offset on its line. */
  firstOnLine(offset: number): boolean {
    return this.start(offset) + this.indent(offset) === offset;
  }
}

/** Tokenizes; a lexical error (unterminated string, comment, heredoc) ends the list with a `stop` token. */
function tokenize(text: string, lines: Lines): { tokens: Token[]; lexError: StructureProblem | null } {
  const tokens: Token[] = [];
  let at = 0;

  const unterminatedString = (quote: number): StructureProblem => ({
    message: `Syntax error: this string is not closed — add the closing " on line ${lines.line(quote)}`,
    from: quote,
    to: Math.max(lines.end(quote), quote + 1),
    cut: lines.start(quote),
  });

  /** Skips a comment starting at `i`; returns where it ends (the newline of a line comment is left). */
  const skipComment = (i: number): number => {
    if (text[i] === '#' || text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i++;
      return i;
    }
    const close = text.indexOf('*/', i + 2);
    if (close < 0) {
      throw new Stop({
        message: `Syntax error: this comment is not closed — add */ where it should end (it starts on line ${lines.line(i)})`,
        from: i,
        to: i + 2,
        cut: lines.start(i),
      });
    }
    return close + 2;
  };

  const isCommentStart = (i: number) => text[i] === '#' || text.startsWith('//', i) || text.startsWith('/*', i);

  /** From the `${`/`%{` at `i`, past the matching `}`. Iterative over braces; strings recurse (bounded by quote nesting). */
  const skipInterpolation = (i: number, quote: number, depthLeft: number): number => {
    let depth = 0;
    while (i < text.length) {
      const ch = text[i];
      if (isCommentStart(i)) {
        i = skipComment(i);
        continue;
      }
      if (ch === '"') {
        i = skipString(i, depthLeft - 1);
        continue;
      }
      if (ch === '{') depth++;
      else if (ch === '}') {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    // The file ends inside `${…}`: the string it belongs to is not closed either.
    throw new Stop(unterminatedString(quote));
  };

  /** From the opening quote at `i`, past the closing one. */
  const skipString = (quote: number, depthLeft = 64): number => {
    if (depthLeft <= 0) throw new Stop(null); // absurd nesting: leave it to the grammar
    let i = quote + 1;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '"') return i + 1;
      if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) throw new Stop(unterminatedString(quote));
      if (ch === '\\') {
        i += text[i + 1] === '\n' || text[i + 1] === undefined ? 1 : 2;
        continue;
      }
      if (ch === '$' || ch === '%') {
        let run = i;
        while (text[run] === ch) run++;
        if (text[run] === '{') {
          // A run read from the right: `$${` is a literal `${`, a lone `${` an interpolation.
          if (run - i >= 2) i = run + 1;
          else i = skipInterpolation(run - 1, quote, depthLeft);
          continue;
        }
        i = run;
        continue;
      }
      i++;
    }
    throw new Stop(unterminatedString(quote));
  };

  /** A heredoc `<<EOT` / `<<-EOT` at `i` (marker, then a newline), or -1. Returns its end. */
  const skipHeredoc = (i: number): number => {
    const head = /^<<-?([\p{L}_][\p{L}\p{N}_-]*)\r?\n/u.exec(text.slice(i, i + 200));
    if (!head) return -1;
    const marker = head[1];
    let lineStart = i + head[0].length;
    while (lineStart <= text.length) {
      const lineEnd = lines.end(lineStart);
      if (text.slice(lineStart, lineEnd).trim() === marker) return lineEnd;
      if (lineEnd >= text.length) break;
      lineStart = text.indexOf('\n', lineEnd) + 1;
      if (lineStart === 0) break;
    }
    throw new Stop({
      message: `Syntax error: this heredoc is not closed — add a line containing only ${marker} where it should end (it starts on line ${lines.line(i)})`,
      from: i,
      to: i + head[0].trimEnd().length,
      cut: lines.start(i),
    });
  };

  try {
    while (at < text.length) {
      const ch = text[at];
      if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\uFEFF') {
        at++;
      } else if (ch === '\n') {
        tokens.push({ type: 'nl', from: at, to: at + 1 });
        at++;
      } else if (isCommentStart(at)) {
        const end = skipComment(at);
        // A block comment spanning lines still separates items like a newline.
        if (text.slice(at, end).includes('\n')) tokens.push({ type: 'nl', from: end, to: end });
        at = end;
      } else if (ch === '"') {
        const end = skipString(at);
        tokens.push({ type: 'string', from: at, to: end });
        at = end;
      } else if (ch === '<' && text[at + 1] === '<' && skipHeredoc(at) >= 0) {
        const end = skipHeredoc(at);
        tokens.push({ type: 'heredoc', from: at, to: end });
        at = end;
      } else if (IDENT_START.test(ch)) {
        let end = at + 1;
        while (end < text.length && IDENT_PART.test(text[end])) end++;
        tokens.push({ type: 'ident', from: at, to: end });
        at = end;
      } else if (/[0-9]/.test(ch)) {
        const m = /^[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(text.slice(at, at + 400))!;
        tokens.push({ type: 'number', from: at, to: at + m[0].length });
        at += m[0].length;
      } else {
        const two = text.slice(at, at + 2);
        const value = ['==', '!=', '<=', '>=', '=>', '&&', '||', '::'].includes(two) ? two : text.slice(at, at + (ch.codePointAt(0)! > 0xffff ? 2 : 1));
        tokens.push({ type: 'punct', from: at, to: at + value.length, value });
        at += value.length;
      }
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    tokens.push({ type: 'stop', from: at, to: at });
    return { tokens, lexError: e.problem };
  }
  tokens.push({ type: 'eof', from: text.length, to: text.length });
  return { tokens, lexError: null };
}

function clip(label: string): string {
  return label.length > MAX_LABEL ? label.slice(0, MAX_LABEL) + '…' : label;
}

/** Structural problems of `text`, in document order, at most `max`. */
export function checkStructure(text: string, max = 10): StructureProblem[] {
  const lines = new Lines(text);
  const { tokens, lexError } = tokenize(text, lines);
  const problems: StructureProblem[] = [];
  const stack: BodyFrame[] = [];
  const closed: ClosedPair[] = [];
  let i = 0;

  const tok = (k = 0): Token => tokens[Math.min(i + k, tokens.length - 1)];
  const src = (t: Token) => text.slice(t.from, t.to);
  const isPunct = (t: Token, value: string) => t.type === 'punct' && t.value === value;
  const top = () => stack[0]?.headerFrom;
  const lineOf = (offset: number) => lines.line(offset);
  const blockName = (frame: BodyFrame) => `the ${frame.header} block`;

  const add = (problem: StructureProblem) => {
    problems.push(problem);
    if (problems.length >= max) throw new Stop(null);
  };
  const fatal = (problem: StructureProblem): never => {
    throw new Stop(problem);
  };

  /**
   * Past an expression: to the newline that ends it (outside brackets), or to
   * a `}` closing the enclosing block. Checks its brackets pair up.
   */
  const skipExpression = (itemStart: number) => {
    const open: Token[] = [];
    const unclosed = (opener: Token, before: Token | null): never => {
      const closer = OPENERS[opener.value!];
      const what = opener.value === '[' ? 'the list opened with [' : opener.value === '{' ? 'the object opened with {' : 'the (';
      const where = before
        ? before.type === 'eof' || before.type === 'stop'
          ? ' (the file ends first)'
          : before.type === 'punct'
            ? ` before the ${before.value} on line ${lineOf(before.from)}`
            : ` before line ${lineOf(before.from)}`
        : '';
      return fatal({
        message: `Syntax error: ${what} on line ${lineOf(opener.from)} is not closed — add the closing ${closer}${where}`,
        from: opener.from,
        to: opener.to,
        cut: lines.start(itemStart),
        topBlock: top(),
      });
    };
    for (;;) {
      const t = tok();
      if (t.type === 'stop') return;
      if (t.type === 'eof') {
        if (open.length) unclosed(open[open.length - 1], t);
        return;
      }
      if (t.type === 'nl') {
        if (!open.length) return;
        i++;
        // `[1, 2` then `cxp = …` on the next line: the list was never closed.
        const inner = open[open.length - 1];
        let k = 0;
        while (tok(k).type === 'nl') k++;
        if (inner.value !== '{' && tok(k).type === 'ident' && (isPunct(tok(k + 1), '=') || isPunct(tok(k + 1), '{'))) unclosed(inner, tok(k));
        continue;
      }
      if (t.type === 'punct' && t.value! in OPENERS) {
        open.push(t);
      } else if (t.type === 'punct' && CLOSERS.has(t.value!)) {
        if (!open.length) {
          if (t.value === '}') return; // closes the block this attribute is in
          strayCloser(t);
        }
        const inner = open[open.length - 1];
        if (OPENERS[inner.value!] !== t.value) unclosed(inner, t);
        open.pop();
      }
      i++;
    }
  };

  const strayCloser = (t: Token): never => {
    const line = lineOf(t.from);
    if (t.value === '}') {
      // A `}` indented deeper than its block's header most likely closed that block too early.
      const early = [...closed].reverse().find((p) => p.closerIndent > p.frame.indent);
      if (early) {
        fatal({
          message: `Syntax error: this } closes ${blockName(early.frame)} (line ${lineOf(early.frame.headerFrom)}) early, so the } on line ${line} has nothing to close — remove the extra }`,
          from: early.closer,
          to: early.closer + 1,
          cut: lines.start(early.closer),
          topBlock: early.frame.top,
        });
      }
    }
    const opener = t.value === '}' ? '{' : t.value === ']' ? '[' : '(';
    return fatal({
      message: `Syntax error: this ${t.value} on line ${line} has no ${opener} to close — remove it`,
      from: t.from,
      to: t.to,
      cut: lines.start(t.from),
      topBlock: top(),
    });
  };

  const unclosedBlocks = (end: Token): never => {
    const outer = stack[0];
    const inner = stack[stack.length - 1];
    // A `}` dedented below its block's header most likely belongs to an outer block: that block lacks its own.
    const suspect = closed.find((p) => p.frame.open > outer.open && p.closerIndent >= 0 && p.closerIndent < p.frame.indent);
    const frame = suspect ? suspect.frame : inner;
    const where = suspect ? ` before line ${lineOf(suspect.closer)}` : ' at the end of the block (the file ends first)';
    const also = !suspect && stack.length > 1 ? `; ${blockName(outer)} on line ${lineOf(outer.headerFrom)} is not closed either` : '';
    return fatal({
      message: `Syntax error: ${blockName(frame)} on line ${lineOf(frame.headerFrom)} is not closed — add its closing }${where}${also}`,
      from: frame.headerFrom,
      to: frame.open + 1,
      cut: end.from,
      topBlock: frame.top,
    });
  };

  const openBody = (name: Token, labels: Token[], brace: Token) => {
    const header = [src(name), ...labels.map((l) => clip(src(l)))].join(' ');
    stack.push({ open: brace.from, headerFrom: name.from, header, indent: lines.indent(name.from), top: stack[0]?.headerFrom ?? name.from });
  };

  /** An item of a body: `name = value` or `type label… {`. */
  const parseItem = () => {
    const name = tok();
    const id = src(name);
    const line = lineOf(name.from);
    const lineLevel = (message: string) => {
      add({ message, from: name.from, to: name.to, cut: lines.start(name.from), topBlock: top() });
      skipExpression(name.from);
    };
    i++;
    const labels: Token[] = [];
    while (tok().type === 'string' || tok().type === 'ident') labels.push(tokens[i++]);
    const next = tok();
    if (isPunct(next, '=') && labels.length === 0) {
      i++;
      const value = tok();
      if (value.type === 'nl' || value.type === 'eof' || isPunct(value, '}')) {
        add({
          message: `Syntax error: ${id} on line ${line} has no value after = — write ${id} = <value>`,
          from: name.from,
          to: next.to,
          cut: lines.start(name.from),
          topBlock: top(),
        });
        return;
      }
      skipExpression(name.from);
      return;
    }
    if (isPunct(next, '{')) {
      openBody(name, labels, next);
      i++;
      return;
    }
    if (next.type === 'nl' || next.type === 'eof' || isPunct(next, '}')) {
      // `resource "a" "b"` with its `{` on the next line.
      let k = 0;
      while (tok(k).type === 'nl') k++;
      if (next.type === 'nl' && isPunct(tok(k), '{')) {
        add({
          message: `Syntax error: the { of the ${[id, ...labels.map((l) => clip(src(l)))].join(' ')} block must be on its header's line (line ${line}) — move it up`,
          from: tok(k).from,
          to: tok(k).to,
          cut: lines.start(name.from),
          topBlock: top() ?? name.from,
        });
        i += k;
        openBody(name, labels, tok());
        i++;
        return;
      }
      if (labels.length === 0) {
        lineLevel(`Syntax error: ${id} on line ${line} is incomplete — write ${id} = <value>, or ${id} { … } for a block`);
      } else if (labels.length === 1) {
        lineLevel(`Syntax error: missing = after ${id} on line ${line} — write ${id} = <value>`);
      } else {
        lineLevel(`Syntax error: the ${[id, ...labels.map((l) => clip(src(l)))].join(' ')} block on line ${line} has no { — add { … } after its labels`);
      }
      return;
    }
    const startsValue = next.type === 'number' || next.type === 'heredoc' || (next.type === 'punct' && ['[', '(', '-', '!'].includes(next.value!));
    if (labels.length === 0 && startsValue) {
      lineLevel(`Syntax error: missing = after ${id} on line ${line} — write ${id} = <value>`);
      return;
    }
    // Anything else is the grammar's to report.
    skipExpression(name.from);
  };

  try {
    for (;;) {
      const t = tok();
      if (t.type === 'stop') {
        if (lexError) add({ ...lexError, topBlock: top() });
        break;
      }
      if (t.type === 'eof') {
        if (stack.length) unclosedBlocks(t);
        break;
      }
      if (t.type === 'nl') {
        i++;
      } else if (isPunct(t, '}')) {
        const frame = stack.pop();
        if (!frame) strayCloser(t);
        closed.push({ frame: frame!, closer: t.from, closerIndent: lines.firstOnLine(t.from) ? lines.indent(t.from) : -1 });
        i++;
      } else if (t.type === 'punct' && (t.value === ']' || t.value === ')')) {
        strayCloser(t);
      } else if (t.type === 'ident') {
        parseItem();
      } else {
        skipExpression(t.from); // not an item: the grammar reports it
      }
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    if (e.problem && problems.length < max) problems.push(e.problem);
  }
  return problems;
}

