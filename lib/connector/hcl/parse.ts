/**
 * Terraform HCL → connector designs: the import half of two-way HCL.
 *
 * `parseConnectorHcl` reads a whole .tf file, imports every
 * `resource "alkira_connector_azure_expressroute" "<label>"` block as a
 * design, notes the other blocks it ignores, and reports syntax errors,
 * schema problems and every validateDesign finding at the line and column
 * of the value concerned. Pure and browser-safe (no node imports), so the
 * editor can lint as the user types.
 *
 * Value mapping (see import/expressions.ts and import/coerce.ts):
 * - literals become design values; numbers and bools written as strings are
 *   converted as Terraform converts them (`"65001"` → 65001, `"true"` → true);
 * - anything Terraform evaluates (references, function calls, conditionals,
 *   templates with interpolation) is kept as `${<source text>}`; a template
 *   that is only `"${x}"` becomes `${x}` (as terraform fmt unwraps it);
 * - a literal string that itself looks like `${…}` is stored as the
 *   expression `${"$${…}"}` (the quoted literal), since the design model
 *   would otherwise read it as an expression;
 * - `null` means unset; missing required attributes become '' and missing
 *   required block lists [] (the form's empty state), and are reported.
 */
import { isReferencedDataSource } from './data-sources';
import { parseHcl } from '@/lib/hcl/parser';
import { Lines } from '@/lib/hcl/lines';
import type { Block, BodyItem, HclFile, Label, Span } from '@/lib/hcl/syntax';
import { emptyDesign, type ConnectorDesign } from '../design';
import { isConnectorDesign } from '../schema';
import { RESOURCE_TYPE } from './render';
import { DiagnosticSink, type HclDiagnostic } from './import/diagnostics';
import { blockHeaderRange, convertBody, type ConvertContext } from './import/body';
import { CONNECTOR_RESOURCE_SCHEMA } from './import/schema';
import { reportDesignIssues } from './import/validation';

export type { HclDiagnostic, HclSeverity } from './import/diagnostics';

/** One connector resource block of the file, read as a design, and where it is in the file. */
export interface ImportedDesign {
  /** The resource label ('' when the block has none). */
  resource_name: string;
  design: ConnectorDesign;
  /** 1-based line of the resource block. */
  line: number;
  /** Character offsets of the resource block (as far as it could be read), to tell apart blocks with the same label. */
  range?: Span;
  /**
   * Where each design path's value is written (`nearestRange` of ./import/validation.ts finds a path's
   * place), for findings made after the import (the tenant checks).
   */
  ranges?: ReadonlyMap<string, Span>;
}

export interface ParsedHcl {
  designs: ImportedDesign[];
  diagnostics: HclDiagnostic[];
}

/** Top-level blocks Terraform knows, which an import ignores with a note. */
const KNOWN_TOP_LEVEL = new Set([
  'resource',
  'data',
  'variable',
  'provider',
  'terraform',
  'locals',
  'output',
  'module',
  'import',
  'moved',
  'removed',
  'check',
  'ephemeral',
]);

const IGNORED_KIND: Record<string, string> = { data: 'data source', ephemeral: 'ephemeral resource' };

/** `resource "aws_vpc" "main"`, `data source "alkira_group" "core"`, `provider block "alkira"`. */
function describeIgnored(type: string, labels: Label[]): string {
  const kind = type === 'resource' ? 'resource' : (IGNORED_KIND[type] ?? `${type} block`);
  return [kind, ...labels.map((l) => JSON.stringify(l.value))].join(' ');
}

export function isConnectorBlock(item: BodyItem): boolean {
  return item.type === 'block' && item.blockType.name === 'resource' && item.labels[0]?.value === RESOURCE_TYPE;
}

/**
 * @param checkDesign false when a syntax error cuts the block short: its
 *   design is incomplete, and findings about it would only mislead.
 */
