/**
 * The text edits of one design operation: an attribute's value written as the
 * renderer writes it (the description says how), a block rendered into its
 * place among its siblings, a block removed with its lines. Keys follow the
 * file: a key kept in a variable stays that variable, an inline key stays
 * inline, a new key becomes a new sensitive variable in `variable` mode.
 */
import { expressionBody, isExpression } from '../../design';
import { CONNECTOR_RESOURCE, blocksOf, designAttributes, type BodySpec } from '../../resource';
import { isStoredSecret } from '../../stored-secret';
import { isRecord, type LooseRecord } from '@/lib/util/records';
import { literalsBecomeVariables } from '../psk';
import { renderBodyAttributeItems, renderConnectorBodyItems, resourceLabel } from '../render';
import { quoteHclString } from '../strings';
import { attribute, block, writeHclLines, type HclBodyItem } from '../writer';
import { parseHcl } from '@/lib/hcl/parser';
import { insertLines, isOneLineBlock, removeItem, type Position, type TextEdit } from '@/lib/hcl/edit';
import type { Attribute, Block, BodyItem } from '@/lib/hcl/syntax';
import {
  findConnector,
  literalBlocks,
  locateBody,
  OperationError,
  type DesignOperation,
  type DesignPath,
} from './paths';
import { fileOf, namesOf, textOf, type Run } from './run';
import { declareVariables } from './variables';
import { itemAt } from '@/lib/util/indexing';

/** An operation must add lines to a block written on one line: it is opened first. */
export class NeedsOpening extends Error {
  constructor(readonly block: Block) {
    super('one-line block');
  }
}

/** `owner`, unless it is written on one line (then it must be opened before it takes a line). */
function multiLine(text: string, owner: Block): Block {
  if (isOneLineBlock(text, owner)) throw new NeedsOpening(owner);
  return owner;
}

/** Whether an expression body parses as one whole HCL expression. */
function parsesAsExpression(body: string): boolean {
  const file = parseHcl(`x = ${body}\n`);
  const [item] = file.body.items;
  return (
    file.diagnostics.length === 0 &&
    file.body.items.length === 1 &&
    item?.type === 'attribute' &&
    item.value.to === 4 + body.length
  );
}

/** The expressions a value holds (itself, or a list's items) that do not parse yet. */
function unfinishedExpression(value: unknown): string | undefined {
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) if (isExpression(v) && !parsesAsExpression(expressionBody(v))) return expressionBody(v);
  return undefined;
}

const isQuoted = (text: string) => text.startsWith('"');

/** An attribute's value as the renderer writes it: `omitDefaults` leaves a default out (for a new line), `undefined` when not written. */
export function renderedValue(spec: BodySpec, name: string, value: unknown, omitDefaults: boolean): string | undefined {
  const items = renderBodyAttributeItems(spec, { [name]: value }, omitDefaults);
  const item = items.find((i) => i.kind === 'attribute' && i.name === name);
  return item?.kind === 'attribute' ? item.value : undefined;
}

/** Where a new attribute goes: after the attribute the description puts before it, else before the one after, else at the start. */
function attributePosition(owner: Block, spec: BodySpec, name: string): { position: Position; blank: boolean } {
  const order = designAttributes(spec).map(([n]) => n);
  const present = new Map<string, Attribute>();
  for (const item of owner.body.items)
    if (item.type === 'attribute' && !present.has(item.name.name)) present.set(item.name.name, item);
  const at = order.indexOf(name);
  const before = order
    .slice(0, at)
    .reverse()
    .find((n) => present.has(n));
  if (before) return { position: { after: present.get(before)! }, blank: false };
  const after = order.slice(at + 1).find((n) => present.has(n));
  if (after) return { position: { before: present.get(after)! }, blank: false };
  const first = owner.body.items[0];
  return first ? { position: { before: first }, blank: first.type === 'block' } : { position: 'end', blank: false };
}

