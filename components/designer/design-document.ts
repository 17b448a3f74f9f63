/**
 * The designer's one model: the HCL file (its text and lossless tree), the
 * way `hclwrite` keeps a file. Outside React; views subscribe to the slice
 * they show.
 *
 * - A form field's change is an operation on the file at its design path
 *   (lib/connector/hcl/document/operations.ts); a list row added or removed
 *   is a block inserted or removed. An expression that does not parse yet is
 *   an error at its field and leaves the file as it was.
 * - Typing in the editor replaces the text; the text is read (off the main
 *   thread, ./file-readings.ts) and the form follows the resource it edits.
 * - Every version is one step of one history: undo restores its exact text.
 * - Each version's design is validated once (./document-check.ts), and that
 *   one check feeds the fields, the summary, the topology and the provision
 *   panel.
 *
 * The values of the tunnel protocol not in use stay in the form (switching
 * back restores them); keys the file keeps in variables stay in this tab
 * (`secrets`).
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import { labelForPath, SENSITIVE_ATTRIBUTES } from '@/lib/connector/resource';
import type { HclDiagnostic } from '@/lib/connector/hcl/import/diagnostics';
import { renderConnectorHcl, resourceLabel } from '@/lib/connector/hcl/render';
import {
  applyDesignOperations,
  attributeSpan,
  blockCount,
  changedRange,
  composeChanges,
  designPathOf,
  isBlockListPath,
  keysInline,
  keysIntoVariables,
  OperationError,
  type DesignOperation,
  type DesignPath,
} from '@/lib/connector/hcl/document/operations';
import { protocolSwitchOperations } from '@/lib/connector/hcl/document/protocol-switch';
import { keepInactiveProtocolValues, withoutInactiveProtocolValues } from '@/lib/connector/protocol-values';
import { parseHcl } from '@/lib/hcl/parser';
import type { TextEdit } from '@/lib/hcl/edit';
import { Lines } from '@/lib/hcl/lines';
import type { HclFile } from '@/lib/hcl/syntax';
import { DesignChecks, type DesignCheck } from './document-check';
import { DocumentTree } from './document-tree';
import type { DocumentStatus } from './editor-design';
import { FileReadings } from './file-readings';
import { UndoHistory } from './undo-history';
import { DocumentReferences } from './document-references';
import type { DataSourceKind, DataSourceNames } from '@/lib/connector/hcl/data-sources';
import { FieldVisibility, type FieldIssues } from './field-visibility';
import { secretsFromDesign, withSecrets } from './document-secrets';
import type { SecretValue } from '@/lib/connector/stored-secret';
import { withFormLists } from './draft-storage';
import type { PreviewHclOptions } from './preview-pane';

export type { FieldIssues };
export {
  fileProblem,
  keyVariablesOf,
  shareAlongPath,
  type DesignDocumentState,
  type DocumentForm,
  type TenantCheckStatus,
} from './document-state';
import {
  fileProblem,
  isBlockList,
  keyVariablesOf,
  NO_MARKS,
  sameVersion,
  shareAlongPath,
  shareUnchanged,
  valueAt,
  type DesignDocumentState,
  type DocumentForm,
  type TenantCheckStatus,
  type TextChange,
  type Version,
} from './document-state';
import type { TenantSnapshotWire } from '@/lib/connector/tenant';
import { itemAt } from '@/lib/util/indexing';

export type { DocumentStatus };

const NO_ERRORS: ReadonlyMap<string, string> = new Map();

/** Runs `task` once the next frame has painted (at once where there are no frames: tests, the server). */
function afterPaint(task: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined' || document.hidden) {
    queueMicrotask(task);
    return;
  }
  requestAnimationFrame(() => setTimeout(task, 0));
}

