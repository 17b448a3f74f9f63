/**
 * The source text to show in the editor for one imported connector: the
 * whole file, always — comments, variables, other resources and all. The
 * editor holds the whole document and the form edits the chosen connector
 * in place (components/designer/hcl-editor.tsx), so nothing is cut away.
 */
import type { ParsedHcl } from '@/lib/connector/hcl/parse';

export function connectorSource(text: string, _parsed: ParsedHcl, _index: number): string {
  return text;
}