/** Where a new block of `name` goes at list index `index`. */
function blockPosition(owner: Block, spec: BodySpec, name: string, index: number): Position {
  const siblings = literalBlocks(owner.body.items, name);
  const atIndex = siblings[index];
  if (atIndex) return { before: atIndex };
  const last = siblings.at(-1);
  if (last) return { after: last };
  const order = blocksOf(spec).map(([n]) => n);
  const rank = order.indexOf(name);
  const precedes = (item: BodyItem) =>
    item.type === 'attribute' || (order.includes(item.blockType.name) && order.indexOf(item.blockType.name) < rank);
  const previous = [...owner.body.items].reverse().find(precedes);
  if (previous) return { after: previous };
  const first = owner.body.items[0];
  return first ? { before: first } : 'end';
}

/** Declarations of the variables this operation named, before the resource or after the file's last variable. */
function newDeclarations(run: Run, connector: Block): TextEdit[] {
  return declareVariables(fileOf(run), run.names?.added ?? [], connector);
}

/** A literal key written in `variable` mode: a new variable whose value the caller keeps. */
function keyText(run: Run, name: string, value: unknown, text: string): string {
  const variableMode = (run.options.preSharedKeys ?? 'variable') === 'variable';
  if (isStoredSecret(value)) {
    // Never its text: a variable the caller knows stands for the stored secret.
    const variable = namesOf(run).fresh(name);
    run.secrets.set(variable, value);
    return `var.${variable}`;
  }
  if (!variableMode || !literalsBecomeVariables(name) || !isQuoted(text) || typeof value !== 'string') return text;
  const variable = namesOf(run).fresh(name);
  run.secrets.set(variable, value);
  return `var.${variable}`;
}

function setAttribute(run: Run, path: DesignPath, value: unknown): TextEdit[] {
  const name = String(path[path.length - 1]);
  const unfinished = unfinishedExpression(value);
  if (unfinished !== undefined) throw new OperationError(`Not a complete expression yet: ${unfinished}`, path);
  const { owner, spec } = locateBody(fileOf(run), run.resource, path.slice(0, -1), path);
  const connector = findConnector(fileOf(run), run.resource)!;
  if (path.length === 1 && name === 'resource_name') {
    const label = resourceLabel(value);
    run.resource = label;
    const range = itemAt(connector.labels, 1, 'resource label');
    return range.value === label ? [] : [{ from: range.from, to: range.to, insert: quoteHclString(label) }];
  }
  if (!designAttributes(spec).some(([n]) => n === name))
    throw new OperationError(`${name} is not an attribute here`, path);
  const existing = owner.body.items.find((i): i is Attribute => i.type === 'attribute' && i.name.name === name);
  const omitDefaults = run.options.omitDefaults ?? true;
  if (existing) {
    const written = textOf(run).slice(existing.value.from, existing.value.to);
    const variable = /^var\.([\p{L}\p{N}_-]+)$/u.exec(written)?.[1];
    if (isStoredSecret(value)) {
      // A stored secret nobody here can see: its variable now stands for it; a literal gives way to a new variable
      // (never the secret's text); an expression the file keeps stays.
      if (variable !== undefined) run.secrets.set(variable, value);
      if (variable !== undefined || !isQuoted(written)) return [];
      return [
        { from: existing.value.from, to: existing.value.to, insert: keyText(run, name, value, written) },
        ...newDeclarations(run, connector),
      ];
    }
    const full = renderedValue(spec, name, value, false);
    if (full === undefined) return removeItem(fileOf(run), existing);
    if (literalsBecomeVariables(name) && isQuoted(full) && variable !== undefined) {
      // The key stays in its variable: the file does not change, the caller keeps the new value.
      if (typeof value === 'string') run.secrets.set(variable, value);
      return [];
    }
    return full === written ? [] : [{ from: existing.value.from, to: existing.value.to, insert: full }];
  }
  const shown = renderedValue(spec, name, value, omitDefaults);
  if (shown === undefined) return [];
  const text = keyText(run, name, value, shown);
  const { position, blank } = attributePosition(owner, spec, name);
  return [
    ...insertLines(fileOf(run), multiLine(textOf(run), owner), [`${name} = ${text}`], position, blank),
    ...newDeclarations(run, connector),
  ];
}

