/**
 * Runs checks of the HCL editor's text in a Web Worker
 * (editor-text-check.worker.ts), one at a time in effect: only the latest
 * request's result is delivered, and only while the editor still holds that
 * text. Where workers are unavailable, or the worker fails, the check runs
 * on the main thread instead.
 */
import type { ResourceChoice } from './editor-design';
import { checkEditorText, type EditorTextCheck } from './editor-text-check';
import type { EditorTextCheckRequest, EditorTextCheckResponse } from './editor-text-check.worker';

interface Pending {
  id: number;
  text: string;
  choice: ResourceChoice;
  onCheck(check: EditorTextCheck): void;
  /** Whether the editor still holds text version `id`. */
  isCurrent(id: number): boolean;
}

export class EditorTextChecker {
  private worker: Worker | null | undefined;
  private pending: Pending | null = null;

  /** Checks `text` (the editor's version `id`) and hands the result to `onCheck`, unless a newer request or text came first. */
  request(
    id: number,
    text: string,
    choice: ResourceChoice,
    onCheck: (check: EditorTextCheck) => void,
    isCurrent: (id: number) => boolean,
  ): void {
    const worker = this.start();
    if (!worker) {
      onCheck(checkEditorText(text, choice));
      return;
    }
    this.pending = { id, text, choice, onCheck, isCurrent };
    const message: EditorTextCheckRequest = { id, text, choice };
    worker.postMessage(message);
  }

  /** Starts the worker before the first check needs it (its scripts take a moment to load). */
  warm(): void {
    this.start();
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.pending = null;
  }

  private start(): Worker | null {
    if (this.worker !== undefined) return this.worker;
    this.worker = null;
    if (typeof Worker === 'undefined') return null;
    try {
      const worker = new Worker(new URL('./editor-text-check.worker.ts', import.meta.url), {
        name: 'editor-text-check',
      });
      worker.onmessage = (event: MessageEvent<EditorTextCheckResponse>) => {
        const pending = this.pending;
        if (!pending || pending.id !== event.data.id) return;
        this.pending = null;
        if (pending.isCurrent(pending.id)) pending.onCheck(event.data.check);
      };
      worker.onerror = (event) => {
        // The script could not load or crashed: the check the page waits for is made here, and the next ones too.
        event.preventDefault();
        worker.terminate();
        this.worker = null;
        const pending = this.pending;
        this.pending = null;
        if (pending?.isCurrent(pending.id)) pending.onCheck(checkEditorText(pending.text, pending.choice));
      };
      this.worker = worker;
    } catch {
      this.worker = null;
    }
    return this.worker;
  }
}
