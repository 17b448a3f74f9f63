/**
 * HCL text → syntax tree, the way `hclsyntax` reads a configuration file: a
 * body of attributes (`name = expr`, ended by a newline) and blocks (`type
 * "label" … {`, a newline, a body, `}` and a newline; or the one-line form
 * `type { name = expr }`). Errors are reported with what to do, and the parser
 * recovers at the end of the broken item's line (or at the `}` that closes
 * its block), so one typo costs one line, not the rest of the file.
 */
import { Cursor } from './cursor';
import { ExpressionParser, MAX_NESTING, shown } from './expressions';
import { scan, T, type TokenStream } from './scanner';
import type { Attribute, Block, Body, BodyItem, HclFile, Label, SyntaxDiagnostic } from './syntax';
import { parseTemplate } from './templates';
import { labelValue } from './values';

class BodyParser {
  readonly c: Cursor;
  readonly expressions: ExpressionParser;
  /** Blocks around the body being read. */
  depth = 0;

  constructor(text: string, tokens: TokenStream = scan(text)) {
    this.c = new Cursor(text, tokens);
    this.expressions = new ExpressionParser(this.c);
  }

  body(nested: boolean): Body {
    const c = this.c;
    const items: BodyItem[] = [];
    const from = c.lastEnd();
    this.bodyItems(nested, items, new Map());
    return { items, from, to: c.from(c.peekIndex()) };
  }

  /**
   * The items of a body, appended to `items` (`attributes`: the first of each
   * name so far), up to its end (before the `}` of a nested body), or up to
   * the first token where a body item could start for which `stop` says so.
   */
  bodyItems(
    nested: boolean,
    items: BodyItem[],
    attributes: Map<string, Attribute>,
    stop?: (token: number) => boolean,
  ): void {
    const c = this.c;
    for (;;) {
      const i = c.peekIndex();
      const t = c.type(i);
      if (t === T.Newline) {
        c.read();
        continue;
      }
      if (stop?.(i)) return;
      if (t === T.EOF || (nested && t === T.CBrace)) return;
      c.recovering = false;
      if (t !== T.Ident) {
        if (t === T.CBrace) this.strayBrace(i, items);
        else if (t === T.UnclosedComment)
          c.error(
            'Unclosed comment',
            `This comment is not closed: add */ where it should end (it starts on line ${c.lineOf(c.from(i))}).`,
            c.from(i),
            c.from(i) + 2,
          );
        else c.errorAt(i, 'Argument or block definition required', 'An argument or block definition is required here.');
        c.recoverAfterBodyItem(nested);
        continue;
      }
      const item = this.item(nested);
      if (!item) continue;
      if (item.type === 'attribute') {
        const earlier = attributes.get(item.name.name);
        if (earlier) {
          c.recovering = false;
          c.error(
            'Attribute redefined',
            `The argument "${item.name.name}" was already set at line ${c.lineOf(earlier.from)}. Each argument may be set only once.`,
            item.name.from,
            item.name.to,
          );
        } else attributes.set(item.name.name, item);
      }
      items.push(item);
    }
  }

  /** At an identifier starting an attribute or a block. */
  private item(nested: boolean): BodyItem | null {
    const c = this.c;
    const nameIndex = c.read();
    const name = { name: c.slice(nameIndex), from: c.from(nameIndex), to: c.to(nameIndex) };
    const next = c.peek();
    if (next === T.Equal) {
      const attribute = this.attribute(name);
      this.endOfItem(nested, 'argument', name.name);
      return attribute;
    }
    if (next === T.OQuote || next === T.Ident || next === T.OBrace) {
      const block = this.block(name, nested);
      return block;
    }
    if (next === T.Newline || next === T.EOF)
      c.error(
        'Incomplete argument or block',
        `${name.name} on line ${c.lineOf(name.from)} is incomplete: write ${name.name} = <value>, or ${name.name} { … } for a block.`,
        name.from,
        name.to,
      );
    else if (next === T.Number || next === T.OBrack || next === T.OHeredoc || next === T.Minus)
      c.errorAt(
        c.peekIndex(),
        'Missing equals sign',
        `Missing = after ${name.name} on line ${c.lineOf(name.from)}: write ${name.name} = <value>.`,
      );
    else
      c.errorAt(
        c.peekIndex(),
        'Argument or block definition required',
        'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.',
      );
    c.recoverAfterBodyItem(nested);
    return null;
  }

