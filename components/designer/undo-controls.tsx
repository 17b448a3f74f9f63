'use client';
/**
 * Undo/redo of design changes: toolbar buttons, keyboard shortcuts and a
 * toast offering "Undo" after a named step (a removal, a load, a reset).
 *
 * Keyboard: Ctrl/Cmd+Z undoes and Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes a design
 * step — except while the focus is in a text box or the HCL editor, where the
 * keys keep their own meaning (the browser's text undo, CodeMirror's history)
 * so typing is never taken back behind the user's back. The buttons work
 * everywhere.
 */
import { useEffect, useState } from 'react';
import type { DesignDocument } from './design-document';
import { useDesignState, useDocumentStore } from './design-document-context';

const TOAST_MS = 10_000;

/** True when the key event belongs to a control with an undo of its own. */
function ownsUndo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('.cm-editor')) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type)
  );
}

export function useUndoShortcuts(store: DesignDocument): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.defaultPrevented) return;
      const key = e.key.toLowerCase();
      const redo = (key === 'z' && e.shiftKey) || (key === 'y' && e.ctrlKey && !e.shiftKey);
      const undo = key === 'z' && !e.shiftKey;
      if (!undo && !redo) return;
      if (ownsUndo(e.target)) return;
      e.preventDefault();
      if (redo) store.redo();
      else store.undo();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);
}

export function UndoControls() {
  const store = useDocumentStore();
  const canUndo = useDesignState((s) => s.canUndo);
  const canRedo = useDesignState((s) => s.canRedo);
  return (
    <div className="flex gap-1" role="group" aria-label="History">
      <button
        type="button"
        className="btn-secondary text-xs"
        onClick={() => store.undo()}
        disabled={!canUndo}
        title="Undo (Ctrl+Z)"
        aria-keyshortcuts="Control+Z Meta+Z"
      >
        Undo
      </button>
      <button
        type="button"
        className="btn-secondary text-xs"
        onClick={() => store.redo()}
        disabled={!canRedo}
        title="Redo (Ctrl+Shift+Z)"
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
      >
        Redo
      </button>
    </div>
  );
}

/** "Instance 2 removed · Undo" after a named step, for a few seconds. */
export function UndoToast() {
  const store = useDocumentStore();
  const lastStep = useDesignState((s) => s.lastStep);
  const [dismissed, setDismissed] = useState<number | null>(null);
  useEffect(() => {
    if (!lastStep) return;
    const timer = setTimeout(() => setDismissed(lastStep.seq), TOAST_MS);
    return () => clearTimeout(timer);
  }, [lastStep]);
  const visible = lastStep !== null && dismissed !== lastStep.seq;
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center"
    >
      {visible && (
        <div
          data-testid="undo-toast"
          className="pointer-events-auto flex items-center gap-3 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
        >
          <span>{lastStep.label}</span>
          <button
            type="button"
            className="font-semibold text-blue-300 underline dark:text-blue-700"
            onClick={() => {
              setDismissed(lastStep.seq);
              store.undo();
            }}
          >
            Undo
          </button>
          <button
            type="button"
            aria-label="Dismiss"
            className="text-slate-300 dark:text-slate-600"
            onClick={() => setDismissed(lastStep.seq)}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
