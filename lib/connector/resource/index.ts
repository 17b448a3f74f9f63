/**
 * Questions answered from the resource description: what lives at a design
 * path, which attributes are secret, what the help text is, what a design
 * attribute is called in the Alkira API. Everything here is derived; nothing
 * names an attribute.
 */
import { CONNECTOR_RESOURCE, RESOURCE_LABEL } from './azure-expressroute';
import type { AttributeSpec, BlockSpec, BodySpec } from './types';
import { isStoredSecret } from '../stored-secret';

export * from './azure-expressroute';
export type * from './types';

/** Attributes a design may set (computed ones are the provider's). */
export function isDesignAttribute(spec: AttributeSpec): boolean {
  return spec.presence === 'required' || spec.presence === 'optional';
}

// Descriptions are immutable, so what is derived from a body is computed once
// per body (the renderer and the validator ask for it per design object).
const designAttributesCache = new WeakMap<BodySpec, readonly (readonly [string, AttributeSpec])[]>();
const blocksCache = new WeakMap<BodySpec, readonly (readonly [string, BlockSpec])[]>();

/** Design-settable attributes of a body, in description order. */
export function designAttributes(body: BodySpec): readonly (readonly [string, AttributeSpec])[] {
  let found = designAttributesCache.get(body);
  if (found === undefined) {
    found = Object.entries(body.attributes).filter(([, spec]) => isDesignAttribute(spec));
    designAttributesCache.set(body, found);
  }
  return found;
}

/** The blocks of a body, in description order. */
export function blocksOf(body: BodySpec): readonly (readonly [string, BlockSpec])[] {
  let found = blocksCache.get(body);
  if (found === undefined) {
    found = Object.entries(body.blocks);
    blocksCache.set(body, found);
  }
  return found;
}

/** A design path without its list indices: `instances.0.name` → `instances.name`. */
export function schemaPath(path: string): string {
  return path
    .split('.')
    .filter((part) => part !== '' && !/^\d+$/.test(part))
    .join('.');
}

type Located =
  | { kind: 'attribute'; name: string; spec: AttributeSpec }
  | { kind: 'block'; name: string; spec: BlockSpec };

/** What a design path (with or without indices) names, or undefined. List items of an attribute resolve to the attribute. */
export function locate(path: string, root: BodySpec = CONNECTOR_RESOURCE): Located | undefined {
  let body: BodySpec = root;
  let found: Located | undefined;
  for (const part of schemaPath(path).split('.')) {
    if (found?.kind === 'attribute' || part === '') return undefined;
    // Own names only: a path part such as `constructor` names nothing.
    const attribute = Object.hasOwn(body.attributes, part) ? body.attributes[part] : undefined;
    const block = Object.hasOwn(body.blocks, part) ? body.blocks[part] : undefined;
    if (attribute) {
      found = { kind: 'attribute', name: part, spec: attribute };
    } else if (block) {
      found = { kind: 'block', name: part, spec: block };
      body = block.body;
    } else {
      return undefined;
    }
  }
  return found;
}

/** The attribute at a design path, e.g. `instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key`. */
export function attributeAt(path: string, root: BodySpec = CONNECTOR_RESOURCE): AttributeSpec | undefined {
  const found = locate(path, root);
  return found?.kind === 'attribute' ? found.spec : undefined;
}

/** Every attribute of the description with its schema path (`instances.name`), depth first. */
export function allAttributes(
  body: BodySpec = CONNECTOR_RESOURCE,
  at = '',
): { path: string; name: string; spec: AttributeSpec }[] {
  const out: { path: string; name: string; spec: AttributeSpec }[] = [];
  for (const [name, spec] of Object.entries(body.attributes))
    out.push({ path: at ? `${at}.${name}` : name, name, spec });
  for (const [name, block] of Object.entries(body.blocks))
    out.push(...allAttributes(block.body, at ? `${at}.${name}` : name));
  return out;
}

/** HCL names of sensitive attributes (the provider's Sensitive flag). */
export const SENSITIVE_ATTRIBUTES: ReadonlySet<string> = new Set(
  allAttributes()
    .filter((a) => a.spec.sensitive)
    .map((a) => a.name),
);

/** Sensitive attributes by HCL name (a name means one attribute across the resource's bodies). */
export const SENSITIVE_SPECS: ReadonlyMap<string, AttributeSpec> = new Map(
  allAttributes().flatMap((a) => (a.spec.sensitive ? [[a.name, a.spec] as const] : [])),
);

/** Alkira API names of sensitive fields. */
export const SENSITIVE_API_FIELDS: ReadonlySet<string> = new Set(
  allAttributes().flatMap((a) => (a.spec.sensitive && a.spec.api ? [a.spec.api] : [])),
);

/** True when any sensitive attribute anywhere in the design is a stored secret (the server keeps its value). */
export function hasStoredSecret(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasStoredSecret);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, entry]) =>
    SENSITIVE_ATTRIBUTES.has(key) && isStoredSecret(entry) ? true : hasStoredSecret(entry),
  );
}

/** How a detail view shows a stored secret (never its value). */
export const SETTINGS_MASK_TEXT = '••••••••';

/** True when the design path names a sensitive attribute. */
export function isSensitivePath(path: string): boolean {
  return attributeAt(path)?.sensitive === true;
}

/** Help text for a design path (indices allowed; a list item gets its list's help). */
export function helpForPath(path: string, root: BodySpec = CONNECTOR_RESOURCE): string | undefined {
  if (schemaPath(path) === RESOURCE_LABEL.key) return RESOURCE_LABEL.doc;
  return locate(path, root)?.spec.doc;
}

/** The label of a design path's attribute or block. */
export function labelForPath(path: string, root: BodySpec = CONNECTOR_RESOURCE): string | undefined {
  if (schemaPath(path) === RESOURCE_LABEL.key) return RESOURCE_LABEL.label;
  return locate(path, root)?.spec.label;
}

/** How a form shows an attribute: a choice, a checkbox, a secret, a tenant picker, a list, number or text. */
export type InputKind = 'select' | 'checkbox' | 'secret' | 'reference' | 'list' | 'number' | 'text';

export function inputKindOf(spec: AttributeSpec): InputKind {
  if (spec.sensitive) return 'secret';
  if (spec.reference) return spec.type.includes('(') ? 'list' : 'reference';
  if (spec.enum) return 'select';
  if (spec.type === 'bool') return 'checkbox';
  if (spec.type.includes('(')) return 'list';
  return spec.type === 'number' ? 'number' : 'text';
}

/** The form input kind for a design path, or undefined when the path names no attribute. */
export function inputKindForPath(path: string, root: BodySpec = CONNECTOR_RESOURCE): InputKind | undefined {
  const spec = attributeAt(path, root);
  return spec ? inputKindOf(spec) : undefined;
}

/** The Alkira API name of each design name (attribute or block), for mapping error paths. */
export const API_NAME_OF: ReadonlyMap<string, string> = (() => {
  const out = new Map<string, string>();
  const visit = (body: BodySpec) => {
    for (const [name, spec] of Object.entries(body.attributes)) if (spec.api) out.set(name, spec.api);
    for (const [name, block] of Object.entries(body.blocks)) {
      out.set(name, block.api);
      visit(block.body);
    }
  };
  visit(CONNECTOR_RESOURCE);
  return out;
})();

/** Provider defaults by design path (`instances.redundant_router`). */
export function defaultAt(path: string): boolean | string | undefined {
  return attributeAt(path)?.default;
}
