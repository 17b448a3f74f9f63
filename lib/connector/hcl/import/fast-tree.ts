/**
 * A fast path to the syntax tree the importer reads, for well-formed files.
 *
 * The Lezer grammar of codemirror-lang-hcl runs every external tokenizer at
 * every position and reads quoted strings one character per token: about
 * 1.7 ms per KB, and worse than linear on long strings (profiled with
 * `node --cpu-prof`: canShift, updateCachedToken and the contextual
 * tokenizers dominate). Most of a connector file is plain: blocks, and
 * attributes whose value is a string, number, bool, null, reference or a
 * list of those. This builds the same tree for it directly from the tokens
 * of the structure lexer — with the grammar's own node types, so every
 * reader of the tree stays as it is — in one linear pass.
 *
 * A value outside that set (function calls, operators, templates with
 * interpolation, heredocs, objects …) is parsed by the grammar on its own
 * and its subtree grafted in. Anything irregular (a syntax error in such a
 * value, an item the structure check leaves to the grammar) returns null:
 * the caller then parses the whole text with the grammar as before.
 */
import { hclLanguage } from 'codemirror-lang-hcl';
import { Tree, type TreeCursor } from '@lezer/common';
import type { Token } from './structure-lexer';
import { textForLezer } from './lezer-input';

const nodeSet = hclLanguage.parser.nodeSet;

function typeId(name: string): number {
  const type = nodeSet.types.find((t) => t.name === name);
  if (!type) throw new Error(`codemirror-lang-hcl has no node ${name}`);
  return type.id;
}

const T = {
  ConfigFile: typeId('ConfigFile'),
  Body: typeId('Body'),
  Attribute: typeId('Attribute'),
  Identifier: typeId('Identifier'),
  AssignOp: typeId('AssignOp'),
  Expression: typeId('Expression'),
  LiteralValue: typeId('LiteralValue'),
  NumericLit: typeId('NumericLit'),
  BoolLit: typeId('BoolLit'),
  true: typeId('true'),
  false: typeId('false'),
  NullLit: typeId('NullLit'),
  null: typeId('null'),
  StringLit: typeId('StringLit'),
  QuotedTemplateStart: typeId('QuotedTemplateStart'),
  QuotedTemplateEnd: typeId('QuotedTemplateEnd'),
  TemplateLiteral: typeId('TemplateLiteral'),
  TemplateExpr: typeId('TemplateExpr'),
  QuotedTemplate: typeId('QuotedTemplate'),
  CollectionValue: typeId('CollectionValue'),
  Tuple: typeId('Tuple'),
  OpenBracket: typeId('['),
  CloseBracket: typeId(']'),
  Comma: typeId('Comma'),
  VariableExpr: typeId('VariableExpr'),
  GetAttr: typeId('GetAttr'),
  DerefOp: typeId('DerefOp'),
  Operation: typeId('Operation'),
  UnaryOperation: typeId('UnaryOperation'),
  ArithOp: typeId('ArithOp'),
  Block: typeId('Block'),
  BlockType: typeId('BlockType'),
  BlockLabel: typeId('BlockLabel'),
  OpenBrace: typeId('{'),
  CloseBrace: typeId('}'),
};

/** The grammar's prefix for parsing one value on its own. */
const SNIPPET_PREFIX = '_ = ';

class Irregular extends Error {}

class TreeWriter {
  /** Lezer's buffer format: per node type, from, to, size (4 × nodes in its subtree), children first. */
  readonly buffer: number[] = [];
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  private tok(k = 0): Token {
    return this.tokens[Math.min(this.i + k, this.tokens.length - 1)];
  }

  private isPunct(t: Token, value: string): boolean {
    return t.type === 'punct' && t.value === value;
  }

  private node(type: number, from: number, to: number, children?: () => void): void {
    const start = this.buffer.length;
    children?.();
    this.buffer.push(type, from, to, this.buffer.length + 4 - start);
  }

