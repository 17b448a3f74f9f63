/**
 * What the editor's text says, checked as a whole: its diagnostics, whether
 * it may replace the form (and with which connector's design), and the key
 * variables it references. Pure and self-contained, so it runs on the main
 * thread or in a Web Worker (editor-text-check.worker.ts) — a 300 KB file
 * takes tens of milliseconds to import, too long to do between keystrokes.
 */
import { parseConnectorHcl, type HclDiagnostic } from '@/lib/connector/hcl/parse';
import { sensitiveVariableReferences } from '@/lib/connector/hcl/psk';
import { editorDiagnostics, hclOnlyDiagnostics, judgeEditorParse, type EditorParseOutcome, type ResourceChoice } from './editor-design';


export interface EditorTextCheck {
  /** Diagnostics shown in the editor's gutter. */
  shown: HclDiagnostic[];
  /** Diagnostics about the HCL itself, for the panel (design-rule findings are in the error summary). */
  panel: HclDiagnostic[];
  outcome: EditorParseOutcome;
  resourceCount: number;
  /** Variables the file's sensitive values (keys, remote auth values) reference, newline-joined. */
  keyVariables: string;
}

export function checkEditorText(text: string, choice: ResourceChoice): EditorTextCheck {
  const parsed = parseConnectorHcl(text);
  const shown = editorDiagnostics(parsed.diagnostics);
  const outcome = judgeEditorParse(parsed, choice);
  return {
    shown,
    panel: hclOnlyDiagnostics(shown, outcome.status === 'synced' ? outcome.resource : undefined),
    outcome,
    resourceCount: parsed.designs.length,
    keyVariables: [...new Set([...text.matchAll(sensitiveVariableReferences())].map((m) => m[1]))].join('\n'),
  };
}
