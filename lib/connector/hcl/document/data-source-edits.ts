/**
 * The edits of the data source operations: a catalog pick by name adds its
 * `data "alkira_segment" "dmz" { name = "dmz" }` block (once: a block with the
 * same type and label that looks up the same name is reused), and a pick
 * changed away releases the block it no longer needs. New blocks go after the
 * file's last data block, else before the connector resource, set apart by
 * blank lines as `terraform fmt` leaves top-level blocks.
 */
import { insertLines, removeItem, type TextEdit } from '@/lib/hcl/edit';
import type { Block, HclFile } from '@/lib/hcl/syntax';
import { dataSourceLines, dataSourcesOf } from '../data-sources';
import { findConnector, OperationError, type DesignOperation } from './paths';

type AddDataSource = Extract<DesignOperation, { kind: 'add-data-source' }>;
type ReleaseDataSource = Extract<DesignOperation, { kind: 'release-data-source' }>;

export const isDataSourceOperation = (op: DesignOperation): op is AddDataSource | ReleaseDataSource =>
  op.kind === 'add-data-source' || op.kind === 'release-data-source';

function addDataSource(file: HclFile, resource: string, op: AddDataSource): TextEdit[] {
  const sources = dataSourcesOf(file);
  const same = sources.find((s) => s.type === op.type && s.label === op.label);
  if (same) {
    if (same.name === op.name) return [];
    throw new OperationError(`data "${op.type}" "${op.label}" already looks up another name; pick again`, []);
  }
  const lines = dataSourceLines(op.type, op.label, op.name);
  const last = sources[sources.length - 1]?.block;
  if (last) return insertLines(file, null, lines, { after: last }, true);
  const connector = findConnector(file, resource);
  return insertLines(file, null, lines, connector ? { before: connector } : 'end', true);
}

/** Whether the text refers to `data.<type>.<label>` outside the block itself. */
function isReferenced(text: string, type: string, label: string): boolean {
  const escaped = `data.${type}.${label}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b${escaped}(?![\\w-])`).test(text);
}

function releaseDataSource(file: HclFile, op: ReleaseDataSource): TextEdit[] {
  const source = dataSourcesOf(file).find((s) => s.type === op.type && s.label === op.label);
  const block: Block | undefined = source?.block;
  if (!block || isReferenced(file.text, op.type, op.label)) return [];
  // A block the user wrote more into (a comment, other arguments) is theirs to remove.
  const own = file.text.slice(block.from, block.to);
  if (block.body.items.length !== 1 || /#|\/\/|\/\*/.test(own)) return [];
  return removeItem(file, block);
}

export function dataSourceEdits(file: HclFile, resource: string, op: AddDataSource | ReleaseDataSource): TextEdit[] {
  return op.kind === 'add-data-source' ? addDataSource(file, resource, op) : releaseDataSource(file, op);
}
