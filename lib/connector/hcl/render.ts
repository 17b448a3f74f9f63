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
import { CONNECTOR_RESOURCE, RESOURCE_TYPE, blocksOf, designAttributes, type AttributeSpec, type BodySpec, type ValueType } from '../resource';
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

export { RESOURCE_TYPE };

export { listPskVariables, type PskVariable } from './psk';

type Renderer = (value: unknown) => string | undefined;

interface RenderContext {
  omitDefaults: boolean;
  /** Variable name per design path of a literal pre-shared key ('variable' mode only). */
  pskVariables: Map<string, string>;
}

const VALUE_RENDERERS: Record<ValueType, { scalar: Renderer; list: boolean }> = {
  string: { scalar: renderStringValue, list: false },
  number: { scalar: renderNumberValue, list: false },
  bool: { scalar: renderBoolValue, list: false },
  'list(string)': { scalar: renderStringValue, list: true },
  'list(number)': { scalar: renderNumberValue, list: true },
  'set(number)': { scalar: renderNumberValue, list: true },
};

/** One attribute's HCL value text, or undefined when it is not written. */
function attributeValue(spec: AttributeSpec, value: unknown, path: string, ctx: RenderContext): string | undefined {
  const { scalar, list } = VALUE_RENDERERS[spec.type];
  if (list) return renderListValue(value, scalar);
  const variable = ctx.pskVariables.get(path);
  if (variable !== undefined && isLiteralPsk(value)) return `var.${variable}`;
  const rendered = scalar(value);
  // A required attribute is always written: unset shows as `""` so the skeleton stays visible.
  if (spec.presence === 'required') return rendered ?? '""';
  if (spec.default === undefined) return rendered;
  // An attribute with a provider default: omitted when equal to it (omitDefaults), else filled in.
  const defaultText = scalar(spec.default);
  if (ctx.omitDefaults && (rendered === undefined || rendered === defaultText)) return undefined;
  return rendered ?? defaultText;
}

/** A body's design attributes, in the description's order. */
function renderAttributes(body: BodySpec, record: LooseRecord, path: string, ctx: RenderContext): HclBodyItem[] {
  const items: HclBodyItem[] = [];
  for (const [name, spec] of designAttributes(body)) {
    const value = attributeValue(spec, record[name], path ? `${path}.${name}` : name, ctx);
    if (value !== undefined) items.push(attribute(name, value));
  }
  return items;
}

/** A body in the description's order: its design attributes, then its blocks (one per list item). */
function renderBody(body: BodySpec, record: LooseRecord, path: string, ctx: RenderContext): HclBodyItem[] {
  const items = renderAttributes(body, record, path, ctx);
  const at = (name: string) => (path ? `${path}.${name}` : name);
  for (const [name, nested] of blocksOf(body)) {
    for (const { item, index } of recordsOf(record[name])) {
      items.push(block(name, [], renderBody(nested.body, item, `${at(name)}.${index}`, ctx)));
    }
  }
  return items;
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
  return renderBody(CONNECTOR_RESOURCE, record, '', { omitDefaults, pskVariables: new Map() });
}

/**
 * One body's attributes as renderConnectorBodyItems writes them (no blocks):
 * the document editor renders only the blocks a change touched.
 */
export function renderBodyAttributeItems(body: BodySpec, record: LooseRecord, omitDefaults: boolean): HclBodyItem[] {
  return renderAttributes(body, record, '', { omitDefaults, pskVariables: new Map() });
}

/** Any form state is rendered (a design, half-filled values, even null); see the file comment. `resource` is the description to render by. */
export function renderConnectorHcl(design: ConnectorDesign | unknown, options: HclRenderOptions = {}, resource: BodySpec = CONNECTOR_RESOURCE): string {
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
    block('resource', [quoteHclString(RESOURCE_TYPE), quoteHclString(label)], renderBody(resource, record, '', ctx)),
  ]);
}
