/**
 * Draft autosave. The file goes to localStorage so it survives a reload or a
 * restart (a draft an earlier version saved as a design still loads); its sensitive values (pre-shared keys, remote auth values: the
 * description's `sensitive` attributes) are split off into sessionStorage
 * (same tab only, gone when the tab closes) so secrets are never left on disk
 * in clear.
 */
import { isExpression, type ConnectorDesign } from '@/lib/connector/design';
import { CONNECTOR_RESOURCE, SENSITIVE_ATTRIBUTES } from '@/lib/connector/resource';
import { formShape } from '@/lib/connector/design-walk';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { isConnectorDesign } from '@/lib/connector/schema';
import { sensitiveSlots } from '@/lib/connector/sensitive';
import { isStoredSecret, type SecretValue } from '@/lib/connector/stored-secret';

export const DRAFT_KEY = 'connector-studio:draft:v1';
export const DRAFT_SECRETS_KEY = 'connector-studio:draft-secrets:v1';

/**
 * Where a draft lives: the new-design draft by default; a stored workspace
 * design keeps its unsaved edits in its own slot (`design:<id>`).
 */
export interface DraftSlot {
  key: string;
  secretsKey: string;
}
export const NEW_DESIGN_SLOT: DraftSlot = { key: DRAFT_KEY, secretsKey: DRAFT_SECRETS_KEY };

export function namedDraftSlot(name: string): DraftSlot {
  return { key: `connector-studio:draft:${name}:v1`, secretsKey: `connector-studio:draft-secrets:${name}:v1` };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The form's shape of a design (a draft, a template, a file's reading): every list an array, every unset
 * attribute with a provider default showing it (see formShape: a fold over the description).
 */
export function withFormLists(design: ConnectorDesign): ConnectorDesign {
  return formShape(CONNECTOR_RESOURCE, design, isExpression);
}

