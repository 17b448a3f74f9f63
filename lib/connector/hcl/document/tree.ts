/**
 * The document editor's view of an HCL file: for every body, its attributes
 * and blocks with the offsets of their parts, read off the one syntax tree
 * (lib/hcl). Nothing is normalised or dropped — comments, blank lines and
 * spacing live in the text between the offsets — so an edit can replace
 * exactly the characters it changes and leave every other byte alone (the idea
 * of Go's `hclwrite`). Files with a syntax error are refused: editing text
 * whose structure is unclear could only make it worse.
 */
import { Lines } from '@/lib/hcl/lines';
import { parseHcl } from '@/lib/hcl/parser';
import type { BodyItem, HclFile } from '@/lib/hcl/syntax';

export interface DocAttribute {
  kind: 'attribute';
  name: string;
  /** Offset of the name (the item's start). */
  from: number;
  valueFrom: number;
  /** End of the value (a trailing comment follows it). */
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
  /** Offset of the `{`. */
  open: number;
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

function docItems(items: BodyItem[], text: string): DocItem[] {
  return items.map((item): DocItem => {
    if (item.type === 'attribute') return { kind: 'attribute', name: item.name.name, from: item.from, valueFrom: item.value.from, valueTo: item.value.to };
    return {
      kind: 'block',
      type: item.blockType.name,
      labels: item.labels.map((l) => text.slice(l.from, l.to)),
      labelRanges: item.labels.map((l) => ({ from: l.from, to: l.to })),
      from: item.from,
      open: item.open,
      close: item.close,
      body: docItems(item.body.items, text),
    };
  });
}

/** The document of a parsed file; throws HclDocumentError when it has a syntax error. */
export function documentOf(file: HclFile): HclDocument {
  const lines = new Lines(file.text);
  const problem = file.diagnostics[0];
  // Messages name lines, never the text: it could be a secret.
  if (problem) throw new HclDocumentError(`line ${lines.line(problem.from)}: ${problem.summary}`);
  return { text: file.text, lines, items: docItems(file.body.items, file.text) };
}

/** Reads a whole file; throws HclDocumentError when its structure is broken. */
export function readHclDocument(text: string): HclDocument {
  return documentOf(parseHcl(text));
}

/** A label's value: the quoted text without its quotes (labels never need escapes here), or the bare identifier. */
export function labelValue(raw: string): string {
  return raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw;
}
