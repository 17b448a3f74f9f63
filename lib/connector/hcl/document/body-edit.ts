/**
 * The body edits of ./edit.ts: one body of the file against the old and the
 * new design of that body, turned into text edits — attributes first (a
 * changed value replaces the value, an added one goes next to the attribute
 * the renderer puts before it, a removed one goes with its line and lead
 * comments), then blocks (matched by content, the gaps edited in place,
 * removed or inserted), recursively.
 *
 * Sensitive values: one already kept in a variable (or any expression) stays
 * that expression, an inline one stays inline; a new literal of an attribute
 * the description keeps out of files becomes a new variable in `variable`
 * mode (`<label>_<stem>_<n>`, one more than the highest in the file).
 */
import { isRecord, recordsOf, type LooseRecord } from '../loose';
import { literalsBecomeVariables, sensitiveVariableReferences } from '../psk';
import { SENSITIVE_ATTRIBUTES } from '../../resource';
import { attribute, block, writeHclLines, type HclAttribute, type HclBlock, type HclBodyItem } from '../writer';
import { insertLinesAfterOffset, insertLinesBeforeOffset, isOneLineBlock, removeLinesOf, type TextEdit } from '@/lib/hcl/edit';
import type { DocBlock, DocItem, HclDocument } from './tree';
import { VariableNames } from './operations';

export interface EditContext {
  doc: HclDocument;
  edits: TextEdit[];
  variableMode: boolean;
  convertKeys: boolean;
  label: string;
  /** Variable names in use or already handed out, and the next counter by stem: read from the file when first needed. */
  variables?: VariableNames;
  source: string;
  newVariables: string[];
  /** Variables referenced by keys this edit removed (dropped if nothing else uses them). */
  releasedVariables: Set<string>;
  /** One-line blocks (`x {}`, `x { a = 1 }`) this edit must add or remove lines in: they are opened onto lines first. */
  expand: DocBlock[];
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Removes an item's whole lines (the engine's removal: lead comments, and a blank line it would leave, go too). */
export function removeLines(ctx: Pick<EditContext, 'doc' | 'edits'>, from: number, to: number): void {
  ctx.edits.push(...removeLinesOf(ctx.doc.text, from, to));
}

/** A new variable's name: `<label>_<stem>_<n>` (`psk` for keys, see variableStem), one more than the highest in the file. */
function variableFor(ctx: EditContext, attributeName: string): string {
  ctx.variables ??= new VariableNames(ctx.source, ctx.label);
  const name = ctx.variables.fresh(attributeName);
  ctx.newVariables.push(name);
  return name;
}

const isQuoted = (value: string) => value.startsWith('"');

/** New items: literal keys become variables in `variable` mode. */
function withKeyVariables(items: HclBodyItem[], ctx: EditContext): HclBodyItem[] {
  return items.map((item) => {
    if (item.kind === 'block') return block(item.type, item.labels, withKeyVariables(item.body, ctx));
    if (item.kind === 'raw') return item;
    if (item.stored) return attribute(item.name, `var.${variableFor(ctx, item.name)}`);
    if (literalsBecomeVariables(item.name) && ctx.variableMode && isQuoted(item.value)) return attribute(item.name, `var.${variableFor(ctx, item.name)}`);
    return item;
  });
}

function noteReleasedKeys(ctx: EditContext, text: string): void {
  for (const m of text.matchAll(sensitiveVariableReferences())) ctx.releasedVariables.add(m[1]);
}

function itemEnd(item: DocItem): number {
  return item.kind === 'block' ? item.close + 1 : item.valueTo;
}

export function insertLinesAfter(ctx: EditContext, after: number, lines: string[], blankBefore: boolean): void {
  ctx.edits.push(...insertLinesAfterOffset(ctx.doc.text, after, lines, blankBefore));
}

export function insertLinesBefore(ctx: EditContext, before: number, lines: string[], blankAfter: boolean): void {
  ctx.edits.push(...insertLinesBeforeOffset(ctx.doc.text, before, lines, blankAfter));
}

