/**
 * Templates: quoted strings (`"…"`) and heredocs (`<<EOT … EOT`, `<<-EOT`),
 * with their literal parts, `${…}` interpolations and `%{…}` directives.
 * Escapes in quoted literals are checked here (a bad one is a syntax error,
 * as in Terraform); decoding a value is ./values.ts.
 */
import type { ExpressionParser } from './expressions';
import { T } from './scanner';
import type { Expression, TemplateExpression, TemplatePart } from './syntax';

const HEX = /^[0-9A-Fa-f]+$/;

/** Offset of the first invalid escape in the quoted literal text `[from, to)`, with its length; null when all are valid. */
export function invalidEscape(text: string, from: number, to: number): { at: number; length: number } | null {
  // A bounded loop, not indexOf: that would search past `to`, through the rest of the file, for every string.
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) !== 92) continue;
    if (i + 1 >= to) return { at: i, length: 1 };
    const next = text[i + 1];
    if (next === 'n' || next === 'r' || next === 't' || next === '"' || next === '\\') {
      i++;
      continue;
    }
    const digits = next === 'u' ? 4 : next === 'U' ? 8 : 0;
    const hex = text.slice(i + 2, i + 2 + digits);
    if (digits === 0 || i + 2 + digits > to || !HEX.test(hex)) return { at: i, length: Math.min(2 + digits, to - i) };
    // A code point UTF-8 cannot encode (a surrogate, or beyond U+10FFFF) is an error in hclsyntax too.
    const code = parseInt(hex, 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return { at: i, length: 2 + digits };
    i += 1 + digits;
  }
  return null;
}

type Keyword = 'if' | 'else' | 'endif' | 'for' | 'endfor';
const KEYWORDS = new Set<string>(['if', 'else', 'endif', 'for', 'endfor']);

/** At `"` or `<<EOT`: the whole template. */
export function parseTemplate(p: ExpressionParser): TemplateExpression {
  const c = p.c;
  const open = c.read();
  const heredoc = c.type(open) === T.OHeredoc;
  const closer = heredoc ? T.CHeredoc : T.CQuote;
  const parts: TemplatePart[] = [];
  /** Open `if`/`for` directives, to match `else`/`endif`/`endfor`. */
  const open_: { keyword: 'if' | 'for'; sawElse: boolean; from: number; to: number }[] = [];
  // Template tokens are raw: newlines are part of literals, and a Newline token means a quoted string ended unclosed.
  c.pushNewlines(true);
  let to: number;
  for (;;) {
    const i = c.peekIndex();
    const t = c.type(i);
    if (t === T.TemplateLiteral) {
      c.read();
      if (!heredoc) {
        const bad = invalidEscape(c.text, c.from(i), c.to(i));
        if (bad) {
          // The escape is not quoted: the string could be a secret.
          c.error(
            'Invalid escape sequence',
            'This backslash escape is not valid; the escapes are \\n \\r \\t \\" \\\\ \\uNNNN and \\UNNNNNNNN (a Unicode character, not a surrogate).',
            bad.at,
            bad.at + bad.length,
          );
        }
      }
      parts.push({ type: 'literal', from: c.from(i), to: c.to(i) });
      continue;
    }
    if (t === T.TemplateInterp || t === T.TemplateControl) {
      c.read();
      const stripLeft = c.to(i) - c.from(i) === 3;
      c.pushNewlines(false);
      if (t === T.TemplateInterp) {
        const expression = p.parse();
        const end = closeSequence(p, 'interpolation');
        c.popNewlines();
        parts.push({
          type: 'interpolation',
          expression,
          stripLeft,
          stripRight: end.strip,
          from: c.from(i),
          to: end.to,
        });
      } else {
        const part = directive(p, i, open_);
        c.popNewlines();
        if (part) parts.push(part);
      }
      continue;
    }
    if (t === closer) {
      c.read();
      to = c.to(i);
      break;
    }
    if (heredoc && t === T.Invalid) {
      // The scanner's only Invalid token in a heredoc: a carriage return without its line feed.
      c.read();
      c.errorAt(
        i,
        'Invalid character',
        'A carriage return in a heredoc must be followed by a line feed (CRLF): remove it, or end the line there.',
      );
      continue;
    }
    if (heredoc) {
      const marker = c.slice(open).replace(/^<<-?/, '').trim();
      c.error(
        'Unclosed heredoc',
        `This heredoc is not closed: add a line containing only ${marker} where it should end (it starts on line ${c.lineOf(c.from(open))}).`,
        c.from(open),
        c.from(open) + 2 + (c.text[c.from(open) + 2] === '-' ? 1 : 0) + marker.length,
      );
    } else
      c.error(
        'Unclosed string',
        `This string is not closed: add the closing " on line ${c.lineOf(c.from(open))} (a quoted string cannot span lines; write \\n, or use a heredoc).`,
        c.from(open),
        c.lastEnd(),
      );
    to = c.lastEnd();
    break;
  }
  c.popNewlines();
  for (const unclosed of open_) {
    c.error(
      `Unterminated template ${unclosed.keyword}`,
      `This %{${unclosed.keyword}} directive has no matching %{end${unclosed.keyword}}.`,
      unclosed.from,
      unclosed.to,
    );
  }
  return { type: 'template', heredoc, parts, from: c.from(open), to };
}

