/**
 * Incremental re-parsing for the editor: after an edit, only the body items
 * around it are read again; the result is exactly what `parseHcl` gives for
 * the new text (nodes, offsets, comments, diagnostics and their order).
 *
 * In the body of the innermost block holding the edit (or the file's body),
 * parsing restarts at the start of the item before the edit, with the
 * parser's state there rebuilt (nesting depth, the items and attribute names
 * before it), and stops at the first old item start after the edit (or the
 * body's `}`) where it provably goes on as the old parse did: the scanner's
 * context is the same there in the old and the new text (both are scanned
 * from the restart point; see contextFlags), and no old diagnostic sits on
 * either point. The old items after it are kept, moved. Anything else is a
 * full parse: an unclosed enclosing block, a stray `}`, an attribute name
 * repeated after the region, diagnostics after an edit that adds or removes
 * lines (their messages name lines), no such stopping point in the body.
 *
 * The previous tree is consumed: its nodes are reused and moved in place, so
 * it must not be used afterwards (a full parse leaves it untouched).
 */
import type { TextEdit } from './align';
import { MAX_NESTING } from './expressions';
import { parseBodyItems, parseHcl } from './parser';
import { scan, T, type TokenStream } from './scanner';
import type { Attribute, Block, BodyItem, Expression, HclFile, SyntaxDiagnostic } from './syntax';
import { itemAt } from '../util/indexing';

/** What a re-parse did (filled in when passed). */
export interface ReparseStats {
  /** True when the previous tree was reused; false after a full parse. */
  incremental: boolean;
  /** Why a full parse was needed. */
  reason?: string;
  /** The part of the new text that was read again, `[from, to)`. */
  from?: number;
  to?: number;
}

/**
 * The tree of `previous.text` with `change` applied; `previous` is consumed
 * (see the module comment). `changed`, when the caller has it already (an
 * editor does), is that new text: it is not made again.
 */
export function reparseHcl(previous: HclFile, change: TextEdit, stats?: ReparseStats, changed?: string): HclFile {
  const old = previous.text;
  const { from, to, insert } = change;
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= old.length)) {
    throw new RangeError(`Invalid change [${from}, ${to}) of a text of ${old.length} characters.`);
  }
  if (changed !== undefined && changed.length !== old.length - (to - from) + insert.length)
    throw new RangeError('The changed text does not match the change.');
  const text = changed ?? old.slice(0, from) + insert + old.slice(to);
  const result = incremental(previous, text, change, stats);
  if (typeof result !== 'string') return result;
  if (stats) {
    stats.incremental = false;
    stats.reason = result;
  }
  return parseHcl(text);
}

/** The scanner's context since the restart point: no context it opened is still open at the token. */
const EMPTY = 1;
/** Every token so far is the one a scan of the whole text gives. */
const SAME = 2;

/**
 * For each token of a scan started at a body-item boundary: EMPTY and SAME
 * flags. At such a boundary the whole scan's context is none, or a template
 * sequence (`${` … `}`) left open by a broken template; a scan from there
 * matches the whole scan until a `}` that would close that sequence, which is
 * a `}` closing no `{` opened since.
 */
function contextFlags(tokens: TokenStream): Uint8Array {
  const flags = new Uint8Array(tokens.count);
  const stack: number[] = [];
  let braces = 0;
  let same = SAME;
  for (let i = 0; i < tokens.count; i++) {
    const t = tokens.types[i];
    // A quoted string is closed by the end of its line (or of the scan) without a token of its own.
    if ((t === T.Newline || t === T.EOF) && stack[stack.length - 1] === T.OQuote) stack.pop();
    flags[i] = (stack.length === 0 ? EMPTY : 0) | same;
    if (t === T.OQuote || t === T.OHeredoc || t === T.TemplateInterp || t === T.TemplateControl) stack.push(t);
    else if (t === T.CQuote || t === T.CHeredoc || t === T.TemplateSeqEnd) stack.pop();
    else if (stack.length === 0 && t === T.OBrace) braces++;
    else if (stack.length === 0 && t === T.CBrace) {
      if (braces === 0) same = 0;
      else braces--;
    }
  }
  return flags;
}

