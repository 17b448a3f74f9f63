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
import {
  CONNECTOR_RESOURCE,
  RESOURCE_TYPE,
  blocksOf,
  designAttributes,
  type AttributeSpec,
  type BlockSpec,
  type BodySpec,
  type ValueType,
} from '../resource';
import { isRecord, stringField, type LooseRecord } from '@/lib/util/records';
import { isLiteralPsk, listPskVariablesAt, type PskVariableAt } from './psk';
import { isHclIdentifier, quoteHclString, toHclIdentifier } from './strings';
import { renderBoolValue, renderListValue, renderNumberValue, renderStringValue } from './values';
import { attribute, block, raw, storedSecretAttribute, writeHclFile, type HclBlock, type HclBodyItem } from './writer';
import { isStoredSecret } from '../stored-secret';

export { RESOURCE_TYPE };

export { listPskVariables, type PskVariable } from './psk';

type Renderer = (value: unknown) => string | undefined;

/**
 * The variables of literal pre-shared keys ('variable' mode only) as a tree
 * of their design path segments, so the renderer follows it down as it walks
 * the design and never builds a path string: below a body without a node,
 * no attribute can be a variable.
 */
interface PskNode {
  /** By attribute or block name, and by list index. */
  children: Map<string | number, PskNode>;
  /** The variable whose path ends here. */
  variable?: string;
}