export class DesignDocument {
  private state: DesignDocumentState;
  /** The tree of the current text. */
  private readonly tree: DocumentTree;
  private readonly listeners = new Set<() => void>();
  private readonly changed = new Set<string>();
  /** Form changes wait for the end of the current task (one version per burst of events, before the next paint). */
  private scheduled = false;
  private history: UndoHistory<Version>;
  private freshHistory = false;
  /** While the document puts a version into the form, the form's echo is not a change. */
  private showing = false;
  private pendingLabel: string | undefined;
  private stepSeq = 0;
  private readonly checks: DesignChecks;
  private checkScheduled = false;
  private disposed = false;
  /** Readings of the file off the main thread (after typing in the editor, after a load or undo). */
  private readonly readings = new FileReadings({
    state: () => this.state,
    set: (patch) => this.set(patch),
    receiveDesign: (read, resource, common) => this.receiveDesign(read, resource, common),
    disposed: () => this.disposed,
  });
  /** Keys the file keeps in variables: variable → value, or the stored secret (this tab only). */
  readonly secrets = new Map<string, SecretValue>();
  readonly visibility = new FieldVisibility(() => this.notify());
  /** The design the form was last brought to from the file (a reading, a load, an undo). */
  private lastRead: ConnectorDesign | undefined;
  /** Set by the editor once loaded: puts its cursor on a range. */
  editorReveal: ((from: number, to: number) => void) | null = null;
  /** Set by the preview pane: brings the HCL tab to the front before revealing. */
  onBeforeReveal: (() => void) | null = null;
  /** Catalog picks by name: the names the file's data blocks look up, the blocks a pick adds or releases. */
  private readonly references = new DocumentReferences(
    () => this.state.text,
    () => this.tree.get(),
    afterPaint,
    () => this.notify(),
  );
  /** The last protocol switch: switching straight back restores the file it left. */
  private protocolSwitch: { before: string; after: string; protocol: string } | null = null;

  constructor(
    private readonly form: DocumentForm,
    design: ConnectorDesign,
    private options: PreviewHclOptions,
  ) {
    const text = renderConnectorHcl(withoutInactiveProtocolValues(design), options);
    this.tree = new DocumentTree(() => this.state.text, parseHcl(text));
    this.history = new UndoHistory<Version>(
      { text, design, resource: resourceLabel(design.resource_name) },
      sameVersion,
    );
    this.checks = new DesignChecks((version, check, checkedDesign) => this.receiveCheck(version, check, checkedDesign));
    this.checks.setKeyOption(options.preSharedKeys);
    this.checks.setFileText(() => this.state.text);
    const check = this.checks.checkNow(design);
    this.state = {
      text,
      textChange: null,
      version: 0,
      design,
      check,
      checking: false,
      checkedDesign: design,
      canUndo: false,
      canRedo: false,
      lastStep: null,
      resource: resourceLabel(design.resource_name),
      resources: [resourceLabel(design.resource_name)],
      status: 'synced',
      diagnostics: NO_MARKS,
      shown: NO_MARKS,
      formAhead: false,
      fieldErrors: NO_ERRORS,
      held: NO_MARKS,
      keyVariables: '',
      tenant: { state: 'loading' },
    };
    this.visibility.index(check);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): DesignDocumentState => this.state;

  private notify(): void {
    for (const l of this.listeners) l();
  }

  private set(patch: Partial<DesignDocumentState>): void {
    const textChange =
      patch.textChange !== undefined || patch.text === undefined || patch.text === this.state.text
        ? (patch.textChange ?? this.state.textChange)
        : null; // a new text told without its change (a load, undo): views compare the texts
    this.state = { ...this.state, ...patch, textChange };
    this.notify();
  }

  // ---- the form ---------------------------------------------------------------------------