/** How many of the indices 0…n-1 satisfy `below` (which holds for a prefix of them). */
function countBelow(n: number, below: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last item starting before `offset` (-1 when none). */
function lastBefore(items: readonly BodyItem[], offset: number): number {
  return countBelow(items.length, (i) => itemAt(items, i, 'body item').from < offset) - 1;
}

/** End of an item's second token (what the item before it may have looked at). */
function secondTokenEnd(item: BodyItem): number {
  if (item.type === 'attribute') return item.equals + 1;
  const label = item.labels[0];
  if (label) return label.quoted ? label.from + 1 : label.to;
  return item.open + 1;
}

function skipBlanks(text: string, from: number): number {
  let i = from;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return i;
}

/** Whether a newline, a line comment or the end of the text is at `i`. */
function atLineEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  return i >= text.length || c === 10 || c === 35 || (c === 13 && d === 10) || (c === 47 && d === 47);
}

/** Whether the token after the `{` at `open` is a newline (the block has a body of lines, not `{ a = 1 }`). */
function opensBody(text: string, open: number): boolean {
  let i = open + 1;
  for (;;) {
    i = skipBlanks(text, i);
    if (!text.startsWith('/*', i)) return i < text.length && atLineEnd(text, i);
    const end = text.indexOf('*/', i + 2);
    if (end < 0) return false;
    i = end + 2;
  }
}

/**
 * After the `}` ending at `at`: the parse reaches the next body item (where an
 * earlier error stops muting later ones) with no chance to report anything —
 * each `}` on the way (closing the enclosing blocks) ends its line.
 */
function closesCleanly(text: string, at: number): boolean {
  let i = skipBlanks(text, at);
  while (atLineEnd(text, i)) {
    do {
      const newline = text.indexOf('\n', i);
      if (newline < 0) return true;
      i = skipBlanks(text, newline + 1);
    } while (i < text.length && atLineEnd(text, i));
    if (i >= text.length) return true;
    if (text.charCodeAt(i) !== 125) return !text.startsWith('/*', i);
    i = skipBlanks(text, i + 1);
  }
  return false;
}

