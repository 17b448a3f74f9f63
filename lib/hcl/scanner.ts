/**
 * The HCL scanner: text → a flat token stream, in one linear pass.
 *
 * Modelled on HashiCorp's `hclsyntax` scanner: scanning is purely lexical (it
 * follows template nesting itself — quoted strings, heredocs, `${…}` and `%{…}`
 * sequences with their own brace depth), so the parser never re-scans. White
 * space and comments are not tokens: they are the gaps between tokens, and
 * comments are listed on their own (every byte of the text is either a token,
 * a comment or white space, so nothing is lost). Offsets are UTF-16 code units,
 * as JavaScript strings and editors count them.
 */

export const T = {
  EOF: 0,
  Newline: 1,
  Ident: 2,
  Number: 3,
  OQuote: 4,
  CQuote: 5,
  OHeredoc: 6,
  CHeredoc: 7,
  /** Literal text inside a template (escapes not yet decoded). */
  TemplateLiteral: 8,
  /** `${` or `${~`. */
  TemplateInterp: 9,
  /** `%{` or `%{~`. */
  TemplateControl: 10,
  /** `}` or `~}` closing a template sequence. */
  TemplateSeqEnd: 11,
  OBrace: 12,
  CBrace: 13,
  OBrack: 14,
  CBrack: 15,
  OParen: 16,
  CParen: 17,
  Comma: 18,
  Dot: 19,
  Ellipsis: 20,
  Star: 21,
  Slash: 22,
  Plus: 23,
  Minus: 24,
  Percent: 25,
  Equal: 26,
  EqualOp: 27,
  NotEqual: 28,
  Bang: 29,
  LessThan: 30,
  LessThanEq: 31,
  GreaterThan: 32,
  GreaterThanEq: 33,
  And: 34,
  Or: 35,
  Question: 36,
  Colon: 37,
  DoubleColon: 38,
  FatArrow: 39,
  /** A character HCL does not allow here. */
  Invalid: 40,
  /** A `/*` comment that never ends (it runs to the end of the file). */
  UnclosedComment: 41,
} as const;

export type TokenType = (typeof T)[keyof typeof T];

export interface TokenStream {
  readonly count: number;
  readonly types: Uint8Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** `[from, to)` of each comment, in order. */
  readonly comments: number[];
}

const CTX_INTERP = 0;
const CTX_QUOTED = 1;
const CTX_HEREDOC = 2;

interface Context {
  kind: typeof CTX_INTERP | typeof CTX_QUOTED | typeof CTX_HEREDOC;
  /** Open `{` inside an interpolation (its `}` at depth 0 ends the sequence). */
  depth: number;
  /** Heredoc end marker. */
  marker: string;
}

const ID_START = /[\p{ID_Start}_]/u;
const ID_CONTINUE = /[\p{ID_Continue}-]/u;

function isAsciiIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isAsciiIdContinue(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

/** Go's `unicode.IsSpace` without the line ends (`\r`, `\n`): what may surround a heredoc's end marker. */
function isLineSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 11 ||
    c === 12 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Length in code units of the identifier starting at `i` (0 when none starts there). */
export function identifierLength(text: string, i: number): number {
  const n = text.length;
  const c = text.charCodeAt(i);
  let j: number;
  if (isAsciiIdStart(c)) j = i + 1;
  else if (c >= 128) {
    const cp = text.codePointAt(i)!;
    if (!ID_START.test(String.fromCodePoint(cp))) return 0;
    j = i + (cp > 0xffff ? 2 : 1);
  } else return 0;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (isAsciiIdContinue(d)) j++;
    else if (d >= 128) {
      const cp = text.codePointAt(j)!;
      if (!ID_CONTINUE.test(String.fromCodePoint(cp))) break;
      j += cp > 0xffff ? 2 : 1;
    } else break;
  }
  return j - i;
}

class Out {
  count = 0;
  types = new Uint8Array(256);
  from = new Int32Array(256);
  to = new Int32Array(256);
  comments: number[] = [];

  push(type: TokenType, from: number, to: number): void {
    if (this.count === this.types.length) {
      const size = this.count * 2;
      const types = new Uint8Array(size);
      types.set(this.types);
      const f = new Int32Array(size);
      f.set(this.from);
      const t = new Int32Array(size);
      t.set(this.to);
      this.types = types;
      this.from = f;
      this.to = t;
    }
    this.types[this.count] = type;
    this.from[this.count] = from;
    this.to[this.count] = to;
    this.count++;
  }
}

/**
 * Scans `text` from `start` to `end` (a whole file by default). `lineStarts`, when given, receives the offset
 * after every newline read outside any template (the points a scan may start again from: see ./highlight.ts).
 */
