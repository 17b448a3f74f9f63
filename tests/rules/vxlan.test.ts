import { describe, expect, it } from 'vitest';
import { errorsAt, mutable, vxlanGpeDesign, vxlanHaDesign } from './fixtures';

const MACS = 'instances.0.gateway_mac_address';
const VNIS = 'instances.0.virtual_network_interface';

describe('gateway_mac_address', () => {
  it('two unicast MACs with redundant_router on VXLAN are valid', () => {
    expect(errorsAt(vxlanHaDesign(), MACS)).toEqual([]);
  });

  it('only with VXLAN', () => {
    const design = mutable(vxlanGpeDesign());
    design.instances[0].gateway_mac_address = ['00:1A:2B:3C:4D:5E'];
    expect(errorsAt(design, MACS)[0]).toContain(
      'only used with tunnel_protocol = "VXLAN", but tunnel_protocol is "VXLAN_GPE"',
    );
  });

  it('empty MAC rows are ignored when the protocol does not use them (hidden form rows)', () => {
    const design = mutable(vxlanGpeDesign());
    design.instances[0].gateway_mac_address = [''];
    expect(errorsAt(design, `${MACS}.0`)).toEqual([]);
    expect(errorsAt(design, MACS)).toEqual([]);
  });

  it.each(['00:6F:7G:8H:9I:0J', '001A.2B3C.4D5E', '00-1A-2B-3C-4D-5E', '00:1A:2B:3C:4D'])('%s is malformed', (mac) => {
    const design = mutable(vxlanHaDesign());
    design.instances[0].gateway_mac_address[1] = mac;
    expect(errorsAt(design, `${MACS}.0`)).toEqual([]);
    expect(errorsAt(design, `${MACS}.1`)[0]).toContain(`${JSON.stringify(mac)} must be six hex octets`);
  });

  it('a multicast MAC (odd first octet) is an error', () => {
    const design = mutable(vxlanHaDesign());
    design.instances[0].gateway_mac_address[0] = '01:00:5E:00:00:01';
    expect(errorsAt(design, `${MACS}.0`)[0]).toContain('multicast');
  });

  it('a lowercase unicast MAC is fine', () => {
    const design = mutable(vxlanHaDesign());
    design.instances[0].gateway_mac_address[0] = '02:aa:bb:cc:dd:ee';
    expect(errorsAt(design, `${MACS}.0`)).toEqual([]);
  });

  it('redundant_router needs exactly two', () => {
    const design = mutable(vxlanHaDesign());
    design.instances[0].gateway_mac_address.pop();
    expect(errorsAt(design, MACS)[0]).toContain('exactly two');
  });

  it('without redundant_router exactly one', () => {
    const design = mutable(vxlanHaDesign());
    design.instances[0].redundant_router = false;
    expect(errorsAt(design, MACS)[0]).toContain('exactly one');
    design.instances[0].gateway_mac_address.pop();
    expect(errorsAt(design, MACS)).toEqual([]);
  });

  it('VXLAN without any MAC is an error', () => {
    const design = mutable(vxlanHaDesign());
    design.instances[0].gateway_mac_address = [];
    expect(errorsAt(design, MACS)[0]).toContain('it has 0');
  });
});

describe('virtual_network_interface', () => {
  it('VNIs at both ends of the range are valid', () => {
    const design = mutable(vxlanHaDesign());
    design.instances[0].virtual_network_interface = ['16773023', 16777215];
    expect(errorsAt(design, `${VNIS}.0`)).toEqual([]);
    expect(errorsAt(design, `${VNIS}.1`)).toEqual([]);
  });

  it('outside the range is an error at the item', () => {
    const design = mutable(vxlanHaDesign());
    design.instances[0].virtual_network_interface = [16774000, 16773022];
    expect(errorsAt(design, `${VNIS}.1`)[0]).toContain('"16773022" must be an integer VNI from 16773023 to 16777215');
  });

  it('a non-number is an error at the item', () => {
    const design = mutable(vxlanHaDesign());
    design.instances[0].virtual_network_interface = [16774000, 'abc'];
    expect(errorsAt(design, `${VNIS}.1`)[0]).toContain('"abc" must be an integer VNI');
  });

  it('only with VXLAN', () => {
    const design = mutable(vxlanGpeDesign());
    design.instances[0].virtual_network_interface = [16774000];
    expect(errorsAt(design, VNIS)[0]).toContain('only used with tunnel_protocol = "VXLAN"');
  });

  it('unique across the whole connector', () => {
    const design = mutable(vxlanHaDesign());
    design.instances.push({
      ...structuredClone(design.instances[0]),
      name: 'second',
      loopback_subnet: '192.168.21.64/26',
      expressroute_circuit_id: design.instances[0].expressroute_circuit_id.replace('ha-circuit', 'ha-circuit-2'),
      virtual_network_interface: [16774002, 16774001],
    });
    expect(errorsAt(design, 'instances.1.virtual_network_interface.0')).toEqual([]);
    expect(errorsAt(design, 'instances.1.virtual_network_interface.1')[0]).toContain(
      'VNI 16774001 is already used by Instance "ha-instance"',
    );
  });
});