export interface BodyTarget {
  items: DocItem[];
  /** Indentation of the body's items. */
  indent: string;
  /** Offset of the line that opens the body (the `{` line). */
  open: number;
  oldRecord: LooseRecord;
  newRecord: LooseRecord;
  /** Rendered items of newRecord: with defaults omitted (for additions) and all (for replacements). */
  shown: HclBodyItem[];
  full: HclBodyItem[];
  /** Rendered items of oldRecord (all): a value that renders the same is the same, however the form holds it (`65003` or `"65003"`). */
  fullOld: HclBodyItem[];
  /** The block whose body this is. */
  block?: DocBlock;
}

function editAttributes(ctx: EditContext, t: BodyTarget): void {
  const docAttrs = new Map<string, DocItem & { kind: 'attribute' }>();
  for (const item of t.items) if (item.kind === 'attribute' && !docAttrs.has(item.name)) docAttrs.set(item.name, item);
  const full = t.full.filter((i): i is HclAttribute => i.kind === 'attribute');
  const shown = new Map(t.shown.filter((i): i is HclAttribute => i.kind === 'attribute').map((a) => [a.name, a.value]));
  const fullByName = new Map(full.map((a) => [a.name, a.value]));
  const storedNames = new Set(full.flatMap((a) => (a.stored ? [a.name] : [])));
  const oldByName = new Map(t.fullOld.filter((i): i is HclAttribute => i.kind === 'attribute').map((a) => [a.name, a.value]));
  const known = new Set([...Object.keys(t.oldRecord), ...Object.keys(t.newRecord)]);
  // A block written as an attribute (`tunnel = […]`) is the importer's to report, not ours to rewrite.
  const blockNames = new Set(t.full.filter((i): i is HclBlock => i.kind === 'block').map((b) => b.type));
  for (const [name, value] of Object.entries(t.newRecord)) if (Array.isArray(value) && value.some(isRecord)) blockNames.add(name);
  const additions: { anchor: { after?: number; before?: number }; line: string; name: string }[] = [];

  for (const [name, existing] of docAttrs) {
    if (!known.has(name) || blockNames.has(name)) continue;
    const value = fullByName.get(name);
    const written = ctx.doc.text.slice(existing.valueFrom, existing.valueTo);
    if (value !== undefined && storedNames.has(name)) {
      // A stored secret the user cannot see: kept where the file keeps it, else in a new variable — never as text.
      if (isQuoted(written)) ctx.edits.push({ from: existing.valueFrom, to: existing.valueTo, insert: `var.${variableFor(ctx, name)}` });
      continue;
    }
    const keptOut = literalsBecomeVariables(name);
    if (keptOut && ctx.convertKeys && ctx.variableMode && value !== undefined && isQuoted(value) && isQuoted(written)) {
      ctx.edits.push({ from: existing.valueFrom, to: existing.valueTo, insert: `var.${variableFor(ctx, name)}` });
      continue;
    }
    const convertToInline = keptOut && ctx.convertKeys && !ctx.variableMode && value !== undefined && isQuoted(value) && !isQuoted(written);
    if (!convertToInline && (same(t.oldRecord[name], t.newRecord[name]) || (value !== undefined && value === oldByName.get(name)))) continue;
    if (value === undefined) {
      if (SENSITIVE_ATTRIBUTES.has(name)) noteReleasedKeys(ctx, ctx.doc.text.slice(existing.from, existing.valueTo));
      removeLines(ctx, existing.from, existing.valueTo);
      continue;
    }
    // A key kept out of the file stays out of it (unless the user just asked for inline keys); an inline one stays inline.
    if (keptOut && isQuoted(value) && !isQuoted(written) && !convertToInline) continue;
    if (SENSITIVE_ATTRIBUTES.has(name) && !isQuoted(written)) noteReleasedKeys(ctx, ctx.doc.text.slice(existing.from, existing.valueTo));
    if (value !== written) ctx.edits.push({ from: existing.valueFrom, to: existing.valueTo, insert: value });
  }

  full.forEach((a, index) => {
    if (docAttrs.has(a.name) || !shown.has(a.name)) return;
    let value = shown.get(a.name)!;
    if (a.stored) value = `var.${variableFor(ctx, a.name)}`;
    else if (literalsBecomeVariables(a.name) && ctx.variableMode && isQuoted(value)) value = `var.${variableFor(ctx, a.name)}`;
    const before = full.slice(0, index).reverse().find((p) => docAttrs.has(p.name));
    const after = full.slice(index + 1).find((p) => docAttrs.has(p.name));
    const anchor = before ? { after: docAttrs.get(before.name)!.valueTo } : after ? { before: docAttrs.get(after.name)!.from } : {};
    additions.push({ anchor, line: `${t.indent}${a.name} = ${value}`, name: a.name });
  });
  const atStart = additions.filter((a) => a.anchor.after === undefined && a.anchor.before === undefined);
  for (const a of additions) {
    if (a.anchor.after !== undefined) insertLinesAfter(ctx, a.anchor.after, [a.line], false);
    else if (a.anchor.before !== undefined) insertLinesBefore(ctx, a.anchor.before, [a.line], false);
  }
  if (atStart.length) {
    // No attribute to sit next to: the run opens the body, apart from the blocks after it.
    insertLinesAfter(ctx, t.open, atStart.map((a) => a.line), false);
    if (t.items.length) ctx.edits.push({ from: ctx.doc.lines.start(t.items[0].from), to: ctx.doc.lines.start(t.items[0].from), insert: '\n' });
  }
}

