/**
 * The lossless view of an HCL file: the text itself plus, for every body, its
 * attributes and blocks with the offsets of their parts. Nothing is
 * normalised or dropped — comments, blank lines and spacing live in the text
 * between the offsets — so an edit can replace exactly the characters it
 * changes and leave every other byte alone (the idea of Go's `hclwrite`).
 *
 * It reads the token stream of the importer's structure lexer
 * (../import/structure-lexer.ts), which already skips strings, heredocs and
 * comments whole. Files with a structural problem are refused: editing text
 * whose structure is unclear could only make it worse.
 */
import type { Token } from '../import/structure-lexer';
import type { Lines } from '../import/structure-lines';
import { checkStructure, lexText } from '../import/structure';

export interface DocAttribute {
  kind: 'attribute';
  name: string;
  /** Offset of the name (the item's start). */
  from: number;
  valueFrom: number;
  /** End of the value's last token (a trailing comment follows it). */
  valueTo: number;
}

export interface DocBlock {
  kind: 'block';
  type: string;
  /** Labels as written, e.g. `"alkira_connector_azure_expressroute"`. */
  labels: string[];
  /** Offsets of each label as written. */
  labelRanges: { from: number; to: number }[];
  from: number;
  /** Offset of the closing `}`. */
  close: number;
  body: DocItem[];
}

export type DocItem = DocAttribute | DocBlock;

export interface HclDocument {
  text: string;
  lines: Lines;
  items: DocItem[];
}

export class HclDocumentError extends Error {}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

class TokenReader {
  i = 0;
  constructor(
    readonly tokens: Token[],
    readonly text: string,
    readonly lines: Lines,
  ) {}
  line(offset: number): number {
    return this.lines.line(offset);
  }
  peek(k = 0): Token {
    return this.tokens[Math.min(this.i + k, this.tokens.length - 1)];
  }
  isPunct(t: Token, value: string): boolean {
    return t.type === 'punct' && t.value === value;
  }
  slice(t: Token): string {
    return this.text.slice(t.from, t.to);
  }
}

/** Past an attribute value: to the newline (outside brackets) or the `}` closing its block. */
function readValueEnd(r: TokenReader): number {
  const open: string[] = [];
  let end = r.peek().from;
  for (;;) {
    const t = r.peek();
    if (t.type === 'eof' || t.type === 'stop') break;
    if (t.type === 'nl' && open.length === 0) break;
    if (t.type === 'punct' && t.value! in OPENERS) open.push(OPENERS[t.value!]);
    else if (t.type === 'punct' && (t.value === ')' || t.value === ']' || t.value === '}')) {
      if (open.length === 0) break; // `}` of a one-line block
      if (open.pop() !== t.value) throw new HclDocumentError(`line ${r.line(t.from)}: unbalanced brackets in an attribute value`);
    }
    if (t.type !== 'nl') end = t.to;
    r.i++;
  }
  return end;
}

function readBody(r: TokenReader, nested: boolean): DocItem[] {
  const items: DocItem[] = [];
  for (;;) {
    const t = r.peek();
    if (t.type === 'nl') {
      r.i++;
      continue;
    }
    if (t.type === 'eof' || t.type === 'stop') {
      if (nested) throw new HclDocumentError('A block is not closed');
      return items;
    }
    if (r.isPunct(t, '}')) {
      if (!nested) throw new HclDocumentError('A } closes no block');
      return items;
    }
    // Messages name lines, never the text: it could be a secret.
    if (t.type !== 'ident') throw new HclDocumentError(`line ${r.line(t.from)}: an attribute or block should start here`);
    r.i++;
    if (r.isPunct(r.peek(), '=')) {
      r.i++;
      const valueFrom = r.peek().from;
      const valueTo = readValueEnd(r);
      items.push({ kind: 'attribute', name: r.slice(t), from: t.from, valueFrom, valueTo });
      continue;
    }
    const labels: string[] = [];
    const labelRanges: { from: number; to: number }[] = [];
    while (r.peek().type === 'string' || r.peek().type === 'ident') {
      const label = r.tokens[r.i++];
      labels.push(r.slice(label));
      labelRanges.push({ from: label.from, to: label.to });
    }
    if (!r.isPunct(r.peek(), '{')) throw new HclDocumentError(`line ${r.line(t.from)}: ${r.slice(t)} is neither an attribute nor a block`);
    r.i++;
    const body = readBody(r, true);
    const close = r.peek().from;
    r.i++;
    items.push({ kind: 'block', type: r.slice(t), labels, labelRanges, from: t.from, close, body });
  }
}

/** Reads a whole file; throws HclDocumentError when its structure is broken. */
export function readHclDocument(text: string): HclDocument {
  const lexed = lexText(text);
  const problem = checkStructure(text, 1, lexed)[0];
  if (problem) throw new HclDocumentError(problem.message);
  const { lines, tokens, lexError } = lexed;
  if (lexError) throw new HclDocumentError(lexError.message);
  const items = readBody(new TokenReader(tokens, text, lines), false);
  return { text, lines, items };
}

/** A label's value: the quoted text without its quotes (labels never need escapes here), or the bare identifier. */
export function labelValue(raw: string): string {
  return raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw;
}
