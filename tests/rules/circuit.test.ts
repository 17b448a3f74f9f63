import { describe, expect, it } from 'vitest';
import { circuitId, errorsAt, mutable, vxlanGpeDesign, warningsAt } from './fixtures';

const AT = 'instances.0.expressroute_circuit_id';

function withCircuit(id: string) {
  const design = mutable(vxlanGpeDesign());
  design.instances[0].expressroute_circuit_id = id;
  return design;
}

describe('expressroute_circuit_id', () => {
  it('a full resource ID is valid, with Azure casing or not', () => {
    expect(errorsAt(withCircuit(circuitId('c1')), AT)).toEqual([]);
    const lower = circuitId('c1')
      .replace('resourceGroups', 'resourcegroups')
      .replace('Microsoft.Network', 'microsoft.network');
    expect(errorsAt(withCircuit(lower), AT)).toEqual([]);
  });

  it('an expression is accepted', () => {
    expect(errorsAt(withCircuit('${azurerm_express_route_circuit.primary.id}'), AT)).toEqual([]);
  });

  it('a bare circuit name is an error that explains where to find the ID', () => {
    const [message] = errorsAt(withCircuit('primary-circuit'), AT);
    expect(message).toContain('/subscriptions/<subscription-id>/resourceGroups/');
    expect(message).toContain('bare circuit name');
  });

  it('a peering (child resource) ID is an error', () => {
    expect(errorsAt(withCircuit(circuitId('c1') + '/peerings/AzurePrivatePeering'), AT)[0]).toContain('child resource');
  });

  it('a different resource type is an error', () => {
    const vnet = circuitId('c1').replace('expressRouteCircuits', 'virtualNetworks');
    expect(errorsAt(withCircuit(vnet), AT)[0]).toContain('not a Microsoft.Network/expressRouteCircuits resource');
  });
});

describe('subscription GUID (warning)', () => {
  it('a GUID subscription raises no warning', () => {
    expect(warningsAt(vxlanGpeDesign(), AT)).toEqual([]);
  });

  it('a non-GUID subscription is a warning, not an error', () => {
    const design = withCircuit(circuitId('c1', '12345678-abcd-efgh-ijkl-1234567890ab'));
    expect(errorsAt(design, AT)).toEqual([]);
    expect(warningsAt(design, AT)[0]).toContain(
      '"12345678-abcd-efgh-ijkl-1234567890ab" in expressroute_circuit_id is not a GUID',
    );
  });
});
