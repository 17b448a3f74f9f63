/**
 * Syntax errors from the Lezer tree's error nodes. The parser recovers and
 * often leaves a trail of follow-on errors, so only the first error per line
 * is reported, and at most MAX_SYNTAX_ERRORS in all.
 */
import type { Tree } from '@lezer/common';
import type { DiagnosticSink } from './diagnostics';

const MAX_SYNTAX_ERRORS = 10;

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

/** Reports the tree's syntax errors; returns how many were found (before de-duplication). */
export function reportSyntaxErrors(tree: Tree, text: string, sink: DiagnosticSink): number {
  let found = 0;
  const lines = new Set<number>();
  tree.iterate({
    enter(node) {
      if (!node.type.isError) return;
      found++;
      const line = sink.lineOf(node.from);
      if (lines.has(line) || lines.size >= MAX_SYNTAX_ERRORS) return;
      lines.add(line);
      const to = node.to > node.from ? node.to : Math.min(node.from + 1, text.length);
      sink.add('error', `Syntax error: unexpected ${describeUnexpected(text, node.from, node.to)}`, { from: node.from, to });
    },
  });
  return found;
}