  private attribute(name: Attribute['name']): Attribute {
    const c = this.c;
    const equals = c.from(c.read());
    const next = c.peek();
    if (next === T.Newline || next === T.EOF || next === T.CBrace) {
      c.error(
        'Missing argument value',
        `${name.name} on line ${c.lineOf(name.from)} has no value after =: write ${name.name} = <value>.`,
        name.from,
        equals + 1,
      );
      return {
        type: 'attribute',
        name,
        equals,
        value: { type: 'invalid', from: equals + 1, to: equals + 1 },
        from: name.from,
        to: equals + 1,
      };
    }
    const value = this.expressions.parse();
    return { type: 'attribute', name, equals, value, from: name.from, to: value.to };
  }

  /** After an attribute or block: a newline (or the end of the file, or the `}` of the enclosing block). */
  private endOfItem(nested: boolean, what: 'argument' | 'block', name?: string): void {
    const c = this.c;
    const t = c.peek();
    if (t === T.Newline) {
      c.read();
      return;
    }
    if (t === T.EOF) return;
    if (t === T.CBrace && nested && what === 'argument') {
      // `}` right after the value: only a one-line block may do that, and it reads its own `}`.
      c.errorAt(c.peekIndex(), `Missing newline after ${what}`, `An ${what} definition must end with a newline.`);
      return;
    }
    const at = c.peekIndex();
    if (c.type(at) === T.CBrack || c.type(at) === T.CParen) {
      const opener = c.type(at) === T.CBrack ? '[' : '(';
      c.errorAt(
        at,
        'Unexpected closing bracket',
        `This ${c.slice(at)} on line ${c.lineOf(c.from(at))} has no ${opener} to close: remove it.`,
      );
    } else if (
      what === 'argument' &&
      c.type(at) === T.Ident &&
      c.type(at - 1) === T.Number &&
      c.to(at - 1) === c.from(at) &&
      /^_[0-9_]*$/.test(c.slice(at))
    ) {
      const written = c.slice(at - 1) + c.slice(at);
      c.error(
        'Invalid number',
        `${written} is not a number (HCL has no digit separators): write ${written.replace(/_/g, '')}.`,
        c.from(at - 1),
        c.to(at),
      );
    } else if (what === 'argument' && name !== undefined) {
      c.errorAt(
        at,
        'Missing newline after argument',
        `${shown(c, at)} follows the value of ${name}: an argument ends with its line; put anything after it on a line of its own.`,
      );
    } else
      c.errorAt(
        at,
        `Missing newline after ${what}`,
        'A block definition must end with a newline; put the next one on a line of its own.',
      );
    c.recoverAfterBodyItem(nested);
  }