function importResource(
  block: Block,
  text: string,
  syntaxErrors: readonly Span[],
  sink: DiagnosticSink,
  taken: Map<string, number>,
  checkDesign: boolean,
): ImportedDesign {
  const { labels } = block;
  const header = blockHeaderRange(block);
  const nameLabel = labels[1];
  const label = nameLabel?.value ?? '';
  const line = sink.lineOf(block.from);
  const ctx: ConvertContext = {
    text,
    sink,
    broken: syntaxErrors,
    resource: nameLabel ? label : undefined,
    ranges: new Map([
      ['', header],
      ['resource_name', nameLabel ? { from: nameLabel.from, to: nameLabel.to } : header],
    ]),
    flagged: new Set(),
  };
  if (!nameLabel) {
    sink.add(
      'error',
      `resource "${RESOURCE_TYPE}" needs a name label, e.g. resource "${RESOURCE_TYPE}" "primary" { … }`,
      header,
      { path: 'resource_name' },
    );
    ctx.flagged.add('resource_name');
  } else if (labels[2]) {
    sink.add(
      'error',
      `A resource block has two labels (type and name); remove ${labels
        .slice(2)
        .map((l) => JSON.stringify(l.value))
        .join(', ')}`,
      labels[2],
      { resource: label },
    );
  }
  const firstLine = nameLabel ? taken.get(label) : undefined;
  if (firstLine !== undefined) {
    sink.add(
      'error',
      `Duplicate resource ${RESOURCE_TYPE}.${label}: a resource with this name is already defined on line ${firstLine}`,
      nameLabel!,
      { path: 'resource_name', resource: label },
    );
  } else if (nameLabel) {
    taken.set(label, line);
  }
  const body = convertBody(block.body, CONNECTOR_RESOURCE_SCHEMA, '', true, ctx);
  const imported = { resource_name: label, ...body };
  // The converter builds the description's shape (required values filled in), so this check holds;
  // should it not, the form starts empty rather than holding a value of the wrong shape.
  const design: ConnectorDesign = isConnectorDesign(imported) ? imported : { ...emptyDesign(), resource_name: label };
  if (design !== imported)
    sink.add('error', 'The resource body could not be read as a connector design', header, { resource: label });
  if (checkDesign) reportDesignIssues(design, ctx);
  return { resource_name: label, design, line, range: { from: block.from, to: block.to }, ranges: ctx.ranges };
}

/** The top-level block whose text holds `offset` (or, past every block's end, the last one still open there). */
function topBlockAt(file: HclFile, offset: number): Block | undefined {
  let found: Block | undefined;
  for (const item of file.body.items) {
    if (item.from > offset) break;
    if (item.type === 'block' && (offset <= item.to || item.close < 0)) found = item;
  }
  return found;
}

const MAX_SYNTAX_ERRORS = 10;

export interface ParseOptions {
  /** Run the design rules over each imported design (default true); the document editor only needs the values. */
  checkDesigns?: boolean;
}

export function parseConnectorHcl(text: string, options: ParseOptions = {}): ParsedHcl {
  return importConnectors(parseHcl(text), options);
}

/** The connector designs of a parsed file, with its syntax errors and every finding about them. */
export function importConnectors(file: HclFile, options: ParseOptions = {}): ParsedHcl {
  const { text } = file;
  const sink = new DiagnosticSink(new Lines(text));
  const broken = new Set<Block>();
  const lines = new Set<number>();
  for (const problem of file.diagnostics) {
    // At most one syntax error a line, and ten in all: past that they are follow-ons, not news.
    const line = sink.lineOf(problem.from);
    if (lines.has(line) || lines.size === MAX_SYNTAX_ERRORS) continue;
    lines.add(line);
    const block = topBlockAt(file, problem.from);
    const connector = block !== undefined && isConnectorBlock(block) ? block : undefined;
    if (connector) broken.add(connector);
    // The importer names redefined arguments of a connector itself, with their design path.
    if (connector && problem.summary === 'Attribute redefined') continue;
    sink.add(
      'error',
      `Syntax error: ${problem.detail}`,
      problem,
      connector?.labels[1] ? { resource: connector.labels[1].value } : {},
    );
  }
  const designs: ImportedDesign[] = [];
  const taken = new Map<string, number>();
  for (const node of file.body.items) {
    if (node.type === 'attribute') {
      // Only the name: the value could be a secret.
      sink.add(
        'error',
        `Attributes are not allowed at the top level of a Terraform file (${node.name.name}); put them inside a block`,
        node.name,
      );
      continue;
    }
    const type = node.blockType.name;
    const header = blockHeaderRange(node);
    if (isConnectorBlock(node)) {
      designs.push(
        importResource(node, text, file.diagnostics, sink, taken, !broken.has(node) && (options.checkDesigns ?? true)),
      );
    } else if (isReferencedDataSource(node, text)) {
      // A catalog pick by name: its lookup is part of the design, not something left out.
      continue;
    } else if (KNOWN_TOP_LEVEL.has(type)) {
      sink.add(
        'info',
        `Ignored ${describeIgnored(type, node.labels)}: only ${RESOURCE_TYPE} resources are imported`,
        header,
      );
    } else {
      sink.add('warning', `Unknown top-level block ${type}; Terraform does not accept it (ignored)`, header);
    }
  }
  return { designs, diagnostics: sink.sorted() };
}
