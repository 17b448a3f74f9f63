import { describe, expect, it } from 'vitest';
import { sameDesign } from '@/components/workspace/design-session';
import type { ConnectorDesign } from '@/lib/connector/design';

const base = {
  resource_name: 'prod',
  name: 'prod-er',
  size: 'LARGE',
  vhub_prefix: '10.0.0.0/23',
  cxp: 'USWEST-AZURE-1',
  instances: [
    { name: 'primary', expressroute_circuit_id: 'c', loopback_subnet: '192.168.0.0/26', credential_id: 'cred' },
  ],
  segment_options: [{ segment_id: 's', customer_asn: 65001 }],
} as ConnectorDesign;

describe('sameDesign (the "unsaved changes" mark)', () => {
  it('ignores what the form adds: empty lists, empty strings, key order, numbers typed as text', () => {
    const asForm = {
      description: '',
      billing_tag_ids: [],
      ...base,
      segment_options: [{ customer_asn: '65001', segment_id: 's' }],
      instances: [
        { ...base.instances[0], gateway_mac_address: [], virtual_network_interface: [], ipsec_customer_gateway: [] },
      ],
    } as ConnectorDesign;
    expect(sameDesign(asForm, base)).toBe(true);
  });

  it('notices a changed, added or removed value', () => {
    expect(sameDesign({ ...base, size: 'SMALL' }, base)).toBe(false);
    expect(sameDesign({ ...base, description: 'x' }, base)).toBe(false);
    expect(sameDesign({ ...base, instances: [] }, base)).toBe(false);
  });
});