  private block(blockType: Block['blockType'], nested: boolean): Block | null {
    const c = this.c;
    const labels: Label[] = [];
    for (;;) {
      const t = c.peek();
      if (t === T.Ident) {
        const i = c.read();
        labels.push({ value: c.slice(i), quoted: false, from: c.from(i), to: c.to(i) });
      } else if (t === T.OQuote) {
        const template = parseTemplate(this.expressions);
        const value = labelValue(c.text, template);
        if (value === null)
          c.error(
            'Invalid block label',
            'Template sequences are not allowed in a block label; to include a literal "$", double it (as "$$").',
            template.from,
            template.to,
          );
        labels.push({
          value: value ?? c.text.slice(template.from, template.to),
          quoted: true,
          from: template.from,
          to: template.to,
        });
      } else break;
    }
    const header = { blockType, labels, from: blockType.from };
    if (c.peek() !== T.OBrace) {
      const at = c.peekIndex();
      const line = c.lineOf(blockType.from);
      const lastLabel = labels.at(-1);
      const [onlyLabel] = labels;
      if (c.type(at) === T.Equal && lastLabel && labels.every((l) => !l.quoted))
        c.errorAt(
          at,
          'Invalid argument name',
          `An argument name is one identifier, without spaces: "${c.text.slice(blockType.from, lastLabel.to)}" on line ${line}.`,
        );
      else if (c.type(at) === T.Newline && c.type(at + 1) === T.OBrace)
        c.errorAt(
          at + 1,
          'Invalid block definition',
          `The { of the ${this.header(blockType, labels)} block must be on its header's line (line ${line}): move it up.`,
        );
      else if ((c.type(at) === T.Newline || c.type(at) === T.EOF) && labels.length === 1 && onlyLabel?.quoted)
        c.error(
          'Missing equals sign',
          `Missing = after ${blockType.name} on line ${line}: write ${blockType.name} = <value>.`,
          blockType.from,
          onlyLabel.to,
        );
      else
        c.errorAt(
          at,
          'Invalid block definition',
          `The ${blockType.name} block on line ${line} needs an opening brace ("{") after its labels.`,
        );
      c.recoverAfterBodyItem(nested);
      return null;
    }
    const open = c.read();
    if (++this.depth > MAX_NESTING) {
      c.errorAt(
        open,
        'Nested too deeply',
        `Blocks are nested more than ${MAX_NESTING} levels deep here; no configuration needs that.`,
      );
      const close = c.recover(T.CBrace);
      this.depth--;
      return {
        type: 'block',
        ...header,
        open: c.from(open),
        close: close < 0 ? -1 : c.from(close),
        body: { items: [], from: c.to(open), to: c.to(open) },
        to: c.lastEnd(),
      };
    }
    let body: Body;
    let close = -1;
    if (c.peek() === T.Newline || c.peek() === T.EOF) {
      body = this.body(true);
      if (c.peek() === T.CBrace) close = c.read();
      else this.unclosed({ blockType, labels, body } as Block);
    } else {
      body = this.oneLineBody();
      if (c.peek() === T.CBrace) close = c.read();
    }
    this.depth--;
    const block: Block = {
      type: 'block',
      ...header,
      open: c.from(open),
      close: close < 0 ? -1 : c.from(close),
      body,
      to: close < 0 ? c.lastEnd() : c.to(close),
    };
    if (close >= 0) this.endOfItem(nested, 'block');
    return block;
  }

  /** `resource "a" "b"`: a block's header as written. */
  private header(blockType: Block['blockType'], labels: Label[]): string {
    return [blockType.name, ...labels.map((l) => this.c.text.slice(l.from, l.to))].join(' ');
  }

  /**
   * A block the file ends inside. When a nested block's `}` sits left of
   * its header (the enclosing block's brace closed it), that nested block is
   * the one missing its `}`.
   */
  private unclosed(block: Block): void {
    const c = this.c;
    let blamed: Block | null = null;
    for (let inner: Block | undefined = block; inner; ) {
      const last: BodyItem | undefined = inner.body.items[inner.body.items.length - 1];
      if (!last || last.type !== 'block' || last.close < 0) break;
      if (c.indentOf(last.close) < c.indentOf(last.from)) blamed = last;
      inner = last;
    }
    const where = blamed ?? block;
    const at = { from: where.blockType.from, to: where.labels.at(-1)?.to ?? where.blockType.to };
    const what = `The ${this.header(where.blockType, where.labels)} block on line ${c.lineOf(at.from)} is not closed`;
    if (blamed)
      c.error(
        'Unclosed configuration block',
        `${what}: add its closing } before line ${c.lineOf(blamed.close)}.`,
        at.from,
        at.to,
      );
    else
      c.error(
        'Unclosed configuration block',
        `${what}: add its closing } at its end (the file ends first).`,
        at.from,
        at.to,
      );
  }

