/**
 * The plan-style change list between two designs: attribute updates at exact
 * paths, blocks added and removed as one entry, blocks matched by identity
 * (not position), provider defaults and numeric strings not counted as
 * changes, sensitive values masked everywhere.
 */
import { describe, expect, it } from 'vitest';
import { diffDesigns, planSummary } from '@/lib/connector/diff';
import { keepStoredSecrets } from '@/lib/connector/sensitive';
import { STORED_SECRET } from '@/lib/connector/stored-secret';
import { basicDesign, ipsecDesign, parsedDesign, PSK_DMZ, PSK_INTERNAL } from '../helpers/designs';
import { gatewayOf, gatewaysOf, instanceOf, segmentOptionOf, tunnelOf } from '../helpers/design-parts';
import { at } from '../helpers/present';

const ipsec = () => parsedDesign(ipsecDesign('diff-edge'));
const basic = () => parsedDesign(basicDesign('diff-basic'));
const T0 = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0';

describe('diffDesigns', () => {
  it('finds nothing between a design and itself', () => {
    expect(diffDesigns(ipsec(), ipsec())).toEqual([]);
  });

  it('reports each changed attribute with its path, before and after', () => {
    const after = ipsec();
    after.size = 'LARGE';
    tunnelOf(after).initiator = false;
    expect(diffDesigns(ipsec(), after)).toEqual([
      { path: 'size', action: 'update', before: '2LARGE', after: 'LARGE' },
      { path: `${T0}.initiator`, action: 'update', before: true, after: false },
    ]);
  });

  it('masks sensitive values, also inside added and removed blocks', () => {
    const after = ipsec();
    const gw = at(gatewayOf(after).customer_gateway, 0);
    const tunnel = at(gw.tunnel, 0);
    tunnel.pre_shared_key = 'a-new-key-456!';
    gw.tunnel.push({ ...tunnel, name: 'second-tunnel', pre_shared_key: 'another-key-789!' });
    const changes = diffDesigns(ipsec(), after);
    expect(changes).toEqual([
      { path: `${T0}.pre_shared_key`, action: 'update', before: '(sensitive)', after: '(sensitive)' },
      {
        path: 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.1',
        action: 'create',
        after: expect.objectContaining({
          name: 'second-tunnel',
          pre_shared_key: '(sensitive)',
          remote_auth_value: '(sensitive)',
        }),
      },
    ]);
    const text = JSON.stringify(changes);
    for (const secret of [PSK_DMZ, PSK_INTERNAL, 'a-new-key-456!', 'another-key-789!', 'primary-tunnel.example.com'])
      expect(text).not.toContain(secret);
  });

  it('matches instances by name: removing the first is one delete, not a cascade of updates', () => {
    const before = basic();
    before.instances.push({ ...instanceOf(before), name: 'second-instance', loopback_subnet: '192.168.30.0/26' });
    const after = basic();
    after.instances = [instanceOf(before, 1)];
    expect(diffDesigns(before, after)).toEqual([
      { path: 'instances.0', action: 'delete', before: expect.objectContaining({ name: 'primary-instance' }) },
    ]);
  });

  it('treats an omitted attribute as its provider default and "65001" as 65001', () => {
    const before = basic();
    const after = basic();
    delete after.enabled;
    delete instanceOf(after).redundant_router;
    segmentOptionOf(after).customer_asn = 65001;
    expect(diffDesigns(before, after)).toEqual([]);
    after.enabled = false;
    expect(diffDesigns(before, after)).toEqual([{ path: 'enabled', action: 'update', before: true, after: false }]);
  });

  it('reports optional attributes set and cleared as create and delete', () => {
    const after = basic();
    delete after.description;
    after.billing_tag_ids = [101, 102];
    expect(diffDesigns(basic(), after)).toEqual([
      { path: 'description', action: 'delete', before: 'API test connector' },
      { path: 'billing_tag_ids', action: 'update', before: [101], after: [101, 102] },
    ]);
  });
});

describe('planSummary', () => {
  it('speaks Terraform', () => {
    expect(planSummary(true, []).text).toBe('No changes.');
    expect(planSummary(true, [{ path: 'size', action: 'update' }]).text).toBe(
      'Plan: 0 to add, 1 to change, 0 to destroy.',
    );
    expect(planSummary(false, []).text).toBe('Plan: 1 to add, 0 to change, 0 to destroy.');
  });
});

describe('keepStoredSecrets', () => {
  it('restores a stored key from the same tunnel of the reference, even when tunnels moved', () => {
    const reference = ipsec();
    const edited = ipsec();
    const gateways = gatewaysOf(edited);
    const swapped = [at(gateways, 1), at(gateways, 0)];
    instanceOf(edited).ipsec_customer_gateway = swapped;
    for (const g of swapped) at(at(g.customer_gateway, 0).tunnel, 0).pre_shared_key = STORED_SECRET;
    const { design, missing } = keepStoredSecrets(edited, reference);
    expect(missing).toEqual([]);
    expect(tunnelOf(design).pre_shared_key).toBe(PSK_INTERNAL);
    expect(tunnelOf(design, { gateway: 1 }).pre_shared_key).toBe(PSK_DMZ);
  });

  it('reports a stored key with nothing to keep', () => {
    const edited = ipsec();
    tunnelOf(edited).name = 'renamed';
    tunnelOf(edited).pre_shared_key = STORED_SECRET;
    expect(keepStoredSecrets(edited, ipsec()).missing.map((m) => m.path)).toEqual([`${T0}.pre_shared_key`]);
  });
});
