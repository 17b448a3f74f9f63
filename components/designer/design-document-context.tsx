'use client';
/**
 * React access to the designer's DesignDocument: each hook subscribes to
 * one slice, so a view re-renders only when its slice changes.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { FieldErrors, Resolver } from 'react-hook-form';
import type { ConnectorDesign, DesignIssue } from '@/lib/connector/design';
import type { DataSourceNames } from '@/lib/connector/hcl/data-sources';
import { fileProblem, type DesignDocumentState, type DesignDocument, type FieldIssues } from './design-document';
import { lastItem } from '@/lib/util/indexing';

export const DesignDocumentContext = createContext<DesignDocument | null>(null);

export function useDocumentStore(): DesignDocument {
  const store = useContext(DesignDocumentContext);
  if (!store) throw new Error('useDocumentStore outside the designer');
  return store;
}

/** Runs a form change as one named, undoable step (the designer offers "Undo" for it). */
export function useLabelledStep(): (label: string, change: () => void) => void {
  const store = useDocumentStore();
  return (label, change) => {
    store.labelNextStep(label);
    change();
  };
}

/** A slice of the document's state; `select` must return a part of the state (stable between changes). */
export function useDesignState<T>(select: (state: DesignDocumentState) => T): T {
  const store = useDocumentStore();
  const get = () => select(store.getState());
  return useSyncExternalStore(store.subscribe, get, get);
}

/** Why the file cannot be handed over now (copied, downloaded, provisioned), or null: see fileProblem. */
export function useFileProblem(): string | null {
  return useDesignState(fileProblem);
}

/** Every shown error and every warning at one field. */
export function useFieldIssues(path: string): FieldIssues {
  const store = useDocumentStore();
  const get = () => store.fieldIssues(path);
  return useSyncExternalStore(store.subscribe, get, get);
}

/** Which findings show (`store.visibility.shown`): changes with a visit, a reveal or a new check. */
export function useVisibilityRevision(): number {
  const store = useDocumentStore();
  const get = () => store.visibility.revision;
  return useSyncExternalStore(store.subscribe, get, get);
}

/** Shown errors at or below `path`. */
export function useErrorCountUnder(path: string): number {
  const store = useDocumentStore();
  const get = () => store.errorCountUnder(path);
  return useSyncExternalStore(store.subscribe, get, get);
}

/** RHF's nested error tree for issues; an error on a path that also has errors below it goes to `root`, as RHF does for arrays. */
export function toFieldErrors(issues: DesignIssue[]): FieldErrors<ConnectorDesign> {
  type Node = { [key: string]: Node | { type: string; message: string } };
  const isError = (v: unknown): v is { type: string; message: string } =>
    typeof v === 'object' && v !== null && 'message' in v;
  const tree: Node = {};
  for (const { path, message } of issues) {
    const keys = path ? path.split('.') : ['root'];
    let node = tree;
    for (const key of keys.slice(0, -1)) {
      const child = node[key];
      const next: Node = child === undefined ? {} : isError(child) ? { root: child } : child;
      node[key] = next;
      node = next;
    }
    const last = lastItem(keys, 'path key');
    const existing = node[last];
    const error = { type: 'validate', message };
    if (existing === undefined) node[last] = error;
    else if (!isError(existing) && existing.root === undefined) existing.root = error;
  }
  return tree;
}

/**
 * react-hook-form's resolver fed from the version's one check: asking RHF to
 * validate (trigger, "Validate all") waits for that check instead of running
 * another, and reveals every finding at its field.
 */
export function documentResolver(store: () => DesignDocument | null): Resolver<ConnectorDesign> {
  return async (values) => {
    const current = store();
    if (!current) return { values, errors: {} };
    const check = await current.whenChecked();
    current.setRevealAll(true);
    return check.errors.length ? { values: {}, errors: toFieldErrors(check.errors) } : { values, errors: {} };
  };
}

/** `data.<type>.<label>` → the name the file's data block looks up (changes only when the file's data blocks do). */
export function useDataSourceNames(): DataSourceNames {
  const store = useDocumentStore();
  return useSyncExternalStore(store.subscribe, store.dataSourceNames, store.dataSourceNames);
}
