import { describe, expect, it } from 'vitest';
import { countChanges, formatValue, groupChanges } from '@/components/workspace/change-groups';
import type { ConnectorDesign } from '@/lib/connector/design';
import { at } from '../helpers/present';

const TUNNEL = 'instances.0.ipsec_customer_gateway.0.customer_gateway.1.tunnel.0';

const design = {
  resource_name: 'prod',
  name: 'prod-er',
  size: 'LARGE',
  vhub_prefix: '10.0.0.0/23',
  cxp: 'USWEST-AZURE-1',
  instances: [
    {
      name: 'primary',
      expressroute_circuit_id: 'c',
      loopback_subnet: '192.168.0.0/26',
      credential_id: 'cred',
      ipsec_customer_gateway: [
        {
          segment_id: 'seg',
          customer_gateway: [
            { name: 'gw-a', tunnel: [] },
            { name: 'gw-b', tunnel: [{ name: 't1' }] },
          ],
        },
      ],
    },
  ],
  segment_options: [],
} as ConnectorDesign;

describe('groupChanges', () => {
  it('groups attributes by the block they belong to, named from the design, in order of appearance', () => {
    const groups = groupChanges(
      [
        { path: 'size', action: 'update', before: 'SMALL', after: 'LARGE' },
        { path: `${TUNNEL}.ike_version`, action: 'update', before: 'IKEv1', after: 'IKEv2' },
        { path: 'description', action: 'create', after: 'hello' },
        { path: 'instances.0.redundant_router', action: 'update', before: false, after: true },
      ],
      design,
    );
    expect(groups.map((g) => g.title)).toEqual([
      'connector',
      'instance 1 "primary" › IPsec gateway segment 1 › customer gateway 2 "gw-b" › tunnel 1 "t1"',
      'instance 1 "primary"',
    ]);
    expect(at(groups, 0).lines.map((l) => `${l.symbol} ${l.attribute} ${l.before ?? ''}→${l.after ?? ''}`)).toEqual([
      '~ size "SMALL"→"LARGE"',
      '+ description →"hello"',
    ]);
    expect(at(groups, 2).lines[0]).toMatchObject({ attribute: 'redundant_router', before: 'false', after: 'true' });
  });

  it('never shows a sensitive value, even when the change list carries one', () => {
    const [group] = groupChanges([
      { path: `${TUNNEL}.pre_shared_key`, action: 'update', before: 'old-secret', after: 'new-secret' },
      { path: `${TUNNEL}.remote_auth_value`, action: 'create', after: '(sensitive)' },
    ]);
    expect(group?.lines.map((l) => [l.before, l.after])).toEqual([
      ['(sensitive)', '(sensitive)'],
      [undefined, '(sensitive)'],
    ]);
  });

  it('lists a block added or removed whole attribute by attribute, named by its own name and with nested secrets masked', () => {
    const groups = groupChanges([
      {
        path: 'instances.1',
        action: 'create',
        after: {
          name: 'secondary',
          loopback_subnet: '192.168.1.0/26',
          gateway_mac_address: [],
          ipsec_customer_gateway: [
            { segment_id: 's', customer_gateway: [{ name: 'g', tunnel: [{ name: 't', pre_shared_key: 'k' }] }] },
          ],
        },
      },
      { path: 'segment_options.0', action: 'delete', before: { segment_id: 'seg', customer_asn: 65001 } },
    ]);
    expect(groups.map((g) => g.title)).toEqual([
      'instance 2 "secondary"',
      'instance 2 "secondary" › IPsec gateway segment 1',
      'instance 2 "secondary" › IPsec gateway segment 1 › customer gateway 1 "g"',
      'instance 2 "secondary" › IPsec gateway segment 1 › customer gateway 1 "g" › tunnel 1 "t"',
      'segment option 1',
    ]);
    expect(at(groups, 0).lines.map((l) => l.attribute)).toEqual(['name', 'loopback_subnet']);
    expect(at(groups, 3).lines.find((l) => l.attribute === 'pre_shared_key')?.after).toBe('(sensitive)');
    expect(at(groups, 4).lines.map((l) => `${l.symbol} ${l.attribute} = ${l.before}`)).toEqual([
      '- segment_id = "seg"',
      '- customer_asn = 65001',
    ]);
  });

  it('prints a stored secret in a block removed or added whole as one (sensitive) line, not as its parts', () => {
    const tunnel = { name: 't', pre_shared_key: { stored: true }, remote_auth_value: { stored: true } };
    for (const action of ['delete', 'create'] as const) {
      const value = { name: 'g', tunnel: [tunnel] };
      const groups = groupChanges([
        {
          path: 'instances.0.ipsec_customer_gateway.0.customer_gateway.0',
          action,
          [action === 'delete' ? 'before' : 'after']: value,
        },
      ]);
      const lines = groups.flatMap((g) => g.lines);
      expect(lines.map((l) => l.attribute)).toEqual(['name', 'name', 'pre_shared_key', 'remote_auth_value']);
      const shown = lines.filter((l) => l.attribute !== 'name').map((l) => l.before ?? l.after);
      expect(shown).toEqual(['(sensitive)', '(sensitive)']);
    }
  });

  it('labels list elements by index', () => {
    const [group] = groupChanges([{ path: 'billing_tag_ids.1', action: 'create', after: 7 }]);
    expect(group?.lines[0]?.attribute).toBe('billing_tag_ids[1]');
  });
});

describe('formatValue and countChanges', () => {
  it('prints values as HCL literals', () => {
    expect([formatValue('x'), formatValue(3), formatValue(true), formatValue(null), formatValue([1, 2])]).toEqual([
      '"x"',
      '3',
      'true',
      'null',
      '[1,2]',
    ]);
    expect(formatValue({ name: 't', pre_shared_key: 'secret' })).toBe('{"name":"t","pre_shared_key":"(sensitive)"}');
  });

  it('counts per action', () => {
    expect(
      countChanges([
        { path: 'a', action: 'create' },
        { path: 'b', action: 'update' },
        { path: 'c', action: 'update' },
      ]),
    ).toEqual({ create: 1, update: 2, delete: 0 });
  });
});
