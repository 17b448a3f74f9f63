/**
 * A structural check of HCL text, run before the Lezer grammar is trusted.
 *
 * codemirror-lang-hcl recovers from errors silently in places Terraform
 * does not: a quoted string missing its closing quote reads on into the
 * following lines, an unclosed `{` is "closed" at the end of the file, and
 * `name "x"` (no `=`) becomes a block header. Its error nodes, when there are
 * any, then sit far from the actual mistake.
 *
 * This check tokenizes the text as HCL does (./structure-lexer.ts: strings
 * with their template interpolations, heredocs, comments) and follows the
 * nesting of blocks and brackets (here, with the messages for unbalanced ones
 * in ./structure-nesting.ts), so it can name the mistake where it is: the
 * opening quote of an unterminated string, the header of an unclosed block,
 * the `[` of an unclosed list, a missing `=`, a missing value, a stray `}`.
 * It checks structure only; the expressions themselves are left to the
 * grammar.
 *
 * A structural error (string, comment, heredoc, bracket, block) stops the
 * scan: after it, nothing the text says can be read reliably. A line-level
 * one (missing `=` or value) is reported and the scan goes on at the next line.
 */
import { tokenize, type Token } from './structure-lexer';
import { Lines } from './structure-lines';
import { blockHeader, CLOSERS, OPENERS, strayCloser, unclosedBlocks, unclosedBracket, type BodyFrame, type ClosedPair } from './structure-nesting';
import { Stop, type StructureProblem } from './structure-problem';

export type { StructureProblem } from './structure-problem';

/** Brackets or blocks nested deeper than this are reported rather than read. */
export const MAX_NESTING = 100;

export interface LexedText {
  lines: Lines;
  tokens: Token[];
  lexError: StructureProblem | null;
}

/** Lines and tokens of a text, to share between the structural check and the grammar's input. */
export function lexText(text: string): LexedText {
  const lines = new Lines(text);
  return { lines, ...tokenize(text, lines) };
}

/** Structural problems of `text`, in document order, at most `max`. */
export function checkStructure(text: string, max = 10, lexed?: LexedText): StructureProblem[] {
  const { lines, tokens, lexError } = lexed ?? lexText(text);
  const problems: StructureProblem[] = [];
  const stack: BodyFrame[] = [];
  const closed: ClosedPair[] = [];
  let i = 0;

  const tok = (k = 0): Token => tokens[Math.min(i + k, tokens.length - 1)];
  const isPunct = (t: Token, value: string) => t.type === 'punct' && t.value === value;
  const top = () => stack[0]?.headerFrom;
  const lineOf = (offset: number) => lines.line(offset);

  /** Far deeper than any real configuration: reading on would only cost time (the grammar is slow on it). */
  const tooDeep = (at: Token, what: 'value' | 'block'): StructureProblem => ({
    message: `Syntax error: this ${what} on line ${lineOf(at.from)} is nested more than ${MAX_NESTING} levels deep — no Terraform configuration needs that; check its brackets`,
    from: at.from,
    to: at.to,
    cut: lines.start(at.from),
    topBlock: top(),
  });

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
    const unclosed = (opener: Token, before: Token | null): never => fatal(unclosedBracket(lines, opener, before, itemStart, top()));
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
        if (open.length > MAX_NESTING) fatal(tooDeep(t, 'value'));
      } else if (t.type === 'punct' && CLOSERS.has(t.value!)) {
        if (!open.length) {
          if (t.value === '}') return; // closes the block this attribute is in
          fatal(strayCloser(lines, t, closed, top()));
        }
        const inner = open[open.length - 1];
        if (OPENERS[inner.value!] !== t.value) unclosed(inner, t);
        open.pop();
      }
      i++;
    }
  };

  const openBody = (name: Token, labels: Token[], brace: Token) => {
    const header = blockHeader(text, name, labels);
    if (stack.length >= MAX_NESTING) fatal(tooDeep(name, 'block'));
    stack.push({ open: brace.from, headerFrom: name.from, header, indent: lines.indent(name.from), top: stack[0]?.headerFrom ?? name.from });
  };

  /** An item of a body: `name = value` or `type label… {`. */
  const parseItem = () => {
    const name = tok();
    const id = text.slice(name.from, name.to);
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
          message: `Syntax error: the { of the ${blockHeader(text, name, labels)} block must be on its header's line (line ${line}) — move it up`,
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
        lineLevel(`Syntax error: the ${blockHeader(text, name, labels)} block on line ${line} has no { — add { … } after its labels`);
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
        if (stack.length) fatal(unclosedBlocks(lines, t, stack, closed));
        break;
      }
      if (t.type === 'nl') {
        i++;
      } else if (isPunct(t, '}')) {
        const frame = stack.pop();
        if (!frame) fatal(strayCloser(lines, t, closed, top()));
        closed.push({ frame: frame!, closer: t.from, closerIndent: lines.firstOnLine(t.from) ? lines.indent(t.from) : -1 });
        i++;
      } else if (t.type === 'punct' && (t.value === ']' || t.value === ')')) {
        fatal(strayCloser(lines, t, closed, top()));
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
