/**
 * The designer's tenant checks below the browser: the check runner
 * (components/designer/document-check.ts) with a tenant copy handed over as
 * the server sends it, and what a field shows of the findings (its fix).
 */
import { describe, expect, it } from 'vitest';
import { DesignChecks, type DesignCheck } from '@/components/designer/document-check';
import { FieldVisibility } from '@/components/designer/field-visibility';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import type { ConnectorDesign } from '@/lib/connector/design';
import { toWire, type TenantSnapshotWire } from '@/lib/connector/tenant';
import { at } from '../helpers/present';

function design(): ConnectorDesign {
  const d = structuredClone(DESIGN_TEMPLATES.find((t) => t.id === 'multi-instance-ipsec')!.design);
  return { ...d, name: 'er-west', vhub_prefix: '10.50.0.0/23' };
}

/** As `GET /api/tenant/snapshot` answers it (through JSON). */
const TENANT: TenantSnapshotWire = JSON.parse(
  JSON.stringify(
    toWire({
      connectors: [
        { id: 7, name: 'er-west', vhubPrefix: '10.50.0.0/23', loopbackSubnets: [] },
        { id: 8, name: 'er-east', vhubPrefix: '10.50.2.0/23', loopbackSubnets: [] },
      ],
      catalog: {},
    }),
  ),
);

function runner() {
  const received: { version: number; check: DesignCheck }[] = [];
  const checks = new DesignChecks((version, check) => received.push({ version, check }));
  return { checks, received, last: () => at(received, -1).check };
}

describe('DesignChecks with a tenant copy', () => {
  it('adds the tenant findings once the copy arrives, and the version waits for that check', async () => {
    const { checks, last } = runner();
    checks.request(1, design());
    expect(last().errors.filter((e) => e.ruleId?.startsWith('tenant-'))).toEqual([]);
    expect(checks.setTenant(TENANT)).toBe(true);
    const waited = checks.whenChecked(1, last());
    checks.request(1, design());
    const check = await waited;
    expect(check.errors.map((e) => [e.path, e.ruleId, e.fix])).toEqual([
      ['name', 'tenant-name-taken', undefined],
      ['vhub_prefix', 'tenant-vhub-prefix-overlap', '10.50.4.0/23'],
    ]);
    expect(at(check.errors, 1).message).toContain('overlaps connector "er-west" (id 7)');
  });

  it('does not hold the linked connector’s own name and prefix against it, and drops the tenant with null', () => {
    const { checks, last } = runner();
    checks.setTenant(TENANT);
    checks.setLinkedConnector(7);
    checks.request(1, design());
    expect(last().errors.filter((e) => e.ruleId?.startsWith('tenant-'))).toEqual([]);
    checks.setLinkedConnector(8);
    checks.request(2, design());
    expect(
      last()
        .errors.map((e) => e.path)
        .filter((p) => p === 'name' || p === 'vhub_prefix'),
    ).toEqual(['name', 'vhub_prefix']);
    checks.setTenant(null);
    checks.request(3, design());
    expect(last().errors.filter((e) => e.ruleId?.startsWith('tenant-'))).toEqual([]);
  });
});

describe('FieldVisibility', () => {
  it("gives each error at a field its fix, in the errors' order, after the field's own error", () => {
    const visibility = new FieldVisibility(() => {});
    visibility.index({
      errors: [
        { path: 'vhub_prefix', message: 'overlaps er-west', fix: '10.50.4.0/23' },
        { path: 'vhub_prefix', message: 'another problem' },
      ],
      warnings: [],
    });
    visibility.revealAll(true);
    expect(visibility.fieldIssues('vhub_prefix')).toMatchObject({
      errors: ['overlaps er-west', 'another problem'],
      errorFixes: ['10.50.4.0/23', undefined],
    });
    expect(visibility.fieldIssues('vhub_prefix', 'not complete')).toMatchObject({
      errors: ['not complete', 'overlaps er-west', 'another problem'],
      errorFixes: [undefined, '10.50.4.0/23', undefined],
    });
  });

  it("counts a collapsed instance's shown errors anew after every visit, reveal and check", () => {
    const visibility = new FieldVisibility(() => {});
    visibility.index({
      errors: [
        { path: 'instances.0.name', message: 'taken' },
        { path: 'instances.0.loopback_subnet', message: 'overlaps' },
        { path: 'instances.1.name', message: 'empty' },
      ],
      warnings: [],
    });
    expect(visibility.errorCountUnder('instances.0')).toBe(0);
    visibility.visit('instances.0.name');
    expect(visibility.errorCountUnder('instances.0')).toBe(1);
    visibility.revealAll(true);
    expect(visibility.errorCountUnder('instances.0')).toBe(2);
    expect(visibility.errorCountUnder('')).toBe(3);
    visibility.index({ errors: [{ path: 'instances.0.name', message: 'taken' }], warnings: [] });
    expect(visibility.errorCountUnder('instances.0')).toBe(1);
    expect(visibility.errorCountUnder('instances.1')).toBe(0);
    visibility.revealAll(false);
    expect(visibility.errorCountUnder('instances.0')).toBe(0);
  });
});
