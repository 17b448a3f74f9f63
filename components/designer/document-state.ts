/**
 * The designer document's state and the pure helpers around it: what each
 * version holds, what the views read, and what keeps the file from being
 * handed over.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import type { TextEdit } from '@/lib/hcl/edit';
import type { HclDiagnostic } from '@/lib/connector/hcl/import/diagnostics';
import { sensitiveVariableReferences } from '@/lib/connector/hcl/psk';
import { labelForPath } from '@/lib/connector/resource';
import { ownValue, setOwn } from '@/lib/util/records';
import type { DesignCheck } from './design-check';
import type { DocumentStatus } from './editor-design';

/** No marks: one array, so views that compare by identity (the editor) see that nothing changed. */
export const NO_MARKS: readonly HclDiagnostic[] = [];

export interface DesignDocumentState {
  /** The file. */
  text: string;
  /**
   * How `text` came from the text before it, when the document knows (an edit it made or was told of): a view holding
   * that earlier text applies the change instead of comparing a large file's two texts. Null when not known.
   */
  textChange: TextChange | null;
  /** Counts versions of the text. */
  version: number;
  /** The form's design of the chosen resource (with the other protocol's values and this tab's keys). */
  design: ConnectorDesign;
  /** The check of `design`, or of an earlier one while `checking`. */
  check: DesignCheck;
  checking: boolean;
  checkedDesign: ConnectorDesign;
  canUndo: boolean;
  canRedo: boolean;
  lastStep: { label: string; seq: number } | null;
  /** The label of the connector resource the form edits, and every connector's label in the file. */
  resource: string;
  resources: readonly string[];
  status: DocumentStatus;
  /** Diagnostics about the HCL itself (syntax, unknown blocks): the editor's gutter and the panel. */
  diagnostics: readonly HclDiagnostic[];
  /** The editor gutter's diagnostics (the panel leaves out the form resource's rule findings). */
  shown: readonly HclDiagnostic[];
  /** The form changed while the file could not take it. */
  formAhead: boolean;
  /** Form fields whose value the file does not hold yet (an unfinished expression), by form path. */
  fieldErrors: ReadonlyMap<string, string>;
  /** Where the file holds the last value it took for each of those fields (marked in the editor). */
  held: readonly HclDiagnostic[];
  /** The variables the file's sensitive values reference (newline-joined). */
  keyVariables: string;
  /** Whether the checks include the tenant's (./tenant-checks.tsx). */
  tenant: TenantCheckStatus;
}

/** The tenant checks: waiting for the tenant's copy, running against it, or unavailable (the offline checks still run). */
export type TenantCheckStatus =
  | { state: 'loading' }
  | { state: 'ready'; connectors: number }
  | { state: 'unavailable'; reason: string };

export interface DocumentForm {
  getValues(): ConnectorDesign;
  /**
   * Brings the form to `design`, touching only what differs: from `previous` (the file's last reading) to
   * `design` when given — what the text changed, however the form writes the rest — else from the form's values.
   */
  show(design: ConnectorDesign, previous?: ConnectorDesign): void;
}

/** One replacement (`change`) that turned `before` into the text it is told with. */
export interface TextChange {
  before: string;
  change: TextEdit;
}

export interface Version {
  text: string;
  design: ConnectorDesign;
  resource: string;
}

/** One step: the same text, resource and design (designs are immutable: a change makes a new object). */
export const sameVersion = (a: Version, b: Version) =>
  a.text === b.text && a.resource === b.resource && a.design === b.design;

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/** `current` as an immutable value sharing with `previous` everything off `keys` (only the changed path is copied). */
export function shareAlongPath(previous: unknown, current: unknown, keys: readonly (string | number)[]): unknown {
  const [key, ...rest] = keys;
  if (
    key === undefined ||
    !isContainer(previous) ||
    !isContainer(current) ||
    Array.isArray(previous) !== Array.isArray(current)
  )
    return structuredClone(current);
  if (Array.isArray(previous) && Array.isArray(current) && previous.length !== current.length)
    return structuredClone(current);
  if (Array.isArray(previous) && Array.isArray(current)) {
    const copy = previous.slice();
    copy[Number(key)] = shareAlongPath(previous[Number(key)], current[Number(key)], rest);
    return copy;
  }
  const prevRecord = previous as Record<string, unknown>;
  const currRecord = current as Record<string, unknown>;
  return { ...prevRecord, [key]: shareAlongPath(prevRecord[key], currRecord[key], rest) };
}

/**
 * `next` with every part that equals `previous`'s part at the same place being that part itself (`previous` whole
 * when nothing differs). A reading of the file is a fresh object tree; shared this way, it keeps the objects of the
 * version before it that the edit left alone, as a form edit's version does, and every view that remembers its
 * work per object (the topology, the provision panel's walks) redoes only what changed.
 */
export function shareUnchanged<T>(previous: unknown, next: T): T {
  return shared(previous, next) as T;
}

function shared(previous: unknown, next: unknown): unknown {
  // A primitive is itself; the same object (or value, Object.is) is kept by the caller.
  if (previous === next || !isContainer(previous) || !isContainer(next)) return next;
  if (Array.isArray(previous) !== Array.isArray(next)) return next;
  if (Array.isArray(previous) && Array.isArray(next)) {
    let same = previous.length === next.length;
    const items = next.map((item, i) => {
      const kept = shared(previous[i], item);
      if (!Object.is(kept, previous[i])) same = false;
      return kept;
    });
    return same ? previous : items;
  }
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const keys = Object.keys(after);
  let same = keys.length === Object.keys(before).length;
  const record: Record<string, unknown> = {};
  for (const key of keys) {
    const earlier = ownValue(before, key);
    const kept = shared(earlier, after[key]);
    if (!Object.hasOwn(before, key) || !Object.is(kept, earlier)) same = false;
    setOwn(record, key, kept);
  }
  return same ? previous : record;
}

export const isBlockList = (v: unknown) => Array.isArray(v) && v.some((x) => typeof x === 'object' && x !== null);

export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of path) {
    if (!isContainer(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Why the file cannot be handed over (copied, downloaded, provisioned): a field whose value the file cannot
 * hold yet, a file with syntax errors or without a connector, or the form and the file disagreeing; else null.
 */
export function fileProblem(state: Pick<DesignDocumentState, 'fieldErrors' | 'status' | 'formAhead'>): string | null {
  const [first] = state.fieldErrors.entries();
  if (first) return `${labelForPath(first[0]) ?? first[0]}: ${first[1]} — finish or clear it first.`;
  if (state.status === 'syntax') return 'The HCL has syntax errors: fix them first.';
  if (state.status === 'resource-count') return 'The HCL holds no connector resource.';
  if (state.status === 'conflict' || state.formAhead)
    return 'The form and the HCL disagree: choose which one to keep first.';
  return null;
}

/** Variables the file's sensitive values reference, newline-joined. */
export function keyVariablesOf(text: string): string {
  return [...new Set([...text.matchAll(sensitiveVariableReferences())].map((m) => m[1]))].join('\n');
}
