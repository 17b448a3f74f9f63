/**
 * Renders a connector design as the HCL of one
 * `alkira_connector_azure_expressroute` resource (plus sensitive variable
 * blocks for pre-shared keys), formatted exactly as `terraform fmt` would.
 *
 * The live preview calls this on every keystroke, so it accepts any form
 * state — missing fields, wrong types, NaN — and never throws. It renders what
 * is there; judging it is the validator's job.
 */
import type { ConnectorDesign, HclRenderOptions } from '../design';
import { DEFAULTS } from '../design';
import { isRecord, recordsOf, stringField, type LooseRecord } from './loose';
import { isLiteralPsk, listPskVariables } from './psk';
import { isHclIdentifier, quoteHclString, toHclIdentifier } from './strings';
import {
  renderBoolValue,
  renderListValue,
  renderNumberValue,
  renderStringValue,
} from './values';
import { attribute, block, writeHclFile, type HclBlock, type HclBodyItem } from './writer';

export const RESOURCE_TYPE = 'alkira_connector_azure_expressroute';

export { listPskVariables, pskVariableName, type PskVariable, type PskNameParts } from './psk';

type Renderer = (value: unknown) => string | undefined;

interface RenderContext {
  omitDefaults: boolean;
  /** Variable name per design path of a literal pre-shared key ('variable' mode only). */
  pskVariables: Map<string, string>;
}

/** Collects body items; attribute helpers skip unset values. */
class BodyBuilder {
  readonly items: HclBodyItem[] = [];
  constructor(
    private readonly record: LooseRecord,
    private readonly ctx: RenderContext,
  ) {}

  /** Always written: an unset required string shows as `""` so the skeleton stays visible. */
  required(name: string, render: Renderer = renderStringValue): this {
    this.items.push(attribute(name, render(this.record[name]) ?? '""'));
    return this;
  }

  optional(name: string, render: Renderer = renderStringValue): this {
    const value = render(this.record[name]);
    if (value !== undefined) this.items.push(attribute(name, value));
    return this;
  }

  /** An attribute with a provider default: omitted when equal to it (omitDefaults), else filled in. */
  withDefault(name: string, fallback: boolean | string, render: Renderer): this {
    const value = render(this.record[name]);
    const defaultText = render(fallback) as string;
    if (this.ctx.omitDefaults ? value !== undefined && value !== defaultText : true) {
      this.items.push(attribute(name, value ?? defaultText));
    }
    return this;
  }

  list(name: string, renderItem: Renderer): this {
    const value = renderListValue(this.record[name], renderItem);
    if (value !== undefined) this.items.push(attribute(name, value));
    return this;
  }

  blocks(name: string, build: (item: LooseRecord, index: number) => HclBodyItem[]): this {
    for (const { item, index } of recordsOf(this.record[name])) {
      this.items.push(block(name, [], build(item, index)));
    }
    return this;
  }
}

function tunnelBody(tunnel: LooseRecord, path: string, ctx: RenderContext): HclBodyItem[] {
  const b = new BodyBuilder(tunnel, ctx)
    .required('name')
    .optional('ike_version')
    .withDefault('initiator', DEFAULTS.initiator, renderBoolValue);
  const pskPath = `${path}.pre_shared_key`;
  const variable = ctx.pskVariables.get(pskPath);
  if (variable !== undefined && isLiteralPsk(tunnel.pre_shared_key)) {
    b.items.push(attribute('pre_shared_key', `var.${variable}`));
  } else {
    b.optional('pre_shared_key');
  }
  return b
    .optional('profile_id', renderNumberValue)
    .optional('remote_auth_type')
    .optional('remote_auth_value').items;
}

function instanceBody(instance: LooseRecord, i: number, ctx: RenderContext): HclBodyItem[] {
  const path = `instances.${i}`;
  return new BodyBuilder(instance, ctx)
    .required('name')
    .required('expressroute_circuit_id')
    .withDefault('redundant_router', DEFAULTS.redundant_router, renderBoolValue)
    .required('loopback_subnet')
    .required('credential_id')
    .list('gateway_mac_address', renderStringValue)
    .list('virtual_network_interface', renderNumberValue)
    .blocks('ipsec_customer_gateway', (ipsecGateway, g) =>
      new BodyBuilder(ipsecGateway, ctx).required('segment_id').blocks('customer_gateway', (gateway, c) =>
        new BodyBuilder(gateway, ctx).required('name').blocks('tunnel', (tunnel, t) =>
          tunnelBody(tunnel, `${path}.ipsec_customer_gateway.${g}.customer_gateway.${c}.tunnel.${t}`, ctx),
        ).items,
      ).items,
    ).items;
}

function connectorBody(design: LooseRecord, ctx: RenderContext): HclBodyItem[] {
  return new BodyBuilder(design, ctx)
    .required('name')
    .optional('description')
    .required('size')
    .withDefault('enabled', DEFAULTS.enabled, renderBoolValue)
    .required('vhub_prefix')
    .required('cxp')
    .withDefault('tunnel_protocol', DEFAULTS.tunnel_protocol, renderStringValue)
    .optional('group')
    .list('billing_tag_ids', renderNumberValue)
    .blocks('instances', (instance, i) => instanceBody(instance, i, ctx))
    .blocks('segment_options', (option) =>
      new BodyBuilder(option, ctx)
        .required('segment_id')
        .required('customer_asn', renderNumberValue)
        .withDefault('disable_internet_exit', DEFAULTS.disable_internet_exit, renderBoolValue)
        .withDefault('advertise_on_prem_routes', DEFAULTS.advertise_on_prem_routes, renderBoolValue).items,
    ).items;
}

/**
 * The resource label. `terraform fmt` silently drops (or rewrites unstably)
 * labels containing `$` or `%`, and Terraform only accepts identifiers there
 * anyway, so anything else is shown as its nearest identifier.
 */
export function resourceLabel(resourceName: unknown): string {
  const name = typeof resourceName === 'string' ? resourceName : '';
  return isHclIdentifier(name) ? name : toHclIdentifier(name, 'connector');
}

function pskVariableBlock(name: string): HclBlock {
  return block('variable', [quoteHclString(name)], [attribute('type', 'string'), attribute('sensitive', 'true')]);
}

/**
 * The resource body's items as the renderer lays them out (canonical order),
 * with pre-shared keys as written in the design: the document editor
 * (./document/edit.ts) decides about variables itself.
 */
export function renderConnectorBodyItems(design: ConnectorDesign | LooseRecord, omitDefaults: boolean): HclBodyItem[] {
  const record: LooseRecord = isRecord(design) ? design : {};
  return connectorBody(record, { omitDefaults, pskVariables: new Map() });
}

export function renderConnectorHcl(design: ConnectorDesign, options: HclRenderOptions = {}): string {
  const record: LooseRecord = isRecord(design) ? design : {};
  const useVariables = (options.preSharedKeys ?? 'variable') === 'variable';
  const variables = useVariables ? listPskVariables(record) : [];
  const ctx: RenderContext = {
    omitDefaults: options.omitDefaults ?? true,
    pskVariables: new Map(variables.map((v) => [v.path, v.name])),
  };
  const label = resourceLabel(stringField(record, 'resource_name'));
  return writeHclFile([
    ...variables.map((v) => pskVariableBlock(v.name)),
    block('resource', [quoteHclString(RESOURCE_TYPE), quoteHclString(label)], connectorBody(record, ctx)),
  ]);
}
