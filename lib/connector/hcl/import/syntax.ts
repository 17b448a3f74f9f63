/**
 * Syntax errors: the structural problems found by ./structure.ts, and the
 * Lezer tree's error nodes before the first of them (after it, the grammar's
 * errors are follow-ons of that one). The parser recovers and often leaves a
 * trail of follow-on errors, so only the first error per line is reported,
 * and at most MAX_SYNTAX_ERRORS in all.
 */
import type { SyntaxNode, Tree } from '@lezer/common';
import { digitSeparatedNumber } from './body';
import type { SourceRange } from './diagnostics';
import type { StructureProblem } from './structure';

export const MAX_SYNTAX_ERRORS = 10;

export interface SyntaxProblem extends SourceRange {
  message: string;
  /** For a structural problem: start of the header of the top-level block it lies in. */
  topBlock?: number;
}

/** What the parser tripped over, as a user would name it. */
function describeUnexpected(text: string, from: number, to: number): string {
  let at = from;
  if (to > from) {
    const token = text.slice(from, to).split(/\r?\n/)[0].trim();
    if (token) return JSON.stringify(token.length > 30 ? token.slice(0, 30) + '…' : token);
  }
  while (at < text.length && /[ \t]/.test(text[at])) at++;
  if (at >= text.length) return 'end of file';
  if (text[at] === '\n' || text[at] === '\r') return 'end of line';
  const word = /^[A-Za-z_][A-Za-z0-9_-]*|^\d+/.exec(text.slice(at, at + 40));
  return JSON.stringify(word ? word[0] : text[at]);
}

/**
 * Whether an error node lies in the block the parser makes of a number's
 * `_001` tail (`customer_asn = 65_001`): the importer reports that number
 * itself, and the parser's error there is only a follow-on.
 */
function inDigitSeparatorTail(node: SyntaxNode, text: string): boolean {
  for (let at: SyntaxNode | null = node.parent; at; at = at.parent) {
    if (at.name === 'Block') {
      const before = at.prevSibling;
      return before?.name === 'Attribute' && digitSeparatedNumber(before, at, text) !== null;
    }
  }
  return false;
}

/**
 * The syntax errors to report, in document order: one per line, at most
 * MAX_SYNTAX_ERRORS, grammar errors only before the first structural problem.
 */
export function collectSyntaxErrors(tree: Tree | null, text: string, structural: StructureProblem[], lineOf: (offset: number) => number): SyntaxProblem[] {
  const limit = structural.length ? structural[0].from : Infinity;
  const grammar: SyntaxProblem[] = [];
  try {
    // null: a tree built without error nodes (./fast-tree.ts), nothing to look for.
    tree?.iterate({
      enter(node) {
        if (!node.type.isError || node.from >= limit || inDigitSeparatorTail(node.node, text)) return;
        const to = node.to > node.from ? node.to : Math.min(node.from + 1, text.length);
        grammar.push({ from: node.from, to, message: `Syntax error: unexpected ${describeUnexpected(text, node.from, node.to)}` });
      },
    });
  } catch {
    // @lezer/common cannot walk some pathological trees (a thousand nested `"${`); say so rather than throw.
    if (!structural.length) grammar.push({ from: 0, to: Math.min(1, text.length), message: 'Syntax error: this file is nested too deeply to read — check its quotes and braces' });
  }
  // A structural problem wins its line over the grammar's error there.
  const lines = new Set<number>();
  const all: SyntaxProblem[] = [];
  for (const p of structural) {
    const line = lineOf(p.from);
    if (lines.has(line)) continue;
    lines.add(line);
    all.push({ from: p.from, to: p.to, message: p.message, topBlock: p.topBlock });
  }
  for (const g of grammar) {
    const line = lineOf(g.from);
    if (lines.has(line)) continue;
    lines.add(line);
    all.push(g);
  }
  return all.sort((a, b) => a.from - b.from).slice(0, MAX_SYNTAX_ERRORS);
}
