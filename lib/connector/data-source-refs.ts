/**
 * Provisioning a design whose catalog picks are data sources by name
 * (`segment_id = data.alkira_segment.dmz.id` with `data "alkira_segment" "dmz" { name = "dmz" }`):
 * the API takes ids, so each such field is resolved through the tenant's
 * catalog by the name its data block looks up — what Terraform does at plan
 * time. A name the tenant does not have, or a data block the file lacks, is
 * an error at the field. Pure: the caller passes the file's names and the catalog.
 */
import { effectiveTunnelProtocol, type ConnectorDesign } from './design';
import { designValues, someDesignValue, type DesignMemo } from './design-walk';
import { DATA_SOURCE_KINDS, dataSourceReference, type DataSourceNames } from './hcl/data-sources';
import { CONNECTOR_RESOURCE, type AttributeSpec } from './resource';
import type { TenantCatalog } from './tenant/types';
import { lastItem } from '@/lib/util/indexing';

export interface NameProblem {
  path: string;
  value: string;
  message: string;
}

const NOUN: Record<string, string> = {
  segment: 'segment',
  credential: 'credential',
  group: 'group',
  billing_tag: 'billing tag',
};

function setAt(root: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  const leaf = lastItem(keys, 'path key');
  let node = root as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[leaf] = value;
}

const isNamedReference = (spec: AttributeSpec, value: unknown) =>
  spec.reference !== undefined && dataSourceReference(DATA_SOURCE_KINDS[spec.reference], value) !== null;

/** Whether the design has a field written as a data source by name. `memo`: see DesignMemo. */
export function hasNamedReferences(design: ConnectorDesign, memo?: DesignMemo<boolean>): boolean {
  return someDesignValue(CONNECTOR_RESOURCE, design, effectiveTunnelProtocol(design), isNamedReference, memo);
}

/**
 * The design with every field written as a data source by name replaced by the id (a group: the name) of the
 * catalog item of that name. A kind the catalog leaves out is not resolved (the field stays as written).
 */
export function resolveNamedReferences(
  design: ConnectorDesign,
  names: DataSourceNames,
  catalog: TenantCatalog,
): { design: ConnectorDesign; problems: NameProblem[] } {
  const problems: NameProblem[] = [];
  let resolved: ConnectorDesign | null = null;
  for (const { path, spec, value } of designValues(CONNECTOR_RESOURCE, design, effectiveTunnelProtocol(design))) {
    const kind = spec.reference ? DATA_SOURCE_KINDS[spec.reference] : undefined;
    const ref = dataSourceReference(kind, value);
    if (!ref || !spec.reference) continue;
    const address = `data.${ref.type}.${ref.label}`;
    const name = names.get(address);
    const noun = NOUN[spec.reference];
    if (name === undefined) {
      problems.push({
        path,
        value: String(value),
        message: `${address} is not a data block of this file with a literal name; add data "${ref.type}" "${ref.label}" { name = "…" } or pick a ${noun}`,
      });
      continue;
    }
    const entries = catalog[spec.reference];
    if (!entries) continue;
    const entry = entries.find((e) => e.name === name);
    if (!entry) {
      problems.push({
        path,
        value: String(value),
        message: `The tenant has no ${noun} named "${name}" (${address}); pick a ${noun} from the tenant`,
      });
      continue;
    }
    resolved ??= structuredClone(design);
    setAt(resolved, path, spec.reference === 'group' ? entry.name : String(entry.id));
  }
  return { design: resolved ?? design, problems };
}
