/**
 * The nesting half of the structural check: the record of open and closed
 * block bodies, and the messages for brackets and braces that do not pair up.
 *
 * An unclosed `{` is only noticed at the end of the file and a stray `}` only
 * where it stands, both usually far from the actual mistake. These builders
 * use the indentation of headers and closers to point back at the likely
 * culprit: a `}` indented deeper than its header closed that block too early,
 * one dedented below its header belongs to an outer block. They only build
 * problems; ./structure.ts decides when to raise them.
 */
import type { Token } from './structure-lexer';
import type { Lines } from './structure-lines';
import type { StructureProblem } from './structure-problem';

/** A block body that is open: its `{` has been read, its `}` not yet. */
export interface BodyFrame {
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

/** A block body and the `}` that closed it. */
export interface ClosedPair {
  frame: BodyFrame;
  /** Offset of the `}` that closed it. */
  closer: number;
  /** Indentation of the closer's line, or -1 when the `}` is not the first thing on its line. */
  closerIndent: number;
}

export const OPENERS: Record<string, string> = { '{': '}', '[': ']', '(': ')' };
export const CLOSERS = new Set(['}', ']', ')']);

const MAX_LABEL = 40;

function clip(label: string): string {
  return label.length > MAX_LABEL ? label.slice(0, MAX_LABEL) + '…' : label;
}

/** A block header as messages name it: the type, then its labels (long ones clipped). */
export function blockHeader(text: string, name: Token, labels: Token[]): string {
  return [text.slice(name.from, name.to), ...labels.map((l) => clip(text.slice(l.from, l.to)))].join(' ');
}

function blockName(frame: BodyFrame): string {
  return `the ${frame.header} block`;
}

/**
 * A `[`, `{` or `(` inside an expression that is not closed: `before` is what
 * came instead of its closer (a wrong closer, the next item, the end of the
 * file), or null. The text is cut from the start of the item.
 */
export function unclosedBracket(lines: Lines, opener: Token, before: Token | null, itemStart: number, topBlock: number | undefined): StructureProblem {
  const closer = OPENERS[opener.value!];
  const what = opener.value === '[' ? 'the list opened with [' : opener.value === '{' ? 'the object opened with {' : 'the (';
  const where = before
    ? before.type === 'eof' || before.type === 'stop'
      ? ' (the file ends first)'
      : before.type === 'punct'
        ? ` before the ${before.value} on line ${lines.line(before.from)}`
        : ` before line ${lines.line(before.from)}`
    : '';
  return {
    message: `Syntax error: ${what} on line ${lines.line(opener.from)} is not closed — add the closing ${closer}${where}`,
    from: opener.from,
    to: opener.to,
    cut: lines.start(itemStart),
    topBlock,
  };
}

/**
 * A `}`, `]` or `)` with nothing open to close. For a `}`, when an earlier
 * `}` (in `closed`, in document order) sat deeper than its block's header,
 * that one is blamed instead: it most likely closed its block too early.
 */
export function strayCloser(lines: Lines, t: Token, closed: readonly ClosedPair[], topBlock: number | undefined): StructureProblem {
  const line = lines.line(t.from);
  if (t.value === '}') {
    const early = [...closed].reverse().find((p) => p.closerIndent > p.frame.indent);
    if (early) {
      return {
        message: `Syntax error: this } closes ${blockName(early.frame)} (line ${lines.line(early.frame.headerFrom)}) early, so the } on line ${line} has nothing to close — remove the extra }`,
        from: early.closer,
        to: early.closer + 1,
        cut: lines.start(early.closer),
        topBlock: early.frame.top,
      };
    }
  }
  const opener = t.value === '}' ? '{' : t.value === ']' ? '[' : '(';
  return {
    message: `Syntax error: this ${t.value} on line ${line} has no ${opener} to close — remove it`,
    from: t.from,
    to: t.to,
    cut: lines.start(t.from),
    topBlock,
  };
}

/**
 * Blocks still open at the end of the file (`stack`, outermost first, not
 * empty). When a `}` inside the outer block sat dedented below its own
 * block's header, it most likely belongs to an outer block: the block it
 * closed is the one missing its `}`. Otherwise the innermost is named.
 */
export function unclosedBlocks(lines: Lines, end: Token, stack: readonly BodyFrame[], closed: readonly ClosedPair[]): StructureProblem {
  const outer = stack[0];
  const inner = stack[stack.length - 1];
  const suspect = closed.find((p) => p.frame.open > outer.open && p.closerIndent >= 0 && p.closerIndent < p.frame.indent);
  const frame = suspect ? suspect.frame : inner;
  const where = suspect ? ` before line ${lines.line(suspect.closer)}` : ' at the end of the block (the file ends first)';
  const also = !suspect && stack.length > 1 ? `; ${blockName(outer)} on line ${lines.line(outer.headerFrom)} is not closed either` : '';
  return {
    message: `Syntax error: ${blockName(frame)} on line ${lines.line(frame.headerFrom)} is not closed — add its closing }${where}${also}`,
    from: frame.headerFrom,
    to: frame.open + 1,
    cut: end.from,
    topBlock: frame.top,
  };
}
