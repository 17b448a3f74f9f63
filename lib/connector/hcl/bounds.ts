/**
 * A linear pre-check of HCL text against the input limits, so text no
 * connector file resembles (10,000 `{`, a 100,000-character string) gets a
 * clear diagnostic at once instead of reaching the parser. The scan knows just
 * enough HCL to not count brackets inside strings, comments and heredocs; a
 * miscount could only matter beyond limits real files never approach.
 */
import { INPUT_LIMITS } from '../limits';
import type { HclDiagnostic } from './import/diagnostics';

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function diagnostic(text: string, from: number, to: number, message: string): HclDiagnostic {
  return { severity: 'error', message, ...position(text, from), from, to };
}

const HEREDOC_RE = /<<-?([A-Za-z_][A-Za-z0-9_-]*)\r?\n/y;

/** The first limit `text` breaks, as an error diagnostic; null when within them. */
export function hclBoundsProblem(text: string, limits = INPUT_LIMITS): HclDiagnostic | null {
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      const start = i++;
      // A quoted string ends at an unescaped quote or (unterminated) at the line's end.
      while (i < n && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      const length = i - start - 1;
      if (length > limits.stringLength) {
        return diagnostic(text, start, Math.min(i + 1, n), `This string is ${length.toLocaleString('en-US')} characters long; at most ${limits.stringLength.toLocaleString('en-US')} are accepted`);
      }
      i++;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === '<' && text[i + 1] === '<') {
      HEREDOC_RE.lastIndex = i;
      const m = HEREDOC_RE.exec(text);
      if (!m) {
        i += 2;
        continue;
      }
      // Skip to the line holding only the terminator (indented for `<<-`).
      let lineStart = i + m[0].length;
      for (;;) {
        const lineEnd = text.indexOf('\n', lineStart);
        const line = text.slice(lineStart, lineEnd < 0 ? n : lineEnd).trim();
        if (line === m[1] || lineEnd < 0) {
          i = lineEnd < 0 ? n : lineEnd + 1;
          break;
        }
        lineStart = lineEnd + 1;
      }
    } else {
      if (c === '{' || c === '[' || c === '(') {
        if (++depth > limits.hclDepth) {
          return diagnostic(text, i, i + 1, `Brackets are nested deeper than ${limits.hclDepth} levels here; a connector needs fewer than 10`);
        }
      } else if (c === '}' || c === ']' || c === ')') {
        if (depth > 0) depth--;
      }
      i++;
    }
  }
  return null;
}
