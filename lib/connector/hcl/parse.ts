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
import { hclLanguage } from 'codemirror-lang-hcl';
import type { SyntaxNode, Tree } from '@lezer/common';
import { emptyDesign, type ConnectorDesign } from '../design';
import { isConnectorDesign } from '../schema';
import { RESOURCE_TYPE } from './render';
import { DiagnosticSink, LineIndex, type HclDiagnostic, type SourceRange } from './import/diagnostics';
import { blockHeaderRange, childrenNamed, convertBody, nodeText, type ConvertContext } from './import/body';
import { decodeQuotedLiteral } from './import/strings';
import { CONNECTOR_RESOURCE_SCHEMA } from './import/schema';
import { checkStructure } from './import/structure';
import { collectSyntaxErrors } from './import/syntax';
import { textForLezer } from './import/lezer-input';
import { reportDesignIssues } from './import/validation';

export type { HclDiagnostic, HclSeverity } from './import/diagnostics';

export interface ParsedDesign {
  /** The resource label ('' when the block has none). */
  resource_name: string;
  design: ConnectorDesign;
  /** 1-based line of the resource block. */
  line: number;
  /** Character offsets of the resource block (as far as it could be read), to tell apart blocks with the same label. */
  range?: SourceRange;
}

export interface ParsedHcl {
  designs: ParsedDesign[];
  diagnostics: HclDiagnostic[];
}

/** Top-level blocks Terraform knows, which an import ignores with a note. */
const KNOWN_TOP_LEVEL = new Set(['resource', 'data', 'variable', 'provider', 'terraform', 'locals', 'output', 'module', 'import', 'moved', 'removed', 'check', 'ephemeral']);

const IGNORED_KIND: Record<string, string> = { data: 'data source', ephemeral: 'ephemeral resource' };

interface Label {
  value: string;
  range: SourceRange;
}

/** A block label: `"quoted"` or a bare identifier. */
function readLabels(block: SyntaxNode, text: string): Label[] {
  return childrenNamed(block, 'BlockLabel').map((label) => {
    const raw = nodeText(label, text);
    const quoted = /^"(.*)"$/s.exec(raw);
    const decoded = quoted ? decodeQuotedLiteral(quoted[1]) : null;
    return { value: decoded ? (decoded.ok ? decoded.value : quoted![1]) : raw, range: { from: label.from, to: label.to } };
  });
}

/** `resource "aws_vpc" "main"`, `data source "alkira_group" "core"`, `provider block "alkira"`. */
function describeIgnored(type: string, labels: Label[]): string {
  const kind = type === 'resource' ? 'resource' : (IGNORED_KIND[type] ?? `${type} block`);
  return [kind, ...labels.map((l) => JSON.stringify(l.value))].join(' ');
}

function isConnectorBlock(node: SyntaxNode, text: string): boolean {
  const typeNode = node.name === 'Block' ? node.getChild('BlockType') : null;
  return !!typeNode && nodeText(typeNode, text) === 'resource' && readLabels(node, text)[0]?.value === RESOURCE_TYPE;
}

/**
 * @param checkDesign false when a syntax error cuts the block short: its
 *   design is incomplete, and findings about it would only mislead.
 */
