/**
 * The topology across the versions of one design (DiagramGraphs, lib/diagram/graph.ts): each version's graph is
 * exactly designToGraph's, while the parts an edit left alone keep their objects — and nothing handed out before
 * is changed by a later version.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ConnectorDesign } from '@/lib/connector/design';
import { validateDesign } from '@/lib/connector/validate';
import { DiagramGraphs, designToGraph } from '@/lib/diagram/graph';
import { largeSampleDesign } from '@/lib/diagram/sample';
import { nastyDesignArb, slugArb, validDesignArb } from '../helpers/arbitraries';
import { instanceOf } from '../helpers/design-parts';

/** A version made the way the designer makes them: a copy along the path to the change, every other object shared. */
function withInstanceName(design: ConnectorDesign, index: number, name: string): ConnectorDesign {
  const instances = [...design.instances];
  instances[index] = { ...instanceOf(design, index), name };
  return { ...design, instances };
}

/** Edits of what every instance's nodes depend on, the instances themselves shared: where they are, the protocol, the segments. */
const edit: fc.Arbitrary<(d: ConnectorDesign) => ConnectorDesign> = fc.constantFrom(
  (d: ConnectorDesign) => ({ ...d, instances: d.instances.slice(1) }),
  (d: ConnectorDesign) => ({ ...d, instances: [...d.instances].reverse() }),
  (d: ConnectorDesign) => ({ ...d, tunnel_protocol: d.tunnel_protocol === 'VXLAN' ? 'IPSEC' : 'VXLAN' }),
  (d: ConnectorDesign) => ({
    ...d,
    segment_options: [...(Array.isArray(d.segment_options) ? d.segment_options : [])].reverse(),
  }),
  (d: ConnectorDesign) => ({ ...d, segment_options: [] }),
);

const findings = (d: ConnectorDesign) => {
  const check = validateDesign(d);
  return { errors: check.errors, warnings: check.warnings };
};

describe('DiagramGraphs', () => {
  it('draws every version exactly as designToGraph does, whatever came before (valid and broken designs, with findings)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(validDesignArb, nastyDesignArb), { minLength: 1, maxLength: 4 }),
        fc.array(fc.oneof(fc.tuple(fc.nat(), slugArb), edit), { maxLength: 5 }),
        (designs, edits) => {
          const graphs = new DiagramGraphs();
          const versions: ConnectorDesign[] = [];
          for (const design of designs) {
            versions.push(design);
            let current = design;
            for (const step of edits) {
              if (!Array.isArray(current.instances) || current.instances.length === 0) break;
              current = Array.isArray(step)
                ? withInstanceName(current, step[0] % current.instances.length, step[1])
                : step(current);
              versions.push(current);
            }
          }
          for (const version of versions) {
            const issues = findings(version);
            expect(graphs.of(version, issues)).toEqual(designToGraph(version, issues));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("an edit of one instance leaves the others' nodes and edges the same objects, and changes no graph handed out", () => {
    const design = largeSampleDesign();
    const graphs = new DiagramGraphs();
    const before = graphs.of(design, findings(design));
    const snapshot = structuredClone(before);
    const edited = withInstanceName(design, 1, 'renamed-circuit');
    const after = graphs.of(edited, findings(edited));
    expect(after).toEqual(designToGraph(edited, findings(edited)));
    expect(structuredClone(before)).toEqual(snapshot);

    const nodesOf = (graph: typeof before, index: number) =>
      graph.nodes.filter((n) => n.formPath === `instances.${index}` || n.formPath.startsWith(`instances.${index}.`));
    const kept = nodesOf(after, 0);
    expect(kept.length).toBeGreaterThan(10);
    // Instance 0 (its findings unchanged) keeps every node object; instance 1's are new, with the new name.
    expect(kept.every((n, i) => n === nodesOf(before, 0)[i])).toBe(true);
    expect(nodesOf(after, 1).some((n) => nodesOf(before, 1).includes(n))).toBe(false);
    expect(nodesOf(after, 1).find((n) => n.kind === 'circuit')?.title).toBe('renamed-circuit');
    expect(after.edges.filter((e) => before.edges.includes(e)).length).toBeGreaterThan(after.edges.length / 3);
  });

  it('a node whose findings change is a new object carrying them; the next version with the same ones keeps it', () => {
    const design = largeSampleDesign();
    const graphs = new DiagramGraphs();
    const path = 'instances.0.name';
    const issues = (message: string) => ({ errors: [{ path, message, severity: 'error' as const }], warnings: [] });
    const first = graphs.of(design, issues('Name is taken'));
    const circuit = (g: typeof first) => g.nodes.find((n) => n.formPath === 'instances.0');
    expect(circuit(first)?.errors).toEqual(['Name is taken']);
    const second = graphs.of(design, issues('Name is too long'));
    expect(circuit(second)).not.toBe(circuit(first));
    expect(circuit(second)?.errors).toEqual(['Name is too long']);
    expect(circuit(first)?.errors).toEqual(['Name is taken']);
    expect(circuit(graphs.of(design, issues('Name is too long')))).toBe(circuit(second));
    // With no findings, the node is the plain one again.
    expect(circuit(graphs.of(design, { errors: [], warnings: [] }))?.errors).toEqual([]);
  });
});