/** The saved draft, with this tab's pre-shared keys put back; null when there is none or it is unreadable. */
export function loadDraft(slot: DraftSlot = NEW_DESIGN_SLOT): ConnectorDesign | null {
  try {
    const raw = localStorage.getItem(slot.key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    // Accept both the bare design and a `{ design }` envelope.
    const design = isObject(parsed) && isObject(parsed.design) ? parsed.design : parsed;
    if (!isConnectorDesign(design)) return null;
    const restored = withFormLists(design);
    const secretsRaw = sessionStorage.getItem(slot.secretsKey);
    const secrets: unknown = secretsRaw ? JSON.parse(secretsRaw) : {};
    if (isObject(secrets)) {
      for (const { path, name, holder } of sensitiveSlots(restored)) {
        const value = secrets[path];
        if (typeof value === 'string' && !holder[name]) holder[name] = value;
      }
    }
    return restored;
  } catch {
    return null;
  }
}

export function clearDraft(slot: DraftSlot = NEW_DESIGN_SLOT): void {
  try {
    localStorage.removeItem(slot.key);
    sessionStorage.removeItem(slot.secretsKey);
  } catch {
    // Nothing to clear.
  }
}

/**
 * A draft as the file it is: its text (keys written inline blanked) — deflated when large, since writing a
 * megabyte to localStorage blocks the page for a fifth of a second — and the resource the form edits.
 */
interface DocumentDraft {
  format: 'hcl';
  text?: string;
  /** The text deflated (fflate), base64. */
  deflated?: string;
  resource: string;
}

/** What a reload restores: the file (the same bytes in this tab), or a design saved by an earlier version of the app. */
export type LoadedDraft =
  | { text: string; resource: string; secrets: Map<string, SecretValue> }
  | { design: ConnectorDesign };

/** Above this many characters the draft's text is stored deflated (HCL shrinks about 30×). */
const DEFLATE_ABOVE = 64 * 1024;

// UTF-8 through the browser's own coder: fflate's JavaScript one takes tens of milliseconds on a megabyte.
const deflateText = (text: string) => btoa(strFromU8(deflateSync(new TextEncoder().encode(text), { level: 6 }), true));
const inflateText = (stored: string) => new TextDecoder().decode(inflateSync(strToU8(atob(stored), true)));

/** Sensitive values written inline in the file: taken out for storage (offsets in the blanked text) and put back on load. */
export interface InlineSecret {
  at: number;
  value: string;
}

/** `<sensitive attribute> = "<literal>"` (the description says which attributes are sensitive). */
const INLINE_SECRET_RE = new RegExp(
  `\\b(${[...SENSITIVE_ATTRIBUTES].join('|')})(\\s*=\\s*)("(?:[^"\\\\\\n]|\\\\.)+")`,
  'g',
);

/** The text with every inline sensitive literal replaced by `""`, and what was taken out. */
export function blankInlineSecrets(text: string): { text: string; secrets: InlineSecret[] } {
  const secrets: InlineSecret[] = [];
  let removed = 0;
  const blanked = text.replace(
    INLINE_SECRET_RE,
    (_match, name: string, equals: string, value: string, offset: number) => {
      const at = offset - removed + name.length + equals.length;
      secrets.push({ at, value });
      removed += value.length - 2;
      return `${name}${equals}""`;
    },
  );
  return { text: blanked, secrets };
}

/** blankInlineSecrets undone: each `""` at a recorded offset gets its value back. */
export function restoreInlineSecrets(text: string, secrets: readonly InlineSecret[]): string {
  // One pass, in offset order: a slice per secret would copy the whole text once per key.
  const parts: string[] = [];
  let at = 0;
  for (const secret of [...secrets].sort((a, b) => a.at - b.at)) {
    if (secret.at < at || text.slice(secret.at, secret.at + 2) !== '""') continue;
    parts.push(text.slice(at, secret.at), secret.value);
    at = secret.at + 2;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** What a draft stores of a file: the localStorage entry (inline keys blanked, deflated when large) and the keys taken out. */
export function storedDraft(text: string, resource: string): { entry: string; inline: InlineSecret[] } {
  const { text: blanked, secrets } = blankInlineSecrets(text);
  const draft: DocumentDraft =
    blanked.length > DEFLATE_ABOVE
      ? { format: 'hcl', deflated: deflateText(blanked), resource }
      : { format: 'hcl', text: blanked, resource };
  return { entry: JSON.stringify(draft), inline: secrets };
}

/** A file large enough that preparing its draft is worth a worker (blanking and deflating it takes milliseconds). */
export const isLargeDraft = (text: string) => text.length > DEFLATE_ABOVE;

/**
 * Writes a prepared draft: the entry to localStorage; the keys (inline ones, and the values of keys the file keeps
 * in variables — a stored secret as `{"stored": true}`) to this tab's sessionStorage only.
 */
export function writeStoredDraft(
  stored: { entry: string; inline: InlineSecret[] },
  variables: ReadonlyMap<string, SecretValue>,
  slot: DraftSlot = NEW_DESIGN_SLOT,
): void {
  try {
    localStorage.setItem(slot.key, stored.entry);
    sessionStorage.setItem(
      slot.secretsKey,
      JSON.stringify({ inline: stored.inline, variables: Object.fromEntries(variables) }),
    );
  } catch {
    // Storage full or disabled (private mode): autosave is best effort.
  }
}

/** Saves the file now (see storedDraft and writeStoredDraft). */
export function saveDocumentDraft(
  text: string,
  resource: string,
  variables: ReadonlyMap<string, SecretValue>,
  slot: DraftSlot = NEW_DESIGN_SLOT,
): void {
  writeStoredDraft(storedDraft(text, resource), variables, slot);
}

/** The saved draft: the file (with this tab's keys put back), or an older draft's design; null when there is none. */
export function loadAnyDraft(slot: DraftSlot = NEW_DESIGN_SLOT): LoadedDraft | null {
  try {
    const raw = localStorage.getItem(slot.key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    const stored =
      isObject(parsed) && parsed.format === 'hcl'
        ? typeof parsed.deflated === 'string'
          ? inflateText(parsed.deflated)
          : parsed.text
        : undefined;
    if (typeof stored === 'string') {
      const secretsRaw = sessionStorage.getItem(slot.secretsKey);
      const secrets: unknown = secretsRaw ? JSON.parse(secretsRaw) : {};
      const inline =
        isObject(secrets) && Array.isArray(secrets.inline)
          ? (secrets.inline as InlineSecret[]).filter((s) => typeof s?.at === 'number' && typeof s?.value === 'string')
          : [];
      const variables = new Map<string, SecretValue>();
      if (isObject(secrets) && isObject(secrets.variables)) {
        for (const [k, v] of Object.entries(secrets.variables))
          if (typeof v === 'string' || isStoredSecret(v)) variables.set(k, v);
      }
      const resource = isObject(parsed) && typeof parsed.resource === 'string' ? parsed.resource : '';
      return { text: restoreInlineSecrets(stored, inline), resource, secrets: variables };
    }
    const design = loadDraft(slot);
    return design ? { design } : null;
  } catch {
    return null;
  }
}
