/**
 * Walks over design versions remembered per object (DesignMemo): the designer's versions never change once made
 * and share every object an edit did not touch, so a walk of a new version re-visits its edited path only — and
 * must answer exactly as a walk without the memo.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONNECTOR_RESOURCE } from '@/lib/connector/resource';
import { designValues, someDesignValue, type DesignMemo } from '@/lib/connector/design-walk';
import { hasNamedReferences } from '@/lib/connector/data-source-refs';
import { effectiveTunnelProtocol, isExpression, type ConnectorDesign } from '@/lib/connector/design';
import { withoutInactiveProtocolValues } from '@/lib/connector/protocol-values';
import { shareAlongPath } from '@/components/designer/document-state';
import { largeIpsecDesign } from '../../scripts/bench-designs';
import { validDesignArb } from '../helpers/arbitraries';
import { expressionPaths } from '@/components/designer/design-references';

/** The next version as the designer makes it: `edit` applied to a copy, shared with `previous` off `path`. */
function edited(previous: ConnectorDesign, path: (string | number)[], edit: (d: ConnectorDesign) => void) {
  const current = structuredClone(previous);
  edit(current);
  return shareAlongPath(previous, current, path) as ConnectorDesign;
}

const isReferenceExpression = (spec: { reference?: string }, value: unknown) =>
  spec.reference !== undefined && isExpression(value);

describe('someDesignValue', () => {
  it('answers as a search of designValues does, with one memo across many designs', () => {
    const memo: DesignMemo<boolean> = new Map();
    fc.assert(
      fc.property(validDesignArb, (design) => {
        const protocol = effectiveTunnelProtocol(design);
        const expected = designValues(CONNECTOR_RESOURCE, design, protocol).some(({ spec, value }) =>
          isReferenceExpression(spec, value),
        );
        expect(someDesignValue(CONNECTOR_RESOURCE, design, protocol, isReferenceExpression)).toBe(expected);
        expect(someDesignValue(CONNECTOR_RESOURCE, design, protocol, isReferenceExpression, memo)).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('walks only the edited path of a new version, and finds what the edit wrote', () => {
    const memo: DesignMemo<boolean> = new Map();
    const v1 = largeIpsecDesign();
    // Nothing named by data source in the benchmark's 640-tunnel design; count what a walk looks at.
    let looked = 0;
    const named = (spec: { reference?: string }, value: unknown) => {
      looked++;
      return spec.reference !== undefined && String(value).startsWith('${data.');
    };
    expect(someDesignValue(CONNECTOR_RESOURCE, v1, 'IPSEC', named, memo)).toBe(false);
    const whole = looked;
    expect(whole).toBeGreaterThan(1000);

    // One gateway's segment picked by name: the walk finds it, looking at the changed path only.
    const path = ['instances', 7, 'ipsec_customer_gateway', 3, 'segment_id'];
    const v2 = edited(v1, path, (d) => {
      d.instances[7]!.ipsec_customer_gateway![3]!.segment_id = '${data.alkira_segment.dmz.id}';
    });
    looked = 0;
    expect(someDesignValue(CONNECTOR_RESOURCE, v2, 'IPSEC', named, memo)).toBe(true);
    expect(looked).toBeLessThan(whole / 10);
    expect(hasNamedReferences(v2, new Map())).toBe(true);
    // The earlier version still answers for itself.
    expect(someDesignValue(CONNECTOR_RESOURCE, v1, 'IPSEC', named, memo)).toBe(false);

    // Edited back: not found again.
    const v3 = edited(v2, path, (d) => {
      d.instances[7]!.ipsec_customer_gateway![3]!.segment_id = '${alkira_segment.seg3.id}';
    });
    expect(someDesignValue(CONNECTOR_RESOURCE, v3, 'IPSEC', named, memo)).toBe(false);
  });
});

describe('withoutInactiveProtocolValues with a memo', () => {
  it('gives what it gives without one, for designs switched between protocols', () => {
    const memo: DesignMemo<object> = new Map();
    fc.assert(
      fc.property(validDesignArb, fc.constantFrom('VXLAN', 'VXLAN_GPE', 'IPSEC'), (design, protocol) => {
        expect(withoutInactiveProtocolValues(design, memo)).toEqual(withoutInactiveProtocolValues(design));
        const switched = edited(design, ['tunnel_protocol'], (d) => {
          d.tunnel_protocol = protocol;
        });
        expect(withoutInactiveProtocolValues(switched, memo)).toEqual(withoutInactiveProtocolValues(switched));
      }),
      { numRuns: 150 },
    );
  });

  it('shares the views of what an edit did not touch, and shows what it did', () => {
    const memo: DesignMemo<object> = new Map();
    const v1 = largeIpsecDesign();
    // Hidden under IPSEC: an instance's VXLAN gateway MACs, kept for a switch back.
    v1.instances[2]!.gateway_mac_address = ['00:1A:2B:3C:4D:5E'];
    const view1 = withoutInactiveProtocolValues(v1, memo);
    const v2 = edited(v1, ['instances', 5, 'name'], (d) => {
      d.instances[5]!.name = 'renamed';
    });
    const view2 = withoutInactiveProtocolValues(v2, memo);
    expect(view2).toEqual(withoutInactiveProtocolValues(v2));
    expect(view2.instances[5]!.name).toBe('renamed');
    expect(view2.instances[2]).toBe(view1.instances[2]);
    expect(view2.instances[2]!.gateway_mac_address).toEqual([]);
    expect(view2.instances[4]).toBe(v2.instances[4]);
  });
});

describe('expressionPaths with a memo', () => {
  it('lists what it lists without one, version after version', () => {
    const memo = new WeakMap<object, readonly string[]>();
    let version = largeIpsecDesign(3, 2, 2, 2);
    const expected = () => expressionPaths(structuredClone(version));
    expect(expressionPaths(version, memo)).toEqual(expected());
    const edits: [(string | number)[], (d: ConnectorDesign) => void][] = [
      [
        ['group'],
        (d) => {
          d.group = '${alkira_group.security.name}';
        },
      ],
      [
        ['instances', 1, 'ipsec_customer_gateway', 0, 'segment_id'],
        (d) => {
          d.instances[1]!.ipsec_customer_gateway![0]!.segment_id = 'literal-segment';
        },
      ],
      [
        ['instances', 2, 'credential_id'],
        (d) => {
          d.instances[2]!.credential_id = '${alkira_credential_azure_vnet.c2.id}';
        },
      ],
      [
        ['group'],
        (d) => {
          d.group = 'networking';
        },
      ],
    ];
    for (const [path, edit] of edits) {
      version = edited(version, path, edit);
      expect(expressionPaths(version, memo)).toEqual(expected());
    }
    expect(expressionPaths(version, memo)).toContain('instances.2.credential_id');
    expect(expressionPaths(version, memo)).not.toContain('instances.1.ipsec_customer_gateway.0.segment_id');
  });
});
