/**
 * The lexical half of the structural check: HCL text to a flat token list.
 *
 * It knows what can hide a brace or a newline — quoted strings with their
 * `${…}`/`%{…}` template interpolations (which may nest strings), heredocs
 * and comments — and skips over them whole, so the nesting analysis
 * (./structure.ts) sees only the braces, brackets and line breaks that are
 * structure. Where one of these is not closed, that is the error to report:
 * the token list ends there with a `stop` token and the problem beside it.
 */
import type { Lines } from './structure-lines';
import { Stop, type StructureProblem } from './structure-problem';

export type TokenType = 'ident' | 'string' | 'heredoc' | 'number' | 'punct' | 'nl' | 'eof' | 'stop';

export interface Token {
  type: TokenType;
  from: number;
  to: number;
  /** The punctuation itself, for `punct`. */
  value?: string;
}

const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_-]/u;

/** ASCII fast paths (the Unicode classes above only for the rest): the lexer sees every character of a file. */
function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
function isIdentStart(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code < 128 ? isAsciiLetter(code) : IDENT_START.test(text[at]);
}
function isIdentPart(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code < 128 ? isAsciiLetter(code) || isDigit(code) || code === 45 : IDENT_PART.test(text[at]);
}

/** Tokenizes; a lexical error (unterminated string, comment, heredoc) ends the list with a `stop` token. */
export function tokenize(text: string, lines: Lines): { tokens: Token[]; lexError: StructureProblem | null } {
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
    if (depthLeft <= 0) {
      throw new Stop({
        message: `Syntax error: the string on line ${lines.line(quote)} nests templates more than 64 levels deep — check its quotes and \${ … }`,
        from: quote,
        to: quote + 1,
        cut: lines.start(quote),
      });
    }
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
      } else if (isIdentStart(text, at)) {
        let end = at + 1;
        while (end < text.length && isIdentPart(text, end)) end++;
        tokens.push({ type: 'ident', from: at, to: end });
        at = end;
      } else if (isDigit(text.charCodeAt(at))) {
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
