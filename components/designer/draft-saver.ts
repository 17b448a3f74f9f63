/**
 * The autosave's writer: a large file's draft is prepared in a worker (./draft.worker.ts) and written when it comes
 * back, unless a newer save was asked for meanwhile; a small one, or a save when the page goes away, is written at
 * once on this thread.
 */
import type { SecretValue } from '@/lib/connector/stored-secret';
import { isLargeDraft, saveDocumentDraft, writeStoredDraft, type DraftSlot } from './draft-storage';
import type { DraftRequest, DraftResponse } from './draft.worker';

export class DraftSaver {
  private worker: Worker | null | undefined;
  private latest = 0;

  /** Saves in the background when the file is large (`then` runs once it is written). */
  save(
    text: string,
    resource: string,
    variables: ReadonlyMap<string, SecretValue>,
    slot: DraftSlot | undefined,
    then: () => void,
  ): void {
    const id = ++this.latest;
    const worker = isLargeDraft(text) ? this.start() : null;
    if (!worker) {
      saveDocumentDraft(text, resource, variables, slot);
      then();
      return;
    }
    // The keys the file keeps in variables are taken now: the user may change one while the worker runs.
    const kept = new Map(variables);
    const onMessage = (event: MessageEvent<DraftResponse>) => {
      if (event.data.id !== id) return;
      worker.removeEventListener('message', onMessage);
      if (id !== this.latest) return;
      writeStoredDraft(event.data, kept, slot);
      then();
    };
    worker.addEventListener('message', onMessage);
    const request: DraftRequest = { id, text, resource };
    worker.postMessage(request);
  }

  /** Saves now on this thread (the page is going away); a background save still running is superseded. */
  saveNow(
    text: string,
    resource: string,
    variables: ReadonlyMap<string, SecretValue>,
    slot: DraftSlot | undefined,
  ): void {
    this.latest++;
    saveDocumentDraft(text, resource, variables, slot);
  }

  /** Starts the worker before a large file's first save needs it. */
  warm(): void {
    this.start();
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private start(): Worker | null {
    if (this.worker !== undefined) return this.worker;
    this.worker = null;
    if (typeof Worker === 'undefined') return null;
    try {
      const worker = new Worker(new URL('./draft.worker.ts', import.meta.url), { name: 'draft' });
      // A worker that cannot load (a strict policy, an old browser): save on this thread from now on.
      worker.onerror = (event) => {
        event.preventDefault();
        worker.terminate();
        this.worker = null;
      };
      this.worker = worker;
    } catch {
      this.worker = null;
    }
    return this.worker;
  }
}
