/**
 * The designer's edits of a connector file as operations on its syntax tree
 * (the `hclwrite` way): a form field sets one attribute at its design path,
 * a list row adds or removes one block. Each operation finds its item by
 * following the path down the tree — no design is compared with another —
 * and changes only that item's bytes; comments, layout, other resources and
 * every value the user did not touch stay as they are.
 *
 * Values are written as the renderer writes them (the description says how);
 * an expression that does not parse yet is refused (`OperationError`), so the
 * file never holds half-typed HCL. Pre-shared keys follow the file: a key kept
 * in a variable stays that variable (its new value is the caller's to keep, see
 * `secrets` in the result), an inline key stays inline, a new key becomes a
 * new sensitive variable in `variable` mode.
 */
import { expressionBody, isExpression, type HclRenderOptions } from '../../design';
import { CONNECTOR_RESOURCE, RESOURCE_TYPE, blocksOf, designAttributes, type BodySpec } from '../../resource';
import { isStoredSecret, type SecretValue } from '../../stored-secret';
import { isRecord, type LooseRecord } from '../loose';
import { literalsBecomeVariables, variableStem } from '../psk';
import { renderBodyAttributeItems, renderConnectorBodyItems, resourceLabel } from '../render';
import { quoteHclString } from '../strings';
import { attribute, block, writeHclLines, type HclBodyItem } from '../writer';
import { parseHcl } from '@/lib/hcl/parser';
import { reparseHcl } from '@/lib/hcl/incremental';
import { decodeQuoted } from '@/lib/hcl/values';
import { applyOperations, applyTextEdits, insertLines, isOneLineBlock, openBlock, removeItem, type Position, type TextEdit } from '@/lib/hcl/edit';
import type { Attribute, Block, BodyItem, HclFile } from '@/lib/hcl/syntax';

/** A place in a design: block names and list indices down to an attribute, e.g. `['instances', 0, 'name']`. */
export type DesignPath = readonly (string | number)[];

export type DesignOperation =
  /** An attribute's new value (unset — '', undefined, [] — removes it). `['resource_name']` is the resource label. */
  | { kind: 'set'; path: DesignPath; value: unknown }
  /** A new block at `path` (a list and an index: `['instances', 2]`). */
  | { kind: 'insert-block'; path: DesignPath; value: LooseRecord }
  | { kind: 'remove-block'; path: DesignPath };

/** An operation must add lines to a block written on one line: it is opened first (internal). */
class NeedsOpening extends Error {
  constructor(readonly block: Block) {
    super('one-line block');
  }
}

/** `owner`, unless it is written on one line (then it must be opened before it takes a line). */
function multiLine(text: string, owner: Block): Block {
  if (isOneLineBlock(text, owner)) throw new NeedsOpening(owner);
  return owner;
}

/** Why an operation cannot be applied; `path` is the design path it was for. */
export class OperationError extends Error {
  constructor(
    message: string,
    readonly path: DesignPath,
  ) {
    super(message);
  }
}

export interface OperationOptions extends HclRenderOptions {
  /** The label of the connector resource the operations edit. */
  resource: string;
}

export interface OperationResult {
  text: string;
  file: HclFile;
  /** The resource's label after the operations (a `resource_name` set renames it). */
  resource: string;
  /** Variables now holding a literal key the file keeps out, or a stored secret (name → value): the caller keeps them, in the tab only. */
  secrets: Map<string, SecretValue>;
}

/** The connector resources of a parsed file, in order. */
export function connectorBlocks(file: HclFile): Block[] {
  return file.body.items.filter((i): i is Block => i.type === 'block' && i.blockType.name === 'resource' && i.labels[0]?.value === RESOURCE_TYPE);
}

export function findConnector(file: HclFile, label: string): Block | undefined {
  return connectorBlocks(file).find((b) => b.labels[1]?.value === label);
}

const literalBlocks = (items: readonly BodyItem[], name: string) => items.filter((i): i is Block => i.type === 'block' && i.blockType.name === name);

interface Located {
  owner: Block;
  spec: BodySpec;
}

