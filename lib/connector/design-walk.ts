/**
 * Every value a design sends, found through the resource description: each
 * set, settable attribute (a list attribute item by item) with its design path
 * and spec, skipping attributes and blocks the effective tunnel protocol does
 * not send (`onlyWithProtocol`). Server code uses it to resolve references and
 * check what can be provisioned without naming attributes.
 */
import { blocksOf } from './resource';
import type { AttributeSpec, BodySpec } from './resource/types';
import { isRecord } from '@/lib/util/records';

export interface DesignValue {
  /** Design path with indices: `instances.0.ipsec_customer_gateway.1.segment_id`, `billing_tag_ids.2`. */
  path: string;
  spec: AttributeSpec;
  value: unknown;
}

const isUnset = (value: unknown): boolean => value === undefined || value === null || value === '';

function sentWith(spec: { readonly onlyWithProtocol?: string }, protocol: string): boolean {
  return spec.onlyWithProtocol === undefined || spec.onlyWithProtocol === protocol;
}

/** `compute`, remembered per body and protocol: walks run on every keystroke, and a body's specs never change. */
export function perBodyAndProtocol<T>(
  compute: (body: BodySpec, protocol: string) => T,
): (body: BodySpec, protocol: string) => T {
  const byBody = new WeakMap<BodySpec, Map<string, T>>();
  return (body, protocol) => {
    let byProtocol = byBody.get(body);
    if (!byProtocol) {
      byProtocol = new Map();
      byBody.set(body, byProtocol);
    }
    if (!byProtocol.has(protocol)) byProtocol.set(protocol, compute(body, protocol));
    return byProtocol.get(protocol) as T;
  };
}

/** A body's settable attributes the protocol sends. */
const sentAttributes = perBodyAndProtocol((body, protocol) =>
  Object.entries(body.attributes).filter(
    ([, spec]) => (spec.presence === 'required' || spec.presence === 'optional') && sentWith(spec, protocol),
  ),
);

/** The design's set values, depth first in description order. */
export function designValues(resource: BodySpec, design: unknown, protocol: string, at = ''): DesignValue[] {
  if (!isRecord(design)) return [];
  const out: DesignValue[] = [];
  const pathOf = (name: string) => (at ? `${at}.${name}` : name);
  for (const [name, spec] of sentAttributes(resource, protocol)) {
    const value = design[name];
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (!isUnset(item)) out.push({ path: `${pathOf(name)}.${i}`, spec, value: item });
      });
    } else if (!isUnset(value)) {
      out.push({ path: pathOf(name), spec, value });
    }
  }
  for (const [name, block] of Object.entries(resource.blocks)) {
    const items = design[name];
    if (!sentWith(block, protocol) || !Array.isArray(items)) continue;
    items.forEach((item, i) => out.push(...designValues(block.body, item, protocol, `${pathOf(name)}.${i}`)));
  }
  return out;
}

/**
 * Per protocol, per object of a design that never changes once made: what a walk found there. The designer's
 * versions are such designs, and a new version shares every object its edit did not touch
 * (components/designer/document-state.ts), so with a memo a walk of each version costs its changed path only.
 */
export type DesignMemo<T> = Map<string, WeakMap<object, T>>;

/** The memo's answers for `protocol` (a design walked for another protocol sends other values). */
export function memoFor<T>(memo: DesignMemo<T>, protocol: string): WeakMap<object, T> {
  let answers = memo.get(protocol);
  if (!answers) {
    answers = new WeakMap();
    memo.set(protocol, answers);
  }
  return answers;
}

/**
 * Whether any value `designValues` lists passes `test` (which sees no path), stopping at the first. `memo`: one per
 * `test`, for designs whose objects never change (see DesignMemo).
 */
export function someDesignValue(
  resource: BodySpec,
  design: unknown,
  protocol: string,
  test: (spec: AttributeSpec, value: unknown) => boolean,
  memo?: DesignMemo<boolean>,
): boolean {
  return someValueIn(resource, design, protocol, test, memo && memoFor(memo, protocol));
}

function someValueIn(
  body: BodySpec,
  design: unknown,
  protocol: string,
  test: (spec: AttributeSpec, value: unknown) => boolean,
  answers: WeakMap<object, boolean> | undefined,
): boolean {
  if (!isRecord(design)) return false;
  const known = answers?.get(design);
  if (known !== undefined) return known;
  let found = false;
  for (const [name, spec] of sentAttributes(body, protocol)) {
    const value = design[name];
    found = Array.isArray(value)
      ? value.some((item) => !isUnset(item) && test(spec, item))
      : !isUnset(value) && test(spec, value);
    if (found) break;
  }
  if (!found)
    for (const [name, block] of blocksOf(body)) {
      const items = design[name];
      if (!sentWith(block, protocol) || !Array.isArray(items)) continue;
      found = items.some((item) => someValueIn(block.body, item, protocol, test, answers));
      if (found) break;
    }
  answers?.set(design, found);
  return found;
}

/** Paths of the block lists a `dynamic` block generates (`segment_options`, `instances.0.ipsec_customer_gateway`), depth first. */
export function dynamicBlockPaths(resource: BodySpec, design: unknown, at = ''): string[] {
  if (!isRecord(design)) return [];
  const out: string[] = [];
  const pathOf = (name: string) => (at ? `${at}.${name}` : name);
  const dynamic = design.dynamic;
  for (const [name, block] of Object.entries(resource.blocks)) {
    const sources = isRecord(dynamic) ? dynamic[name] : undefined;
    if (Array.isArray(sources) && sources.length > 0) out.push(pathOf(name));
    const items = design[name];
    if (Array.isArray(items))
      items.forEach((item, i) => out.push(...dynamicBlockPaths(block.body, item, `${pathOf(name)}.${i}`)));
  }
  return out;
}

const isList = (type: string) => type.startsWith('list') || type.startsWith('set');

/**
 * `design` as the form holds it: every list of blocks and every list attribute an array (a whole-list
 * expression stays as written), every unset attribute with a provider default set to that default — a
 * file leaves defaults out, the form shows the value that applies. A fold over the description.
 */
export function formShape<T>(resource: BodySpec, design: T, isExpression: (value: unknown) => boolean): T {
  if (!isRecord(design)) return design;
  const out: Record<string, unknown> = { ...design };
  for (const [name, spec] of Object.entries(resource.attributes)) {
    if (spec.presence === 'computed') continue;
    const value = out[name];
    if (isList(spec.type)) {
      if (!isExpression(value)) out[name] = Array.isArray(value) ? value : [];
    } else if (spec.default !== undefined && isUnset(value)) out[name] = spec.default;
  }
  for (const [name, block] of Object.entries(resource.blocks)) {
    const items = Array.isArray(out[name]) ? (out[name] as unknown[]) : [];
    out[name] = items.map((item) => formShape(block.body, item, isExpression));
  }
  return out as T;
}
