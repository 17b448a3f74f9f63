import 'server-only';
/**
 * A stored design whose catalog picks are data sources by name, resolved
 * through the tenant's catalog before it is provisioned: the names come from
 * the `data` blocks of the file it was saved with (lib/connector/data-source-refs.ts).
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import { hasNamedReferences, resolveNamedReferences, type NameProblem } from '@/lib/connector/data-source-refs';
import { dataSourceNames, dataSourcesOf } from '@/lib/connector/hcl/data-sources';
import { parseHcl } from '@/lib/hcl/parser';
import type { AlkiraApi } from '@/lib/alkira/api';
import { credentialItems } from '@/lib/alkira/catalog';

export async function resolveStoredNames(
  api: AlkiraApi,
  design: ConnectorDesign,
  hcl: string | null,
): Promise<{ design: ConnectorDesign; problems: NameProblem[] }> {
  if (!hasNamedReferences(design)) return { design, problems: [] };
  const names = dataSourceNames(hcl ? dataSourcesOf(parseHcl(hcl)) : []);
  const [segments, credentials, groups, billingTags] = await Promise.all([
    api.segments(),
    credentialItems(api),
    api.groups(),
    api.billingTags(),
  ]);
  return resolveNamedReferences(design, names, {
    segment: segments,
    credential: credentials,
    group: groups,
    billing_tag: billingTags,
  });
}