/** The new tree, or why it cannot be had incrementally. */
function incremental(
  previous: HclFile,
  text: string,
  change: TextEdit,
  stats: ReparseStats | undefined,
): HclFile | string {
  const old = previous.text;
  const { from, to } = change;
  const delta = text.length - old.length;
  const changeEnd = from + change.insert.length;

  // The innermost block whose body (a body of lines) holds the change, header and braces untouched.
  const chain: Block[] = [];
  let items = previous.body.items;
  for (;;) {
    const item = items[lastBefore(items, from + 1)];
    if (!item || item.type !== 'block' || item.close < 0 || from <= item.open || to > item.close) break;
    if (chain.length + 1 > MAX_NESTING || !opensBody(old, item.open) || !opensBody(text, item.open)) break;
    chain.push(item);
    items = item.body.items;
  }
  const block = chain.at(-1) ?? null;
  const diagnostics = previous.diagnostics;
  // A stray `}` after the change is blamed on a block before it: on its `}`, which may be in the region.
  if (diagnostics.some((d) => d.summary === 'Unexpected closing brace')) return 'stray closing brace';

  // Restart at the item before the change, or earlier: the item read before the restart point may
  // have looked at its first two tokens (an unclosed list stops before a line starting `name =`), or
  // reported a diagnostic on its first.
  const diagnosticAt = new Set(diagnostics.map((d) => d.from));
  const bodyStart = block ? block.open + 1 : 0;
  let k = lastBefore(items, from);
  let start = k < 0 ? bodyStart : itemAt(items, k, 'body item').from;
  if (k < 0) k = 0;
  while (start !== bodyStart && (diagnosticAt.has(start) || from <= secondTokenEnd(itemAt(items, k, 'body item')))) {
    if (k > 0) start = itemAt(items, --k, 'body item').from;
    else start = bodyStart;
  }
  // The scan starts with the newline before the restart point (the parser may look back at it).
  let scanStart = start;
  if (start !== bodyStart) {
    const newline = old.lastIndexOf('\n', start - 1);
    if (newline < 0 || !/^[ \t]*$/.test(old.slice(newline + 1, start))) return 'body item not at the start of a line';
    scanStart = old.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
  }
  const prefix = items.slice(0, k);
  const prefixAttributes = new Map<string, Attribute>();
  for (const item of prefix)
    if (item.type === 'attribute' && !prefixAttributes.has(item.name.name)) prefixAttributes.set(item.name.name, item);
  const first = lastBefore(items, to) + 1;
  const closeOld = block ? block.close : old.length;

  // Scan windows up to the 1st, 8th, 64th… old item after the change: wider when the parse runs past one.
  for (let width = 1; ; width *= 8) {
    const atEnd = first + width >= items.length;
    const oldEnd = atEnd ? (block ? block.close + 1 : old.length) : itemAt(items, first + width, 'body item').from;
    const tokens = scan(text, scanStart, oldEnd + delta);
    const flags = contextFlags(tokens);
    let oldTokens: TokenStream | null = null;
    let oldFlags: Uint8Array | null = null;
    /** The old scan from `start` is in the same context at `offset` (a token start). */
    const sameOld = (offset: number): boolean => {
      oldTokens ??= scan(old, scanStart, oldEnd);
      oldFlags ??= contextFlags(oldTokens);
      const { from, count } = oldTokens;
      const j = countBelow(count, (i) => from[i]! < offset);
      // `j` is a token (below `count`) when its offset matched.
      return from[j] === offset && (oldFlags[j]! & (EMPTY | SAME)) === (EMPTY | SAME);
    };
    let next = first;
    /** Index of the old item the parse resynchronised with (items.length: the body's end). */
    let hit = -1;
    const stop = (i: number): boolean => {
      if (tokens.types[i] === T.EOF) {
        if (!block && atEnd && (flags[i]! & SAME) !== 0) hit = items.length;
        return true;
      }
      const offset = tokens.from[i]!;
      if (offset < changeEnd) return false;
      const at = offset - delta;
      while (next < items.length && items[next]!.from < at) next++;
      const here = (flags[i]! & (EMPTY | SAME)) === (EMPTY | SAME);
      if (next < items.length && items[next]!.from === at) {
        if (!here || diagnosticAt.has(at) || !sameOld(at)) return false;
        hit = next;
        return true;
      }
      if (
        block &&
        at === block.close &&
        tokens.types[i] === T.CBrace &&
        here &&
        closesCleanly(text, offset + 1) &&
        sameOld(at)
      ) {
        hit = items.length;
        return true;
      }
      return false;
    };
    const read = prefix.slice();
    const parsed = parseBodyItems(text, tokens, {
      depth: chain.length,
      items: read,
      attributes: new Map(prefixAttributes),
      stop,
    });
    if (hit < 0) {
      if (tokens.types[parsed.stoppedAt] === T.EOF && !atEnd) continue;
      return 'no resynchronisation before the end of the body';
    }
    const regionItems = read.slice(k);
    const endOld = hit < items.length ? itemAt(items, hit, 'body item').from : closeOld;
    const result = splice(previous, text, delta, {
      chain,
      items,
      k,
      hit,
      start,
      endOld,
      regionItems,
      regionDiagnostics: parsed.diagnostics,
      comments: tokens.comments,
      prefixAttributes,
    });
    if (typeof result === 'string') return result;
    if (stats) {
      stats.incremental = true;
      stats.reason = undefined;
      stats.from = start;
      stats.to = endOld + delta;
    }
    return result;
  }
}

/**
 * The re-read region: `items` (old) of the body inside the `chain` of blocks
 * (outermost first) are kept before `k` and from `hit`; in the old text it is
 * [start, endOld) (to the end of the file, or through the body's `}`);
 * `comments` are the new scan's, from `start` on.
 */
interface Region {
  chain: Block[];
  items: BodyItem[];
  k: number;
  hit: number;
  start: number;
  endOld: number;
  regionItems: BodyItem[];
  regionDiagnostics: SyntaxDiagnostic[];
  comments: number[];
  prefixAttributes: Map<string, Attribute>;
}

