/**
 * Applies a connector design to one resource of an existing HCL file as the
 * smallest text edits (the `hclwrite` way): an attribute whose value did not
 * change keeps its bytes, a changed one gets a new value on its line, an
 * added one goes where the renderer would put it, a removed one vanishes with
 * its line. Blocks are matched by content (a removed middle block is deleted,
 * not "shifted"); everything the design does not describe — comments, blank
 * lines, other blocks, meta-arguments — is left alone. Alignment is redone on
 * the touched runs only (./align.ts), so the output stays as `terraform fmt`
 * writes it.
 *
 * Pre-shared keys: a key already kept in a variable (or any expression) stays
 * that expression; an inline key stays inline. A new literal key becomes a
 * new sensitive variable (in `variable` mode) whose name is the resource
 * label plus a counter kept in the file (`<label>_psk_<n>`, one more than the
 * highest in use), so renaming a gateway or tunnel never renames it. The body
 * edits themselves are in ./body-edit.ts.
 */
import type { ConnectorDesign, HclRenderOptions } from '../../design';
import { isRecord, type LooseRecord } from '../loose';
import { parseConnectorHcl } from '../parse';
import { RESOURCE_TYPE, renderConnectorBodyItems, renderConnectorHcl, resourceLabel } from '../render';
import { quoteHclString } from '../strings';
import { CONNECTOR_RESOURCE } from '../../resource';
import { attribute, block, writeHclLines, type HclBodyItem } from '../writer';
import { applyOperations, applyTextEdits, openBlockAt, type TextEdit } from '@/lib/hcl/edit';
import { editBody, insertLinesAfter, insertLinesBefore, removeLines, type EditContext } from './body-edit';
import { HclDocumentError, labelValue, readHclDocument, type DocBlock, type HclDocument } from './tree';
import { editsStayInLines, shiftDocument } from './shift';
import { renderReusing, type BodyRendering } from './rendered';

export { HclDocumentError } from './tree';

export interface DocumentEditOptions extends HclRenderOptions {
  /** Label of the connector resource to update, required when the file has several. */
  resource?: string;
  /**
   * The user switched the key option just now: keys follow it (a literal kept
   * in a variable becomes inline in `inline` mode; an inline key becomes a new
   * variable in `variable` mode). Otherwise keys stay as the file writes them.
   */
  convertKeys?: boolean;
  /** Internal: the one-line blocks the edit needed were opened onto lines already. */
  expanded?: boolean;
}

/** The one-line blocks opened onto lines (the engine's openBlock), before the edit that needs lines in them. */
function expandBlocks(source: string, blocks: DocBlock[]): string {
  return applyTextEdits(source, blocks.flatMap((b) => openBlockAt(source, b.from, b.open, b.close)));
}

/** The file names no such resource, or several without saying which. */
export class UnknownResourceError extends Error {}

export interface ConnectorResourceInfo {
  label: string;
  /** Offset of the block. */
  from: number;
}

function connectorBlocks(doc: HclDocument): DocBlock[] {
  return doc.items.filter(
    (item): item is DocBlock => item.kind === 'block' && item.type === 'resource' && labelValue(item.labels[0] ?? '') === RESOURCE_TYPE,
  );
}

/** The connector resources of a file, in order (throws HclDocumentError when it cannot be read). */
export function listConnectorResources(text: string): ConnectorResourceInfo[] {
  return connectorBlocks(readHclDocument(text)).map((b) => ({ label: labelValue(b.labels[1] ?? ''), from: b.from }));
}


function variableBlockText(name: string): string[] {
  return writeHclLines([block('variable', [quoteHclString(name)], [attribute('type', 'string'), attribute('sensitive', 'true')])], '');
}

/** Drops `variable` blocks of released keys that nothing references any more and that say only type and sensitive. */
function dropUnusedVariables(text: string, released: Set<string>): string {
  if (released.size === 0) return text;
  const doc = readHclDocument(text);
  const edits: TextEdit[] = [];
  const ctx = { doc, edits };
  for (const item of doc.items) {
    if (item.kind !== 'block' || item.type !== 'variable') continue;
    const name = labelValue(item.labels[0] ?? '');
    if (!released.has(name)) continue;
    if (new RegExp(`\\bvar\\.${name}(?![\\p{L}\\p{N}_-])`, 'u').test(text)) continue;
    if (!item.body.every((b) => b.kind === 'attribute' && (b.name === 'type' || b.name === 'sensitive'))) continue;
    removeLines(ctx, item.from, item.close);
  }
  return applyTextEdits(text, edits);
}

/**
 * What an edit leaves for the next one: the text, and what its connector
 * resource now says. Passed back as `previous` while the text is unchanged
 * (the user edits the form only), the next edit starts from it instead of
 * reading and importing the whole file again.
 */
export interface EditedDocument {
  text: string;
  /** The tree of `text`, when the edit could keep it without reading the text again. */
  doc?: HclDocument;
  /** Label of the resource the design was applied to. */
  label?: string;
  /** That design (the form's own values, not the file's) and its rendering. */
  rendering?: BodyRendering & { omitDefaults: boolean };
}

/**
 * `source` with the chosen connector resource updated to `design`. A file
 * without a connector resource gets one appended. Throws HclDocumentError
 * (unreadable source) or UnknownResourceError.
 */
export function updateConnectorInHcl(source: string, design: ConnectorDesign, options: DocumentEditOptions = {}): string {
  return editConnectorDocument(source, design, options).text;
}

