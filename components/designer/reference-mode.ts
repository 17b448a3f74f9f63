'use client';
/**
 * How the designer writes a catalog pick: as a data source by name (the
 * default: `data.alkira_segment.dmz.id` with its `data` block, reviewable and
 * portable between tenants with the same names) or as the tenant's literal id.
 * One choice per user, kept in this browser; the form always reads what the
 * file has, whichever way a field was written.
 */
import { useSyncExternalStore } from 'react';

export type ReferenceMode = 'names' | 'ids';

const KEY = 'connector-studio.references';
const listeners = new Set<() => void>();

function read(): ReferenceMode {
  try {
    return localStorage.getItem(KEY) === 'ids' ? 'ids' : 'names';
  } catch {
    return 'names';
  }
}

export function setReferenceMode(mode: ReferenceMode): void {
  try {
    localStorage.setItem(KEY, mode);
  } catch {
    // Storage refused (private mode): the choice lasts for this page.
  }
  current = mode;
  for (const l of listeners) l();
}

let current: ReferenceMode | null = null;

function snapshot(): ReferenceMode {
  current ??= read();
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key !== KEY) return;
    current = read();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useReferenceMode(): ReferenceMode {
  return useSyncExternalStore(subscribe, snapshot, () => 'names');
}
