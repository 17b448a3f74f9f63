/**
 * Values of the tunnel protocol not in use. The designer keeps them while the
 * user tries another protocol (switching back restores them), but they are
 * neither validated, rendered nor sent: the design that counts is the one
 * without them. Which values belong to a protocol is the description's
 * `onlyWithProtocol` (attributes and blocks, at any depth).
 */
import { effectiveTunnelProtocol, type ConnectorDesign } from './design';
import { memoFor, perBodyAndProtocol, type DesignMemo } from './design-walk';
import { blocksOf, CONNECTOR_RESOURCE, type BodySpec } from './resource';
import { isRecord } from '@/lib/util/records';

function hasItems(list: unknown): boolean {
  return Array.isArray(list) && list.length > 0;
}

/** Names of a body's attributes and blocks sent only with another protocol. */
const inactiveNames = perBodyAndProtocol((body, protocol) =>
  [...Object.entries(body.attributes), ...Object.entries(body.blocks)]
    .filter(([, spec]) => spec.onlyWithProtocol !== undefined && spec.onlyWithProtocol !== protocol)
    .map(([name]) => name),
);

function field(value: object, name: string): unknown {
  return Object.getOwnPropertyDescriptor(value, name)?.value;
}

/**
 * `value` (an object of `body`) with `change(body, value, before)` applied at
 * every depth, sharing every object nothing changed in (the same object back
 * when nothing changed at all). `before` is the corresponding object of
 * another design (same block, same index), when there is one. `memo`: results
 * for objects that never change, for a `change` that needs no `before`.
 */
function rewrite<T extends object>(
  body: BodySpec,
  value: T,
  before: unknown,
  change: (body: BodySpec, value: object, before: object | undefined) => Record<string, unknown>,
  memo?: WeakMap<object, object>,
): T {
  const known = memo?.get(value);
  if (known) return known as T;
  const updates: Record<string, unknown> = { ...change(body, value, isRecord(before) ? before : undefined) };
  for (const [name, block] of blocksOf(body)) {
    if (Object.hasOwn(updates, name)) continue;
    const items = field(value, name);
    if (!Array.isArray(items)) continue;
    const otherItems = isRecord(before) ? field(before, name) : undefined;
    const next = items.map((item, i) =>
      isRecord(item)
        ? rewrite(block.body, item, Array.isArray(otherItems) ? otherItems[i] : undefined, change, memo)
        : item,
    );
    if (next.some((item, i) => item !== items[i])) updates[name] = next;
  }
  const result = Object.keys(updates).length === 0 ? value : Object.assign({ ...value }, updates);
  memo?.set(value, result);
  return result;
}

/**
 * The design as the selected protocol sees it (the same object when nothing is hidden). `memo`: for designs whose
 * objects never change (see DesignMemo); an object seen before gives the same view back.
 */
export function withoutInactiveProtocolValues(design: ConnectorDesign, memo?: DesignMemo<object>): ConnectorDesign {
  const protocol = effectiveTunnelProtocol(design);
  return rewrite(
    CONNECTOR_RESOURCE,
    design,
    undefined,
    (body, value) =>
      Object.fromEntries(
        inactiveNames(body, protocol).flatMap((name) => (hasItems(field(value, name)) ? [[name, []]] : [])),
      ),
    memo && memoFor(memo, protocol),
  );
}

/**
 * `parsed` (e.g. from the HCL editor, which only shows the active protocol)
 * with the hidden values of `current` put back, item by item, where `parsed`
 * has none of its own.
 */
export function keepInactiveProtocolValues(parsed: ConnectorDesign, current: ConnectorDesign): ConnectorDesign {
  const protocol = effectiveTunnelProtocol(parsed);
  return rewrite(CONNECTOR_RESOURCE, parsed, current, (body, value, before) =>
    Object.fromEntries(
      inactiveNames(body, protocol).flatMap((name) => {
        const kept = before ? field(before, name) : undefined;
        // A copy: `current` may be a form's live values, which the form changes in place.
        return !hasItems(field(value, name)) && hasItems(kept) ? [[name, structuredClone(kept)]] : [];
      }),
    ),
  );
}
