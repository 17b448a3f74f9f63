/**
 * Edits of an HCL file as operations on its syntax tree, the `hclwrite` way:
 * set an attribute's value, insert or remove an attribute, insert, remove or
 * move a block. Each operation answers the text edits it makes — whole lines
 * for whole items, with their lead comments — and `applyOperations` applies a
 * set of them and re-aligns only the runs they touched (./align.ts), so every
 * byte the operations did not change stays as it was.
 *
 * A one-line block (`x {}`, `x { a = 1 }`) cannot take a line: `openBlock`
 * writes it onto lines first, as `terraform fmt` lays blocks out.
 */
import { alignmentEdits, type TextEdit } from './align';
import { Lines } from './lines';
import type { Attribute, Block, BodyItem, HclFile } from './syntax';

export type { TextEdit };

/** Where a new item goes among its siblings: after one, before one, or at the end of the body. */
export type Position = { after: BodyItem } | { before: BodyItem } | 'end';

/** The text with every edit applied as it is (nothing re-aligned). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    // Two removals may share a blank line they each take along: it goes once.
    out += text.slice(at, Math.max(at, e.from)) + e.insert;
    at = Math.max(at, e.to);
  }
  return out + text.slice(at);
}

/** The text applied with every edit, the touched runs re-aligned. */
export function applyOperations(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
  const next = applyTextEdits(text, sorted);
  const lines = new Lines(next);
  const touched = new Set<number>();
  let delta = 0;
  let end = 0;
  for (const e of sorted) {
    const start = Math.max(e.from, end);
    const stop = Math.max(e.to, end);
    const from = start + delta;
    // A removed line joins its neighbours: the runs on both sides may have to re-align.
    for (let l = lines.line(from) - 1; l <= lines.line(from + e.insert.length) + 1; l++) touched.add(l);
    delta += e.insert.length - (stop - start);
    end = stop;
  }
  return applyTextEdits(next, alignmentEdits(next, touched));
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

/** Just past the newline ending the line that holds `offset` (or the end of the text). */
function nextLineStart(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end + 1;
}

const isBlank = (text: string, from: number) => {
  const end = text.indexOf('\n', from);
  return from < text.length && text.slice(from, end < 0 ? text.length : end).trim() === '';
};

/** Indentation of the line holding `offset`. */
function indentAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/** An item's end: past its value, or its `}`. */
function itemEnd(item: BodyItem): number {
  return item.type === 'block' ? item.to : item.value.to;
}

/** Whether the block is written on one line, so it cannot take or lose a line. */
export function isOneLineBlock(text: string, block: Pick<Block, 'open' | 'close'>): boolean {
  return block.close >= 0 && text.lastIndexOf('\n', block.close) < block.open;
}

/** The lines of `[from, to)` with their lead comments (comment lines right above, as hclwrite attaches them to an item). */
function linesWithLeadComments(text: string, from: number, to: number): { from: number; to: number } {
  let start = lineStart(text, from);
  while (start > 0) {
    const above = lineStart(text, start - 1);
    if (!/^\s*(#|\/\/)/.test(text.slice(above, start))) break;
    start = above;
  }
  return { from: start, to: nextLineStart(text, to) };
}

function itemLines(text: string, item: BodyItem): { from: number; to: number } {
  return linesWithLeadComments(text, item.from, itemEnd(item));
}

/** `name = value` replaced by `name = text` (the value's own bytes only). */
export function setAttributeValue(attribute: Attribute, valueText: string): TextEdit[] {
  return [{ from: attribute.value.from, to: attribute.value.to, insert: valueText }];
}

/**
 * Removes an attribute or block with its lines and lead comments; a blank
 * line it would leave at the start or end of its body, or doubled, goes too.
 */
export function removeItem(file: HclFile, item: BodyItem): TextEdit[] {
  const { text } = file;
  const span = itemLines(text, item);
  const previous = span.from > 0 ? lineStart(text, span.from - 1) : -1;
  const afterOpen = previous < 0 || isBlank(text, previous) || text.slice(previous, span.from).trimEnd().endsWith('{');
  if (afterOpen && isBlank(text, span.to)) span.to = nextLineStart(text, span.to);
  else if (previous >= 0 && isBlank(text, previous) && /^\s*\}/.test(text.slice(span.to, nextLineStart(text, span.to))))
    span.from = previous;
  return [{ from: span.from, to: span.to, insert: '' }];
}

/** The indentation of a body's items: its first item's, else its block's plus two spaces. */
function bodyIndent(text: string, owner: Block | null): string {
  if (!owner) return '';
  const first = owner.body.items[0];
  return first && !isOneLineBlock(text, owner) ? indentAt(text, first.from) : `${indentAt(text, owner.from)}  `;
}

/**
 * Inserts lines of text (without indentation) as new items of a body, at
 * `position`. `blankAround` puts a blank line between them and their
 * neighbours (blocks); attributes join the run they are inserted into.
 */
export function insertLines(
  file: HclFile,
  owner: Block | null,
  lines: readonly string[],
  position: Position,
  blankAround = false,
): TextEdit[] {
  const { text } = file;
  if (owner && isOneLineBlock(text, owner))
    throw new Error(`The ${owner.blockType.name} block is on one line: open it first (openBlock)`);
  const indent = bodyIndent(text, owner);
  const body = lines.map((line) => (line === '' ? '' : indent + line)).join('\n');
  const items = owner ? owner.body.items : file.body.items;
  if (position !== 'end' && 'after' in position) {
    const at = nextLineStart(text, itemEnd(position.after));
    return [{ from: at, to: at, insert: `${blankAround ? '\n' : ''}${body}\n` }];
  }
  if (position !== 'end' && 'before' in position) {
    const at = itemLines(text, position.before).from;
    return [{ from: at, to: at, insert: `${body}\n${blankAround ? '\n' : ''}` }];
  }
  const last = items[items.length - 1];
  if (last) {
    const at = nextLineStart(text, itemEnd(last));
    return [{ from: at, to: at, insert: `${blankAround ? '\n' : ''}${body}\n` }];
  }
  if (!owner) {
    const separator = text === '' || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    return [{ from: text.length, to: text.length, insert: `${separator}${body}\n` }];
  }
  // An empty multi-line block: right after the line of its `{`.
  const at = nextLineStart(text, owner.open);
  return [{ from: at, to: at, insert: `${body}\n` }];
}

/** A new attribute `name = valueText` at `position` of a body. */
export function insertAttribute(
  file: HclFile,
  owner: Block | null,
  name: string,
  valueText: string,
  position: Position,
): TextEdit[] {
  return insertLines(file, owner, [`${name} = ${valueText}`], position);
}

/** A new block (its lines, unindented: `type "label" {`, …, `}`) at `position` of a body, set apart by blank lines. */
export function insertBlock(
  file: HclFile,
  owner: Block | null,
  blockLines: readonly string[],
  position: Position,
): TextEdit[] {
  return insertLines(file, owner, blockLines, position, true);
}

/** A one-line block written onto lines: `x {}` → `x {` / `}`; `x { a = 1 }` → `a = 1` on its own line between them. */
export function openBlock(file: HclFile, block: Block): TextEdit[] {
  const { text } = file;
  if (!isOneLineBlock(text, block)) return [];
  const indent = indentAt(text, block.from);
  const inner = text.slice(block.open + 1, block.close).trim();
  return [
    { from: block.open + 1, to: block.close, insert: inner ? `\n${indent}  ${inner}\n${indent}` : `\n${indent}` },
  ];
}

/**
 * Moves a block (with its lead comments) to `position` among its siblings:
 * its text is taken out whole and put back, re-indented if the depth differs.
 */
export function moveBlock(file: HclFile, owner: Block | null, block: Block, position: Position): TextEdit[] {
  const { text } = file;
  const span = itemLines(text, block);
  const indent = indentAt(text, block.from);
  const lines = text
    .slice(span.from, span.to)
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()));
  const removal = removeItem(file, block);
  const insertion = insertBlock(file, owner, lines, position);
  // Put back where it was taken from (just before or after itself): nothing moves.
  const [inserted] = insertion;
  const [removed] = removal;
  if (inserted && removed && inserted.from >= removed.from && inserted.from <= removed.to) return [];
  return [...removal, ...insertion];
}