/** Rendered items with literal keys turned into new variables (`variable` mode). */
function keysToVariables(run: Run, items: HclBodyItem[], record: LooseRecord, spec: BodySpec): HclBodyItem[] {
  return items.map((item) => {
    if (item.kind === 'attribute') return attribute(item.name, keyText(run, item.name, record[item.name], item.value));
    if (item.kind !== 'block') return item;
    const nested = spec.blocks[item.type];
    const list = Array.isArray(record[item.type]) ? (record[item.type] as unknown[]) : [];
    const index = items.filter((i) => i.kind === 'block' && i.type === item.type).indexOf(item);
    const child = isRecord(list[index]) ? list[index] : {};
    return nested ? block(item.type, item.labels, keysToVariables(run, item.body, child, nested.body)) : item;
  });
}

/** A body rendered as the renderer writes it: its attributes, then its blocks. */
export function renderedBody(spec: BodySpec, record: LooseRecord, omitDefaults: boolean): HclBodyItem[] {
  if (spec === CONNECTOR_RESOURCE) return renderConnectorBodyItems(record, omitDefaults);
  // A nested body: render it as the only block of a wrapper, the renderer's way.
  const items = renderBodyAttributeItems(spec, record, omitDefaults);
  for (const [name, nested] of blocksOf(spec)) {
    const list = record[name];
    if (Array.isArray(list))
      for (const item of list)
        if (isRecord(item)) items.push(block(name, [], renderedBody(nested.body, item, omitDefaults)));
  }
  return items;
}

function insertBlockAt(run: Run, path: DesignPath, value: LooseRecord): TextEdit[] {
  const name = String(path[path.length - 2]);
  const index = path[path.length - 1];
  if (typeof index !== 'number') throw new OperationError('A new block needs a list index', path);
  const { owner, spec } = locateBody(fileOf(run), run.resource, path.slice(0, -2), path);
  const nested = spec.blocks[name];
  if (!nested) throw new OperationError(`${name} is not a block here`, path);
  const body = keysToVariables(
    run,
    renderedBody(nested.body, value, run.options.omitDefaults ?? true),
    value,
    nested.body,
  );
  const lines = writeHclLines([block(name, [], body)], '');
  const connector = findConnector(fileOf(run), run.resource)!;
  return [
    ...insertLines(fileOf(run), multiLine(textOf(run), owner), lines, blockPosition(owner, spec, name, index), true),
    ...newDeclarations(run, connector),
  ];
}

function removeBlockAt(run: Run, path: DesignPath): TextEdit[] {
  const { owner } = locateBody(fileOf(run), run.resource, path, path);
  return removeItem(fileOf(run), owner);
}

/** The text edits of one operation on the run's file now. Throws NeedsOpening when a one-line block must take a line first. */
export function editsOf(run: Run, op: DesignOperation): TextEdit[] {
  if (op.kind === 'set') return setAttribute(run, op.path, op.value);
  if (op.kind === 'insert-block') return insertBlockAt(run, op.path, op.value);
  if (op.kind === 'remove-block') return removeBlockAt(run, op.path);
  throw new Error(`${op.kind} is applied by data-source-edits`);
}

/** The one-line block an operation on `path` must add lines to or take lines from, if any. */
export function oneLineOwner(run: Run, op: Extract<DesignOperation, { path: DesignPath }>): Block | undefined {
  const bodyPath = op.kind === 'set' ? op.path.slice(0, -1) : op.path.slice(0, -2);
  const chain: Block[] = [];
  let owner = findConnector(fileOf(run), run.resource);
  if (!owner) return undefined;
  chain.push(owner);
  for (let i = 0; i < bodyPath.length; i += 2) {
    const next: Block | undefined = literalBlocks(owner.body.items, String(bodyPath[i]))[Number(bodyPath[i + 1])];
    if (!next) break;
    owner = next;
    chain.push(owner);
  }
  if (op.kind === 'remove-block') {
    const removed = literalBlocks(owner.body.items, String(op.path[op.path.length - 2]))[
      Number(op.path[op.path.length - 1])
    ];
    if (removed) chain.push(removed);
  }
  return chain.find((b) => isOneLineBlock(textOf(run), b));
}
