/**
 * A flat change list (`{ path, action, before, after }`, as the diff and plan
 * routes answer) arranged the way `terraform plan` reads: one group per nested
 * block (the connector, each instance, gateway, tunnel, segment option), one
 * line per attribute with `+`, `-` or `~`, values printed as HCL literals and
 * sensitive values as `(sensitive)`. Pure, so it is tested without a browser.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import { isSensitiveAttribute, SENSITIVE_PLACEHOLDER } from '@/lib/connector/sensitive';
import { isStoredSecret } from '@/lib/connector/stored-secret';
import type { DesignChange } from '@/lib/client/workspace-api';
import { itemAt } from '@/lib/util/indexing';

export const ACTION_SYMBOL: Record<DesignChange['action'], string> = { create: '+', update: '~', delete: '-' };

/** Nested blocks, with the words a group heading uses for them. */
const BLOCK_LABELS: Record<string, string> = {
  instances: 'instance',
  ipsec_customer_gateway: 'IPsec gateway segment',
  customer_gateway: 'customer gateway',
  tunnel: 'tunnel',
  segment_options: 'segment option',
};

export interface ChangeLine {
  path: string;
  action: DesignChange['action'];
  symbol: string;
  /** The attribute within its block, e.g. `size`, `billing_tag_ids[1]`. */
  attribute: string;
  before?: string;
  after?: string;
}

export interface ChangeGroup {
  /** The block's path prefix (`''` for the connector itself). */
  key: string;
  title: string;
  lines: ChangeLine[];
}

/** Splits a path into its block prefix and the attribute under it. */
function splitPath(path: string): { block: string[]; attribute: string[] } {
  const parts = path.split('.');
  let end = 0;
  for (const [i, part] of parts.entries()) {
    const index = parts[i + 1];
    if (BLOCK_LABELS[part] && index !== undefined && /^\d+$/.test(index) && i + 2 < parts.length) end = i + 2;
  }
  return { block: parts.slice(0, end), attribute: parts.slice(end) };
}

function nameAt(design: ConnectorDesign | undefined, block: string[]): string | undefined {
  let node: unknown = design;
  for (const part of block) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const name = node && typeof node === 'object' ? (node as Record<string, unknown>).name : undefined;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

function groupTitle(block: string[], design: ConnectorDesign | undefined, names: ReadonlyMap<string, string>): string {
  if (block.length === 0) return 'connector';
  const words: string[] = [];
  for (let i = 0; i < block.length; i += 2) {
    const prefix = block.slice(0, i + 2);
    const name = names.get(prefix.join('.')) ?? nameAt(design, prefix);
    words.push(
      `${BLOCK_LABELS[itemAt(block, i, 'block path part')]} ${Number(block[i + 1]) + 1}${name ? ` "${name}"` : ''}`,
    );
  }
  return words.join(' › ');
}

function attributeLabel(parts: string[]): string {
  return parts.map((p, i) => (i > 0 && /^\d+$/.test(p) ? `[${p}]` : i > 0 ? `.${p}` : p)).join('');
}

/** A value as `terraform plan` prints it; sensitive attributes never show their value. */
export function formatValue(value: unknown, attribute = ''): string {
  const set = value !== undefined && value !== null && value !== '';
  if (value === SENSITIVE_PLACEHOLDER || (attribute !== '' && isSensitiveAttribute(attribute) && set))
    return SENSITIVE_PLACEHOLDER;
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, (key, v: unknown) =>
    key !== '' && isSensitiveAttribute(key) && v !== '' && v !== null ? SENSITIVE_PLACEHOLDER : v,
  );
}

function isBlock(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A whole block added or removed (`instances.1` with the block as its value)
 * becomes one change per attribute inside it, as `terraform plan` lists a new
 * nested block attribute by attribute.
 */
function leafChanges(change: DesignChange, names: Map<string, string>): DesignChange[] {
  if (change.action === 'update') return [change];
  const value = change.action === 'create' ? change.after : change.before;
  const side = change.action === 'create' ? 'after' : 'before';
  const isBlockList = Array.isArray(value) && value.length > 0 && value.every(isBlock);
  // A stored secret (`{ stored: true }`) is a value, not a block: printed as (sensitive).
  if ((!isBlock(value) && !isBlockList) || isStoredSecret(value)) return [change];
  if (isBlock(value) && typeof value.name === 'string' && value.name) names.set(change.path, value.name);
  const entries: [string, unknown][] = isBlockList ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  return entries
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .flatMap(([k, v]) => leafChanges({ path: `${change.path}.${k}`, action: change.action, [side]: v }, names));
}

/** The changes grouped by block, in the order they first appear. `design` names the blocks (e.g. `instance 1 "primary"`). */
export function groupChanges(changes: readonly DesignChange[], design?: ConnectorDesign): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  // Blocks added or removed whole carry their own names (a removed one is not in `design`).
  const names = new Map<string, string>();
  for (const change of changes.flatMap((c) => leafChanges(c, names))) {
    const { block, attribute } = splitPath(change.path);
    const key = block.join('.');
    let group = groups.get(key);
    if (!group) {
      group = { key, title: groupTitle(block, design, names), lines: [] };
      groups.set(key, group);
    }
    const leaf = attribute[attribute.length - 1] ?? '';
    group.lines.push({
      path: change.path,
      action: change.action,
      symbol: ACTION_SYMBOL[change.action],
      attribute: attributeLabel(attribute),
      ...(change.action !== 'create' ? { before: formatValue(change.before, leaf) } : {}),
      ...(change.action !== 'delete' ? { after: formatValue(change.after, leaf) } : {}),
    });
  }
  return [...groups.values()];
}

/** "2 attributes to add, 1 to change" style counts, per action. */
export function countChanges(changes: readonly DesignChange[]): Record<DesignChange['action'], number> {
  const counts = { create: 0, update: 0, delete: 0 };
  for (const c of changes) counts[c.action]++;
  return counts;
}
