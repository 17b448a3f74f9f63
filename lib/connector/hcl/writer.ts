/**
 * A small HCL body writer whose output `terraform fmt` leaves unchanged.
 *
 * Layout (each rule checked against terraform 1.11 `fmt`):
 * - two-space indentation per nesting level;
 * - within a run of consecutive single-line attributes the `=` signs line up
 *   one space after the longest name (fmt enforces this);
 * - a blank line between an attribute run and a block, and between sibling
 *   blocks (fmt keeps blank lines as written; we add them for readability);
 * - an empty block is `name {` + newline + `}` (fmt rewrites `{}` bodies that
 *   contain a line break to that form);
 * - the file ends with exactly one newline.
 *
 * Values are passed already rendered (see values.ts); the writer only lays
 * them out, so every value must be a single line.
 */

export interface HclAttribute {
  kind: 'attribute';
  name: string;
  /** The rendered expression, e.g. `"text"`, `42`, `alkira_segment.prod.id`. */
  value: string;
}

export interface HclBlock {
  kind: 'block';
  type: string;
  /** Labels, already rendered as quoted strings. */
  labels: string[];
  body: HclBodyItem[];
}

export type HclBodyItem = HclAttribute | HclBlock;

export function attribute(name: string, value: string): HclAttribute {
  return { kind: 'attribute', name, value };
}

export function block(type: string, labels: string[], body: HclBodyItem[]): HclBlock {
  return { kind: 'block', type, labels, body };
}

const INDENT = '  ';

function writeAttributeRun(run: HclAttribute[], indent: string, lines: string[]): void {
  const width = Math.max(...run.map((a) => a.name.length));
  for (const a of run) {
    lines.push(`${indent}${a.name.padEnd(width)} = ${a.value}`);
  }
}

function writeBlock(b: HclBlock, indent: string, lines: string[]): void {
  const header = [b.type, ...b.labels].join(' ');
  lines.push(`${indent}${header} {`);
  writeBody(b.body, indent + INDENT, lines);
  lines.push(`${indent}}`);
}

function writeBody(items: HclBodyItem[], indent: string, lines: string[]): void {
  let i = 0;
  let first = true;
  while (i < items.length) {
    if (!first) lines.push('');
    first = false;
    const item = items[i];
    if (item.kind === 'block') {
      writeBlock(item, indent, lines);
      i++;
      continue;
    }
    const run: HclAttribute[] = [];
    while (i < items.length && items[i].kind === 'attribute') {
      run.push(items[i] as HclAttribute);
      i++;
    }
    writeAttributeRun(run, indent, lines);
  }
}

/** The lines of body items at an indentation (no trailing newline), for inserting into an existing file. */
export function writeHclLines(items: HclBodyItem[], indent: string): string[] {
  const lines: string[] = [];
  writeBody(items, indent, lines);
  return lines;
}

/** Writes top-level items (normally blocks) as a file ending in one newline. */
export function writeHclFile(items: HclBodyItem[]): string {
  const lines: string[] = [];
  writeBody(items, '', lines);
  return lines.join('\n') + '\n';
}
