import { describe, expect, it } from 'vitest';
import { errorsAt, ipsecDesign, mutable, vxlanGpeDesign } from './fixtures';

const TUNNEL = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0';

describe('ipsec_customer_gateway and the tunnel protocol', () => {
  it('gateways with IPSEC are valid', () => {
    expect(errorsAt(ipsecDesign(), 'instances.0.ipsec_customer_gateway')).toEqual([]);
  });

  it('gateways without IPSEC are an error', () => {
    const design = mutable(ipsecDesign());
    design.tunnel_protocol = 'VXLAN_GPE';
    expect(errorsAt(design, 'instances.0.ipsec_customer_gateway')[0]).toContain(
      'only used with tunnel_protocol = "IPSEC"',
    );
  });

  it('IPSEC without gateways is an error listing the segments needed', () => {
    const design = mutable(ipsecDesign());
    design.instances[1].ipsec_customer_gateway = [];
    const messages = errorsAt(design, 'instances.1.ipsec_customer_gateway');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('"IPSEC" requires ipsec_customer_gateway');
    expect(messages[0]).toContain('alkira_segment.internal.id');
  });

  it('a gateway block without customer_gateway is an error', () => {
    const design = mutable(ipsecDesign());
    design.instances[0].ipsec_customer_gateway[1].customer_gateway = [];
    expect(errorsAt(design, 'instances.0.ipsec_customer_gateway.1.customer_gateway')[0]).toContain(
      'at least one customer_gateway',
    );
  });

  it('a customer gateway without tunnel is an error', () => {
    const design = mutable(ipsecDesign());
    design.instances[0].ipsec_customer_gateway[1].customer_gateway[0].tunnel = [];
    expect(errorsAt(design, 'instances.0.ipsec_customer_gateway.1.customer_gateway.0.tunnel')[0]).toContain(
      'at least one tunnel',
    );
  });

  it('an expression tunnel_protocol skips protocol-dependent rules', () => {
    const design = mutable(ipsecDesign());
    design.tunnel_protocol = '${var.tunnel_protocol}';
    design.instances[1].ipsec_customer_gateway = [];
    expect(errorsAt(design, 'instances.1.ipsec_customer_gateway')).toEqual([]);
  });
});

describe('ipsecSegmentsMatchSegmentOptions', () => {
  it('one gateway per segment option, in any order, is valid', () => {
    const design = mutable(ipsecDesign());
    design.instances[0].ipsec_customer_gateway.reverse();
    expect(errorsAt(design, 'instances.0.ipsec_customer_gateway')).toEqual([]);
    expect(errorsAt(design, 'instances.0.ipsec_customer_gateway.0.segment_id')).toEqual([]);
  });

  it('a missing segment is an error at the instance gateway list naming the segment', () => {
    const design = mutable(ipsecDesign());
    design.instances[1].ipsec_customer_gateway.splice(0, 1);
    expect(errorsAt(design, 'instances.1.ipsec_customer_gateway')).toEqual([
      'Instance "backup" has no ipsec_customer_gateway for segment alkira_segment.dmz.id, which segment_options lists',
    ]);
  });

  it('an extra segment is an error at its segment_id', () => {
    const design = mutable(ipsecDesign());
    design.instances[0].ipsec_customer_gateway[1].segment_id = '${alkira_segment.guest.id}';
    expect(errorsAt(design, 'instances.0.ipsec_customer_gateway.1.segment_id')[0]).toContain(
      'segment alkira_segment.guest.id, which segment_options does not list',
    );
    // ...and internal is now missing.
    expect(errorsAt(design, 'instances.0.ipsec_customer_gateway')[0]).toContain('alkira_segment.internal.id');
  });

  it('a duplicate segment within an instance is an error at the later block', () => {
    const design = mutable(ipsecDesign());
    const gateways = design.instances[0].ipsec_customer_gateway;
    gateways[1].segment_id = gateways[0].segment_id;
    expect(errorsAt(design, 'instances.0.ipsec_customer_gateway.0.segment_id')).toEqual([]);
    expect(errorsAt(design, 'instances.0.ipsec_customer_gateway.1.segment_id')[0]).toContain(
      'already has an ipsec_customer_gateway for segment alkira_segment.dmz.id',
    );
  });

  it('segments compare as written: a literal id is not the same as a reference', () => {
    const design = mutable(ipsecDesign());
    design.segment_options[0].segment_id = '42';
    expect(errorsAt(design, 'instances.0.ipsec_customer_gateway.0.segment_id')[0]).toContain(
      'which segment_options does not list',
    );
  });
});

