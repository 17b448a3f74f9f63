/**
 * Pure rules of the editor ⇄ form sync: when parsed HCL may replace the form,
 * how pre-shared keys survive the round trip, which diagnostics to show, and
 * the smallest text change between two renderings. No parser import here, so
 * the diagnostics panel can use it without pulling the grammar into the
 * designer's first load.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import type { HclDiagnostic } from '@/lib/connector/hcl/import/diagnostics';
import { listPskVariables } from '@/lib/connector/hcl/psk';
import { sensitiveSlots } from '@/lib/connector/sensitive';
import type { EditorSyncStatus } from './hcl-sync-store';

interface ParsedLike {
  designs: { design: ConnectorDesign; resource_name: string }[];
  diagnostics: HclDiagnostic[];
}

/** Errors that mean the text is not a readable Terraform file (as opposed to a readable file with wrong values). */
function isStructuralError(d: HclDiagnostic): boolean {
  return d.severity === 'error' && (d.message.startsWith('Syntax error') || d.message.startsWith('Attributes are not allowed at the top level'));
}

export type EditorParseOutcome =
  | { status: 'synced'; design: ConnectorDesign; resource: string; resources: string[] }
  | { status: Exclude<EditorSyncStatus, 'synced' | 'conflict'>; resourceCount: number; resources: string[] };

/** Which connector of the file the form edits: the chosen label, else the one at the same position, else the first. */
export interface ResourceChoice {
  label?: string;
  index?: number;
}

/**
 * Whether the editor text may replace the form: it must parse and hold a
 * connector resource — the chosen one when it holds several.
 */
export function judgeEditorParse(parsed: ParsedLike, choice: ResourceChoice = {}): EditorParseOutcome {
  const resourceCount = parsed.designs.length;
  const resources = parsed.designs.map((d) => d.resource_name);
  if (parsed.diagnostics.some(isStructuralError)) return { status: 'syntax', resourceCount, resources };
  if (resourceCount === 0) return { status: 'resource-count', resourceCount, resources };
  const byLabel = choice.label === undefined ? -1 : resources.indexOf(choice.label);
  const index = byLabel >= 0 ? byLabel : choice.index !== undefined && choice.index < resourceCount ? choice.index : 0;
  const chosen = parsed.designs[index];
  return { status: 'synced', design: chosen.design, resource: chosen.resource_name, resources };
}

/**
 * The generated `variable` blocks are the editor's own output; noting on
 * every one of them that the import ignores it would only be noise.
 */
export function editorDiagnostics(diagnostics: HclDiagnostic[]): HclDiagnostic[] {
  return diagnostics.filter((d) => !(d.severity === 'info' && d.message.startsWith('Ignored variable block')));
}

/**
 * Diagnostics about the HCL itself (syntax, unknown blocks, types): the
 * design rules' findings for the resource the form holds are left out, since
 * the error summary already lists them with a link to their field. Without
 * such a resource (`undefined`), everything stays.
 */
export function hclOnlyDiagnostics(diagnostics: HclDiagnostic[], formResource: string | undefined): HclDiagnostic[] {
  if (formResource === undefined) return diagnostics;
  return diagnostics.filter((d) => !(d.rule && d.resource === formResource));
}

function valueAt(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * The form holds literal secrets (keys, a stored value's mask) while the
 * editor shows `var.<name>`. A sensitive value whose text in the editor is
 * one of the variables generated for the form's values gets that value back
 * (matched by variable name, not position: deleting or inserting a block in
 * the editor shifts the ones after it); likewise one the editor already kept
 * in a variable where the form has a literal (same place as the editor's
 * previous reading). Otherwise a round trip through the editor would swap
 * the user's key — or a stored secret — for a reference. Any other value is
 * taken as written. Which values are sensitive is the description's.
 */
export function keepFormPskLiterals(parsed: ConnectorDesign, form: ConnectorDesign, previousEditor?: ConnectorDesign): ConnectorDesign {
  const generated = listPskVariables(form);
  const literalByReference = new Map<string, unknown>(generated.map(({ name, path }) => [`\${var.${name}}`, valueAt(form, path)]));
  if (previousEditor) {
    const before = new Map(sensitiveSlots(previousEditor).map((slot) => [slot.path, slot.holder[slot.name]]));
    for (const slot of sensitiveSlots(form)) {
      const reference = before.get(slot.path);
      const literal = slot.holder[slot.name];
      if (typeof reference === 'string' && reference.startsWith('${var.') && typeof literal === 'string' && literal !== '' && !literal.startsWith('${')) {
        if (!literalByReference.has(reference)) literalByReference.set(reference, literal);
      }
    }
  }
  if (literalByReference.size === 0) return parsed;
  const next = structuredClone(parsed);
  for (const slot of sensitiveSlots(next)) {
    const value = slot.holder[slot.name];
    if (typeof value === 'string' && literalByReference.has(value)) slot.holder[slot.name] = literalByReference.get(value);
  }
  return next;
}

/** The one replacement turning `before` into `after` (common prefix and suffix kept), so the cursor and scroll map through it. */
export function minimalChange(before: string, after: string): { from: number; to: number; insert: string } | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}
