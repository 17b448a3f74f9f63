/**
 * The design operations that bring a connector resource from what its file
 * says now (the importer's reading) to a requested design, found by folding
 * over the resource description — no attribute is named here:
 *
 * - an attribute whose rendering differs is set (to nothing: removed);
 * - a list of blocks is matched (longest common subsequence) by the
 *   description's identity attribute, else by rendering: a matched block is
 *   folded into, the blocks between matched ones are paired by position and
 *   folded into, and the rest removed or inserted.
 *
 * The operations are in application order, each path naming its block by
 * its index in the file as the operations before it leave it.
 */
import { CONNECTOR_RESOURCE, blocksOf, designAttributes, type BlockSpec, type BodySpec } from '../../resource';
import { recordsOf, type LooseRecord } from '@/lib/util/records';
import { renderBodyAttributeItems } from '../render';
import type { Block } from '@/lib/hcl/syntax';
import { renderedBody, renderedValue } from './operation-edits';
import { literalBlocks, type DesignOperation, type DesignPath } from './paths';
import { itemAt } from '@/lib/util/indexing';

/** Longest common subsequence of equal keys, as pairs of indices. */
function commonSubsequence(a: readonly string[], b: readonly string[]): [number, number][] {
  const table: number[][] = Array.from({ length: a.length }, () => new Array<number>(b.length).fill(0));
  /** Length of the common subsequence of `a[i…]` and `b[j…]`; an empty suffix (past either end) has none. */
  const common = (i: number, j: number): number => table[i]?.[j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--) {
    const row = itemAt(table, i, 'row');
    for (let j = b.length - 1; j >= 0; j--)
      row[j] = a[i] === b[j] ? common(i + 1, j + 1) + 1 : Math.max(common(i + 1, j), common(i, j + 1));
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (common(i + 1, j) >= common(i, j + 1)) i++;
    else j++;
  }
  return pairs;
}

/**
 * A block's key for matching: the value of its description's identity (an
 * instance's name), else its full rendering. Values compare as rendered: the
 * form may hold `65003` where the file says "65003".
 */
function blockKey(block: BlockSpec, record: LooseRecord): string {
  const identity =
    block.identity === undefined ? undefined : renderedValue(block.body, block.identity, record[block.identity], false);
  return identity !== undefined && identity !== '""'
    ? `=${identity}`
    : JSON.stringify(renderedBody(block.body, record, false));
}

interface ListChange {
  block: BlockSpec;
  /** The list's path in the file as the operations so far leave it. */
  path: DesignPath;
  /** The blocks the file writes out, with their reading (a dynamic block is not one of them). */
  written: readonly { block: Block; record: LooseRecord }[];
  requested: readonly LooseRecord[];
}

function listOperations(change: ListChange, ops: DesignOperation[]): void {
  const { block, path, written, requested } = change;
  const spec = block.body;
  const pairs = commonSubsequence(
    written.map((w) => blockKey(block, w.record)),
    requested.map((r) => blockKey(block, r)),
  );
  // The file index of the next block: removals keep it, insertions and kept blocks move past one.
  let index = 0;
  // Each gap between two kept pairs (and before the first, after the last): its blocks, then the pair closing it.
  const ends: [number, number][] = [...pairs, [written.length, requested.length]];
  let [oi, ni] = [-1, -1];
  for (const [oj, nj] of ends) {
    const olds = written.slice(oi + 1, oj);
    const news = requested.slice(ni + 1, nj);
    const paired = Math.min(olds.length, news.length);
    for (const [x, old] of olds.slice(0, paired).entries())
      bodyOperations(spec, old.block, old.record, itemAt(news, x, 'requested block'), [...path, index++], ops);
    for (let x = paired; x < olds.length; x++) ops.push({ kind: 'remove-block', path: [...path, index] });
    for (const value of news.slice(paired)) ops.push({ kind: 'insert-block', path: [...path, index++], value });
    // The pair that closes the gap: the same block, its changes inside it.
    const kept = written[oj];
    if (kept)
      bodyOperations(spec, kept.block, kept.record, itemAt(requested, nj, 'requested block'), [...path, index++], ops);
    [oi, ni] = [oj, nj];
  }
}

/** A body's attributes as the renderer writes them all (defaults included), by name. */
function renderedAttributes(spec: BodySpec, record: LooseRecord): Map<string, string> {
  const values = new Map<string, string>();
  for (const item of renderBodyAttributeItems(spec, record, false))
    if (item.kind === 'attribute') values.set(item.name, item.value);
  return values;
}

/**
 * The operations for one body: `owner` is its block in the file, `current`
 * the file's reading of it, `requested` what it should say; `at` its path.
 */
export function bodyOperations(
  spec: BodySpec,
  owner: Block,
  current: LooseRecord,
  requested: LooseRecord,
  at: DesignPath,
  ops: DesignOperation[],
): void {
  const now = renderedAttributes(spec, current);
  const wanted = renderedAttributes(spec, requested);
  for (const [name] of designAttributes(spec)) {
    if (now.get(name) !== wanted.get(name)) ops.push({ kind: 'set', path: [...at, name], value: requested[name] });
  }
  for (const [name, nested] of blocksOf(spec)) {
    const blocks = literalBlocks(owner.body.items, name);
    const read = recordsOf(current[name]).map((r) => r.item);
    const written = blocks.map((block, i) => ({ block, record: read[i] ?? {} }));
    listOperations(
      { block: nested, path: [...at, name], written, requested: recordsOf(requested[name]).map((r) => r.item) },
      ops,
    );
  }
}

/** The operations that bring the connector resource `owner` (read as `current`) to `requested`, the label aside. */
export function designChangeOperations(owner: Block, current: LooseRecord, requested: LooseRecord): DesignOperation[] {
  const ops: DesignOperation[] = [];
  bodyOperations(CONNECTOR_RESOURCE, owner, current, requested, [], ops);
  return ops;
}