/**
 * The starting point for edits of `text`, the renderer's own output for
 * `design` (renderConnectorHcl with these options): its resource says what
 * the design says, so the first edit need not import the file.
 */
export function renderedDocument(text: string, design: ConnectorDesign, options: HclRenderOptions = {}): EditedDocument {
  const record: LooseRecord = isRecord(design) ? design : {};
  const omitDefaults = options.omitDefaults ?? true;
  const doc = readHclDocument(text);
  return { text, doc, label: resourceLabel(record.resource_name), rendering: { ...renderReusing(CONNECTOR_RESOURCE, record, omitDefaults), omitDefaults } };
}

/** updateConnectorInHcl, continuing from the `previous` edit when `source` is still its text. */
export function editConnectorDocument(source: string, design: ConnectorDesign, options: DocumentEditOptions = {}, previous?: EditedDocument): EditedDocument {
  const base = previous !== undefined && previous.text === source && !options.convertKeys ? previous : undefined;
  const doc = base?.doc ?? readHclDocument(source);
  // The tree is handed over (this edit moves it to the new text): a second edit from `previous` reads the file again.
  if (base) base.doc = undefined;
  const blocks = connectorBlocks(doc);
  if (blocks.length === 0) {
    if (options.resource !== undefined) throw new UnknownResourceError(`The file has no ${RESOURCE_TYPE} resource named ${JSON.stringify(options.resource)}`);
    const rendered = renderConnectorHcl(design, options);
    return { text: source.trim() === '' ? rendered : source.replace(/\n*$/, '\n\n') + rendered };
  }
  const target =
    options.resource === undefined
      ? blocks.length === 1
        ? blocks[0]
        : undefined
      : blocks.find((b) => labelValue(b.labels[1] ?? '') === options.resource);
  if (!target) {
    const labels = blocks.map((b) => JSON.stringify(labelValue(b.labels[1] ?? ''))).join(', ');
    throw new UnknownResourceError(
      options.resource === undefined
        ? `The file has ${blocks.length} ${RESOURCE_TYPE} resources (${labels}); say which one to update`
        : `The file has no ${RESOURCE_TYPE} resource named ${JSON.stringify(options.resource)} (it has ${labels})`,
    );
  }
  const label = labelValue(target.labels[1] ?? '');
  // The resource as the previous edit left it, or as the file says.
  let oldRecord: LooseRecord;
  let fullOld: HclBodyItem[];
  if (base?.rendering !== undefined && base.label === label) {
    oldRecord = base.rendering.record;
    fullOld = base.rendering.full;
  } else {
    const parsed = parseConnectorHcl(source, { checkDesigns: false }).designs.find((d) => d.range?.from === target.from);
    if (!parsed) throw new HclDocumentError('The resource could not be read');
    oldRecord = isRecord(parsed.design) ? parsed.design : {};
    fullOld = renderConnectorBodyItems(oldRecord, false);
  }
  const newRecord: LooseRecord = isRecord(design) ? design : {};
  const newLabel = resourceLabel(newRecord.resource_name);
  const ctx: EditContext = {
    doc,
    edits: [],
    variableMode: (options.preSharedKeys ?? 'variable') === 'variable',
    convertKeys: options.convertKeys ?? false,
    label: newLabel,
    source,
    newVariables: [],
    releasedVariables: new Set(),
    expand: [],
  };
  if (newLabel !== label && target.labelRanges[1]) ctx.edits.push({ ...target.labelRanges[1], insert: quoteHclString(newLabel) });
  const omitDefaults = options.omitDefaults ?? true;
  // Blocks the previous edit rendered and the form did not change are not rendered again.
  const earlier = base?.rendering?.omitDefaults === omitDefaults ? base.rendering : undefined;
  const rendering = { ...renderReusing(CONNECTOR_RESOURCE, newRecord, omitDefaults, earlier), omitDefaults };
  editBody(ctx, {
    block: target,
    items: target.body,
    indent: ' '.repeat(doc.lines.indent(target.from) + 2),
    open: target.from,
    oldRecord,
    newRecord,
    shown: rendering.shown,
    full: rendering.full,
    fullOld,
  });
  if (ctx.expand.length) {
    // Lines go into a one-line block: open it onto lines first (as terraform fmt lays blocks out), then edit that.
    if (options.expanded) throw new HclDocumentError('A one-line block could not be opened for editing');
    return editConnectorDocument(expandBlocks(source, ctx.expand), design, { ...options, expanded: true });
  }
  const applied = { label: newLabel, rendering };
  if (ctx.newVariables.length) {
    const lines = ctx.newVariables.flatMap((name, i) => [...(i > 0 ? [''] : []), ...variableBlockText(name)]);
    const lastVariable = [...doc.items].reverse().find((i): i is DocBlock => i.kind === 'block' && i.type === 'variable');
    if (lastVariable) insertLinesAfter(ctx, lastVariable.close, lines, true);
    else insertLinesBefore(ctx, target.from, lines, true);
  }
  const edits = [...ctx.edits].sort((a, b) => a.from - b.from || a.to - b.to);
  if (ctx.releasedVariables.size === 0 && editsStayInLines(doc, edits)) {
    // Values changed within their lines: nothing to re-align, and the tree only moves.
    const text = applyTextEdits(source, edits);
    return { text, doc: shiftDocument(doc, text, edits), ...applied };
  }
  return { text: dropUnusedVariables(applyOperations(source, edits), ctx.releasedVariables), ...applied };
}