/** The old tree with the region's items, comments and diagnostics replaced, and everything after it shifted. */
function splice(previous: HclFile, text: string, delta: number, r: Region): HclFile | string {
  const { chain, items, k, hit, start, endOld } = r;
  const old = previous.text;
  const toEnd = chain.length === 0 && hit === items.length;
  const atClose = chain.length > 0 && hit === items.length;
  const inRegion = (d: SyntaxDiagnostic) =>
    d.from >= start && (toEnd || d.from < endOld || (atClose && d.from === endOld));

  // Diagnostics: those before the region, its own, then those after; in that order in the old list too.
  const before: SyntaxDiagnostic[] = [];
  const after: SyntaxDiagnostic[] = [];
  let phase = 0;
  for (const d of previous.diagnostics) {
    const p = d.from < start ? 0 : inRegion(d) ? 1 : 2;
    if (p < phase) return 'diagnostics out of order';
    phase = p;
    if (p === 0) before.push(d);
    else if (p === 2) after.push(d);
  }
  const lines = (t: string, to: number) => t.slice(start, to).split('\n').length;
  if (after.length > 0 && lines(old, endOld) !== lines(text, endOld + delta))
    return 'diagnostics after a change of lines';

  // A later attribute of the body is redefined, or no longer, by an attribute of the region.
  const names = new Set<string>();
  for (const item of items.slice(k, hit)) if (item.type === 'attribute') names.add(item.name.name);
  for (const item of r.regionItems) if (item.type === 'attribute') names.add(item.name.name);
  if (names.size > 0) {
    for (let j = hit; j < items.length; j++) {
      const item = items[j]!;
      if (item.type === 'attribute' && names.has(item.name.name) && !r.prefixAttributes.has(item.name.name))
        return 'attribute name repeated after the change';
    }
  }

  // Nothing can fail from here: the old tree is changed in place.
  const kept = items.slice(hit);
  for (const item of kept) shiftItem(item, delta);
  items.length = k;
  for (const item of r.regionItems) items.push(item);
  for (const item of kept) items.push(item);
  let parentItems = previous.body.items;
  for (const block of chain) {
    block.close += delta;
    block.to += delta;
    block.body.to += delta;
    for (let j = lastBefore(parentItems, block.from + 1) + 1; j < parentItems.length; j++)
      shiftItem(parentItems[j]!, delta);
    parentItems = block.body.items;
  }

  // Comments (flat [from, to) pairs): the old ones before the region, the new scan's in it, the old ones after it moved.
  const pairsBefore = (list: number[], offset: number) => 2 * countBelow(list.length / 2, (j) => list[2 * j]! < offset);
  const oldComments = previous.comments;
  const fresh = r.comments.slice(0, toEnd ? r.comments.length : pairsBefore(r.comments, endOld + delta));
  const comments = oldComments
    .slice(0, pairsBefore(oldComments, start))
    .concat(fresh, toEnd ? [] : oldComments.slice(pairsBefore(oldComments, endOld)).map((x) => x + delta));

  for (const d of after) {
    d.from += delta;
    d.to += delta;
  }
  return {
    text,
    body: { items: previous.body.items, from: 0, to: text.length },
    comments,
    diagnostics: [...before, ...r.regionDiagnostics, ...after],
  };
}

function shiftItem(item: BodyItem, d: number): void {
  item.from += d;
  item.to += d;
  if (item.type === 'attribute') {
    item.name.from += d;
    item.name.to += d;
    item.equals += d;
    shiftExpression(item.value, d);
    return;
  }
  item.blockType.from += d;
  item.blockType.to += d;
  for (const label of item.labels) {
    label.from += d;
    label.to += d;
  }
  if (item.open >= 0) item.open += d;
  if (item.close >= 0) item.close += d;
  const body = item.body;
  body.from += d;
  body.to += d;
  for (const inner of body.items) shiftItem(inner, d);
}

/** Moves an expression and everything in it. */
function shiftExpression(e: Expression, d: number): void {
  e.from += d;
  e.to += d;
  switch (e.type) {
    case 'template':
      for (const part of e.parts) {
        part.from += d;
        part.to += d;
        if (part.type !== 'literal' && part.expression) shiftExpression(part.expression, d);
      }
      return;
    case 'traversal':
      shiftExpression(e.source, d);
      for (const step of e.steps) {
        step.from += d;
        step.to += d;
        if (step.type === 'index') shiftExpression(step.key, d);
      }
      return;
    case 'call':
    case 'tuple':
      for (const item of e.type === 'call' ? e.args : e.items) shiftExpression(item, d);
      return;
    case 'object':
      for (const item of e.items) {
        item.from += d;
        item.to += d;
        shiftExpression(item.key, d);
        shiftExpression(item.value, d);
      }
      return;
    case 'for':
      shiftExpression(e.collection, d);
      if (e.key) shiftExpression(e.key, d);
      shiftExpression(e.value, d);
      if (e.condition) shiftExpression(e.condition, d);
      return;
    case 'conditional':
      shiftExpression(e.condition, d);
      shiftExpression(e.whenTrue, d);
      shiftExpression(e.whenFalse, d);
      return;
    case 'binary':
      shiftExpression(e.left, d);
      shiftExpression(e.right, d);
      return;
    case 'unary':
      shiftExpression(e.operand, d);
      return;
    case 'parens':
      shiftExpression(e.expression, d);
      return;
  }
}
