/**
 * A connector design merged into an existing HCL file (`POST /api/designs/hcl`
 * with a source): the file is read once into its syntax tree and by the
 * importer, the design operations between that reading and the design are
 * derived (./design-changes.ts) and applied to the tree (./operations.ts).
 * Only what the design changes is written; comments, layout, other blocks and
 * meta-arguments keep their bytes.
 *
 * Keys follow the file as the operations do. Declarations of variables the
 * update left unreferenced (a removed tunnel's key) go when they say only
 * type and sensitive.
 */
import type { ConnectorDesign, HclRenderOptions } from '../../design';
import { isRecord, type LooseRecord } from '@/lib/util/records';
import { importConnectors } from '../parse';
import { sensitiveVariableReferences } from '../psk';
import { RESOURCE_TYPE, renderConnectorHcl, resourceLabel } from '../render';
import { Lines } from '@/lib/hcl/lines';
import { parseHcl } from '@/lib/hcl/parser';
import type { Block, HclFile } from '@/lib/hcl/syntax';
import { designChangeOperations } from './design-changes';
import { applyDesignOperations } from './operations';
import { connectorBlocks, OperationError, type DesignOperation } from './paths';
import { withoutUnusedVariables } from './variables';
import { captured } from '@/lib/util/indexing';

/** The source cannot be read as HCL. */
export class HclDocumentError extends Error {}

/** The file names no such resource, or several without saying which. */
export class UnknownResourceError extends Error {}

export interface UpdateOptions extends HclRenderOptions {
  /** Label of the connector resource to update, required when the file has several. */
  resource?: string;
}

/** The parsed source; throws HclDocumentError naming the first syntax error's line (never the text: it could be a secret). */
function readSource(source: string): HclFile {
  const file = parseHcl(source);
  const problem = file.diagnostics[0];
  if (problem) throw new HclDocumentError(`line ${new Lines(source).line(problem.from)}: ${problem.summary}`);
  return file;
}

const labelOf = (block: Block) => block.labels[1]?.value ?? '';

function targetOf(blocks: readonly Block[], resource: string | undefined): Block {
  const target =
    resource === undefined
      ? blocks.length === 1
        ? blocks[0]
        : undefined
      : blocks.find((b) => labelOf(b) === resource);
  if (target) return target;
  const labels = blocks.map((b) => JSON.stringify(labelOf(b))).join(', ');
  throw new UnknownResourceError(
    resource === undefined
      ? `The file has ${blocks.length} ${RESOURCE_TYPE} resources (${labels}); say which one to update`
      : `The file has no ${RESOURCE_TYPE} resource named ${JSON.stringify(resource)} (it has ${labels})`,
  );
}

/** The rename of the resource, when the design's label differs from the file's (and no other resource has it). */
function renameOperation(blocks: readonly Block[], target: Block, requested: LooseRecord): DesignOperation[] {
  const label = resourceLabel(requested.resource_name);
  if (label === labelOf(target)) return [];
  if (blocks.some((b) => b !== target && labelOf(b) === label)) {
    throw new OperationError(
      `The file has another ${RESOURCE_TYPE} resource named ${JSON.stringify(label)}: the design cannot take its name`,
      ['resource_name'],
    );
  }
  return [{ kind: 'set', path: ['resource_name'], value: requested.resource_name }];
}

/** Variables the resource's sensitive attributes reference now: the ones an update may leave unreferenced. */
function keyVariables(file: HclFile, target: Block): Set<string> {
  const text = file.text.slice(target.from, target.to);
  return new Set([...text.matchAll(sensitiveVariableReferences())].map((m) => captured(m, 1)));
}

/**
 * `source` with the chosen connector resource updated to `design`. A file
 * without a connector resource gets one appended. Throws HclDocumentError
 * (unreadable source), UnknownResourceError, or OperationError (the design
 * holds what the file cannot take, e.g. a half-written expression).
 */
export function updateConnectorInHcl(source: string, design: ConnectorDesign, options: UpdateOptions = {}): string {
  const file = readSource(source);
  const blocks = connectorBlocks(file);
  if (blocks.length === 0) {
    if (options.resource !== undefined)
      throw new UnknownResourceError(
        `The file has no ${RESOURCE_TYPE} resource named ${JSON.stringify(options.resource)}`,
      );
    const rendered = renderConnectorHcl(design, options);
    return source.trim() === '' ? rendered : source.replace(/\n*$/, '\n\n') + rendered;
  }
  const target = targetOf(blocks, options.resource);
  const reading = importConnectors(file, { checkDesigns: false }).designs.find((d) => d.range?.from === target.from);
  if (!reading) throw new HclDocumentError('The resource could not be read');
  const current: LooseRecord = isRecord(reading.design) ? reading.design : {};
  const requested: LooseRecord = isRecord(design) ? design : {};
  const operations = [
    ...renameOperation(blocks, target, requested),
    ...designChangeOperations(target, current, requested),
  ];
  if (operations.length === 0) return source;
  // Read before the operations: they move the tree on to the new text.
  const released = keyVariables(file, target);
  const { omitDefaults, preSharedKeys } = options;
  const result = applyDesignOperations(file, operations, { omitDefaults, preSharedKeys, resource: labelOf(target) });
  return released.size === 0 ? result.text : withoutUnusedVariables(result.file, released).text;
}
