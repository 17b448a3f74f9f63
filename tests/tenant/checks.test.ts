/** The tenant checks (lib/connector/tenant) against small, hand-made snapshots. */
import { describe, expect, it } from 'vitest';
import {
  checkAgainstTenant,
  indexTenant,
  snapshotFromApi,
  suggestFreeBlock,
  type TenantSnapshot,
} from '@/lib/connector/tenant';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import type { ConnectorDesign } from '@/lib/connector/design';
import { instanceOf, segmentOptionOf } from '../helpers/design-parts';
import { at, take } from '../helpers/present';

const template = (id: string): ConnectorDesign => structuredClone(DESIGN_TEMPLATES.find((t) => t.id === id)!.design);

const SNAPSHOT: TenantSnapshot = {
  connectors: [
    { id: 7, name: 'basic-expressroute', vhubPrefix: '10.130.0.0/23', loopbackSubnets: ['192.168.20.0/26'] },
    { id: 8, name: 'edge', vhubPrefix: '10.130.2.0/23', loopbackSubnets: ['192.168.20.64/26', '192.168.20.128/26'] },
  ],
  catalog: {
    segment: [
      { id: 1, name: 'prod' },
      { id: 2, name: 'dmz' },
    ],
    group: [{ id: 1, name: 'networking' }],
    credential: [{ id: 'cred-1', name: 'azure-prod' }],
    billing_tag: [{ id: 101, name: 'production' }],
    tunnel_profile: [{ id: 10, name: 'dmz-standard' }],
  },
};

function design(overrides: Partial<ConnectorDesign> = {}): ConnectorDesign {
  return {
    ...template('basic-vxlan-gpe'),
    name: 'new-connector',
    vhub_prefix: '10.140.0.0/23',
    group: 'networking',
    billing_tag_ids: [101],
    instances: [
      { ...instanceOf(template('basic-vxlan-gpe')), loopback_subnet: '192.168.30.0/26', credential_id: 'cred-1' },
    ],
    segment_options: [
      { segment_id: '1', customer_asn: 65001, disable_internet_exit: true, advertise_on_prem_routes: false },
    ],
    ...overrides,
  };
}

