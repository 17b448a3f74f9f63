import 'server-only';
/**
 * Exports stored designs (and live connectors) as Terraform: one .tf or a
 * module .zip (lib/connector/export). Tenant names for `data` sources come
 * from the Alkira catalog; pre-shared keys and remote auth values become
 * sensitive variables, so no secret is ever written into the files.
 */
import type { CatalogNames } from '@/lib/connector/export/catalog-data';
import { renderModule, renderSingleTf, type ModuleEntry, type ModuleFiles } from '@/lib/connector/export/module';
import { dataSourcesOf, type DataSource } from '@/lib/connector/hcl/data-sources';
import { parseHcl } from '@/lib/hcl/parser';
import type { AlkiraApi } from '@/lib/alkira/api';
import { credentialItems } from '@/lib/alkira/catalog';
import { getConnectorDesign } from './connectors';
import { withSecretsStored, requireDesign } from './workspace';

export async function catalogNames(api: AlkiraApi): Promise<CatalogNames> {
  const [segments, credentials, tags] = await Promise.all([api.segments(), credentialItems(api), api.billingTags()]);
  return {
    segments: new Map(segments.map((s) => [String(s.id), s.name])),
    credentials: new Map(credentials.map((c) => [c.id, c.name])),
    billingTags: new Map(tags.map((t) => [String(t.id), t.name])),
  };
}

/** A stored design as a module entry; linked (on this backend) → with its import block; with the data sources its file has. */
async function designEntry(api: AlkiraApi, id: number): Promise<ModuleEntry & { dataSources: DataSource[] }> {
  const stored = await requireDesign(id);
  const linked = stored.connector_id !== null && stored.backend === api.config.backendKey;
  // Fields written by name refer to the file's data blocks: the module needs them too.
  const dataSources = stored.hcl ? dataSourcesOf(parseHcl(stored.hcl)) : [];
  // Masked as for the browser: literal keys and remote auth values become sensitive variables in the files.
  return { design: withSecretsStored(stored.design), connectorId: linked ? stored.connector_id : null, dataSources };
}

export interface ExportRequest {
  designIds: number[];
  /** Every live connector of the tenant, each with an import block. */
  liveConnectors: boolean;
  dataSources: boolean;
}

export async function exportModule(api: AlkiraApi, req: ExportRequest): Promise<ModuleFiles> {
  const entries: ModuleEntry[] = [];
  const dataSources: DataSource[] = [];
  for (const id of req.designIds) {
    const entry = await designEntry(api, id);
    entries.push(entry);
    dataSources.push(...entry.dataSources);
  }
  if (req.liveConnectors) {
    const live = await api.listConnectors();
    for (const c of live)
      entries.push({ design: await getConnectorDesign(api, Number(c.id)), connectorId: Number(c.id) });
  }
  return renderModule(entries, { ...(req.dataSources ? { catalog: await catalogNames(api) } : {}), dataSources });
}

export async function exportSingle(
  api: AlkiraApi,
  id: number,
  dataSources: boolean,
): Promise<{ name: string; text: string }> {
  const entry = await designEntry(api, id);
  const text = renderSingleTf(entry, {
    ...(dataSources ? { catalog: await catalogNames(api) } : {}),
    dataSources: entry.dataSources,
  });
  return { name: `${entry.design.resource_name || 'connector'}.tf`, text };
}
