/**
 * The designer's one source of truth after each change: an immutable
 * snapshot of the form values, the one check of that snapshot (validation +
 * HCL, see design-check.ts) and the undo history. Outside React, like
 * HclSyncStore: the form reports changes, the views subscribe to the slice
 * they show, so a keystroke re-renders only what changed.
 *
 * Flow: a form change → (debounced) a new snapshot, sharing every object the
 * change did not touch → one check, in a Web Worker when available (a newer
 * snapshot made while one is being checked is checked next; older ones are
 * skipped) → subscribers.
 */
import type { ConnectorDesign, HclRenderOptions } from '@/lib/connector/design';
import { checkDesign, type DesignCheck } from './design-check';
import type { DesignCheckRequest, DesignCheckResponse } from './design-check.worker';
import { UndoHistory } from './undo-history';

/** Pause after a change before the snapshot is taken: one snapshot per burst of events, not per event. */
const SNAPSHOT_DELAY_MS = 8;

export interface FieldIssues {
  errors: readonly string[];
  warnings: readonly string[];
}

const NO_ISSUES: FieldIssues = { errors: [], warnings: [] };

export interface DesignSnapshotState {
  design: ConnectorDesign;
  /** The check of `design`, or of an earlier snapshot while the current one is being checked. */
  check: DesignCheck;
  /** True while `check` is older than `design`. */
  checking: boolean;
  /** The snapshot `check` was made of (the same object as `design` once `checking` is false). */
  checkedDesign: ConnectorDesign;
  canUndo: boolean;
  canRedo: boolean;
  /** The last named step (a removal, a duplicate…): what an "Undo" toast offers. */
  lastStep: { label: string; seq: number } | null;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/**
 * `current` as an immutable value that shares with `previous` everything off
 * `keys`: only the objects on the changed path are copied.
 */
export function shareAlongPath(previous: unknown, current: unknown, keys: readonly string[]): unknown {
  if (keys.length === 0 || !isContainer(previous) || !isContainer(current) || Array.isArray(previous) !== Array.isArray(current))
    return structuredClone(current);
  if (Array.isArray(previous) && Array.isArray(current) && previous.length !== current.length) return structuredClone(current);
  const [key, ...rest] = keys;
  if (Array.isArray(previous) && Array.isArray(current)) {
    const copy = previous.slice();
    copy[Number(key)] = shareAlongPath(previous[Number(key)], current[Number(key)], rest);
    return copy;
  }
  const prevRecord = previous as Record<string, unknown>;
  const currRecord = current as Record<string, unknown>;
  return { ...prevRecord, [key]: shareAlongPath(prevRecord[key], currRecord[key], rest) };
}

function isUnder(path: string, ancestor: string): boolean {
  return path === ancestor || ancestor === '' || path.startsWith(`${ancestor}.`);
}

export interface SnapshotForm {
  getValues(): ConnectorDesign;
  /** Puts a snapshot back into the form (undo/redo). */
  restore(design: ConnectorDesign): void;
}

export class DesignSnapshotStore {
  private state: DesignSnapshotState;
  private options: Required<HclRenderOptions>;
  private readonly listeners = new Set<() => void>();
  /** Paths changed since the last snapshot; `null` entry: the whole form (reset, load). */
  private readonly changed = new Set<string | null>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private version = 0;
  private checkedVersion = 0;
  private inFlight = false;
  private inFlightDesign: ConnectorDesign | null = null;
  private worker: Worker | null | undefined;
  private waiting: ((check: DesignCheck) => void)[] = [];
  private history: UndoHistory<ConnectorDesign>;
  /** The next snapshot starts a new history (a restored draft, a loaded live connector). */
  private freshHistory = false;
  /** While a snapshot is being restored, its form change is not a new step. */
  private restoring = false;
  /** Errors show at every field (after a load, "Validate all", an HCL edit) or only at fields the user has visited. */
  private revealAll = false;
  private readonly visited = new Set<string>();
  private fieldCache = new Map<string, FieldIssues>();
  private errorsByPath = new Map<string, string[]>();
  private warningsByPath = new Map<string, string[]>();