export function scan(text: string, start = 0, end = text.length, lineStarts?: number[]): TokenStream {
  const out = new Out();
  const stack: Context[] = [];
  let i = start;
  // A byte order mark opening the file is no text (hclsyntax skips it too).
  if (i === 0 && text.charCodeAt(0) === 0xfeff) i = 1;
  let atLineStart = true;
  const emit = (type: TokenType, length: number): void => {
    out.push(type, i, i + length);
    i += length;
  };

  /** A heredoc line: the end marker, or literal text and template sequences up to the line's end. */
  const scanHeredoc = (ctx: Context): void => {
    if (atLineStart) {
      // As hclsyntax: the end marker is a line that is the marker once white space is trimmed off both ends, ended by a newline (not by the end of the file).
      let j = i;
      while (j < end && isLineSpace(text.charCodeAt(j))) j++;
      if (text.startsWith(ctx.marker, j)) {
        let k = j + ctx.marker.length;
        while (k < end && isLineSpace(text.charCodeAt(k))) k++;
        const newline = text.charCodeAt(k) === 13 ? k + 1 : k;
        if (text.charCodeAt(newline) === 10) {
          out.push(T.CHeredoc, i, k);
          stack.pop();
          i = k;
          atLineStart = false;
          return;
        }
      }
    }
    const from = i;
    while (i < end) {
      const c = text.charCodeAt(i);
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) {
        break;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
        i += 3;
        continue;
      }
      // A carriage return that is not part of CRLF: hclsyntax cannot read it here.
      if (c === 13 && text.charCodeAt(i + 1) !== 10) break;
      i++;
      if (c === 10) break;
    }
    if (i > from) out.push(T.TemplateLiteral, from, i);
    if (i < end && text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) !== 10) {
      out.push(T.Invalid, i, i + 1);
      i++;
      atLineStart = false;
      return;
    }
    atLineStart = i > from && text.charCodeAt(i - 1) === 10;
    if (i < end && !atLineStart) openSequence();
  };

  /** At `${` or `%{` (in a template): the sequence's opening token. */
  const openSequence = (): void => {
    const c = text.charCodeAt(i);
    const len = text.charCodeAt(i + 2) === 126 ? 3 : 2;
    out.push(c === 36 ? T.TemplateInterp : T.TemplateControl, i, i + len);
    i += len;
    stack.push({ kind: CTX_INTERP, depth: 0, marker: '' });
  };

  const scanQuoted = (): void => {
    const from = i;
    while (i < end) {
      const c = text.charCodeAt(i);
      // A carriage return ends the line, alone too (hclsyntax: a quoted string may not span lines).
      if (c === 34 || c === 10 || c === 13) break;
      if (c === 92) {
        // An escape: the next character is taken whole (decoding checks it), but not a line break.
        const d = text.charCodeAt(i + 1);
        i += d === 10 || d === 13 || i + 1 >= end ? 1 : 2;
        continue;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) break;
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
        i += 3;
        continue;
      }
      i++;
    }
    if (i > from) out.push(T.TemplateLiteral, from, i);
    if (i >= end) {
      stack.pop();
      return;
    }
    const c = text.charCodeAt(i);
    if (c === 34) {
      out.push(T.CQuote, i, i + 1);
      i++;
      stack.pop();
    } else if (c === 10 || c === 13) {
      // The string is not closed on its line: it ends here (the parser reports it) and the newline is read normally.
      stack.pop();
    } else openSequence();
  };

  while (i < end) {
    const ctx = stack.length ? stack[stack.length - 1] : undefined;
    if (ctx && ctx.kind === CTX_QUOTED) {
      scanQuoted();
      continue;
    }
    if (ctx && ctx.kind === CTX_HEREDOC) {
      scanHeredoc(ctx);
      continue;
    }
    const c = text.charCodeAt(i);
    atLineStart = false;
    switch (c) {
      case 32:
      case 9:
        i++;
        continue;
      case 10:
        out.push(T.Newline, i, i + 1);
        i++;
        atLineStart = true;
        if (lineStarts && stack.length === 0) lineStarts.push(i);
        continue;
      case 13:
        if (text.charCodeAt(i + 1) === 10) {
          out.push(T.Newline, i, i + 2);
          i += 2;
          atLineStart = true;
          if (lineStarts && stack.length === 0) lineStarts.push(i);
        } else {
          out.push(T.Invalid, i, i + 1);
          i++;
        }
        continue;
      case 35: {
        const from = i;
        while (i < end && text.charCodeAt(i) !== 10 && !(text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10))
          i++;
        out.comments.push(from, i);
        continue;
      }
      case 47: {
        const d = text.charCodeAt(i + 1);
        if (d === 47) {
          const from = i;
          while (i < end && text.charCodeAt(i) !== 10 && !(text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10))
            i++;
          out.comments.push(from, i);
        } else if (d === 42) {
          const close = text.indexOf('*/', i + 2);
          if (close < 0 || close + 2 > end) {
            out.push(T.UnclosedComment, i, end);
            i = end;
          } else {
            out.comments.push(i, close + 2);
            i = close + 2;
          }
        } else {
          out.push(T.Slash, i, i + 1);
          i++;
        }
        continue;
      }
      case 34:
        out.push(T.OQuote, i, i + 1);
        i++;
        stack.push({ kind: CTX_QUOTED, depth: 0, marker: '' });
        continue;
      case 123:
        out.push(T.OBrace, i, i + 1);
        if (ctx) ctx.depth++;
        i++;
        continue;
      case 125:
        if (ctx && ctx.depth === 0) {
          out.push(T.TemplateSeqEnd, i, i + 1);
          stack.pop();
        } else {
          out.push(T.CBrace, i, i + 1);
          if (ctx) ctx.depth--;
        }
        i++;
        continue;
      case 126:
        if (ctx && ctx.depth === 0 && text.charCodeAt(i + 1) === 125) {
          out.push(T.TemplateSeqEnd, i, i + 2);
          stack.pop();
          i += 2;
        } else {
          out.push(T.Invalid, i, i + 1);
          i++;
        }
        continue;
      case 60: {
        const d = text.charCodeAt(i + 1);
        if (d === 60) {
          let j = i + 2;
          if (text.charCodeAt(j) === 45) j++;
          const len = identifierLength(text, j);
          let k = j + len;
          if (len > 0 && text.charCodeAt(k) === 13 && text.charCodeAt(k + 1) === 10) k++;
          if (len > 0 && text.charCodeAt(k) === 10) {
            out.push(T.OHeredoc, i, k + 1);
            stack.push({ kind: CTX_HEREDOC, depth: 0, marker: text.slice(j, j + len) });
            i = k + 1;
            atLineStart = true;
            continue;
          }
        }
        if (d === 61) {
          out.push(T.LessThanEq, i, i + 2);
          i += 2;
        } else {
          out.push(T.LessThan, i, i + 1);
          i++;
        }
        continue;
      }
      case 62:
        if (text.charCodeAt(i + 1) === 61) emit(T.GreaterThanEq, 2);
        else emit(T.GreaterThan, 1);
        continue;
      case 61: {
        const d = text.charCodeAt(i + 1);
        if (d === 61) emit(T.EqualOp, 2);
        else if (d === 62) emit(T.FatArrow, 2);
        else emit(T.Equal, 1);
        continue;
      }
      case 33:
        if (text.charCodeAt(i + 1) === 61) emit(T.NotEqual, 2);
        else emit(T.Bang, 1);
        continue;
      case 38:
        if (text.charCodeAt(i + 1) === 38) emit(T.And, 2);
        else emit(T.Invalid, 1);
        continue;
      case 124:
        if (text.charCodeAt(i + 1) === 124) emit(T.Or, 2);
        else emit(T.Invalid, 1);
        continue;
      case 58:
        if (text.charCodeAt(i + 1) === 58) emit(T.DoubleColon, 2);
        else emit(T.Colon, 1);
        continue;
      case 46:
        if (text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) emit(T.Ellipsis, 3);
        else emit(T.Dot, 1);
        continue;
      case 91:
        emit(T.OBrack, 1);
        continue;
      case 93:
        emit(T.CBrack, 1);
        continue;
      case 40:
        emit(T.OParen, 1);
        continue;
      case 41:
        emit(T.CParen, 1);
        continue;
      case 44:
        emit(T.Comma, 1);
        continue;
      case 63:
        emit(T.Question, 1);
        continue;
      case 42:
        emit(T.Star, 1);
        continue;
      case 37:
        emit(T.Percent, 1);
        continue;
      case 43:
        emit(T.Plus, 1);
        continue;
      case 45:
        emit(T.Minus, 1);
        continue;
    }
    if (isDigit(c)) {
      // As hclsyntax's NumberLit: a digit, then digits, dots and exponents (e or E, a sign, a digit), not ending with a dot.
      // So `1.2.3` is one number token (the parser reports it invalid), as Terraform reads it.
      const from = i;
      let j = i + 1;
      i = j;
      while (j < end) {
        const d = text.charCodeAt(j);
        if (isDigit(d)) i = ++j;
        else if (d === 46) j++;
        else if (d === 101 || d === 69) {
          const sign = text.charCodeAt(j + 1);
          const digit = sign === 43 || sign === 45 ? j + 2 : j + 1;
          if (digit >= end || !isDigit(text.charCodeAt(digit))) break;
          i = j = digit + 1;
        } else break;
      }
      out.push(T.Number, from, i);
      continue;
    }
    const len = identifierLength(text, i);
    if (len > 0) {
      out.push(T.Ident, i, i + len);
      i += len;
      continue;
    }
    // One character HCL has no use for (a whole code point, so a surrogate pair is not split).
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    out.push(T.Invalid, i, i + width);
    i += width;
  }
  out.push(T.EOF, end, end);
  return { count: out.count, types: out.types, from: out.from, to: out.to, comments: out.comments };
}
