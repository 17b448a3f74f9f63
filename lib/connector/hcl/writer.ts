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
  /**
   * A stored secret, whose text nobody here knows: the document editor keeps it where the file keeps it or
   * writes a new variable; `value` is then only a stand-in that is not valid HCL, never written.
   */
  stored?: true;
}

export interface HclBlock {
  kind: 'block';
  type: string;
  /** Labels, already rendered as quoted strings. */
  labels: string[];
  body: HclBodyItem[];
}

/** Text kept as written (a `dynamic` block), its lines without the body's indentation. */
export interface HclRaw {
  kind: 'raw';
  /** The block type it stands among (a dynamic block's generated type), for ordering. */
  type: string;
  lines: string[];
}

export type HclBodyItem = HclAttribute | HclBlock | HclRaw;

export function raw(type: string, text: string): HclRaw {
  return { kind: 'raw', type, lines: text.split('\n') };
}

export function attribute(name: string, value: string): HclAttribute {
  return { kind: 'attribute', name, value };
}

/** The stand-in value of a stored secret's item (not valid HCL, so it can never pass for a written value). */
const STORED_SECRET_STAND_IN = '<stored secret>';

/** A sensitive attribute holding a stored secret (see HclAttribute.stored). */
export function storedSecretAttribute(name: string): HclAttribute {
  return { kind: 'attribute', name, value: STORED_SECRET_STAND_IN, stored: true };
}

export function block(type: string, labels: string[], body: HclBodyItem[]): HclBlock {
  return { kind: 'block', type, labels, body };
}

const INDENT = '  ';

/** Runs of spaces by length, made once (padding every aligned name would allocate one per line). */
const SPACES: string[] = [];

function spaces(count: number): string {
  SPACES[count] ??= ' '.repeat(count);
  return SPACES[count];
}

/** Writes items[start, end) (all attributes) with their `=` signs lined up. */
function writeAttributeRun(run: readonly HclAttribute[], indent: string, lines: string[]): void {
  let width = 0;
  for (const a of run) width = Math.max(width, a.name.length);
  for (const a of run) lines.push(indent + a.name + spaces(width - a.name.length) + ' = ' + a.value);
}

function writeBlock(b: HclBlock, indent: string, lines: string[]): void {
  const header = b.labels.length === 0 ? b.type : `${b.type} ${b.labels.join(' ')}`;
  lines.push(`${indent}${header} {`);
  writeBody(b.body, indent + INDENT, lines);
  lines.push(`${indent}}`);
}

/** Writes each block, each raw text and each run of consecutive attributes, a blank line between two of them. */
function writeBody(items: HclBodyItem[], indent: string, lines: string[]): void {
  let groups = 0;
  let run: HclAttribute[] = [];
  const startGroup = () => {
    if (groups++ > 0) lines.push('');
  };
  const endRun = () => {
    if (run.length === 0) return;
    startGroup();
    writeAttributeRun(run, indent, lines);
    run = [];
  };
  for (const item of items) {
    if (item.kind === 'attribute') {
      run.push(item);
      continue;
    }
    endRun();
    startGroup();
    if (item.kind === 'block') writeBlock(item, indent, lines);
    else for (const line of item.lines) lines.push(line === '' ? '' : indent + line);
  }
  endRun();
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
