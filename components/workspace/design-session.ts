/**
 * What the browser remembers about a stored design between visits: the
 * version its unsaved edits started from (the edits themselves are the
 * designer's draft, in the design's own draft slot), and whether the form
 * differs from the saved version.
 */
import {
  clearDraft,
  loadAnyDraft,
  namedDraftSlot,
  withFormLists,
  type DraftSlot,
} from '@/components/designer/draft-storage';
import { checkDesignFile } from '@/lib/connector/design-file';
import { keysIntoVariables } from '@/lib/connector/hcl/document/operations';
import { parseHcl } from '@/lib/hcl/parser';
import type { ConnectorDesign } from '@/lib/connector/design';

export function designDraftSlot(id: number): DraftSlot {
  return namedDraftSlot(`design:${id}`);
}

const baseKey = (id: number) => `connector-studio:design:${id}:base-version:v1`;

/** The version the draft of design `id` was edited from; null when there is no draft. */
export function draftBaseVersion(id: number): number | null {
  try {
    if (!loadAnyDraft(designDraftSlot(id))) return null;
    const raw = Number(localStorage.getItem(baseKey(id)));
    return Number.isInteger(raw) && raw > 0 ? raw : null;
  } catch {
    return null;
  }
}

export function rememberBaseVersion(id: number, version: number): void {
  try {
    localStorage.setItem(baseKey(id), String(version));
  } catch {
    // Storage disabled: a reload then starts from the latest version.
  }
}

/** Drops the unsaved edits of design `id` (after a save, or when the user loads another version). */
export function forgetDraft(id: number): void {
  clearDraft(designDraftSlot(id));
}

/**
 * A design reduced to what it means: keys sorted; unset values, empty strings
 * and empty lists dropped (the form adds them); numeric strings as numbers
 * (as Terraform reads them). Two designs with the same canonical JSON export the same.
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'string') return /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = canonical(v);
  }
  return out;
}

export function sameDesign(a: ConnectorDesign, b: ConnectorDesign): boolean {
  return JSON.stringify(canonical(withFormLists(a))) === JSON.stringify(canonical(withFormLists(b)));
}

/**
 * The file to store with a version: the designer's text when the workspace can keep it (it parses, names the
 * design's resource; keys written inline are moved into sensitive variables first), else undefined — the version is then stored as its design
 * alone, and reopens as its rendering.
 */
export function storableFile(text: string, resourceName: string): string | undefined {
  // Keys written inline go into sensitive variables: the workspace never stores a secret in a file.
  const { text: stored } = keysIntoVariables(parseHcl(text), resourceName);
  return checkDesignFile(stored, resourceName).ok ? stored : undefined;
}