  private leaf(type: number, t: Token): void {
    this.node(type, t.from, t.to);
  }

  private skipNewlines(): void {
    while (this.tok().type === 'nl') this.i++;
  }

  /** A quoted string without interpolation, as the grammar's StringLit. */
  private stringLit(t: Token): void {
    this.node(T.StringLit, t.from, t.to, () => {
      this.node(T.QuotedTemplateStart, t.from, t.from + 1);
      if (t.to - 1 > t.from + 1) this.node(T.TemplateLiteral, t.from + 1, t.to - 1);
      this.node(T.QuotedTemplateEnd, t.to - 1, t.to);
    });
  }

  private isPlainString(t: Token): boolean {
    if (t.type !== 'string') return false;
    const at = this.text.indexOf('{', t.from);
    // No `${` or `%{` inside (a `{` alone is literal text).
    return at < 0 || at >= t.to || !/[$%]\{/.test(this.text.slice(t.from, t.to));
  }

  /** Whether `t` ends a simple value: the end of the line, or the next item or end of a list. */
  private endsValue(t: Token): boolean {
    return t.type === 'nl' || t.type === 'eof' || this.isPunct(t, ',') || this.isPunct(t, ']');
  }

  /** End offset of the simple value starting at the current token, 0 for a list (checked item by item), or -1 (not simple). */
  private simpleValueEnd(depth: number): number {
    const t = this.tok();
    if (t.type === 'number') return this.endsValue(this.tok(1)) ? t.to : -1;
    if (this.isPunct(t, '-') && this.tok(1).type === 'number' && this.tok(1).from === t.to) return this.endsValue(this.tok(2)) ? this.tok(1).to : -1;
    if (t.type === 'string') return this.isPlainString(t) && this.endsValue(this.tok(1)) ? t.to : -1;
    if (t.type === 'ident') {
      let k = 1;
      while (this.isPunct(this.tok(k), '.') && this.tok(k + 1).type === 'ident' && this.tok(k).from === this.tok(k - 1).to && this.tok(k + 1).from === this.tok(k).to) k += 2;
      return this.endsValue(this.tok(k)) ? this.tok(k - 1).to : -1;
    }
    if (this.isPunct(t, '[') && depth === 0) return 0;
    return -1;
  }

  /** Writes a simple value's Expression node; throws Irregular when it is not one. */
  private simpleExpression(depth: number): void {
    const t = this.tok();
    if (this.simpleValueEnd(depth) < 0) throw new Irregular();
    if (t.type === 'number') {
      this.i++;
      this.node(T.Expression, t.from, t.to, () => this.node(T.LiteralValue, t.from, t.to, () => this.leaf(T.NumericLit, t)));
      return;
    }
    if (t.type === 'string') {
      this.i++;
      if (t.to - t.from === 2) {
        // The grammar reads `""` as an empty template rather than a string literal.
        this.node(T.Expression, t.from, t.to, () =>
          this.node(T.TemplateExpr, t.from, t.to, () =>
            this.node(T.QuotedTemplate, t.from, t.to, () => {
              this.node(T.QuotedTemplateStart, t.from, t.from + 1);
              this.node(T.QuotedTemplateEnd, t.to - 1, t.to);
            }),
          ),
        );
        return;
      }
      this.node(T.Expression, t.from, t.to, () => this.node(T.LiteralValue, t.from, t.to, () => this.stringLit(t)));
      return;
    }
    if (this.isPunct(t, '-')) {
      const n = this.tok(1);
      this.i += 2;
      this.node(T.Expression, t.from, n.to, () =>
        this.node(T.Operation, t.from, n.to, () =>
          this.node(T.UnaryOperation, t.from, n.to, () => {
            this.leaf(T.ArithOp, t);
            this.node(T.LiteralValue, n.from, n.to, () => this.leaf(T.NumericLit, n));
          }),
        ),
      );
      return;
    }
    if (t.type === 'ident') {
      const word = this.text.slice(t.from, t.to);
      const dotted = this.isPunct(this.tok(1), '.');
      if (!dotted && (word === 'true' || word === 'false')) {
        this.i++;
        this.node(T.Expression, t.from, t.to, () => this.node(T.LiteralValue, t.from, t.to, () => this.node(T.BoolLit, t.from, t.to, () => this.leaf(word === 'true' ? T.true : T.false, t))));
        return;
      }
      if (!dotted && word === 'null') {
        this.i++;
        this.node(T.Expression, t.from, t.to, () => this.node(T.LiteralValue, t.from, t.to, () => this.node(T.NullLit, t.from, t.to, () => this.leaf(T.null, t))));
        return;
      }
      const end = this.simpleValueEnd(depth);
      this.node(T.Expression, t.from, end, () => {
        this.node(T.VariableExpr, t.from, t.to, () => this.leaf(T.Identifier, t));
        this.i++;
        while (this.isPunct(this.tok(), '.') && this.tok().to <= end) {
          const dot = this.tok();
          const name = this.tok(1);
          this.node(T.GetAttr, dot.from, name.to, () => {
            this.leaf(T.DerefOp, dot);
            this.leaf(T.Identifier, name);
          });
          this.i += 2;
        }
      });
      return;
    }
    // A list of simple values, possibly over several lines.
    const open = t;
    this.i++;
    const itemsStart = this.buffer.length;
    for (;;) {
      this.skipNewlines();
      if (this.isPunct(this.tok(), ']')) break;
      this.simpleExpression(depth + 1);
      this.skipNewlines();
      if (this.isPunct(this.tok(), ',')) {
        this.leaf(T.Comma, this.tok());
        this.i++;
        continue;
      }
      if (!this.isPunct(this.tok(), ']')) throw new Irregular();
    }
    const close = this.tok();
    this.i++;
    // Wrap what was written for the items: Expression > CollectionValue > Tuple > [ items… ].
    const items = this.buffer.splice(itemsStart);
    this.node(T.Expression, open.from, close.to, () =>
      this.node(T.CollectionValue, open.from, close.to, () =>
        this.node(T.Tuple, open.from, close.to, () => {
          this.leaf(T.OpenBracket, open);
          this.buffer.push(...items);
          this.leaf(T.CloseBracket, close);
        }),
      ),
    );
  }

  /** Past a value the grammar must read: to the newline outside brackets. Returns its end. */
  private skipValue(): number {
    let depth = 0;
    let end = this.tok().from;
    for (;;) {
      const t = this.tok();
      if (t.type === 'eof' || t.type === 'stop') break;
      if (t.type === 'nl' && depth === 0) break;
      if (t.type === 'punct' && (t.value === '(' || t.value === '[' || t.value === '{')) depth++;
      else if (t.type === 'punct' && (t.value === ')' || t.value === ']' || t.value === '}')) {
        if (depth === 0) throw new Irregular();
        depth--;
      }
      if (t.type !== 'nl') end = t.to;
      this.i++;
    }
    return end;
  }

  /** A value parsed by the grammar alone, its Expression grafted in at `from`. */
  private graftedExpression(from: number, to: number): void {
    const snippet = SNIPPET_PREFIX + this.text.slice(from, to);
    // The same adjustments as for a whole file (offsets kept): `$$${`, keywords after a dot.
    const tree = hclLanguage.parser.parse(textForLezer(snippet));
    const shift = from - SNIPPET_PREFIX.length;
    let clean = true;
    tree.iterate({
      enter: (n) => {
        if (n.type.isError) clean = false;
      },
    });
    const body = tree.topNode.getChild('Body');
    const attribute = body?.firstChild;
    const expression = attribute?.getChild('Expression');
    if (!clean || !attribute || attribute.nextSibling || attribute.name !== 'Attribute' || !expression || expression.to !== snippet.length) throw new Irregular();
    this.copy(expression.cursor(), shift);
  }

  private copy(cursor: TreeCursor, shift: number): void {
    const { from, to } = cursor;
    const type = cursor.type.id;
    this.node(type, from + shift, to + shift, () => {
      if (cursor.firstChild()) {
        do this.copy(cursor, shift);
        while (cursor.nextSibling());
        cursor.parent();
      }
    });
  }

  private attribute(name: Token): void {
    const assign = this.tok(1);
    this.i += 2;
    const valueStart = this.tok();
    if (valueStart.type === 'nl' || valueStart.type === 'eof') throw new Irregular();
    const before = this.i;
    const bufferBefore = this.buffer.length;
    let end: number;
    try {
      this.node(T.Identifier, name.from, name.to);
      this.node(T.AssignOp, assign.from, assign.to);
      this.simpleExpression(0);
      if (this.tok().type !== 'nl' && this.tok().type !== 'eof') throw new Irregular();
      end = this.tokens[this.i - 1].to;
    } catch (e) {
      if (!(e instanceof Irregular)) throw e;
      this.i = before;
      this.buffer.length = bufferBefore;
      end = this.skipValue();
      this.node(T.Identifier, name.from, name.to);
      this.node(T.AssignOp, assign.from, assign.to);
      this.graftedExpression(valueStart.from, end);
    }
    // The Attribute wraps what was just written.
    this.buffer.push(T.Attribute, name.from, end, this.buffer.length + 4 - bufferBefore);
  }

  private block(type: Token): void {
    const start = this.buffer.length;
    this.node(T.BlockType, type.from, type.to, () => this.leaf(T.Identifier, type));
    this.i++;
    while (this.tok().type === 'string' || this.tok().type === 'ident') {
      const label = this.tok();
      if (label.type === 'string') {
        if (!this.isPlainString(label)) throw new Irregular();
        this.node(T.BlockLabel, label.from, label.to, () => this.stringLit(label));
      } else this.node(T.BlockLabel, label.from, label.to, () => this.leaf(T.Identifier, label));
      this.i++;
    }
    const open = this.tok();
    if (!this.isPunct(open, '{') || this.tok(1).type !== 'nl') throw new Irregular();
    this.leaf(T.OpenBrace, open);
    this.i++;
    this.body(true);
    const close = this.tok();
    this.leaf(T.CloseBrace, close);
    this.i++;
    if (this.tok().type !== 'nl' && this.tok().type !== 'eof') throw new Irregular();
    this.buffer.push(T.Block, type.from, close.to, this.buffer.length + 4 - start);
  }

  /** Items up to the `}` (nested) or the end of the text; a Body node around them when there are any. */
  body(nested: boolean): void {
    const start = this.buffer.length;
    let first = -1;
    let last = -1;
    for (;;) {
      this.skipNewlines();
      const t = this.tok();
      if (t.type === 'eof') {
        if (nested) throw new Irregular();
        break;
      }
      if (this.isPunct(t, '}')) {
        if (!nested) throw new Irregular();
        break;
      }
      if (t.type !== 'ident') throw new Irregular();
      if (first < 0) first = t.from;
      if (this.isPunct(this.tok(1), '=')) this.attribute(t);
      else this.block(t);
      last = this.tokens[this.i - 1].to;
    }
    if (first >= 0) this.buffer.push(T.Body, first, last, this.buffer.length + 4 - start);
  }
}

/**
 * The importer's syntax tree of `text` (whose `tokens` come from the
 * structure lexer and which has no structural problem), or null when the
 * text needs the grammar's own parse.
 */
export function fastSyntaxTree(text: string, tokens: readonly Token[]): Tree | null {
  if (tokens.some((t) => t.type === 'stop')) return null;
  const writer = new TreeWriter(text, tokens);
  try {
    writer.body(false);
  } catch (e) {
    if (e instanceof Irregular) return null;
    throw e;
  }
  // Tree.build adds the top node (ConfigFile) around the buffer itself.
  return Tree.build({ buffer: writer.buffer, nodeSet, topID: T.ConfigFile, length: text.length });
}
