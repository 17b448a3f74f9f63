/**
 * Shared state of the two-way HCL editor, outside React so that the editor
 * (loaded lazily inside the preview pane), the diagnostics panel next to the
 * error summary and the designer's Import action can talk without the
 * designer re-rendering on every keystroke.
 */
import { useSyncExternalStore } from 'react';
import type { HclDiagnostic } from '@/lib/connector/hcl/import/diagnostics';

/**
 * - `synced`: the form holds the editor's design (or is about to, after the typing pause).
 * - `syntax`: the text does not parse; the form keeps the last valid design.
 * - `resource-count`: it parses, but holds no connector resource.
 * - `conflict`: both sides changed: the form while the editor could not follow,
 *   then the editor became valid. The user picks which one wins.
 */
export type EditorSyncStatus = 'synced' | 'syntax' | 'resource-count' | 'conflict';

export interface HclSyncSnapshot {
  status: EditorSyncStatus;
  /** Connector resources in the editor text (for the `resource-count` note). */
  resourceCount: number;
  /** Diagnostics about the HCL itself, for the panel (design-rule findings are in the error summary). */
  diagnostics: HclDiagnostic[];
  /** The form changed while the editor could not follow; the editor kept the user's text. */
  formAhead: boolean;
  /** Labels of the connector resources in the editor text, in order (joined by newlines, so snapshots compare cheaply). */
  resourceLabels: string;
  /** The label of the resource the form edits. */
  resource: string;
  /** Variables the editor's pre-shared keys reference (newline-joined), or null before the editor has loaded. */
  keyVariables: string | null;
}

/** What the editor offers to the rest of the page once it has loaded. */
export interface HclEditorHandle {
  getText(): string;
  /** Moves the cursor to a source range and focuses the editor. */
  reveal(from: number, to: number): void;
  /** Discards the editor's text in favour of the HCL rendered from the form. */
  replaceWithFormHcl(): void;
  /** Resolves a conflict in favour of the editor's text. */
  applyToForm(): void;
  /** Shows imported source text as is (the form was just loaded from it). */
  showSource(text: string): void;
  /** Makes the form edit another connector resource of the file. */
  selectResource(label: string): void;
}

const INITIAL: HclSyncSnapshot = { status: 'synced', resourceCount: 1, diagnostics: [], formAhead: false, resourceLabels: '', resource: '', keyVariables: null };

export class HclSyncStore {
  private snapshot: HclSyncSnapshot = INITIAL;
  private readonly listeners = new Set<() => void>();
  private editor: HclEditorHandle | null = null;
  /** Imported text that arrived before the editor finished loading. */
  private pendingSource: string | null = null;
  /** Set by the preview pane: brings the HCL tab to the front before revealing. */
  onBeforeReveal: (() => void) | null = null;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): HclSyncSnapshot => this.snapshot;

  update(patch: Partial<HclSyncSnapshot>): void {
    const next = { ...this.snapshot, ...patch };
    const changed = (Object.keys(patch) as (keyof HclSyncSnapshot)[]).some((k) => next[k] !== this.snapshot[k]);
    if (!changed) return;
    this.snapshot = next;
    for (const l of this.listeners) l();
  }

  attachEditor(handle: HclEditorHandle | null): void {
    this.editor = handle;
    if (handle && this.pendingSource !== null) {
      handle.showSource(this.pendingSource);
      this.pendingSource = null;
    }
  }

  editorText(): string | null {
    return this.editor?.getText() ?? null;
  }

  reveal(from: number, to: number): void {
    this.onBeforeReveal?.();
    this.editor?.reveal(from, to);
  }

  replaceWithFormHcl(): void {
    this.editor?.replaceWithFormHcl();
  }

  applyToForm(): void {
    this.editor?.applyToForm();
  }

  selectResource(label: string): void {
    this.editor?.selectResource(label);
  }

  /** Call right after the form was loaded from `text`, so the editor shows the file rather than a re-rendering. */
  showSource(text: string): void {
    if (this.editor) this.editor.showSource(text);
    else this.pendingSource = text;
  }
}

export function useHclSync(store: HclSyncStore): HclSyncSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
