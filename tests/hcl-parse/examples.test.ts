/**
 * The provider docs' four examples (verbatim copies in fixtures/) imported:
 * 1 and 3 are clean, 2 has an invalid MAC, 4 a misspelt block.
 */
import { describe, expect, it } from 'vitest';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';
import { errorsOf, example, positionOf } from './helpers';
import { instanceOf } from '../helpers/design-parts';
import { at, present, take } from '../helpers/present';

describe('docs examples', () => {
  it('example 1 imports with no errors and the documented values', () => {
    const { designs, diagnostics } = parseConnectorHcl(example(1));
    expect(errorsOf(diagnostics)).toEqual([]);
    expect(designs).toHaveLength(1);
    expect(at(designs, 0).resource_name).toBe('basic');
    expect(at(designs, 0).line).toBe(1);
    const design = at(designs, 0).design;
    expect(design.group).toBe('${alkira_group.networking.name}');
    expect(design.tunnel_protocol).toBe('VXLAN_GPE');
    expect(design.segment_options).toEqual([
      {
        segment_id: '${alkira_segment.prod.id}',
        customer_asn: 65001,
        disable_internet_exit: true,
        advertise_on_prem_routes: true,
      },
    ]);
    expect(design.instances[0]).toMatchObject({
      redundant_router: false,
      credential_id: '${alkira_credential_azure_vnet.prod.id}',
    });
  });

  it('example 2 reports the invalid gateway MAC at its exact line and column', () => {
    const text = example(2);
    const { designs, diagnostics } = parseConnectorHcl(text);
    const errors = errorsOf(diagnostics);
    expect(errors).toHaveLength(1);
    const [mac] = take(errors, 1);
    expect(mac.path).toBe('instances.0.gateway_mac_address.1');
    expect(mac.resource).toBe('ha_config');
    expect({ line: mac.line, column: mac.column }).toEqual({ line: 20, column: 49 });
    expect({ line: mac.line, column: mac.column }).toEqual(positionOf(text, '"00:6F:7G:8H:9I:0J"'));
    expect(text.slice(mac.from, mac.to)).toBe('"00:6F:7G:8H:9I:0J"');
    expect(mac.message).toContain('00:6F:7G:8H:9I:0J');
    // The design still imports, so the user can fix it in the form.
    expect(instanceOf(at(designs, 0).design).gateway_mac_address).toEqual(['00:1A:2B:3C:4D:5E', '00:6F:7G:8H:9I:0J']);
    expect(instanceOf(at(designs, 0).design).virtual_network_interface).toEqual([16774000, 16774001]);
  });

  it('example 3 imports with no errors, keeping every gateway and tunnel', () => {
    const { designs, diagnostics } = parseConnectorHcl(example(3));
    expect(errorsOf(diagnostics)).toEqual([]);
    const [instance] = take(at(designs, 0).design.instances, 1);
    expect(instance.ipsec_customer_gateway?.map((g) => g.customer_gateway.map((c) => c.name))).toEqual([
      ['dmz-primary-gateway', 'dmz-backup-gateway'],
      ['internal-primary-gateway', 'internal-backup-gateway'],
    ]);
    const backupTunnel = present(
      instance.ipsec_customer_gateway?.[1]?.customer_gateway[1]?.tunnel[0],
      'the backup tunnel',
    );
    expect(backupTunnel).toMatchObject({
      initiator: false,
      profile_id: 12,
      remote_auth_value: 'internal-backup.example.com',
    });
    // Inline keys are imported (they are the user's own file) but flagged, without echoing them.
    const pskWarnings = diagnostics.filter((d) => d.severity === 'warning' && d.path?.endsWith('pre_shared_key'));
    expect(pskWarnings.length).toBeGreaterThan(0);
    for (const d of diagnostics) expect(d.message).not.toContain('psk-');
  });

  it('example 4 reports the misspelt block with a suggestion, and the IPsec mapping error it causes', () => {
    const text = example(4);
    const { designs, diagnostics } = parseConnectorHcl(text);
    const errors = errorsOf(diagnostics);
    const typo = errors.find((d) => d.message.includes('iposec_customer_gateway'));
    expect(typo).toBeDefined();
    expect(typo!.message).toContain('did you mean ipsec_customer_gateway?');
    expect({ line: typo!.line, column: typo!.column }).toEqual(positionOf(text, 'iposec_customer_gateway'));
    expect(typo!.line).toBe(19);
    // The unknown block is skipped, so instance 0 has no IPsec gateway for its segment.
    expect(instanceOf(at(designs, 0).design).ipsec_customer_gateway).toBeUndefined();
    const mapping = errors.find((d) => d.path === 'instances.0.ipsec_customer_gateway');
    expect(mapping).toBeDefined();
    expect(mapping!.message).toMatch(/IPSEC/);
    // Placed at the header of the first instances block (the nearest thing that exists).
    expect({ line: mapping!.line, column: mapping!.column }).toEqual(positionOf(text, 'instances {'));
    expect(errors).toHaveLength(2);
  });
});
