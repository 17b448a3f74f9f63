/**
 * HCL expressions, parsed as `hclsyntax` parses them: a conditional over
 * binary operators by precedence, over terms with their traversals (`.attr`,
 * `[key]`, `.*`, `[*]`). Templates are in ./templates.ts.
 */
import type { Cursor } from './cursor';
import { T } from './scanner';
import type { Expression, ObjectItem, Traversal } from './syntax';
import { parseTemplate } from './templates';

/** What a number token must be to have a value (Go's big.ParseFloat in base 10, as cty reads it): `1.e5` is one, `1.2.3` is not. */
const NUMBER = /^[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?$/;

/** Deeper nesting than this is reported, not followed (the parser recurses). */
export const MAX_NESTING = 200;

const BINARY_LEVELS: ReadonlyArray<ReadonlyMap<number, string>> = [
  new Map([[T.Or, '||']]),
  new Map([[T.And, '&&']]),
  new Map([
    [T.EqualOp, '=='],
    [T.NotEqual, '!='],
  ]),
  new Map([
    [T.GreaterThan, '>'],
    [T.GreaterThanEq, '>='],
    [T.LessThan, '<'],
    [T.LessThanEq, '<='],
  ]),
  new Map([
    [T.Plus, '+'],
    [T.Minus, '-'],
  ]),
  new Map([
    [T.Star, '*'],
    [T.Slash, '/'],
    [T.Percent, '%'],
  ]),
];

/** A token as a message names it: punctuation quoted, anything else (it could be part of a secret) by kind. */
export function shown(c: Cursor, i: number): string {
  const t = c.type(i);
  if (t === T.Newline) return 'the end of the line';
  if (t === T.EOF) return 'the end of the file';
  if (t === T.Ident) return 'a name';
  if (t === T.Number) return 'a number';
  if (t === T.OQuote || t === T.OHeredoc || t === T.TemplateLiteral) return 'a string';
  return `"${c.slice(i).slice(0, 3)}"`;
}

export class ExpressionParser {
  depth = 0;

  constructor(readonly c: Cursor) {}

  parse(): Expression {
    if (++this.depth > MAX_NESTING) {
      const i = this.c.peekIndex();
      this.c.errorAt(
        i,
        'Nested too deeply',
        `Expressions are nested more than ${MAX_NESTING} levels deep here; no configuration needs that.`,
      );
      this.depth--;
      return { type: 'invalid', from: this.c.from(i), to: this.c.from(i) };
    }
    const condition = this.binary(0);
    let result = condition;
    if (this.c.peek() === T.Question) {
      this.c.read();
      const whenTrue = this.parse();
      let whenFalse: Expression;
      if (this.c.peek() === T.Colon) {
        this.c.read();
        whenFalse = this.parse();
      } else {
        const i = this.c.peekIndex();
        this.c.errorAt(
          i,
          'Missing false expression in conditional',
          'The conditional operator (...?...:...) requires a false expression, delimited by a colon.',
        );
        whenFalse = { type: 'invalid', from: this.c.from(i), to: this.c.from(i) };
      }
      result = { type: 'conditional', condition, whenTrue, whenFalse, from: condition.from, to: whenFalse.to };
    }
    this.depth--;
    return result;
  }

  private binary(level: number): Expression {
    const ops = BINARY_LEVELS[level];
    if (ops === undefined) return this.withTraversals();
    let left = this.binary(level + 1);
    for (;;) {
      const op = ops.get(this.c.peek());
      if (op === undefined) return left;
      this.c.read();
      const right = this.binary(level + 1);
      left = { type: 'binary', op, left, right, from: left.from, to: right.to };
    }
  }

  withTraversals(): Expression {
    const source = this.term();
    const steps: Traversal[] = [];
    const c = this.c;
    /** After `.*` up to a `[`: hclsyntax's attribute-only splat, which takes attribute names and legacy indexes only. */
    let attributeSplat = false;
    for (;;) {
      const next = c.peek();
      if (next === T.Dot) {
        const dot = c.read();
        const t = c.peek();
        if (t === T.Ident) {
          const i = c.read();
          steps.push({ type: 'attr', name: c.slice(i), from: c.from(dot), to: c.to(i) });
        } else if (t === T.Number) {
          // Legacy index syntax (`list.0`); `a.0.1` scans as the number 0.1, which hclsyntax refuses.
          const i = c.read();
          const raw = c.slice(i);
          if (raw.includes('.'))
            c.errorAt(
              i,
              'Invalid legacy index syntax',
              `Two legacy indexes cannot be chained: write [${raw.slice(0, raw.indexOf('.'))}][${raw.slice(raw.indexOf('.') + 1)}].`,
            );
          steps.push({
            type: 'index',
            key: { type: 'number', raw: c.slice(i), from: c.from(i), to: c.to(i) },
            from: c.from(dot),
            to: c.to(i),
          });
        } else if (t === T.Star) {
          const i = c.read();
          if (attributeSplat)
            c.errorAt(
              i,
              'Nested splat expression not allowed',
              'A splat expression (*) cannot be used inside another attribute-only splat expression (.*): write [*].',
            );
          attributeSplat = true;
          steps.push({ type: 'splat', full: false, from: c.from(dot), to: c.to(i) });
        } else {
          const i = c.peekIndex();
          c.errorAt(i, 'Invalid attribute name', 'An attribute name is required after a dot.');
          return { type: 'traversal', source, steps, from: source.from, to: c.to(dot) };
        }
      } else if (next === T.OBrack) {
        const open = c.read();
        attributeSplat = false;
        // `[*]` is read as the line reads newlines (as hclsyntax does): at the end of a body line, `[*` + newline + `]` is an error.
        if (c.peek() === T.Star) {
          c.read();
          const close = c.peek() === T.CBrack ? c.read() : -1;
          if (close < 0) {
            c.errorAt(
              c.peekIndex(),
              'Missing close bracket on splat index',
              'The star for a full splat operator must be immediately followed by a closing bracket ("]").',
            );
            c.recover(T.CBrack);
            return { type: 'traversal', source, steps, from: source.from, to: c.lastEnd() };
          }
          steps.push({ type: 'splat', full: true, from: c.from(open), to: c.to(close) });
          continue;
        }
        c.pushNewlines(false);
        const key = this.parse();
        if (c.peek() === T.CBrack) {
          const close = c.read();
          c.popNewlines();
          steps.push({ type: 'index', key, from: c.from(open), to: c.to(close) });
        } else {
          c.errorAt(
            c.peekIndex(),
            'Missing close bracket on index',
            'The index operator must end with a closing bracket ("]").',
          );
          c.recover(T.CBrack);
          c.popNewlines();
          steps.push({ type: 'index', key, from: c.from(open), to: c.lastEnd() });
        }
      } else break;
    }
    const last = steps.at(-1);
    if (last === undefined) return source;
    return { type: 'traversal', source, steps, from: source.from, to: last.to };
  }

  private term(): Expression {
    const c = this.c;
    const i = c.peekIndex();
    switch (c.type(i)) {
      case T.OParen: {
        c.read();
        c.pushNewlines(false);
        const expression = this.parse();
        let to: number;
        if (c.peek() === T.CParen) to = c.to(c.read());
        else {
          c.errorAt(
            c.peekIndex(),
            'Unbalanced parentheses',
            'Expected a closing parenthesis to terminate the expression.',
          );
          c.recover(T.CParen);
          to = c.lastEnd();
        }
        c.popNewlines();
        return { type: 'parens', expression, from: c.from(i), to };
      }
      case T.Number:
        c.read();
        if (!NUMBER.test(c.slice(i))) c.errorAt(i, 'Invalid number literal', `${c.slice(i)} is not a number.`);
        return { type: 'number', raw: c.slice(i), from: c.from(i), to: c.to(i) };
      case T.Ident: {
        c.read();
        const name = c.slice(i);
        // Before the keywords, as hclsyntax: `null(x)` is a call of a function named null.
        const call = c.peek() === T.OParen || c.peek() === T.DoubleColon;
        if (!call && (name === 'true' || name === 'false'))
          return { type: 'bool', value: name === 'true', from: c.from(i), to: c.to(i) };
        if (!call && name === 'null') return { type: 'null', from: c.from(i), to: c.to(i) };
        let fullName = name;
        while (c.peek() === T.DoubleColon) {
          c.read();
          if (c.peek() !== T.Ident) {
            c.errorAt(
              c.peekIndex(),
              'Missing function name',
              'A namespaced function name needs a name after each "::".',
            );
            return { type: 'invalid', from: c.from(i), to: c.lastEnd() };
          }
          fullName += `::${c.slice(c.read())}`;
          if (c.peek() !== T.DoubleColon && c.peek() !== T.OParen) {
            c.errorAt(
              c.peekIndex(),
              'Missing function call',
              'A namespaced name must be followed by an argument list in parentheses.',
            );
            return { type: 'invalid', from: c.from(i), to: c.lastEnd() };
          }
        }
        if (c.peek() === T.OParen) return this.call(fullName, c.from(i));
        return { type: 'variable', name, from: c.from(i), to: c.to(i) };
      }
      case T.OQuote:
      case T.OHeredoc:
        return parseTemplate(this);
      case T.Minus:
      case T.Bang: {
        c.read();
        const operand = this.withTraversals();
        return { type: 'unary', op: c.type(i) === T.Minus ? '-' : '!', operand, from: c.from(i), to: operand.to };
      }
      case T.OBrack:
        return this.tuple();
      case T.OBrace:
        return this.object();
      default:
        if (c.type(i) === T.EOF)
          c.errorAt(i, 'Missing expression', 'Expected the start of an expression, but found the end of the file.');
        else
          c.errorAt(
            i,
            'Invalid expression',
            `Expected the start of an expression (a value or a reference), but found ${shown(c, i)}.`,
          );
        return { type: 'invalid', from: c.from(i), to: c.from(i) };
    }
  }

  private call(name: string, from: number): Expression {
    const c = this.c;
    c.read(); // (
    c.pushNewlines(false);
    const args: Expression[] = [];
    let expandFinal = false;
    let to = -1;
    for (;;) {
      if (c.peek() === T.CParen) {
        to = c.to(c.read());
        break;
      }
      args.push(this.parse());
      if (c.peek() === T.Ellipsis) {
        c.read();
        expandFinal = true;
        if (c.peek() !== T.CParen) {
          c.errorAt(
            c.peekIndex(),
            'Missing closing parenthesis',
            'An expanded function argument (with ...) must be immediately followed by closing parentheses.',
          );
          break;
        }
        continue;
      }
      if (c.peek() === T.CParen) continue;
      if (c.peek() === T.Comma) {
        c.read();
        continue;
      }
      const at = c.peekIndex();
      const resume = c.nextItemLine(at);
      if (c.type(at) === T.EOF)
        c.error(
          'Unclosed function call',
          `The call of ${name} on line ${c.lineOf(from)} has no closing ) before the end of the file.`,
          from,
          c.lastEnd(),
        );
      else if (resume >= 0)
        c.error(
          'Unclosed function call',
          `The call of ${name} on line ${c.lineOf(from)} is not closed: add the closing ) before line ${c.lineOf(c.from(resume + 1))}.`,
          from,
          c.lastEnd(),
        );
      else
        c.errorAt(
          at,
          'Missing argument separator',
          'A comma is required to separate each function argument from the next.',
        );
      if (resume >= 0) {
        c.pos = resume;
        to = c.lastEnd();
      }
      break;
    }
    if (to < 0) {
      c.recover(T.CParen);
      to = c.lastEnd();
    }
    c.popNewlines();
    return { type: 'call', name, args, expandFinal, from, to };
  }

  private tuple(): Expression {
    const c = this.c;
    const open = c.read();
    c.pushNewlines(false);
    if (c.peekKeyword('for')) {
      const result = this.forExpression(open, false);
      c.popNewlines();
      return result;
    }
    const items: Expression[] = [];
    let to = -1;
    for (;;) {
      if (c.peek() === T.CBrack) {
        to = c.to(c.read());
        break;
      }
      items.push(this.parse());
      const next = c.peek();
      if (next === T.Comma) {
        c.read();
        continue;
      }
      if (next === T.CBrack) continue;
      const at = c.peekIndex();
      const line = c.lineOf(c.from(open));
      const resume = c.nextItemLine(at);
      if (c.type(at) === T.EOF)
        c.errorAt(
          open,
          'Unclosed list',
          `The list opened with [ on line ${line} is not closed: add the closing ] (the file ends first).`,
        );
      else if (resume >= 0)
        c.errorAt(
          open,
          'Unclosed list',
          `The list opened with [ on line ${line} is not closed: add the closing ] before line ${c.lineOf(c.from(resume + 1))}.`,
        );
      else if (c.type(at) === T.CBrace)
        c.errorAt(
          open,
          'Unclosed list',
          `The list opened with [ on line ${line} is not closed: add the closing ] before the } on line ${c.lineOf(c.from(at))}.`,
        );
      else c.errorAt(at, 'Missing item separator', 'Expected a comma to mark the beginning of the next item.');
      if (resume >= 0) c.pos = resume;
      else if (c.type(at) === T.CBrace) c.pos = at;
      else c.recover(T.CBrack);
      to = c.lastEnd();
      break;
    }
    c.popNewlines();
    return { type: 'tuple', items, from: c.from(open), to };
  }

  private object(): Expression {
    const c = this.c;
    const open = c.read();
    c.pushNewlines(false);
    const isFor = c.peekKeyword('for');
    c.popNewlines();
    if (isFor) {
      c.pushNewlines(false);
      const result = this.forExpression(open, true);
      c.popNewlines();
      return result;
    }
    c.pushNewlines(true);
    const items: ObjectItem[] = [];
    let to = -1;
    for (;;) {
      while (c.peek() === T.Newline) c.read();
      if (c.peek() === T.CBrace) {
        to = c.to(c.read());
        break;
      }
      const key = this.parse();
      const sep = c.peek();
      if (sep !== T.Equal && sep !== T.Colon) {
        const at = c.peekIndex();
        if (c.type(at) === T.Newline || c.type(at) === T.EOF || c.type(at) === T.CBrace)
          c.errorAt(at, 'Missing attribute value', 'Expected an attribute value, introduced by an equals sign ("=").');
        else
          c.errorAt(
            at,
            'Missing key/value separator',
            'Expected an equals sign ("=") to mark the beginning of the attribute value.',
          );
        c.recover(T.CBrace);
        to = c.lastEnd();
        break;
      }
      c.read();
      const value = this.parse();
      items.push({ key, value, from: key.from, to: value.to });
      const next = c.peek();
      if (next === T.Comma || next === T.Newline) {
        c.read();
        continue;
      }
      if (next === T.CBrace) continue;
      const at = c.peekIndex();
      if (c.type(at) === T.EOF)
        c.errorAt(at, 'Unterminated object', 'There is no closing brace for this object before the end of the file.');
      else
        c.errorAt(
          at,
          'Missing attribute separator',
          'Expected a newline or comma to mark the beginning of the next attribute.',
        );
      c.recover(T.CBrace);
      to = c.lastEnd();
      break;
    }
    c.popNewlines();
    return { type: 'object', items, from: c.from(open), to };
  }

  /** `[for v in coll : expr if cond]`, `{for k, v in coll : key => value... if cond}`; the `[`/`{` is read. */
  private forExpression(open: number, object: boolean): Expression {
    const c = this.c;
    const closer = object ? T.CBrace : T.CBrack;
    const fail = (summary: string, detail: string): Expression => {
      c.errorAt(c.peekIndex(), summary, detail);
      c.recover(closer);
      return { type: 'invalid', from: c.from(open), to: c.lastEnd() };
    };
    c.read(); // for
    if (c.peek() !== T.Ident)
      return fail('Invalid "for" expression', 'For expression requires a variable name after "for".');
    let valueVar = c.slice(c.read());
    let keyVar: string | undefined;
    if (c.peek() === T.Comma) {
      c.read();
      if (c.peek() !== T.Ident)
        return fail('Invalid "for" expression', 'For expression requires a value variable name after the comma.');
      keyVar = valueVar;
      valueVar = c.slice(c.read());
    }
    if (!c.peekKeyword('in'))
      return fail('Invalid "for" expression', 'For expression requires the "in" keyword after its name declarations.');
    c.read();
    const collection = this.parse();
    if (c.peek() !== T.Colon)
      return fail('Invalid "for" expression', 'For expression requires a colon after the collection expression.');
    c.read();
    let key: Expression | undefined;
    let value = this.parse();
    let grouped = false;
    if (object) {
      if (c.peek() !== T.FatArrow)
        return fail(
          'Invalid "for" expression',
          'Key expression in an object "for" expression must be followed by a "=>".',
        );
      c.read();
      key = value;
      value = this.parse();
      if (c.peek() === T.Ellipsis) {
        c.read();
        grouped = true;
      }
    }
    let condition: Expression | undefined;
    if (c.peekKeyword('if')) {
      c.read();
      condition = this.parse();
    }
    if (c.peek() !== closer)
      return fail(
        'Invalid "for" expression',
        `Extra characters after the end of the "for" expression; expected "${object ? '}' : ']'}".`,
      );
    const close = c.read();
    return {
      type: 'for',
      keyVar,
      valueVar,
      collection,
      key,
      value,
      condition,
      grouped,
      object,
      from: c.from(open),
      to: c.to(close),
    };
  }
}