function importResource(block: SyntaxNode, labels: Label[], text: string, sink: DiagnosticSink, taken: Map<string, number>, checkDesign: boolean): ParsedDesign {
  const header = blockHeaderRange(block);
  const nameLabel = labels[1];
  const label = nameLabel?.value ?? '';
  const line = sink.lineOf(block.from);
  const ctx: ConvertContext = {
    text,
    sink,
    resource: nameLabel ? label : undefined,
    ranges: new Map([['', header], ['resource_name', nameLabel?.range ?? header]]),
    flagged: new Set(),
  };
  if (!nameLabel) {
    sink.add('error', `resource "${RESOURCE_TYPE}" needs a name label, e.g. resource "${RESOURCE_TYPE}" "primary" { … }`, header, { path: 'resource_name' });
    ctx.flagged.add('resource_name');
  } else if (labels.length > 2) {
    sink.add('error', `A resource block has two labels (type and name); remove ${labels.slice(2).map((l) => JSON.stringify(l.value)).join(', ')}`, labels[2].range, { resource: label });
  }
  const firstLine = nameLabel ? taken.get(label) : undefined;
  if (firstLine !== undefined) {
    sink.add('error', `Duplicate resource ${RESOURCE_TYPE}.${label}: a resource with this name is already defined on line ${firstLine}`, nameLabel!.range, { path: 'resource_name', resource: label });
  } else if (nameLabel) {
    taken.set(label, line);
  }
  const body = convertBody(block.getChild('Body'), CONNECTOR_RESOURCE_SCHEMA, '', true, ctx);
  const imported = { resource_name: label, ...body };
  // The converter builds the description's shape (required values filled in), so this check holds;
  // should it not, the form starts empty rather than holding a value of the wrong shape.
  const design: ConnectorDesign = isConnectorDesign(imported) ? imported : { ...emptyDesign(), resource_name: label };
  if (design !== imported) sink.add('error', 'The resource body could not be read as a connector design', header, { resource: label });
  if (checkDesign) reportDesignIssues(design, ctx);
  return { resource_name: label, design, line, range: { from: block.from, to: block.to } };
}

/** The label of the connector resource whose block contains `offset`, if any. */
function resourceAt(tree: Tree, text: string, offset: number): string | undefined {
  for (let node = tree.topNode.getChild('Body')?.firstChild ?? null; node; node = node.nextSibling) {
    if (node.from <= offset && offset < node.to && isConnectorBlock(node, text)) return readLabels(node, text)[1]?.value;
  }
  return undefined;
}

export function parseConnectorHcl(text: string): ParsedHcl {
  const sink = new DiagnosticSink(new LineIndex(text));
  const tree = hclLanguage.parser.parse(textForLezer(text));
  const structural = checkStructure(text);
  for (const problem of collectSyntaxErrors(tree, text, structural, (offset) => sink.lineOf(offset))) {
    const resource = resourceAt(tree, text, problem.topBlock ?? problem.from);
    sink.add('error', problem.message, problem, resource === undefined ? {} : { resource });
  }
  // After a structural error nothing can be read reliably: import only what comes before it.
  const cut = structural[0]?.cut ?? text.length;
  const readable = cut < text.length ? hclLanguage.parser.parse(textForLezer(text.slice(0, cut))) : tree;
  const brokenBlocks = structural.map((p) => p.topBlock).filter((at): at is number => at !== undefined);
  const designs: ParsedDesign[] = [];
  const taken = new Map<string, number>();
  const body = readable.topNode.getChild('Body');
  for (let node = body?.firstChild ?? null; node; node = node.nextSibling) {
    if (node.name === 'Attribute') {
      const name = node.getChild('Identifier');
      const range = name ? { from: name.from, to: name.to } : { from: node.from, to: node.to };
      // Only the name: the value could be a secret.
      const what = name ? ` (${nodeText(name, text)})` : '';
      sink.add('error', `Attributes are not allowed at the top level of a Terraform file${what}; put them inside a block`, range);
      continue;
    }
    if (node.name !== 'Block') continue;
    const typeNode = node.getChild('BlockType');
    if (!typeNode) continue;
    const type = nodeText(typeNode, text);
    const labels = readLabels(node, text);
    const header = blockHeaderRange(node);
    if (type === 'resource' && labels[0]?.value === RESOURCE_TYPE) {
      const broken = brokenBlocks.some((at) => node.from <= at && at < Math.max(node.to, node.from + 1));
      designs.push(importResource(node, labels, text, sink, taken, !broken));
    } else if (KNOWN_TOP_LEVEL.has(type)) {
      sink.add('info', `Ignored ${describeIgnored(type, labels)}: only ${RESOURCE_TYPE} resources are imported`, header);
    } else {
      sink.add('warning', `Unknown top-level block ${type}; Terraform does not accept it (ignored)`, header);
    }
  }
  return { designs, diagnostics: sink.sorted() };
}