/** The block a path's body is in (every segment but the last) and its description. */
function locateBody(file: HclFile, resource: string, segments: DesignPath, path: DesignPath): Located {
  let owner = findConnector(file, resource);
  if (!owner) throw new OperationError(`The file has no ${RESOURCE_TYPE} resource named "${resource}"`, path);
  let spec: BodySpec = CONNECTOR_RESOURCE;
  for (let i = 0; i < segments.length; i += 2) {
    const name = String(segments[i]);
    const index = segments[i + 1];
    const nested = spec.blocks[name];
    if (!nested || typeof index !== 'number') throw new OperationError(`No block list at ${segments.slice(0, i + 1).join('.')}`, path);
    const found: Block | undefined = literalBlocks(owner.body.items, name)[index];
    if (!found) throw new OperationError(`The file has no ${name} block ${index + 1} there (it may come from a dynamic block)`, path);
    owner = found;
    spec = nested.body;
  }
  return { owner, spec };
}

/** Whether an expression body parses as one whole HCL expression. */
function parsesAsExpression(body: string): boolean {
  const file = parseHcl(`x = ${body}\n`);
  const item = file.body.items[0];
  return file.diagnostics.length === 0 && file.body.items.length === 1 && item.type === 'attribute' && item.value.to === 4 + body.length;
}

/** The expressions a value holds (itself, or a list's items) that do not parse yet. */
function unfinishedExpression(value: unknown): string | undefined {
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) if (isExpression(v) && !parsesAsExpression(expressionBody(v))) return expressionBody(v);
  return undefined;
}

/** Variable names the file uses or declares, and the next counter per stem for `<label>_<stem>_<n>`. */
export class VariableNames {
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();
  readonly added: string[] = [];

  constructor(
    text: string,
    private readonly label: string,
  ) {
    const counter = new RegExp(`^${label}_(.+)_(\\d+)$`);
    for (const m of text.matchAll(/\bvar\.([\p{L}\p{N}_-]+)|variable\s+"([^"]+)"/gu)) {
      const name = m[1] ?? m[2];
      this.taken.add(name);
      const c = counter.exec(name);
      if (c) this.next.set(c[1], Math.max(this.next.get(c[1]) ?? 1, Number(c[2]) + 1));
    }
  }

  fresh(attributeName: string): string {
    const stem = variableStem(attributeName);
    for (;;) {
      const n = this.next.get(stem) ?? 1;
      this.next.set(stem, n + 1);
      const name = `${this.label}_${stem}_${n}`;
      if (!this.taken.has(name)) {
        this.taken.add(name);
        this.added.push(name);
        return name;
      }
    }
  }
}

interface Run {
  /** The tree, and an edit of its text not read into it yet (see fileOf). */
  base: HclFile;
  pending?: { change: TextEdit; text: string };
  options: OperationOptions;
  resource: string;
  secrets: Map<string, SecretValue>;
  /** The file's variable names, read when an operation first needs a new one. */
  names?: VariableNames;
}

function namesOf(run: Run): VariableNames {
  run.names ??= new VariableNames(textOf(run), run.resource);
  return run.names;
}

/** The run's text now. */
const textOf = (run: Run) => run.pending?.text ?? run.base.text;

/** The run's tree now: a pending edit is read in (only its region: the engine's incremental re-parse). */
function fileOf(run: Run): HclFile {
  if (run.pending) {
    run.base = reparseHcl(run.base, run.pending.change, undefined, run.pending.text);
    run.pending = undefined;
  }
  return run.base;
}

const isQuoted = (text: string) => text.startsWith('"');

/** An attribute's value as the renderer writes it: `shown` leaves a default out (for a new line), `undefined` when not written. */
function renderedValue(spec: BodySpec, name: string, value: unknown, omitDefaults: boolean): string | undefined {
  const items = renderBodyAttributeItems(spec, { [name]: value }, omitDefaults);
  const item = items.find((i) => i.kind === 'attribute' && i.name === name);
  return item?.kind === 'attribute' ? item.value : undefined;
}

/** Where a new attribute goes: after the attribute the description puts before it, else before the one after, else at the start. */
function attributePosition(owner: Block, spec: BodySpec, name: string): { position: Position; blank: boolean } {
  const order = designAttributes(spec).map(([n]) => n);
  const present = new Map<string, Attribute>();
  for (const item of owner.body.items) if (item.type === 'attribute' && !present.has(item.name.name)) present.set(item.name.name, item);
  const at = order.indexOf(name);
  const before = order.slice(0, at).reverse().find((n) => present.has(n));
  if (before) return { position: { after: present.get(before)! }, blank: false };
  const after = order.slice(at + 1).find((n) => present.has(n));
  if (after) return { position: { before: present.get(after)! }, blank: false };
  const first = owner.body.items[0];
  return first ? { position: { before: first }, blank: first.type === 'block' } : { position: 'end', blank: false };
}

