/**
 * What the editor's text says, checked as a whole: its diagnostics, whether
 * it may replace the form (and with which connector's design), and the key
 * variables it references. Pure and self-contained, so it runs on the main
 * thread or in a Web Worker (editor-text-check.worker.ts) — a 300 KB file
 * takes tens of milliseconds to import, too long to do between keystrokes.
 */
import { importConnectors, type HclDiagnostic } from '@/lib/connector/hcl/parse';
import { reparseHcl } from '@/lib/hcl/incremental';
import { parseHcl } from '@/lib/hcl/parser';
import type { HclFile } from '@/lib/hcl/syntax';
import { sensitiveVariableReferences } from '@/lib/connector/hcl/psk';
import {
  editorDiagnostics,
  hclOnlyDiagnostics,
  judgeEditorParse,
  type EditorParseOutcome,
  type ResourceChoice,
} from './editor-design';

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

/** The tree of the text checked last (in this worker, or on the main thread): the next text is read from it. */
let lastFile: HclFile | undefined;

/**
 * The tree of `text`: re-parsed from the last one where it differs (one
 * changed range, found by the common start and end), else read whole.
 */
function treeOf(text: string): HclFile {
  const previous = lastFile;
  if (previous === undefined || previous.text.length === 0) return parseHcl(text);
  if (previous.text === text) return previous;
  const old = previous.text;
  const shortest = Math.min(old.length, text.length);
  let start = 0;
  while (start < shortest && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let end = 0;
  while (end < shortest - start && old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end))
    end++;
  // The previous tree is consumed by the re-parse (moved in place).
  lastFile = undefined;
  return reparseHcl(
    previous,
    { from: start, to: old.length - end, insert: text.slice(start, text.length - end) },
    undefined,
    text,
  );
}

export function checkEditorText(text: string, choice: ResourceChoice): EditorTextCheck {
  const file = treeOf(text);
  lastFile = file;
  const parsed = importConnectors(file);
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
