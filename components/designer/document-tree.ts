/**
 * The tree of the design document's current text (./design-document.ts),
 * kept lazily: an edit leaves a way to read the new text's tree (the tree
 * before, re-read around the change; or the whole text), and the tree is
 * read when an operation first needs it, or when the page is idle.
 */
import { reparseHcl } from '@/lib/hcl/incremental';
import type { TextEdit } from '@/lib/hcl/align';
import { parseHcl } from '@/lib/hcl/parser';
import type { HclFile } from '@/lib/hcl/syntax';

/** Edits larger than this (characters removed plus inserted) re-read the whole tree rather than their region. */
const INCREMENTAL_EDIT_MAX = 16_384;

/** Above this size a file's tree is read only when an edit needs it: reading it in idle time would take frames. */
const IDLE_READ_MAX = 400_000;

export class DocumentTree {
  private file: HclFile | null;
  /** How to read the current text's tree, when an edit left it unread. */
  private pending: (() => HclFile) | null = null;

  /** `text`: the document's current text, whenever asked; `file`: its tree now. */
  constructor(
    private readonly text: () => string,
    file: HclFile,
  ) {
    this.file = file;
  }

  /** The tree of the current text (read now if an edit left it unread). */
  get(): HclFile {
    if (this.pending) {
      this.file = this.pending();
      this.pending = null;
    }
    this.file ??= parseHcl(this.text());
    return this.file;
  }

  /** The current text is `file`'s. */
  set(file: HclFile): void {
    this.file = file;
    this.pending = null;
  }

  /** The text has changed: its tree is `read()` when needed (without one, the whole text is read then). */
  later(read: (() => HclFile) | null = null): void {
    this.file = null;
    this.pending = read;
    // The tree is read in idle time: a large file's tree takes milliseconds, a keystroke must not wait for it.
    if (typeof requestIdleCallback !== 'function') return;
    requestIdleCallback(
      () => {
        if (this.text().length < IDLE_READ_MAX) this.get();
      },
      { timeout: 1000 },
    );
  }

  /**
   * `change` of the current text made it `text`: the tree is re-read around the change when needed (edits in
   * between chained onto it); a change of most of the file (a paste, a select-all edit) is read whole.
   */
  edited(change: TextEdit, text: string): void {
    const pending = this.pending;
    const current = this.file;
    if (change.to - change.from + change.insert.length > INCREMENTAL_EDIT_MAX || (!pending && !current)) {
      this.later();
      return;
    }
    this.later(() => {
      try {
        return reparseHcl(pending ? pending() : (current as HclFile), change, undefined, text);
      } catch {
        // A tree out of step with the text (it should not be) costs a whole reading, never the edit.
        return parseHcl(text);
      }
    });
  }
}
