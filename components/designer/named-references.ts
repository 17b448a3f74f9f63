'use client';
/**
 * The designer's view of catalog picks written by name: the design with each
 * `data.<type>.<label>.<attr>` field resolved to the tenant's id through the
 * catalog (what Provision sends), with a problem at each field whose name the
 * tenant does not have; and the topology's segment names for such fields.
 */
import { useMemo } from 'react';
import type { ConnectorDesign } from '@/lib/connector/design';
import { hasNamedReferences, resolveNamedReferences, type NameProblem } from '@/lib/connector/data-source-refs';
import { dataSourceExpression, DATA_SOURCE_KINDS } from '@/lib/connector/hcl/data-sources';
import type { TenantCatalog } from '@/lib/connector/tenant/types';
import type { SegmentLabels } from '@/lib/diagram/segments';
import { useCatalog } from '@/lib/client/hooks';
import { useDataSourceNames } from './design-document-context';
import { namedReferenceFinds } from './version-memos';

/** The catalogs that have data sources, as far as they have loaded; `settled` once each has answered (or failed). */
function useNamedCatalog(): { catalog: TenantCatalog; settled: boolean } {
  const queries = [
    useCatalog('segments'),
    useCatalog('credentials'),
    useCatalog('groups'),
    useCatalog('billing-tags'),
  ] as const;
  const [segments, credentials, groups, billingTags] = queries.map((q) => q.data);
  const settled = queries.every((q) => !q.isPending);
  const catalog = useMemo(
    () => ({ segment: segments, credential: credentials, group: groups, billing_tag: billingTags }) as TenantCatalog,
    [segments, credentials, groups, billingTags],
  );
  return { catalog, settled };
}

/** `ready`: the catalogs have answered and the file's data blocks are read (before, a field by name may not resolve yet). */
export function useNamedReferencesResolved(design: ConnectorDesign): {
  design: ConnectorDesign;
  problems: NameProblem[];
  ready: boolean;
} {
  const names = useDataSourceNames();
  const { catalog, settled } = useNamedCatalog();
  return useMemo(() => {
    const named = hasNamedReferences(design, namedReferenceFinds);
    const resolved = named ? resolveNamedReferences(design, names, catalog) : { design, problems: [] };
    return { ...resolved, ready: !named || (settled && names.size > 0) };
  }, [design, names, catalog, settled]);
}

/** `${data.alkira_segment.<label>.id}` → the segment's name (with its ASN when the catalog has it), for the diagram. */
export function useNamedSegmentLabels(base: SegmentLabels | undefined): SegmentLabels | undefined {
  const names = useDataSourceNames();
  const segments = useCatalog('segments').data;
  return useMemo(() => {
    const kind = DATA_SOURCE_KINDS.segment!;
    const prefix = `data.${kind.type}.`;
    const labels: Record<string, string> = { ...base };
    let added = false;
    for (const [address, name] of names) {
      if (!address.startsWith(prefix)) continue;
      const item = segments?.find((s) => s.name === name);
      labels[dataSourceExpression(kind, address.slice(prefix.length))] =
        item?.asn != null ? `${name} (ASN ${item.asn})` : name;
      added = true;
    }
    return added ? labels : base;
  }, [base, names, segments]);
}
