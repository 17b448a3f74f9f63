/**
 * The check worker's copy of the design follows the versions by their changes
 * (components/designer/design-delta.ts): applied to the design before, the
 * changes give exactly the design after, and leave the one before as it was.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ConnectorDesign } from '@/lib/connector/design';
import { designChanges, withDesignChanges } from '@/components/designer/design-delta';
import { largeIpsecDesign } from '../../scripts/bench-designs';

type Json = unknown;

/** A version of `value` as the designer makes them: one place replaced, removed or grown, the rest shared. */
function edit(value: Json, pick: number, to: Json, how: number): Json {
  if (typeof value !== 'object' || value === null) return to;
  const keys = Object.keys(value);
  if (keys.length === 0) return Array.isArray(value) ? [to] : { added: to };
  const key = keys[pick % keys.length] as string;
  if (Array.isArray(value)) {
    if (how % 5 === 0) return [...value, to];
    if (how % 5 === 1) return value.filter((_, i) => String(i) !== key);
    return value.map((v, i) => (String(i) === key ? edit(v, Math.floor(pick / keys.length), to, how >> 1) : v));
  }
  const record = value as Record<string, Json>;
  if (how % 5 === 0) {
    const { [key]: _removed, ...rest } = record;
    return rest;
  }
  return { ...record, [key]: edit(record[key], Math.floor(pick / keys.length), to, how >> 1) };
}

describe('design changes', () => {
  it('applied to the design before, give the design after, whatever was edited, and change nothing before', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 5 }).filter((v) => typeof v === 'object' && v !== null && !Array.isArray(v)),
        fc.array(fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.nat()), { minLength: 1, maxLength: 4 }),
        (start, edits) => {
          let previous = start as ConnectorDesign;
          // The worker's copy, followed through every version.
          let held = structuredClone(previous);
          for (const [pick, to, how] of edits) {
            const next = edit(previous, pick, to, how) as ConnectorDesign;
            const frozen = JSON.stringify(held);
            const changes = designChanges(previous, next);
            const after = changes ? withDesignChanges(held, structuredClone(changes)) : structuredClone(next);
            expect(after).toEqual(next);
            expect(JSON.stringify(held)).toBe(frozen);
            held = after;
            previous = next;
          }
        },
      ),
      {
        numRuns: 1000,
        // Keys an object has by inheritance or as its prototype: a removed `toString`, an own `__proto__` edited.
        examples: [
          [{ toString: [] }, [[0, {}, 0]]],
          [JSON.parse('{"__proto__": {"a": 1}, "b": 2}'), [[0, 5, 1]]],
        ],
      },
    );
  });

  it('say a name typed in a 640-tunnel design as that one value; a design sharing nothing is sent whole', () => {
    const design = largeIpsecDesign();
    expect(designChanges(design, { ...design, name: 'renamed' })).toEqual([{ path: ['name'], value: 'renamed' }]);
    const instances = [...design.instances];
    instances[3] = { ...instances[3]!, loopback_subnet: '192.168.99.0/26' };
    expect(designChanges(design, { ...design, instances })).toEqual([
      { path: ['instances', 3, 'loopback_subnet'], value: '192.168.99.0/26' },
    ]);
    // A reading that says the same in fresh objects: nothing to send.
    expect(designChanges(design, structuredClone(design))).toEqual([]);
    // A load (every tunnel renamed, nothing shared): the walk stops early and the design goes whole.
    const renamed = structuredClone(design);
    for (const instance of renamed.instances)
      for (const gateway of instance.ipsec_customer_gateway ?? [])
        for (const customer of gateway.customer_gateway) for (const tunnel of customer.tunnel) tunnel.name += '-b';
    expect(designChanges(design, renamed)).toBeNull();
  });
});