/** Where a new block of `name` goes at list index `index`. */
function blockPosition(owner: Block, spec: BodySpec, name: string, index: number): Position {
  const siblings = literalBlocks(owner.body.items, name);
  if (index < siblings.length) return { before: siblings[index] };
  if (siblings.length) return { after: siblings[siblings.length - 1] };
  const order = blocksOf(spec).map(([n]) => n);
  const rank = order.indexOf(name);
  const precedes = (item: BodyItem) => item.type === 'attribute' || (order.includes(item.blockType.name) && order.indexOf(item.blockType.name) < rank);
  const previous = [...owner.body.items].reverse().find(precedes);
  if (previous) return { after: previous };
  const first = owner.body.items[0];
  return first ? { before: first } : 'end';
}

function variableLines(name: string): string[] {
  return writeHclLines([block('variable', [quoteHclString(name)], [attribute('type', 'string'), attribute('sensitive', 'true')])], '');
}

/** Declarations for new variables: after the file's last `variable` block, else before the resource. */
function declareVariables(run: Run, names: readonly string[], resource: Block): TextEdit[] {
  if (names.length === 0) return [];
  const lines = names.flatMap((name, i) => [...(i > 0 ? [''] : []), ...variableLines(name)]);
  const last = [...fileOf(run).body.items].reverse().find((i): i is Block => i.type === 'block' && i.blockType.name === 'variable');
  return insertLines(fileOf(run), null, lines, last ? { after: last } : { before: resource }, true);
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
    const range = connector.labels[1];
    return range.value === label ? [] : [{ from: range.from, to: range.to, insert: quoteHclString(label) }];
  }
  if (!designAttributes(spec).some(([n]) => n === name)) throw new OperationError(`${name} is not an attribute here`, path);
  const existing = owner.body.items.find((i): i is Attribute => i.type === 'attribute' && i.name.name === name);
  const omitDefaults = run.options.omitDefaults ?? true;
  if (existing) {
    // A stored secret nobody here can see: it stays where the file keeps it (a variable, or text the file holds).
    if (isStoredSecret(value)) return [];
    const written = textOf(run).slice(existing.value.from, existing.value.to);
    const full = renderedValue(spec, name, value, false);
    if (full === undefined) return removeItem(fileOf(run), existing);
    const variable = /^var\.([\p{L}\p{N}_-]+)$/u.exec(written)?.[1];
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
  return [...insertLines(fileOf(run), multiLine(textOf(run), owner), [`${name} = ${text}`], position, blank), ...declareVariables(run, run.names?.added ?? [], connector)];
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

function renderedBody(spec: BodySpec, record: LooseRecord, omitDefaults: boolean): HclBodyItem[] {
  if (spec === CONNECTOR_RESOURCE) return renderConnectorBodyItems(record, omitDefaults);
  // A nested body: render it as the only block of a wrapper, the renderer's way.
  const items = renderBodyAttributeItems(spec, record, omitDefaults);
  for (const [name, nested] of blocksOf(spec)) {
    const list = record[name];
    if (Array.isArray(list)) for (const item of list) if (isRecord(item)) items.push(block(name, [], renderedBody(nested.body, item, omitDefaults)));
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
  const body = keysToVariables(run, renderedBody(nested.body, value, run.options.omitDefaults ?? true), value, nested.body);
  const lines = writeHclLines([block(name, [], body)], '');
  const connector = findConnector(fileOf(run), run.resource)!;
  return [...insertLines(fileOf(run), multiLine(textOf(run), owner), lines, blockPosition(owner, spec, name, index), true), ...declareVariables(run, run.names?.added ?? [], connector)];
}

function removeBlockAt(run: Run, path: DesignPath): TextEdit[] {
  const { owner } = locateBody(fileOf(run), run.resource, path, path);
  return removeItem(fileOf(run), owner);
}

/** The one-line block an operation on `path` must add lines to or take lines from, if any. */
function oneLineOwner(run: Run, op: DesignOperation): Block | undefined {
  const bodyPath = op.kind === 'set' ? op.path.slice(0, -1) : op.kind === 'insert-block' ? op.path.slice(0, -2) : op.path.slice(0, -2);
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
    const removed = literalBlocks(owner.body.items, String(op.path[op.path.length - 2]))[Number(op.path[op.path.length - 1])];
    if (removed) chain.push(removed);
  }
  return chain.find((b) => isOneLineBlock(textOf(run), b));
}

function editsOf(run: Run, op: DesignOperation): TextEdit[] {
  if (op.kind === 'set') return setAttribute(run, op.path, op.value);
  if (op.kind === 'insert-block') return insertBlockAt(run, op.path, op.value);
  return removeBlockAt(run, op.path);
}

/** Whether the edits change the lines (not only values within them). */
const changesLines = (text: string, edits: readonly TextEdit[]) => edits.some((e) => e.insert.includes('\n') || text.slice(e.from, e.to).includes('\n'));

/**
 * Applies the operations in order to the parsed file (which must have no
 * syntax error). Throws OperationError when one cannot be applied; nothing is
 * applied then.
 */
export function applyDesignOperations(file: HclFile, operations: readonly DesignOperation[], options: OperationOptions): OperationResult {
  if (file.diagnostics.length) throw new OperationError('The file has a syntax error: fix it first', []);
  const run: Run = { base: file, options, resource: options.resource, secrets: new Map() };
  for (const op of operations) {
    // A one-line block cannot take a line: it is opened onto lines first (as terraform fmt lays blocks out), outermost first.
    for (let depth = 0; ; depth++) {
      run.names = undefined;
      let edits: TextEdit[];
      let oneLine: Block | undefined;
      try {
        edits = editsOf(run, op);
        oneLine = changesLines(textOf(run), edits) ? oneLineOwner(run, op) : undefined;
      } catch (error) {
        if (!(error instanceof NeedsOpening)) throw error;
        edits = [];
        oneLine = error.block;
      }
      if (edits.length === 0 && !oneLine) break;
      if (oneLine && depth < 8) {
        replaceText(run, applyOperations(textOf(run), openBlock(fileOf(run), oneLine)));
        continue;
      }
      // Values replaced within their lines change no alignment; lines added or removed re-align their runs.
      const linesChanged = changesLines(textOf(run), edits);
      replaceText(run, linesChanged ? applyOperations(textOf(run), edits) : applyTextEdits(textOf(run), edits));
      if (linesChanged && fileOf(run).diagnostics.length) throw new OperationError('The edit would not leave valid HCL', 'path' in op ? op.path : []);
      break;
    }
  }
  return resultOf(run);
}

/** The run's outcome; its tree is read on first use (a value typed into a field needs no re-read until the next edit). */
function resultOf(run: Run): OperationResult {
  return {
    text: textOf(run),
    get file() {
      return fileOf(run);
    },
    resource: run.resource,
    secrets: run.secrets,
  };
}

/** The run's text becomes `next`; the tree reads it when next needed (fileOf). */
function replaceText(run: Run, next: string): void {
  const current = fileOf(run);
  const change = changedRange(current.text, next);
  if (change) run.pending = { change, text: next };
}

/** The one replacement turning `before` into `after` (common prefix and suffix kept). */
export function changedRange(before: string, after: string): { from: number; to: number; insert: string } | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

/** How many literal blocks the list at `path` (e.g. `['instances', 0, 'ipsec_customer_gateway']`) has in the file. */
export function blockCount(file: HclFile, resource: string, path: DesignPath): number {
  try {
    const { owner } = locateBody(file, resource, path.slice(0, -1), path);
    return literalBlocks(owner.body.items, String(path[path.length - 1])).length;
  } catch {
    return 0;
  }
}

/** A form path (`instances.0.name`, or a scalar list's item `…gateway_mac_address.1`) as the attribute's design path. */
export function designPathOf(dotted: string): DesignPath {
  const parts = dotted.split('.');
  const out: (string | number)[] = [];
  let spec: BodySpec = CONNECTOR_RESOURCE;
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i];
    const nested = spec.blocks[name];
    if (nested && i + 1 < parts.length && /^\d+$/.test(parts[i + 1])) {
      out.push(name, Number(parts[i + 1]));
      spec = nested.body;
      i++;
      continue;
    }
    out.push(name);
    break;
  }
  return out;
}