function pskTree(variables: readonly PskVariableAt[]): PskNode | undefined {
  if (variables.length === 0) return undefined;
  const root: PskNode = { children: new Map() };
  for (const { segments, name } of variables) {
    let node = root;
    for (const segment of segments) {
      let child = node.children.get(segment);
      if (child === undefined) {
        child = { children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.variable = name;
  }
  return root;
}

interface RenderContext {
  omitDefaults: boolean;
}

const VALUE_RENDERERS: Record<ValueType, { scalar: Renderer; list: boolean }> = {
  string: { scalar: renderStringValue, list: false },
  number: { scalar: renderNumberValue, list: false },
  bool: { scalar: renderBoolValue, list: false },
  'list(string)': { scalar: renderStringValue, list: true },
  'list(number)': { scalar: renderNumberValue, list: true },
  'set(number)': { scalar: renderNumberValue, list: true },
};

/** What the renderer needs of one design attribute, derived from its spec once. */
interface AttributePlan {
  name: string;
  spec: AttributeSpec;
  scalar: Renderer;
  list: boolean;
  /** The provider default as HCL text (undefined when there is none). */
  defaultText: string | undefined;
}

/** A body's design attributes and blocks in description order, derived once per body. */
interface BodyPlan {
  attributes: readonly AttributePlan[];
  blocks: readonly (readonly [string, BlockSpec])[];
}

const BODY_PLANS = new WeakMap<BodySpec, BodyPlan>();

function planOf(body: BodySpec): BodyPlan {
  let plan = BODY_PLANS.get(body);
  if (plan === undefined) {
    plan = {
      attributes: designAttributes(body).map(([name, spec]) => {
        const { scalar, list } = VALUE_RENDERERS[spec.type];
        return { name, spec, scalar, list, defaultText: spec.default === undefined ? undefined : scalar(spec.default) };
      }),
      blocks: blocksOf(body),
    };
    BODY_PLANS.set(body, plan);
  }
  return plan;
}

/** One attribute's HCL value text, or undefined when it is not written. `psk` is the body's node of the variables tree. */
function attributeValue(
  attr: AttributePlan,
  value: unknown,
  psk: PskNode | undefined,
  ctx: RenderContext,
): string | undefined {
  if (attr.list) return renderListValue(value, attr.scalar);
  const variable = psk?.children.get(attr.name)?.variable;
  if (variable !== undefined && isLiteralPsk(value)) return `var.${variable}`;
  const rendered = attr.scalar(value);
  // A required attribute is always written: unset shows as `""` so the skeleton stays visible.
  if (attr.spec.presence === 'required') return rendered ?? '""';
  const defaultText = attr.defaultText;
  if (defaultText === undefined) return rendered;
  // An attribute with a provider default: omitted when equal to it (omitDefaults), else filled in.
  if (ctx.omitDefaults && (rendered === undefined || rendered === defaultText)) return undefined;
  return rendered ?? defaultText;
}

/** A body's design attributes, in the description's order. `psk` is the body's node of the variables tree. */
function renderAttributes(
  body: BodySpec,
  record: LooseRecord,
  psk: PskNode | undefined,
  ctx: RenderContext,
): HclBodyItem[] {
  const items: HclBodyItem[] = [];
  for (const attr of planOf(body).attributes) {
    if (isStoredSecret(record[attr.name])) {
      // Never text: the variable the file declares for it, else (the document editor's items) a stand-in it replaces.
      const variable = psk?.children.get(attr.name)?.variable;
      items.push(variable !== undefined ? attribute(attr.name, `var.${variable}`) : storedSecretAttribute(attr.name));
      continue;
    }
    const value = attributeValue(attr, record[attr.name], psk, ctx);
    if (value !== undefined) items.push(attribute(attr.name, value));
  }
  return items;
}

/** A body in the description's order: its design attributes, then its blocks (one per list item). */
function renderBody(body: BodySpec, record: LooseRecord, psk: PskNode | undefined, ctx: RenderContext): HclBodyItem[] {
  const items = renderAttributes(body, record, psk, ctx);
  for (const [name, nested] of planOf(body).blocks) {
    const list = record[name];
    if (!Array.isArray(list)) continue;
    const blockPsk = psk?.children.get(name);
    for (let index = 0; index < list.length; index++) {
      const item: unknown = list[index];
      if (isRecord(item))
        items.push(block(name, [], renderBody(nested.body, item, blockPsk?.children.get(index), ctx)));
    }
  }
  // `dynamic` blocks after the written-out ones, as written.
  const dynamic = record.dynamic;
  if (isRecord(dynamic)) {
    for (const [name] of planOf(body).blocks) {
      const sources = dynamic[name];
      if (Array.isArray(sources))
        for (const source of sources) if (typeof source === 'string') items.push(raw(name, source));
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
 * with pre-shared keys as written in the design: the design operations
 * (./document/operation-edits.ts) decide about variables themselves.
 */
export function renderConnectorBodyItems(design: ConnectorDesign | LooseRecord, omitDefaults: boolean): HclBodyItem[] {
  const record: LooseRecord = isRecord(design) ? design : {};
  return renderBody(CONNECTOR_RESOURCE, record, undefined, { omitDefaults });
}

/**
 * One body's attributes as renderConnectorBodyItems writes them (no blocks):
 * the document editor renders only the blocks a change touched.
 */
export function renderBodyAttributeItems(body: BodySpec, record: LooseRecord, omitDefaults: boolean): HclBodyItem[] {
  return renderAttributes(body, record, undefined, { omitDefaults });
}

/** Any form state is rendered (a design, half-filled values, even null); see the file comment. `resource` is the description to render by. */
export function renderConnectorHcl(
  design: ConnectorDesign | unknown,
  options: HclRenderOptions = {},
  resource: BodySpec = CONNECTOR_RESOURCE,
): string {
  const record: LooseRecord = isRecord(design) ? design : {};
  const useVariables = (options.preSharedKeys ?? 'variable') === 'variable';
  const variables = listPskVariablesAt(record, useVariables);
  const ctx: RenderContext = { omitDefaults: options.omitDefaults ?? true };
  const label = resourceLabel(stringField(record, 'resource_name'));
  return writeHclFile([
    ...variables.map((v) => pskVariableBlock(v.name)),
    block(
      'resource',
      [quoteHclString(RESOURCE_TYPE), quoteHclString(label)],
      renderBody(resource, record, pskTree(variables), ctx),
    ),
  ]);
}
