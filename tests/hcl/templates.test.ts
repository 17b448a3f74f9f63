import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DESIGN_TEMPLATES, designFromTemplate } from '@/lib/connector/templates';
import { validateDesign } from '@/lib/connector/validate';
import { validDesignArb } from '../helpers/arbitraries';
import { gatewaysOf, instanceOf } from '../helpers/design-parts';
import { at, take } from '../helpers/present';

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('starter templates', () => {
  it('are the four reference examples, in order', () => {
    expect(DESIGN_TEMPLATES.map((t) => [t.id, t.design.resource_name])).toEqual([
      ['basic-vxlan-gpe', 'basic'],
      ['ha-vxlan', 'ha_config'],
      ['multi-segment-ipsec', 'multi_segment'],
      ['multi-instance-ipsec', 'multi_instance'],
    ]);
  });

  it.each(DESIGN_TEMPLATES.map((t) => [t.id, t] as const))('%s validates without errors', (_id, template) => {
    const result = validateDesign(template.design);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    // The only warnings allowed are the validator's notes on the placeholder
    // pre-shared keys, which the HCL export turns into sensitive variables.
    expect(result.warnings.filter((w) => !w.path.endsWith('.pre_shared_key'))).toEqual([]);
  });

  it('use GUID subscription ids in every circuit id', () => {
    for (const t of DESIGN_TEMPLATES) {
      for (const instance of t.design.instances) {
        const subscription = /^\/subscriptions\/([^/]+)\//.exec(instance.expressroute_circuit_id)?.[1] ?? '';
        expect(subscription).toMatch(GUID_RE);
      }
    }
  });

  it('ha-vxlan has two valid unicast gateway MACs for its redundant routers', () => {
    const [instance] = take(designFromTemplate('ha-vxlan')!.instances, 1);
    expect(instance.redundant_router).toBe(true);
    expect(instance.gateway_mac_address).toHaveLength(2);
    for (const mac of instance.gateway_mac_address!) {
      expect(mac).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){5}$/i);
      expect(parseInt(mac.slice(0, 2), 16) & 1).toBe(0);
    }
  });

  it('multi-segment-ipsec gives the DMZ backup gateway its own tunnel, key and FQDN', () => {
    const [dmz] = take(gatewaysOf(designFromTemplate('multi-segment-ipsec')!), 1);
    const [primary, backup] = take(dmz.customer_gateway, 2);
    expect(backup.name).toBe('dmz-backup-gateway');
    expect(at(backup.tunnel, 0).name).toBe('backup-tunnel');
    expect(at(backup.tunnel, 0).remote_auth_value).toBe('dmz-backup.example.com');
    expect(at(backup.tunnel, 0).pre_shared_key).not.toBe(at(primary.tunnel, 0).pre_shared_key);
  });

  it('multi-instance-ipsec configures ipsec_customer_gateway (not the misspelt block) in both instances', () => {
    const design = designFromTemplate('multi-instance-ipsec')!;
    expect(JSON.stringify(design)).not.toContain('iposec');
    for (const instance of design.instances) expect(instance.ipsec_customer_gateway).toHaveLength(1);
  });

  it('designFromTemplate returns an independent copy', () => {
    const copy = designFromTemplate('basic-vxlan-gpe')!;
    instanceOf(copy).name = 'changed';
    expect(instanceOf(at(DESIGN_TEMPLATES, 0).design).name).toBe('primary-instance');
    expect(designFromTemplate('nope')).toBeUndefined();
  });
});

describe('validDesignArb', () => {
  it('generates designs the validator accepts', () => {
    fc.assert(
      fc.property(validDesignArb, (design) => {
        const result = validateDesign(design);
        expect(result.errors).toEqual([]);
        expect(result.ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