/** A design path as the form's dotted name. */
export const dottedPath = (path: DesignPath): string => path.join('.');

/** Whether a design path names a list of blocks (`instances`, `instances.0.ipsec_customer_gateway`) rather than an attribute. */
export function isBlockListPath(path: DesignPath): boolean {
  let spec: BodySpec = CONNECTOR_RESOURCE;
  for (let i = 0; i < path.length; i += 2) {
    const nested = spec.blocks[String(path[i])];
    if (!nested) return false;
    if (i + 1 >= path.length) return true;
    spec = nested.body;
  }
  return false;
}

/** Every attribute of a body and the bodies below it, with its description's body. */
function* attributesBelow(owner: Block, spec: BodySpec): Generator<{ attribute: Attribute; spec: BodySpec }> {
  for (const item of owner.body.items) {
    if (item.type === 'attribute') yield { attribute: item, spec };
    else {
      const nested = spec.blocks[item.blockType.name];
      if (nested) yield* attributesBelow(item, nested.body);
    }
  }
}

const isSecretAttribute = (spec: BodySpec, name: string) => spec.attributes[name]?.sensitive === true;

/**
 * The resource's sensitive values written inline moved into new sensitive variables (`variable` mode, or a
 * file to be stored): the file keeps its layout and comments, the values are the caller's (`secrets`).
 */
