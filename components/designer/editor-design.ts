/**
 * Pure rules of reading the file for the form: when it may replace the form's
 * design (and with which connector's), and which diagnostics to show where.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import type { HclDiagnostic } from '@/lib/connector/hcl/import/diagnostics';
import { itemAt } from '@/lib/util/indexing';

/**
 * - `synced`: the form edits the file's chosen resource.
 * - `syntax`: the file does not parse; the form keeps the last design read from it.
 * - `resource-count`: it parses, but holds no connector resource.
 * - `conflict`: the form changed while the file could not take it, then the file became readable: the user picks.
 */
export type DocumentStatus = 'synced' | 'syntax' | 'resource-count' | 'conflict';

interface ParsedLike {
  designs: { design: ConnectorDesign; resource_name: string }[];
  diagnostics: HclDiagnostic[];
}

/** Errors that mean the text is not a readable Terraform file (as opposed to a readable file with wrong values). */
function isStructuralError(d: HclDiagnostic): boolean {
  return (
    d.severity === 'error' &&
    (d.message.startsWith('Syntax error') || d.message.startsWith('Attributes are not allowed at the top level'))
  );
}

export type EditorParseOutcome =
  | { status: 'synced'; design: ConnectorDesign; resource: string; resources: string[] }
  | { status: Exclude<DocumentStatus, 'synced' | 'conflict'>; resourceCount: number; resources: string[] };

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
  const chosen = itemAt(parsed.designs, index, 'resource');
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
