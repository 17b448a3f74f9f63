import { describe, expect, it } from 'vitest';
import { validateDesign } from '@/lib/connector/validate';
import { vxlanHaDesign, vxlanGpeDesign } from './fixtures';

// Terraform lets any boolean be an expression (`enabled = var.enabled`); the
// HCL importer keeps such values as `${...}`, so the validator must accept them.
describe('boolean attributes as expressions', () => {
  it('accepts ${var.x} for enabled and redundant_router', () => {
    const design = vxlanGpeDesign();
    (design as { enabled: unknown }).enabled = '${var.enabled}';
    (design.instances[0] as { redundant_router: unknown }).redundant_router = '${var.ha}';
    const result = validateDesign(design);
    expect(result.errors).toEqual([]);
  });

  it('skips the VXLAN MAC count when redundant_router is an expression', () => {
    const design = vxlanHaDesign();
    (design.instances[0] as { redundant_router: unknown }).redundant_router = '${var.ha}';
    expect(validateDesign(design).errors.filter((e) => e.path === 'instances.0.gateway_mac_address')).toEqual([]);
  });

  it('still rejects a boolean that is neither true/false nor an expression', () => {
    const design = vxlanGpeDesign();
    (design as { enabled: unknown }).enabled = 'yes';
    const result = validateDesign(design);
    expect(result.errors.map((e) => e.path)).toContain('enabled');
    expect(result.errors.find((e) => e.path === 'enabled')!.message).toMatch(/true or false/);
  });
});