export function keysIntoVariables(file: HclFile, resource: string): OperationResult {
  const run: Run = { base: file, options: { resource, preSharedKeys: 'variable' }, resource, secrets: new Map() };
  const connector = findConnector(file, resource);
  if (!connector || file.diagnostics.length) return { text: file.text, file, resource, secrets: run.secrets };
  const edits: TextEdit[] = [];
  for (const { attribute: a, spec } of attributesBelow(connector, CONNECTOR_RESOURCE)) {
    if (!isSecretAttribute(spec, a.name.name)) continue;
    const written = file.text.slice(a.value.from, a.value.to);
    if (!isQuoted(written) || written === '""') continue;
    const variable = namesOf(run).fresh(a.name.name);
    run.secrets.set(variable, decodeQuoted(written.slice(1, -1)));
    edits.push({ from: a.value.from, to: a.value.to, insert: `var.${variable}` });
  }
  if (edits.length === 0) return { text: file.text, file, resource, secrets: run.secrets };
  edits.push(...declareVariables(run, run.names?.added ?? [], connector));
  replaceText(run, applyOperations(file.text, edits));
  return { text: textOf(run), file: fileOf(run), resource, secrets: run.secrets };
}

/**
 * The resource's keys kept in variables whose values the caller knows (`secrets`) written inline again
 * (the user chose inline keys); declarations nothing references any more, that say only type and
 * sensitive, go.
 */
export function keysInline(file: HclFile, resource: string, secrets: ReadonlyMap<string, SecretValue>): OperationResult {
  const connector = findConnector(file, resource);
  if (!connector || file.diagnostics.length) return { text: file.text, file, resource, secrets: new Map() };
  const edits: TextEdit[] = [];
  const released = new Set<string>();
  for (const { attribute: a, spec } of attributesBelow(connector, CONNECTOR_RESOURCE)) {
    if (!isSecretAttribute(spec, a.name.name)) continue;
    const variable = /^var\.([\p{L}\p{N}_-]+)$/u.exec(file.text.slice(a.value.from, a.value.to))?.[1];
    const value = variable === undefined ? undefined : secrets.get(variable);
    if (value === undefined || isStoredSecret(value)) continue;
    released.add(variable!);
    edits.push({ from: a.value.from, to: a.value.to, insert: quoteHclString(value) });
  }
  if (edits.length === 0) return { text: file.text, file, resource, secrets: new Map() };
  let text = applyOperations(file.text, edits);
  let next = parseHcl(text);
  const unused = next.body.items.filter(
    (i): i is Block =>
      i.type === 'block' &&
      i.blockType.name === 'variable' &&
      released.has(i.labels[0]?.value ?? '') &&
      !new RegExp(`\\bvar\\.${i.labels[0]?.value}(?![\\p{L}\\p{N}_-])`, 'u').test(text) &&
      i.body.items.every((b) => b.type === 'attribute' && (b.name.name === 'type' || b.name.name === 'sensitive')),
  );
  if (unused.length) {
    text = applyOperations(text, unused.flatMap((b) => removeItem(next, b)));
    next = parseHcl(text);
  }
  return { text, file: next, resource, secrets: new Map() };
}

/** Where the attribute at `path` is written (its name to the end of its value), when the file has it. */
export function attributeSpan(file: HclFile, resource: string, path: DesignPath): { from: number; to: number } | undefined {
  try {
    const { owner } = locateBody(file, resource, path.slice(0, -1), path);
    const name = String(path[path.length - 1]);
    const found = owner.body.items.find((i): i is Attribute => i.type === 'attribute' && i.name.name === name);
    return found ? { from: found.from, to: found.value.to } : undefined;
  } catch {
    return undefined;
  }
}
