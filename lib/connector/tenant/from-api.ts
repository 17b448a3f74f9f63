/**
 * A tenant snapshot from the Alkira API's own lists (alkira-api.md): the
 * connectors (`GET …/azure-express-route-connectors`) and the catalog lists.
 * Shared by the server (lib/services/tenant-snapshot.ts) and the CLI, which
 * fetch the lists each their own way. Reads defensively: an upstream's JSON
 * is not trusted to have the documented shape.
 */
import type { CatalogEntry, TenantCatalog, TenantConnector, TenantSnapshot } from './types';

type Raw = Record<string, unknown>;

/** The lists as the API answers them; a list left out is not checked. */
export interface ApiTenantLists {
  connectors: unknown[];
  segments?: unknown[];
  groups?: unknown[];
  billingTags?: unknown[];
  credentials?: unknown[];
  tunnelProfiles?: unknown[];
  cxps?: unknown[];
}

const isRaw = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const key = (value: unknown): string | number | undefined =>
  typeof value === 'string' || typeof value === 'number' ? value : undefined;

function connectorOf(raw: unknown): TenantConnector | null {
  if (!isRaw(raw)) return null;
  const id = key(raw.id);
  const name = str(raw.name);
  if (id === undefined || name === undefined) return null;
  const instances = Array.isArray(raw.instances) ? raw.instances : [];
  return {
    id,
    name,
    vhubPrefix: str(raw.vhubPrefix),
    loopbackSubnets: instances.map((i) => (isRaw(i) ? str(i.loopbackSubnet) : undefined)),
  };
}

function entries(
  list: unknown[] | undefined,
  idField = 'id',
  keep: (raw: Raw) => boolean = () => true,
): CatalogEntry[] | undefined {
  if (!list) return undefined;
  const out: CatalogEntry[] = [];
  for (const raw of list) {
    if (!isRaw(raw) || !keep(raw)) continue;
    const id = key(raw[idField]);
    const name = str(raw.name);
    if (id !== undefined && name !== undefined) out.push({ id, name });
  }
  return out;
}

/** Credentials this connector can use (Azure VNET) and CXPs it can be in (Azure), as the designer's pickers offer them. */
const azureCredential = (raw: Raw) => (str(raw.credentialType) ?? '').toLowerCase() === 'azurevnet';
const azureCxp = (raw: Raw) => (str(raw.provider) ?? '').toUpperCase() === 'AZURE';

export function snapshotFromApi(lists: ApiTenantLists): TenantSnapshot {
  const catalog: TenantCatalog = {};
  const set = (kind: keyof TenantCatalog, list: CatalogEntry[] | undefined) => {
    if (list) catalog[kind] = list;
  };
  set('segment', entries(lists.segments));
  set('group', entries(lists.groups));
  set('billing_tag', entries(lists.billingTags));
  set('credential', entries(lists.credentials, 'credentialId', azureCredential));
  set('tunnel_profile', entries(lists.tunnelProfiles));
  set('cxp', entries(lists.cxps, 'id', azureCxp));
  return { connectors: lists.connectors.flatMap((c) => connectorOf(c) ?? []), catalog };
}