describe('tunnel settings', () => {
  function withTunnel(changes: Record<string, unknown>) {
    const design = mutable(ipsecDesign());
    Object.assign(design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0], changes);
    return design;
  }

  it('IKEv2, FQDN and a profile number are valid; so are unset values', () => {
    expect(validateErrors(withTunnel({ ike_version: 'IKEv2', remote_auth_type: 'FQDN', profile_id: '12' }))).toEqual(
      [],
    );
    expect(
      validateErrors(withTunnel({ ike_version: '', remote_auth_type: '', remote_auth_value: '', profile_id: '' })),
    ).toEqual([]);
  });

  it('ike_version other than IKEv2 is an error', () => {
    expect(errorsAt(withTunnel({ ike_version: 'IKEv1' }), `${TUNNEL}.ike_version`)[0]).toContain('"IKEv1" is not');
  });

  it('remote_auth_type other than FQDN is an error', () => {
    expect(errorsAt(withTunnel({ remote_auth_type: 'IP_ADDRESS' }), `${TUNNEL}.remote_auth_type`)[0]).toContain(
      '"IP_ADDRESS" is not',
    );
  });

  it('remote_auth_value without remote_auth_type asks to set FQDN', () => {
    expect(errorsAt(withTunnel({ remote_auth_type: '' }), `${TUNNEL}.remote_auth_type`)[0]).toContain(
      'set remote_auth_type = "FQDN"',
    );
  });

  it.each(['vpn.example.com', 'VPN-1.Example.co.uk.', 'a.b'])('remote_auth_value %s is a valid FQDN', (fqdn) => {
    expect(errorsAt(withTunnel({ remote_auth_value: fqdn }), `${TUNNEL}.remote_auth_value`)).toEqual([]);
  });

  it.each([
    'localhost',
    '-vpn.example.com',
    'vpn-.example.com',
    'vpn..example.com',
    '10.1.2.3',
    'vpn_1.example.com',
    `${'a'.repeat(64)}.com`,
    `${'abcdefghi.'.repeat(26)}com`,
  ])('remote_auth_value %s is not a valid FQDN', (fqdn) => {
    const [message] = errorsAt(withTunnel({ remote_auth_value: fqdn }), `${TUNNEL}.remote_auth_value`);
    expect(message).toContain('is not a valid FQDN');
    // A sensitive value is never quoted back.
    expect(message).not.toContain(fqdn);
  });

  it('FQDN type with an empty value is an error', () => {
    expect(errorsAt(withTunnel({ remote_auth_value: '' }), `${TUNNEL}.remote_auth_value`)[0]).toContain(
      'needs remote_auth_value',
    );
  });

  it.each([0, -1, '1.5', 'gold'])('profile_id %s is an error', (profile) => {
    expect(errorsAt(withTunnel({ profile_id: profile }), `${TUNNEL}.profile_id`)[0]).toContain(
      'must be the positive integer ID',
    );
  });

  it('profile_id may be a reference', () => {
    expect(
      errorsAt(withTunnel({ profile_id: '${alkira_connector_ipsec_tunnel_profile.p.id}' }), `${TUNNEL}.profile_id`),
    ).toEqual([]);
  });
});

function validateErrors(design: unknown) {
  return errorsAt(design, `${TUNNEL}.ike_version`).concat(
    errorsAt(design, `${TUNNEL}.remote_auth_type`),
    errorsAt(design, `${TUNNEL}.remote_auth_value`),
    errorsAt(design, `${TUNNEL}.profile_id`),
  );
}

it('VXLAN_GPE fixture has no IPsec findings', () => {
  expect(errorsAt(vxlanGpeDesign(), 'instances.0.ipsec_customer_gateway')).toEqual([]);
});