describe('tenant checks', () => {
  const tenant = indexTenant(SNAPSHOT);

  it('finds nothing for a design that fits the tenant', () => {
    expect(checkAgainstTenant(design(), tenant)).toEqual([]);
  });

  it('reports a vHub prefix overlapping another connector at the field, naming it, with the next free /23', () => {
    const findings = checkAgainstTenant(design({ vhub_prefix: '10.130.0.0/23' }), tenant);
    expect(findings).toEqual([
      {
        path: 'vhub_prefix',
        severity: 'error',
        ruleId: 'tenant-vhub-prefix-overlap',
        message:
          'vhub_prefix 10.130.0.0/23 overlaps connector "basic-expressroute" (id 7)\'s vhub_prefix 10.130.0.0/23; the next free /23 is 10.130.4.0/23',
        fix: '10.130.4.0/23',
      },
    ]);
  });

  it('reports each loopback subnet overlapping another connector, with distinct free /26s', () => {
    const base = design();
    const instances = [
      { ...base.instances[0], name: 'a', loopback_subnet: '192.168.20.0/26' },
      { ...base.instances[0], name: 'b', loopback_subnet: '192.168.20.128/26' },
    ];
    const findings = checkAgainstTenant({ ...base, instances }, tenant);
    expect(findings.map((f) => [f.path, f.ruleId, f.fix])).toEqual([
      ['instances.0.loopback_subnet', 'tenant-loopback-subnet-overlap', '192.168.20.192/26'],
      ['instances.1.loopback_subnet', 'tenant-loopback-subnet-overlap', '192.168.21.0/26'],
    ]);
    expect(at(findings, 1).message).toContain(
      'connector "edge" (id 8)\'s loopback_subnet (instance #2) 192.168.20.128/26',
    );
  });

  it('a /23 covering several loopbacks names the first and counts the rest', () => {
    const [finding] = take(checkAgainstTenant(design({ vhub_prefix: '192.168.20.0/23' }), tenant), 1);
    expect(finding.message).toMatch(
      /overlaps connector "basic-expressroute" \(id 7\)'s loopback_subnet \(instance #1\) 192\.168\.20\.0\/26 \(and 2 more\)/,
    );
  });

  it('reports a taken name unless the design is that connector', () => {
    const taken = design({ name: 'edge', vhub_prefix: '10.130.2.0/23' });
    expect(checkAgainstTenant(taken, tenant).map((f) => [f.path, f.ruleId])).toEqual([
      ['name', 'tenant-name-taken'],
      ['vhub_prefix', 'tenant-vhub-prefix-overlap'],
    ]);
    expect(checkAgainstTenant(taken, tenant, { linkedConnectorId: 8 })).toEqual([]);
  });

  it('an edit of a connector may move into its own space: the next free block counts it free', () => {
    const packed = indexTenant({
      connectors: ['a', 'b', 'c'].map((name, i) => ({
        id: i + 1,
        name,
        vhubPrefix: `10.0.${i * 2}.0/23`,
        loopbackSubnets: [`10.9.0.${i * 64}/26`],
      })),
      catalog: {},
    });
    const edit = design({ name: 'b', vhub_prefix: '10.0.0.0/23' });
    instanceOf(edit).loopback_subnet = '10.9.0.0/26';
    expect(checkAgainstTenant(edit, packed, { linkedConnectorId: '2' }).map((f) => [f.path, f.fix])).toEqual([
      ['vhub_prefix', '10.0.2.0/23'],
      ['instances.0.loopback_subnet', '10.9.0.64/26'],
    ]);
    expect(checkAgainstTenant(edit, packed).map((f) => [f.path, f.fix])).toEqual([
      ['name', undefined],
      ['vhub_prefix', '10.0.6.0/23'],
      ['instances.0.loopback_subnet', '10.9.0.192/26'],
    ]);
  });

  it('reports literal references the catalog lacks, with the id when a name was written', () => {
    const d = design({ group: 'nope', billing_tag_ids: [101, 999] });
    segmentOptionOf(d).segment_id = 'dmz';
    instanceOf(d).credential_id = 'cred-x';
    const findings = checkAgainstTenant(d, tenant);
    expect(findings.map((f) => [f.path, f.fix])).toEqual([
      ['group', undefined],
      ['billing_tag_ids.1', undefined],
      ['instances.0.credential_id', undefined],
      ['segment_options.0.segment_id', '2'],
    ]);
    expect(findings.find((f) => f.path === 'segment_options.0.segment_id')!.message).toBe(
      '"dmz" is not a segment id of this tenant; the segment named "dmz" has id 2',
    );
  });

  it('skips expressions and kinds the snapshot has no list for', () => {
    const d = design({ group: '${alkira_group.x.name}', vhub_prefix: '${var.prefix}', cxp: 'NOWHERE' });
    // The catalog and address checks skip them; the group expression (no file to name it) is only marked external.
    expect(checkAgainstTenant(d, tenant).map((f) => [f.path, f.ruleId])).toEqual([
      ['group', 'tenant-external-reference'],
    ]);
  });

  it('suggests free blocks before anything is typed', () => {
    expect(suggestFreeBlock(tenant, 'vhub_prefix', '10.130.0.0')).toBe('10.130.4.0/23');
    expect(suggestFreeBlock(tenant, 'loopback_subnet', '192.168.20.0/26')).toBe('192.168.20.192/26');
    expect(suggestFreeBlock(indexTenant({ connectors: [], catalog: {} }), 'vhub_prefix')).toBe('10.0.0.0/23');
  });

  it('reads the API lists (Azure credentials only)', () => {
    const snapshot = snapshotFromApi({
      connectors: [
        { id: 3, name: 'c', vhubPrefix: '10.0.0.0/23', instances: [{ loopbackSubnet: '10.9.0.0/26' }, {}] },
        { bogus: true },
      ],
      credentials: [
        { credentialId: 'a', name: 'az', credentialType: 'azurevnet' },
        { credentialId: 'b', name: 'aws', credentialType: 'awsvpc' },
      ],
    });
    expect(snapshot).toEqual({
      connectors: [{ id: 3, name: 'c', vhubPrefix: '10.0.0.0/23', loopbackSubnets: ['10.9.0.0/26', undefined] }],
      catalog: { credential: [{ id: 'a', name: 'az' }] },
    });
  });
});

describe('address parsing for the index', () => {
  it('reads what the rules read as a CIDR, nothing else', async () => {
    const { rangeOf } = await import('@/lib/connector/tenant/address-space');
    const { parseCidr, networkAddress } = await import('@/lib/connector/net');
    for (const text of [
      '10.0.0.0/23',
      '0.0.0.0/0',
      '255.255.255.255/32',
      '10.1.2.3/26',
      '01.0.0.0/23',
      '10.0.0.0/33',
      '10.0.0.0/023',
      '256.1.1.1/8',
      '10.0.0/8',
      '1.2.3.4',
    ]) {
      const cidr = parseCidr(text);
      expect(rangeOf(text)?.start ?? null, text).toBe(cidr ? networkAddress(cidr) : null);
    }
  });
});
