/**
 * "Catalog picks by name": a design holds tenant ids (segment 2, credential
 * 7d1f…, billing tag 101) as the pickers fill them in; exported this way they
 * become `data` sources looked up by name, so the module reads the same in
 * another tenant with the same names.
 */
import { toExpression, type ConnectorDesign } from '../design';
import { isExpression } from '../design';
import { quoteHclString, toHclIdentifier } from '../hcl/strings';
import { attribute, block, type HclBlock } from '../hcl/writer';

/** Tenant names by id, per catalog (from the Alkira API). */
export interface CatalogNames {
  segments: Map<string, string>;
  credentials: Map<string, string>;
  billingTags: Map<string, string>;
}

interface DataKind {
  type: string;
  /** The data source attribute the resource wants. */
  attribute: string;
}

const SEGMENT: DataKind = { type: 'alkira_segment', attribute: 'id' };
const CREDENTIAL: DataKind = { type: 'alkira_credential', attribute: 'credential_id' };
const BILLING_TAG: DataKind = { type: 'alkira_billing_tag', attribute: 'id' };

/** Collects data sources shared by every design of one module (one per tenant object). */
export class CatalogDataSources {
  private readonly byKey = new Map<string, { kind: DataKind; label: string; name: string }>();
  private readonly labels = new Set<string>();

  constructor(private readonly names: CatalogNames) {}

  /** The expression for a picked id, or the value unchanged when it is not a known literal. */
  private ref(kind: DataKind, table: Map<string, string>, value: unknown): unknown {
    if (value === undefined || value === null || isExpression(value)) return value;
    const name = table.get(String(value).trim());
    if (name === undefined) return value;
    const key = `${kind.type}:${name}`;
    let entry = this.byKey.get(key);
    if (!entry) {
      const base = toHclIdentifier(name, kind.type.replace('alkira_', ''));
      let label = base;
      for (let n = 2; this.labels.has(`${kind.type}.${label}`); n++) label = `${base}_${n}`;
      this.labels.add(`${kind.type}.${label}`);
      entry = { kind, label, name };
      this.byKey.set(key, entry);
    }
    return toExpression(`data.${kind.type}.${entry.label}.${kind.attribute}`);
  }

  /** The design with its catalog picks as data source references. */
  apply(design: ConnectorDesign): ConnectorDesign {
    const seg = (v: string) => this.ref(SEGMENT, this.names.segments, v) as string;
    return {
      ...design,
      ...(Array.isArray(design.billing_tag_ids) ? { billing_tag_ids: design.billing_tag_ids.map((b) => this.ref(BILLING_TAG, this.names.billingTags, b) as string) } : {}),
      instances: design.instances.map((inst) => ({
        ...inst,
        credential_id: this.ref(CREDENTIAL, this.names.credentials, inst.credential_id) as string,
        ...(inst.ipsec_customer_gateway
          ? { ipsec_customer_gateway: inst.ipsec_customer_gateway.map((g) => ({ ...g, segment_id: seg(g.segment_id) })) }
          : {}),
      })),
      segment_options: design.segment_options.map((s) => ({ ...s, segment_id: seg(s.segment_id) })),
    };
  }

  blocks(): HclBlock[] {
    return [...this.byKey.values()].map((e) => block('data', [quoteHclString(e.kind.type), quoteHclString(e.label)], [attribute('name', quoteHclString(e.name))]));
  }
}