  constructor(
    private readonly form: SnapshotForm,
    initial: ConnectorDesign,
    options: Required<HclRenderOptions>,
  ) {
    this.options = options;
    const design = structuredClone(initial);
    this.history = new UndoHistory(design);
    this.state = { design, check: checkDesign(design, options), checking: false, checkedDesign: design, canUndo: false, canRedo: false, lastStep: null };
    this.indexIssues(this.state.check);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): DesignSnapshotState => this.state;

  private set(patch: Partial<DesignSnapshotState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /**
   * The form changed at `path` (undefined: everywhere, e.g. a reset).
   * `visit`: the user edited that field, so its findings show from now on.
   * `label`: a named step (e.g. "Remove instance 2"), never merged with typing.
   */
  noteChange(path: string | undefined, { visit = false, label }: { visit?: boolean; label?: string } = {}): void {
    if (this.restoring) return;
    this.changed.add(path ?? null);
    if (path !== undefined && visit && !this.visited.has(path)) {
      this.visited.add(path);
      this.fieldCache.clear();
    }
    if (label) this.pendingLabel = label;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.takeSnapshot(), SNAPSHOT_DELAY_MS);
  }

  /** Describes the next recorded step (e.g. "Instance 2 removed"), so it is not merged with typing. */
  private pendingLabel: string | undefined;
  private stepSeq = 0;

  /** The next change is where undo history begins (nothing before it can be undone). */
  startHistoryAtNextChange(): void {
    this.freshHistory = true;
  }

  /** Names the next change, e.g. before a removal; the state's `lastStep` then offers it for undo. */
  labelNextStep(label: string): void {
    this.pendingLabel = label;
  }

  /** Show every finding at its field (a load, "Validate all"), or only at visited fields again (a fresh form). */
  setRevealAll(reveal: boolean): void {
    if (!reveal) this.visited.clear();
    if (this.revealAll === reveal && reveal) return;
    this.revealAll = reveal;
    this.fieldCache.clear();
    for (const l of this.listeners) l();
  }

  setOptions(options: Required<HclRenderOptions>): void {
    if (options.omitDefaults === this.options.omitDefaults && options.preSharedKeys === this.options.preSharedKeys) return;
    this.options = options;
    this.version++;
    this.set({ checking: true });
    this.requestCheck();
  }

  /** Takes the pending snapshot now (e.g. before undo or provisioning). */
  flush(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.takeSnapshot();
  }

  private takeSnapshot(): void {
    this.timer = undefined;
    if (this.changed.size === 0) return;
    const values = this.form.getValues();
    let design: unknown = this.state.design;
    if (this.changed.has(null)) design = structuredClone(values);
    else for (const path of this.changed) if (path !== null) design = shareAlongPath(design, values, path.split('.'));
    const paths = [...this.changed];
    this.changed.clear();
    const next = design as ConnectorDesign;
    if (this.freshHistory) {
      this.history = new UndoHistory(next);
      this.freshHistory = false;
      this.pendingLabel = undefined;
    } else {
      // Typing in one field is one step; anything else (a click, a load) is a step of its own.
      const key = this.pendingLabel ?? (paths.length === 1 && paths[0] !== null ? paths[0] : null);
      this.history.record(next, this.pendingLabel ? null : key);
    }
    const lastStep = this.pendingLabel ? { label: this.pendingLabel, seq: ++this.stepSeq } : null;
    this.pendingLabel = undefined;
    this.version++;
    this.set({ design: next, checking: true, canUndo: this.history.canUndo, canRedo: this.history.canRedo, lastStep });
    this.requestCheck();
  }

  undo(): boolean {
    this.flush();
    const design = this.history.undo();
    if (!design) return false;
    this.restore(design);
    return true;
  }

  redo(): boolean {
    this.flush();
    const design = this.history.redo();
    if (!design) return false;
    this.restore(design);
    return true;
  }