  /** A `}` that closes no block: when the block before it was closed early (a `}` left of where it belongs), that one is the extra. */
  private strayBrace(i: number, items: BodyItem[]): void {
    const c = this.c;
    const line = c.lineOf(c.from(i));
    for (const item of [...items].reverse()) {
      if (item.type !== 'block' || item.close < 0) continue;
      if (c.indentOf(item.close) <= c.indentOf(item.from)) continue;
      {
        c.error(
          'Unexpected closing brace',
          `This } closes the ${this.header(item.blockType, item.labels)} block (line ${c.lineOf(item.from)}) early, so the } on line ${line} has nothing to close: remove the extra }.`,
          item.close,
          item.close + 1,
        );
        return;
      }
    }
    c.errorAt(i, 'Unexpected closing brace', `This } on line ${line} has no { to close: remove it.`);
  }

  /** `{ }` or `{ name = value }` on one line; the `{` is read. */
  private oneLineBody(): Body {
    const c = this.c;
    const from = c.lastEnd();
    const items: BodyItem[] = [];
    if (c.peek() === T.CBrace) return { items, from, to: c.from(c.peekIndex()) };
    const i = c.peekIndex();
    if (c.type(i) === T.Ident) {
      c.read();
      const name = { name: c.slice(i), from: c.from(i), to: c.to(i) };
      if (c.peek() === T.Equal) {
        items.push(this.attribute(name));
        if (c.peek() !== T.CBrace) {
          c.errorAt(
            c.peekIndex(),
            'Invalid single-argument block definition',
            'A single-line block definition must end with a closing brace immediately after its single argument definition.',
          );
          const close = c.recover(T.CBrace);
          if (close >= 0) c.pos = close; // the block reads its `}`
        }
        return { items, from, to: c.from(c.peekIndex()) };
      }
      c.errorAt(
        c.peekIndex(),
        'Invalid single-argument block definition',
        `A single-line block definition can contain only a single argument. To define a nested block, place it on a line of its own within its parent block.`,
      );
    } else {
      c.errorAt(
        i,
        'Invalid single-argument block definition',
        'A single-line block definition can contain only a single argument, or nothing.',
      );
    }
    const close = c.recover(T.CBrace);
    if (close >= 0) c.pos = close;
    return { items, from, to: c.from(c.peekIndex()) };
  }
}

/** Parses a whole file (never throws; problems are diagnostics). */
export function parseHcl(text: string): HclFile {
  const p = new BodyParser(text);
  const body = p.body(false);
  const c = p.c;
  return { text, body: { ...body, from: 0, to: text.length }, comments: c.tokens.comments, diagnostics: c.diagnostics };
}

/** Where {@link parseBodyItems} starts: a body-item boundary of a body, as `parseHcl` reaches it. */
export interface BodyItemsStart {
  /** Blocks around the body (its own included); 0 for the file's body. */
  depth: number;
  /** The body's items before the start; the items read are appended. */
  items: BodyItem[];
  /** The first attribute of each name among `items`. */
  attributes: Map<string, Attribute>;
  /** Asked at each token where a body item could start (after newlines): true stops there, before it. */
  stop: (token: number) => boolean;
}

/**
 * For incremental re-parsing (./incremental.ts): reads body items from the
 * first of `tokens` (a scan of part of `text`, whose offsets are absolute) as
 * `parseHcl` reads them from that point of the same body. Returns the token
 * it stopped at (asked by `stop`, or the end of the body or of the tokens) and
 * the diagnostics reported on the way.
 */
export function parseBodyItems(
  text: string,
  tokens: TokenStream,
  start: BodyItemsStart,
): { stoppedAt: number; diagnostics: SyntaxDiagnostic[] } {
  const p = new BodyParser(text, tokens);
  p.depth = start.depth;
  p.bodyItems(start.depth > 0, start.items, start.attributes, start.stop);
  return { stoppedAt: p.c.peekIndex(), diagnostics: p.c.diagnostics };
}