/** Longest common subsequence of equal keys: pairs of indices. */
function matchEqual(ka: string[], kb: string[]): [number, number][] {
  const n = ka.length;
  const m = kb.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) table[i][j] = ka[i] === kb[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (ka[i] === kb[j]) pairs.push([i++, j++]);
    else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

/**
 * Keys under which old and new blocks compare equal: the same object (a form
 * snapshot shares every block a change did not touch) is equal at once;
 * anything else is compared by its rendering.
 */
function blockKeys(oldList: unknown[], newRecords: LooseRecord[], fullOld: HclBlock[], full: HclBlock[]): [string[], string[]] {
  const newIndex = new Map<unknown, number>();
  newRecords.forEach((record, j) => newIndex.set(record, j));
  const kept = new Set<unknown>(oldList.filter((item) => newIndex.has(item)));
  const oldKeys = oldList.map((item, k) => (newIndex.has(item) ? `#${newIndex.get(item)}` : JSON.stringify(fullOld[k] ?? null)));
  const newKeys = newRecords.map((record, j) => (kept.has(record) && newIndex.get(record) === j ? `#${j}` : JSON.stringify(full[j] ?? null)));
  return [oldKeys, newKeys];
}

function editBlocks(ctx: EditContext, t: BodyTarget): void {
  const names: string[] = [];
  for (const item of t.full) if (item.kind === 'block' && !names.includes(item.type)) names.push(item.type);
  for (const item of t.items) if (item.kind === 'block' && Array.isArray(t.oldRecord[item.type]) && !names.includes(item.type)) names.push(item.type);

  for (const name of names) {
    const docBlocks = t.items.filter((i): i is DocBlock => i.kind === 'block' && i.type === name);
    const oldList = Array.isArray(t.oldRecord[name]) ? (t.oldRecord[name] as unknown[]).slice(0, docBlocks.length) : [];
    const newRecords = recordsOf(t.newRecord[name]).map((r) => r.item);
    const full = t.full.filter((i): i is HclBlock => i.kind === 'block' && i.type === name);
    const shown = t.shown.filter((i): i is HclBlock => i.kind === 'block' && i.type === name);
    const fullOld = t.fullOld.filter((i): i is HclBlock => i.kind === 'block' && i.type === name);
    // Blocks are equal when they render the same (the form may hold `65003` where the file says "65003").
    // Converting keys visits every block (positionally), equal or not.
    const pairs = ctx.convertKeys ? [] : matchEqual(...blockKeys(oldList, newRecords, fullOld, full));
    // Fill the gaps between equal pairs: positional edits, then removals or insertions.
    const bounds: [number, number][] = [[-1, -1], ...pairs, [oldList.length, newRecords.length]];
    let lastKept: DocBlock | undefined;
    for (let k = 0; k + 1 < bounds.length; k++) {
      const [oi, ni] = bounds[k];
      const [oj, nj] = bounds[k + 1];
      if (oi >= 0) lastKept = docBlocks[oi];
      const olds = docBlocks.slice(oi + 1, oj);
      const news = newRecords.slice(ni + 1, nj).map((record, x) => ({ record, index: ni + 1 + x }));
      const paired = Math.min(olds.length, news.length);
      for (let x = 0; x < paired; x++) {
        const docBlock = olds[x];
        const { record, index } = news[x];
        editBody(ctx, {
          block: docBlock,
          items: docBlock.body,
          indent: t.indent + '  ',
          open: docBlock.from,
          oldRecord: isRecord(oldList[oi + 1 + x]) ? (oldList[oi + 1 + x] as LooseRecord) : {},
          newRecord: record,
          shown: shown[index]?.body ?? [],
          full: full[index]?.body ?? [],
          fullOld: fullOld[oi + 1 + x]?.body ?? [],
        });
        lastKept = docBlock;
      }
      for (const docBlock of olds.slice(paired)) {
        noteReleasedKeys(ctx, ctx.doc.text.slice(docBlock.from, docBlock.close + 1));
        removeLines(ctx, docBlock.from, docBlock.close);
      }
      const inserted = news.slice(paired).map(({ index }) => withKeyVariables([shown[index]], ctx)[0]);
      if (inserted.length) {
        const next = docBlocks[oj];
        insertBlocks(ctx, t, name, names, inserted, lastKept ? { after: lastKept } : next ? { before: next } : null);
      }
    }
  }
}

type Neighbour = { after: DocBlock } | { before: DocBlock } | null;

function insertBlocks(ctx: EditContext, t: BodyTarget, name: string, order: string[], blocks: HclBodyItem[], neighbour: Neighbour): void {
  const lines = blocks.flatMap((b, i) => [...(i > 0 ? [''] : []), ...writeHclLines([b], t.indent)]);
  if (neighbour && 'after' in neighbour) insertLinesAfter(ctx, neighbour.after.close, lines, true);
  if (neighbour && 'after' in neighbour) return;
  if (neighbour) insertLinesBefore(ctx, neighbour.before.from, lines, true);
  if (neighbour) return;
  // No block of this kind yet: after the last item that comes before it in the canonical order.
  const rank = order.indexOf(name);
  const precedes = (item: DocItem) => item.kind === 'attribute' || !order.includes(item.type) || order.indexOf(item.type) < rank;
  const previous = [...t.items].reverse().find(precedes);
  if (previous) insertLinesAfter(ctx, itemEnd(previous), lines, true);
  if (previous) return;
  insertLinesAfter(ctx, t.open, lines, false);
  if (t.items.length) ctx.edits.push({ from: ctx.doc.lines.start(t.items[0].from), to: ctx.doc.lines.start(t.items[0].from), insert: '\n' });
}

export function editBody(ctx: EditContext, t: BodyTarget): void {
  const start = ctx.edits.length;
  editAttributes(ctx, t);
  editBlocks(ctx, t);
  if (!t.block || !isOneLineBlock(ctx.doc.text, t.block)) return;
  const structural = ctx.edits.slice(start).some((e) => e.insert.includes('\n') || ctx.doc.text.slice(e.from, e.to).includes('\n'));
  if (structural) ctx.expand.push(t.block);
}