  /** The form changed at `path` (a form name); `visit`: the user edited that field, so its findings show from now on. */
  formChanged(path: string | undefined, { visit = false }: { visit?: boolean } = {}): void {
    if (this.showing || path === undefined) return;
    if (visit) this.visibility.visit(path);
    this.changed.add(path);
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => this.applyFormChanges());
  }

  /** `data.<type>.<label>` → the name the file's data block looks up. */
  dataSourceNames = (): DataSourceNames => this.references.dataSourceNames();

  /**
   * A catalog pick at form name `form` (a list's name for its items): by `name` as a data source of `kind`, or
   * (null) a literal. Returns the value the field takes for a pick by name; the file gets the data block with it.
   */
  referencePicked(
    form: string,
    kind: DataSourceKind | undefined,
    name: string | null,
    previous: unknown,
  ): string | undefined {
    this.flush();
    return this.references.picked(form, kind, name, previous);
  }

  /** Names the next step (e.g. "Instance 2 removed"): never merged with typing, and offered for undo. */
  labelNextStep(label: string): void {
    this.pendingLabel = label;
  }

  /** The next change starts a new history (nothing before it can be undone). */
  startHistoryAtNextChange(): void {
    this.freshHistory = true;
  }

  /** Applies the pending form changes now (e.g. before undo, export or provisioning). */
  flush(): void {
    if (this.scheduled) this.applyFormChanges();
  }

  private applyFormChanges(): void {
    this.scheduled = false;
    if (this.changed.size === 0) return;
    const values = this.form.getValues();
    const paths = [...this.changed];
    this.changed.clear();
    const ops: { op: DesignOperation; form: string }[] = [];
    const edited: string[] = [];
    let protocol: string | undefined;
    for (const name of paths) {
      const path = designPathOf(name);
      const value = valueAt(values, path);
      // Lists of blocks change through listChanged (one block at a time); `dynamic` sources are the file's.
      if (isBlockListPath(path) || isBlockList(value) || path[path.length - 1] === 'dynamic') continue;
      if (path.length === 1 && path[0] === 'tunnel_protocol') {
        protocol = String(value ?? '');
        continue;
      }
      edited.push(name);
      const { before, after } = this.references.around(name);
      for (const op of before) ops.push({ op, form: path.join('.') });
      ops.push({ op: { kind: 'set', path, value }, form: path.join('.') });
      for (const op of after) ops.push({ op, form: path.join('.') });
    }
    if (edited.length) {
      let design: unknown = this.state.design;
      for (const name of edited) design = shareAlongPath(design, values, designPathOf(name));
      this.commit(ops, design as ConnectorDesign, edited.length === 1 ? itemAt(edited, 0, 'edited field') : null);
    }
    if (protocol !== undefined) this.switchProtocol(values, protocol);
  }

  /** A list row added (`insert-block`) or removed (`remove-block`) in the form, after the form's own list changed. */
  listChanged(op: Extract<DesignOperation, { kind: 'insert-block' | 'remove-block' }>): void {
    // The form's echo of its own list change is this operation.
    const list = op.path.slice(0, -1).join('.');
    for (const p of [...this.changed]) if (p === list) this.changed.delete(p);
    this.flush();
    const values = this.form.getValues();
    const listPath = op.path.slice(0, -1);
    const design = shareAlongPath(this.state.design, values, listPath) as ConnectorDesign;
    this.commit([{ op, form: listPath.join('.') }], design, null);
  }

  private switchProtocol(values: ConnectorDesign, protocol: string): void {
    const text = this.state.text;
    const back = this.protocolSwitch;
    const ops: DesignOperation[] = [{ kind: 'set', path: ['tunnel_protocol'], value: protocol }];
    if (back && back.after === text && back.protocol === (protocol || 'VXLAN')) {
      // Straight back: the file it left, byte for byte.
      this.protocolSwitch = null;
      this.replaceTextFromForm(back.before, values);
      return;
    }
    const file = this.state.status === 'synced' ? this.tree.get() : null;
    const resource = this.state.resource;
    if (file)
      ops.push(
        ...protocolSwitchOperations(values, protocol || 'VXLAN', (i, name) =>
          blockCount(file, resource, ['instances', i, name]),
        ),
      );
    const before = text;
    const previousProtocol = String(this.state.design.tunnel_protocol || 'VXLAN');
    this.commit(
      ops.map((op) => ({ op, form: 'tunnel_protocol' })),
      shareAlongPath(this.state.design, values, ['tunnel_protocol']) as ConnectorDesign,
      null,
    );
    this.protocolSwitch = { before, after: this.state.text, protocol: previousProtocol };
  }

  /** A text the form chose (a protocol switch back): the form already holds its design. */
  private replaceTextFromForm(text: string, values: ConnectorDesign): void {
    this.setText(text);
    this.record({ text, design: structuredClone(values), resource: this.state.resource }, null);
    this.set({ text, version: this.state.version + 1, design: structuredClone(values), checking: true });
    this.requestCheck();
  }

  /** Applies form operations to the file and records the version; an operation the file cannot take yet becomes its field's error. */
  private commit(
    ops: readonly { op: DesignOperation; form: string }[],
    design: ConnectorDesign,
    mergeKey: string | null,
    replaced?: string,
  ): void {
    let fieldErrors = this.state.fieldErrors;
    const setError = (form: string, message: string | undefined) => {
      if (fieldErrors.get(form) === message) return;
      const next = new Map(fieldErrors);
      if (message === undefined) next.delete(form);
      else next.set(form, message);
      fieldErrors = next;
    };
    let text = replaced ?? this.state.text;
    // The operations' replacements as one, when the text is this document's (not `replaced`): the editor applies it.
    let change: TextEdit | null | undefined = replaced === undefined ? null : undefined;
    let formAhead = this.state.formAhead;
    if (this.state.status !== 'synced' && this.state.status !== 'conflict') {
      if (ops.length) formAhead = true;
    } else {
      for (const { op, form } of ops) {
        try {
          const result = applyDesignOperations(this.tree.get(), [op], {
            ...this.options,
            resource: this.state.resource,
          });
          this.tree.later(() => result.file);
          if (change !== undefined && result.change)
            change = change ? composeChanges(change, result.change, result.text) : result.change;
          text = result.text;
          for (const [name, value] of result.secrets) this.secrets.set(name, value);
          if (result.resource !== this.state.resource)
            this.state = {
              ...this.state,
              resource: result.resource,
              resources: this.state.resources.map((r) => (r === this.state.resource ? result.resource : r)),
            };
          setError(form, undefined);
        } catch (error) {
          // The tree may be half moved by a failed multi-step operation: read the text again.
          this.tree.set(parseHcl(text));
          if (error instanceof OperationError) setError(form, error.message);
          else throw error;
        }
      }
      if (this.state.status === 'conflict') formAhead = true;
    }
    const label = this.pendingLabel;
    this.record({ text, design, resource: this.state.resource }, label ? null : mergeKey);
    this.set({
      text,
      textChange: change ? { before: this.state.text, change } : undefined,
      version: this.state.version + 1,
      design,
      checking: true,
      fieldErrors,
      held:
        fieldErrors === this.state.fieldErrors && text === this.state.text
          ? this.state.held
          : this.heldMarks(fieldErrors),
      formAhead,
      // Only an edit of a key, or of blocks (which hold keys), can change the variables the keys reference.
      keyVariables:
        text !== this.state.text &&
        (replaced !== undefined ||
          ops.some(({ op }) => op.kind !== 'set' || SENSITIVE_ATTRIBUTES.has(String(op.path[op.path.length - 1]))))
          ? keyVariablesOf(text)
          : this.state.keyVariables,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      lastStep: label ? { label, seq: ++this.stepSeq } : null,
    });
    this.requestCheck();
  }

  /** The editor's marks on the values the file keeps for fields it cannot take yet. */
  private heldMarks(fieldErrors: ReadonlyMap<string, string>): readonly HclDiagnostic[] {
    if (fieldErrors.size === 0) return NO_MARKS;
    const file = this.tree.get();
    return [...fieldErrors.keys()].flatMap((form) => {
      const span = attributeSpan(file, this.state.resource, designPathOf(form));
      const message = `The form's ${labelForPath(form) ?? form} is not complete yet; the file keeps its last complete value until it is.`;
      if (!span) return [];
      const { line, column } = new Lines(file.text).position(span.from);
      return [{ ...span, line, column, severity: 'warning' as const, message, path: form }];
    });
  }

  private record(version: Version, mergeKey: string | null): void {
    if (this.freshHistory) {
      this.history = new UndoHistory(version, sameVersion);
      this.freshHistory = false;
    } else this.history.record(version, mergeKey);
    this.pendingLabel = undefined;
  }

  // ---- the editor -------------------------------------------------------------------------

  /**
   * The user typed in the editor: `text` is the file now. `edit`: what the editor changed, and the text it changed
   * (the editor knows; comparing a large file's two texts takes milliseconds) — used when that is this text.
   */
  editorChanged(text: string, edit?: TextChange): void {
    this.flush();
    const previous = this.state.text;
    const change = edit && edit.before === previous ? edit.change : changedRange(previous, text);
    if (!change) return;
    // The worker reads the text for the form; the tree here is only for the next form edit. A small edit re-reads
    // only its region of the tree (when the tree is next needed, edits in between chained); a large paste is read
    // whole, when first needed.
    this.tree.edited(change, text);
    this.protocolSwitch = null;
    this.record({ text, design: this.state.design, resource: this.state.resource }, 'editor');
    this.set({
      text,
      textChange: { before: previous, change },
      version: this.state.version + 1,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      lastStep: null,
    });
    this.readings.afterEdit(change, text);
  }

  /** The form shows `read`, the design the file's chosen resource says now. */
  private receiveDesign(read: ConnectorDesign, resource: string, common: Partial<DesignDocumentState>): void {
    const current = this.form.getValues();
    const fresh = withFormLists(keepInactiveProtocolValues(withSecrets(read, this.secrets), current));
    // A reading of the same resource is an edit of it: what it says the same keeps the version before's objects.
    // Another resource (a paste of other connectors, a pick) is a new design, drawn anew.
    const sameResource = resource === this.state.resource;
    const design = sameResource ? shareUnchanged(this.state.design, fresh) : fresh;
    // Only what the text changed since its last reading (the same resource's): a reset would rebuild every row.
    this.show(design, this.lastRead !== undefined && sameResource ? this.lastRead : undefined);
    this.history.amendPresent({ text: this.state.text, design, resource });
    this.set({
      ...common,
      status: 'synced',
      formAhead: false,
      resource,
      design,
      checking: true,
      fieldErrors: NO_ERRORS,
      held: NO_MARKS,
    });
    this.visibility.revealAll(true);
    this.requestCheck();
  }

  private show(design: ConnectorDesign, previous?: ConnectorDesign): void {
    this.showing = true;
    try {
      this.form.show(design, previous);
    } finally {
      this.showing = false;
    }
    this.lastRead = design;
  }

  /** Puts `text` in place of the current text (tree kept in step). */
  private setText(text: string): void {
    if (text !== this.state.text) this.tree.later();
  }

  /** Shows a range of the file in the editor (a diagnostic clicked in the panel). */
  reveal(from: number, to: number): void {
    this.onBeforeReveal?.();
    this.editorReveal?.(from, to);
  }

  /** Chooses which connector of the file the form edits. */
  selectResource(label: string): void {
    this.readings.read(true, { label });
  }

  /** Resolves a conflict for the file: its design replaces the form. */
  applyToForm(): void {
    this.set({ formAhead: false });
    this.readings.read(true);
  }

  /** Resolves a conflict (or a broken file) for the form: the file becomes the form's rendering. */
  replaceWithFormHcl(): void {
    this.flush();
    // A version is a value of its own: the form's values object is the form's to change.
    const values = structuredClone(this.form.getValues());
    this.load(renderConnectorHcl(withoutInactiveProtocolValues(values), this.options), values, {
      label: 'Replaced the HCL with the form',
    });
  }

  // ---- loading, undo ----------------------------------------------------------------------

  /**
   * A new file (a template, an import, a draft, a stored version): `design` is its chosen resource read
   * already (the form shows it); `fresh`: the history starts here.
   */
  load(
    text: string,
    design: ConnectorDesign,
    {
      label,
      fresh = false,
      resource,
      file,
    }: { label?: string; fresh?: boolean; resource?: string; file?: HclFile } = {},
  ): void {
    this.scheduled = false;
    this.changed.clear();
    this.references.clear();
    this.readings.cancel();
    this.protocolSwitch = null;
    for (const [name, value] of secretsFromDesign(text, design)) this.secrets.set(name, value);
    const chosen = resource ?? resourceLabel(design.resource_name);
    // `file`: the caller read this text's tree already (a draft); otherwise it is read when the page is idle.
    if (file?.text === text) this.tree.set(file);
    else this.tree.later();
    const version: Version = { text, design, resource: chosen };
    if (fresh) {
      this.history = new UndoHistory(version, sameVersion);
      this.freshHistory = false;
      this.pendingLabel = undefined;
    } else {
      if (label) this.pendingLabel = label;
      this.record(version, null);
    }
    this.show(design);
    this.set({
      text,
      version: this.state.version + 1,
      design,
      checking: true,
      resource: chosen,
      status: 'synced',
      formAhead: false,
      fieldErrors: NO_ERRORS,
      held: NO_MARKS,
      diagnostics: NO_MARKS,
      shown: NO_MARKS,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      lastStep: label && !fresh ? { label, seq: ++this.stepSeq } : null,
    });
    this.requestCheck();
    // The file's own diagnostics and connectors (a file may hold several), off the main thread.
    this.readings.read(false, { label: chosen }, false);
  }

  undo(): boolean {
    this.flush();
    const version = this.history.undo();
    if (!version) return false;
    this.restore(version);
    return true;
  }

  redo(): boolean {
    this.flush();
    const version = this.history.redo();
    if (!version) return false;
    this.restore(version);
    return true;
  }

  private restore(version: Version): void {
    this.readings.cancel();
    this.protocolSwitch = null;
    this.setText(version.text);
    this.show(version.design);
    this.set({
      text: version.text,
      version: this.state.version + 1,
      design: version.design,
      resource: version.resource,
      checking: true,
      fieldErrors: NO_ERRORS,
      held: NO_MARKS,
      formAhead: false,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      lastStep: null,
    });
    this.requestCheck();
    this.readings.read(false, { label: version.resource }, false);
  }

  // ---- options, checks --------------------------------------------------------------------

  setOptions(options: PreviewHclOptions): void {
    if (options.omitDefaults === this.options.omitDefaults && options.preSharedKeys === this.options.preSharedKeys)
      return;
    const before = this.options;
    this.options = options;
    this.checks.setKeyOption(options.preSharedKeys);
    const values = structuredClone(this.form.getValues());
    // A file the form wrote and nobody changed is re-rendered with the new options.
    if (this.state.text === renderConnectorHcl(withoutInactiveProtocolValues(values), before)) {
      this.load(renderConnectorHcl(withoutInactiveProtocolValues(values), options), values, {
        label: 'HCL options changed',
      });
      return;
    }
    // Any other file keeps its text; the user's key choice moves its keys (default values only change new lines).
    if (before.preSharedKeys === options.preSharedKeys || this.state.status !== 'synced') return;
    this.flush();
    const result =
      options.preSharedKeys === 'variable'
        ? keysIntoVariables(this.tree.get(), this.state.resource)
        : keysInline(this.tree.get(), this.state.resource, this.secrets);
    if (result.text === this.state.text) return;
    for (const [name, value] of result.secrets) this.secrets.set(name, value);
    this.tree.later(() => result.file);
    this.pendingLabel = options.preSharedKeys === 'variable' ? 'Keys moved into variables' : 'Keys written inline';
    this.commit([], this.state.design, null, result.text);
  }

  /** Why the file cannot be copied, downloaded or provisioned now, or null. */
  exportProblem(): string | null {
    this.flush();
    return fileProblem(this.state);
  }

  private requestCheck(): void {
    // Handing a large design to the worker copies it: that waits until the keystroke's frame has painted.
    if (this.checkScheduled) return;
    this.checkScheduled = true;
    afterPaint(() => {
      this.checkScheduled = false;
      if (!this.disposed) this.checks.request(this.state.version, this.state.design);
    });
  }

  private receiveCheck(version: number, check: DesignCheck, checkedDesign: ConnectorDesign): void {
    this.visibility.index(check);
    this.set({ check, checking: version !== this.state.version, checkedDesign });
  }

  /** The tenant's copy to check against (null: none, `status` says why); the current version is checked again. */
  setTenant(snapshot: TenantSnapshotWire | null, status: TenantCheckStatus): void {
    const changed = this.checks.setTenant(snapshot);
    this.set({ tenant: status, checking: changed || this.state.checking });
    if (changed) this.requestCheck();
  }

  /** The live connector this design is (an edit, or a workspace design linked to it), or null. */
  setLinkedConnector(id: number | null): void {
    if (!this.checks.setLinkedConnector(id)) return;
    this.set({ checking: true });
    this.requestCheck();
  }

  /** The check of the current version. */
  whenChecked(): Promise<DesignCheck> {
    this.flush();
    return this.checks.whenChecked(this.state.version, this.state.check);
  }

  /** Every error and warning at exactly `path` that shows now, plus the field's own error. */
  fieldIssues(path: string): FieldIssues {
    return this.visibility.fieldIssues(path, this.state.fieldErrors.get(path));
  }

  errorCountUnder(path: string): number {
    return this.visibility.errorCountUnder(path);
  }

  setRevealAll(reveal: boolean): void {
    this.visibility.revealAll(reveal);
  }

  /**
   * Starts the workers that read the file and check the design, so that the first paste or reading after the page
   * opens does not wait for their scripts to load (about half a second for a 1 MB paste).
   */
  warmUp(): void {
    if (this.disposed) return;
    this.readings.warm();
    this.checks.warm();
  }

  dispose(): void {
    this.disposed = true;
    this.scheduled = false;
    this.readings.dispose();
    this.checks.dispose();
  }
}

export type { DesignPath };
