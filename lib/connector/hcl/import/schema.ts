/**
 * The shape of `alkira_connector_azure_expressroute` as the importer needs it:
 * per nesting level, which names are attributes (and of which type), which are
 * blocks, which are required (filled with '' / [] when missing so the design
 * keeps its TypeScript shape and the validator reports them), and which are
 * read-only. Mirrors the provider docs (v1.5.1) and ../../design.ts.
 */

export type AttributeType = 'string' | 'number' | 'bool' | 'string_list' | 'number_list';

export interface BlockSchema {
  attributes: Record<string, { type: AttributeType; required?: boolean }>;
  blocks: Record<string, { schema: BlockSchema; required?: boolean }>;
  /** Computed attributes the provider rejects in configuration. */
  readOnly: string[];
}

const tunnel: BlockSchema = {
  attributes: {
    name: { type: 'string', required: true },
    ike_version: { type: 'string' },
    initiator: { type: 'bool' },
    pre_shared_key: { type: 'string' },
    profile_id: { type: 'number' },
    remote_auth_type: { type: 'string' },
    remote_auth_value: { type: 'string' },
  },
  blocks: {},
  readOnly: ['id'],
};

const customerGateway: BlockSchema = {
  attributes: { name: { type: 'string', required: true } },
  blocks: { tunnel: { schema: tunnel, required: true } },
  readOnly: [],
};

const ipsecCustomerGateway: BlockSchema = {
  attributes: { segment_id: { type: 'string', required: true } },
  blocks: { customer_gateway: { schema: customerGateway, required: true } },
  readOnly: [],
};

const instance: BlockSchema = {
  attributes: {
    name: { type: 'string', required: true },
    expressroute_circuit_id: { type: 'string', required: true },
    redundant_router: { type: 'bool' },
    loopback_subnet: { type: 'string', required: true },
    credential_id: { type: 'string', required: true },
    gateway_mac_address: { type: 'string_list' },
    virtual_network_interface: { type: 'number_list' },
  },
  blocks: { ipsec_customer_gateway: { schema: ipsecCustomerGateway } },
  readOnly: ['id'],
};

const segmentOptions: BlockSchema = {
  attributes: {
    segment_id: { type: 'string', required: true },
    customer_asn: { type: 'number', required: true },
    disable_internet_exit: { type: 'bool' },
    advertise_on_prem_routes: { type: 'bool' },
  },
  blocks: {},
  readOnly: [],
};

export const CONNECTOR_RESOURCE_SCHEMA: BlockSchema = {
  attributes: {
    name: { type: 'string', required: true },
    description: { type: 'string' },
    size: { type: 'string', required: true },
    enabled: { type: 'bool' },
    vhub_prefix: { type: 'string', required: true },
    cxp: { type: 'string', required: true },
    tunnel_protocol: { type: 'string' },
    group: { type: 'string' },
    billing_tag_ids: { type: 'number_list' },
  },
  blocks: {
    instances: { schema: instance, required: true },
    segment_options: { schema: segmentOptions, required: true },
  },
  readOnly: ['id', 'provision_state'],
};

/** Values never quoted in a diagnostic (the provider marks them Sensitive). */
export const SENSITIVE_ATTRIBUTES: ReadonlySet<string> = new Set(['pre_shared_key', 'remote_auth_value']);

/** Terraform meta-arguments and meta-blocks of a resource: valid Terraform, but not part of a design. */
export const RESOURCE_META_ARGUMENTS: ReadonlySet<string> = new Set(['count', 'for_each', 'depends_on', 'provider']);
export const RESOURCE_META_BLOCKS: ReadonlySet<string> = new Set(['lifecycle', 'provisioner', 'connection', 'timeouts']);

/** Where each name lives in the schema (dotted block path), for "x belongs in y" hints. */
export function schemaLocations(name: string, schema: BlockSchema = CONNECTOR_RESOURCE_SCHEMA, at = ''): string[] {
  const out: string[] = [];
  if (Object.hasOwn(schema.attributes, name) || Object.hasOwn(schema.blocks, name)) out.push(at);
  for (const [blockName, { schema: nested }] of Object.entries(schema.blocks)) {
    out.push(...schemaLocations(name, nested, at ? `${at}.${blockName}` : blockName));
  }
  return out;
}