/** At the `}` (or `~}`) closing a template sequence: reads it, or reports and skips to it. */
function closeSequence(p: ExpressionParser, what: string): { to: number; strip: boolean } {
  const c = p.c;
  if (c.peek() === T.TemplateSeqEnd) {
    const i = c.read();
    return { to: c.to(i), strip: c.to(i) - c.from(i) === 2 };
  }
  c.errorAt(
    c.peekIndex(),
    `Extra characters after ${what}`,
    `Expected a closing brace to end the ${what}, but found extra characters.`,
  );
  const i = c.recover(T.TemplateSeqEnd);
  return { to: i >= 0 ? c.to(i) : c.lastEnd(), strip: false };
}

function directive(
  p: ExpressionParser,
  start: number,
  open: { keyword: 'if' | 'for'; sawElse: boolean; from: number; to: number }[],
): TemplatePart | null {
  const c = p.c;
  const from = c.from(start);
  const k = c.peekIndex();
  const word = c.type(k) === T.Ident ? c.slice(k) : '';
  if (!KEYWORDS.has(word)) {
    c.errorAt(
      k,
      'Invalid template directive',
      'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.',
    );
    c.recover(T.TemplateSeqEnd);
    return null;
  }
  c.read();
  const keyword = word as Keyword;
  let expression: Expression | undefined;
  if (keyword === 'if') expression = p.parse();
  else if (keyword === 'for') {
    // `for v in coll` or `for k, v in coll`: the names (required, as hclsyntax requires them), then the collection.
    let named = c.peek() === T.Ident;
    if (named) {
      c.read();
      if (c.peek() === T.Comma) {
        c.read();
        named = c.peek() === T.Ident;
        if (named) c.read();
      }
    }
    if (!named) {
      c.errorAt(
        c.peekIndex(),
        'Invalid template for directive',
        'A for directive needs a name after "for" (and after a comma): %{ for v in collection } or %{ for k, v in collection }.',
      );
      c.recover(T.TemplateSeqEnd);
      return null;
    }
    if (!c.peekKeyword('in')) {
      c.errorAt(
        c.peekIndex(),
        'Invalid template for directive',
        'A for directive needs names and the "in" keyword: %{ for v in collection }.',
      );
      c.recover(T.TemplateSeqEnd);
      return null;
    }
    c.read();
    expression = p.parse();
  }
  const end = closeSequence(p, `${keyword} directive`);
  const top = open[open.length - 1];
  if (keyword === 'if' || keyword === 'for') open.push({ keyword, sawElse: false, from, to: end.to });
  else if (keyword === 'else') {
    if (!top || top.keyword !== 'if' || top.sawElse)
      c.error('Unexpected else directive', 'An %{else} must be inside an %{if}, once.', from, end.to);
    else top.sawElse = true;
  } else {
    const wanted = keyword === 'endif' ? 'if' : 'for';
    if (!top || top.keyword !== wanted)
      c.error(
        `Unexpected ${keyword} directive`,
        `There is no open %{${wanted}} for this %{${keyword}} to close.`,
        from,
        end.to,
      );
    else open.pop();
  }
  return { type: 'directive', keyword, expression, from, to: end.to };
}
