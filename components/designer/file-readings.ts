/**
 * The document's readings of its own file, off the main thread (text-checker.ts): when the text is read (after a
 * typing pause in the editor, at once for a paste) and what a reading brings back — the file's diagnostics and
 * connectors always; the chosen connector's design for the form unless the form has changes of its own (a
 * conflict), the reading was not asked for the form (a load, an undo), or the text has changed again.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import type { TextEdit } from '@/lib/hcl/align';
import { sameList } from '@/lib/util/lists';
import { NO_MARKS, type DesignDocumentState } from './document-state';
import type { EditorTextCheck } from './editor-text-check';
import { EditorTextChecker } from './text-checker';

/**
 * Pause after typing in the editor before the text is read for the form: short for a file the worker reads in a few
 * milliseconds (the form follows the typing), longer for a large one (read once the typing pauses).
 */
const EDITOR_DELAY_MS = { small: 40, large: 150 };
const SMALL_FILE = 32_768;
/** An edit that inserts this much at once (a paste, a drop) is read at once: no typing follows it within a frame. */
const PASTE_SIZE = 1024;

/** What a reading needs of the document. */
export interface ReadingHost {
  state(): DesignDocumentState;
  set(patch: Partial<DesignDocumentState>): void;
  /** The form shows `read`, the design the file's chosen resource says now (with `common`, the reading's findings). */
  receiveDesign(read: ConnectorDesign, resource: string, common: Partial<DesignDocumentState>): void;
  disposed(): boolean;
}

export class FileReadings {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private checker: EditorTextChecker | null = null;

  constructor(private readonly host: ReadingHost) {}

  /** The editor made `change` and the text is now `text`: read it after the typing pause (a paste at once). */
  afterEdit(change: TextEdit, text: string): void {
    clearTimeout(this.timer);
    const delay =
      change.insert.length >= PASTE_SIZE ? 0 : text.length < SMALL_FILE ? EDITOR_DELAY_MS.small : EDITOR_DELAY_MS.large;
    this.timer = setTimeout(() => this.read(false), delay);
  }

  /**
   * Reads the current text: its diagnostics and connectors, and — `toForm` — the chosen resource's design for the
   * form (not after a load or undo: the form shows that version's design already). `force`: even over form changes.
   */
  read(
    force: boolean,
    resource: { label?: string; index?: number } = { label: this.host.state().resource },
    toForm = true,
  ): void {
    this.timer = undefined;
    const { version, text } = this.host.state();
    this.checker ??= new EditorTextChecker();
    this.checker.request(
      version,
      text,
      resource,
      (check) => this.receive(check, force, toForm),
      (id) => id === this.host.state().version,
    );
  }

  /** A pending reading after typing is not needed any more (a load, an undo: they read their own text). */
  cancel(): void {
    clearTimeout(this.timer);
  }

  /** Starts the worker, so that the first reading does not wait for its scripts. */
  warm(): void {
    this.checker ??= new EditorTextChecker();
    this.checker.warm();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.checker?.dispose();
  }

  private receive(result: EditorTextCheck, force: boolean, toForm: boolean): void {
    const { host } = this;
    const state = host.state();
    const { outcome } = result;
    // A clean file read again changes no marks: the same empty list, so no view redraws them.
    const common = {
      diagnostics: result.panel.length ? result.panel : NO_MARKS,
      shown: result.shown.length ? result.shown : NO_MARKS,
      resources: outcome.resources,
      keyVariables: result.keyVariables,
    };
    if (outcome.status !== 'synced') {
      host.set({ ...common, status: outcome.status });
      return;
    }
    if (!toForm) {
      host.set({ ...common, status: state.formAhead ? 'conflict' : 'synced', resource: outcome.resource });
      return;
    }
    if (state.formAhead && !force) {
      host.set({ ...common, status: 'conflict', resource: outcome.resource });
      return;
    }
    if (state.text.length < SMALL_FILE || sameList(outcome.resources, state.resources)) {
      host.receiveDesign(outcome.design, outcome.resource, common);
      return;
    }
    // A large file of other connectors (a paste, a drop): its own findings (its diagnostics, its connectors) show
    // first; bringing the form to its design — a render of every row — is the next task, unless the text has changed
    // again by then. Typing in a large file keeps one render per reading.
    host.set(common);
    const version = state.version;
    setTimeout(() => {
      if (!host.disposed() && host.state().version === version)
        host.receiveDesign(outcome.design, outcome.resource, {});
    }, 0);
  }
}
