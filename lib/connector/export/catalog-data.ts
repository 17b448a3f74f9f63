/**
 * "Catalog picks by name": a design holds tenant ids (segment 2, credential
 * 7d1f…, billing tag 101) as the pickers fill them in; exported this way they
 * become `data` sources looked up by name, so the module reads the same in
 * another tenant with the same names.
 */
import type { ConnectorDesign } from '../design';
import { isExpression } from '../design';
import {
  DATA_SOURCE_KINDS,
  dataSourceBlock,
  dataSourceExpression,
  dataSourceLabel,
  type DataSource,
  type DataSourceKind,
} from '../hcl/data-sources';
import type { HclBlock } from '../hcl/writer';

/** Tenant names by id, per catalog (from the Alkira API). */
export interface CatalogNames {
  segments: Map<string, string>;
  credentials: Map<string, string>;
  billingTags: Map<string, string>;
}

const SEGMENT = DATA_SOURCE_KINDS.segment!;
const CREDENTIAL = DATA_SOURCE_KINDS.credential!;
const BILLING_TAG = DATA_SOURCE_KINDS.billing_tag!;

/**
 * Collects data sources shared by every design of one module (one per tenant object). `existing`: data sources
 * the designs' files already have (a design that refers to `data.alkira_segment.dmz.id` needs its block): they are
 * written first and picks by the same name reuse them.
 */
export class CatalogDataSources {
  private readonly sources: DataSource[] = [];

  constructor(
    private readonly names: CatalogNames,
    existing: readonly DataSource[] = [],
  ) {
    for (const s of existing) {
      if (s.name !== null && !this.sources.some((o) => o.type === s.type && o.label === s.label))
        this.sources.push({ type: s.type, label: s.label, name: s.name });
    }
  }

  /** The expression for a picked id, or the value unchanged when it is not a known literal. */
  private ref(kind: DataSourceKind, table: Map<string, string>, value: unknown): unknown {
    if (value === undefined || value === null || isExpression(value)) return value;
    const name = table.get(String(value).trim());
    if (name === undefined) return value;
    const { label, existing } = dataSourceLabel(this.sources, kind, name);
    if (!existing) this.sources.push({ type: kind.type, label, name });
    return dataSourceExpression(kind, label);
  }

  /** The design with its catalog picks as data source references. */
  apply(design: ConnectorDesign): ConnectorDesign {
    const seg = (v: string) => this.ref(SEGMENT, this.names.segments, v) as string;
    return {
      ...design,
      ...(Array.isArray(design.billing_tag_ids)
        ? {
            billing_tag_ids: design.billing_tag_ids.map(
              (b) => this.ref(BILLING_TAG, this.names.billingTags, b) as string,
            ),
          }
        : {}),
      instances: design.instances.map((inst) => ({
        ...inst,
        credential_id: this.ref(CREDENTIAL, this.names.credentials, inst.credential_id) as string,
        ...(inst.ipsec_customer_gateway
          ? {
              ipsec_customer_gateway: inst.ipsec_customer_gateway.map((g) => ({ ...g, segment_id: seg(g.segment_id) })),
            }
          : {}),
      })),
      segment_options: design.segment_options.map((s) => ({ ...s, segment_id: seg(s.segment_id) })),
    };
  }

  blocks(): HclBlock[] {
    return this.sources.map((s) => dataSourceBlock(s.type, s.label, s.name!));
  }
}