  private restore(design: ConnectorDesign) {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.changed.clear();
    // The form echoes the reset as a change; that echo is this snapshot, not a new step.
    this.restoring = true;
    this.form.restore(design);
    clearTimeout(this.timer);
    this.timer = undefined;
    this.changed.clear();
    this.restoring = false;
    this.version++;
    this.set({ design, checking: true, canUndo: this.history.canUndo, canRedo: this.history.canRedo, lastStep: null });
    this.requestCheck();
  }

  /** The check of the current snapshot (taken now if a change is pending). */
  whenChecked(): Promise<DesignCheck> {
    this.flush();
    if (this.checkedVersion === this.version) return Promise.resolve(this.state.check);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private checker(): Worker | null {
    if (this.worker !== undefined) return this.worker;
    this.worker = null;
    if (typeof window === 'undefined' || typeof Worker === 'undefined') return null;
    try {
      const worker = new Worker(new URL('./design-check.worker.ts', import.meta.url), { name: 'design-check' });
      worker.onmessage = (event: MessageEvent<DesignCheckResponse>) => {
        this.inFlight = false;
        this.receive(event.data.id, event.data.check);
      };
      // The script could not load or crashed: check on the main thread from now on.
      worker.onerror = (event) => {
        event.preventDefault();
        worker.terminate();
        this.worker = null;
        this.inFlight = false;
        this.requestCheck();
      };
      this.worker = worker;
    } catch {
      this.worker = null;
    }
    return this.worker;
  }

  private requestCheck(): void {
    if (this.inFlight) return;
    const version = this.version;
    const worker = this.checker();
    if (!worker) {
      this.inFlightDesign = this.state.design;
      this.receive(version, checkDesign(this.state.design, this.options));
      return;
    }
    this.inFlight = true;
    this.inFlightDesign = this.state.design;
    const request: DesignCheckRequest = { id: version, design: this.state.design, options: this.options };
    worker.postMessage(request);
  }

  private receive(version: number, check: DesignCheck): void {
    this.checkedVersion = version;
    this.indexIssues(check);
    const current = version === this.version;
    this.set({ check, checking: !current, checkedDesign: this.inFlightDesign ?? this.state.design });
    if (!current) {
      this.requestCheck();
      return;
    }
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve(check);
  }

  private indexIssues(check: DesignCheck): void {
    const group = (issues: { path: string; message: string }[]) => {
      const map = new Map<string, string[]>();
      for (const { path, message } of issues) {
        const list = map.get(path);
        if (list) {
          if (!list.includes(message)) list.push(message);
        } else map.set(path, [message]);
      }
      return map;
    };
    this.errorsByPath = group(check.errors);
    this.warningsByPath = group(check.warnings);
  }

  private shown(path: string): boolean {
    if (this.revealAll) return true;
    for (const v of this.visited) if (isUnder(path, v)) return true;
    return false;
  }

  /**
   * Every error and warning at exactly `path`, shown once the field was
   * visited or everything is revealed (a fresh block's fields stay quiet). The same object while nothing changed,
   * so a field re-renders only when its own findings do.
   */
  fieldIssues(path: string): FieldIssues {
    const shown = this.shown(path);
    const errors = shown ? (this.errorsByPath.get(path) ?? []) : [];
    const warnings = shown ? (this.warningsByPath.get(path) ?? []) : [];
    const cached = this.fieldCache.get(path);
    if (cached && sameList(cached.errors, errors) && sameList(cached.warnings, warnings)) return cached;
    const next = errors.length || warnings.length ? { errors, warnings } : NO_ISSUES;
    this.fieldCache.set(path, next);
    return next;
  }

  /** Number of shown errors at or below `path` (a collapsed instance's badge). */
  errorCountUnder(path: string): number {
    let n = 0;
    for (const [p, messages] of this.errorsByPath) if (isUnder(p, path) && this.shown(p)) n += messages.length;
    return n;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.worker?.terminate();
    this.worker = null;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
