/**
 * Masked round trips follow the description's `sensitive` flag: every
 * sensitive value (pre-shared keys and remote auth values alike) leaves
 * masked, and a mask sent back gets the stored value of the same place, even
 * after gateways are reordered.
 */
import { describe, expect, it } from 'vitest';
import { keepMaskedSecrets, maskSensitiveValues, sensitiveSlots } from '@/lib/connector/sensitive';
import { SENSITIVE_ATTRIBUTES } from '@/lib/connector/resource';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';

const MASK = '********';
const ipsec = () => structuredClone(DESIGN_TEMPLATES.find((t) => t.design.tunnel_protocol === 'IPSEC')!.design);

describe('sensitive values of a design', () => {
  it('are found at every tunnel, for every sensitive attribute of the description', () => {
    const design = ipsec();
    const slots = sensitiveSlots(design);
    const tunnels = design.instances.flatMap((i) => (i.ipsec_customer_gateway ?? []).flatMap((g) => g.customer_gateway.flatMap((c) => c.tunnel)));
    expect(slots).toHaveLength(tunnels.length * SENSITIVE_ATTRIBUTES.size);
    expect(new Set(slots.map((s) => s.name))).toEqual(SENSITIVE_ATTRIBUTES);
  });

  it('are all masked, remote auth values included, and nothing else changes', () => {
    const design = ipsec();
    const masked = maskSensitiveValues(design, MASK);
    const tunnel = masked.instances[0].ipsec_customer_gateway![0].customer_gateway[0].tunnel[0];
    expect(tunnel.remote_auth_value).toBe(MASK);
    expect(JSON.stringify(masked)).not.toContain(design.instances[0].ipsec_customer_gateway![0].customer_gateway[0].tunnel[0].remote_auth_value);
    expect(tunnel.name).toBe(design.instances[0].ipsec_customer_gateway![0].customer_gateway[0].tunnel[0].name);
    // The original is untouched.
    expect(design.instances[0].ipsec_customer_gateway![0].customer_gateway[0].tunnel[0].remote_auth_value).not.toBe(MASK);
  });

  it('masked and sent back in another order, get the stored values of the same tunnels', () => {
    const stored = ipsec();
    const edited = maskSensitiveValues(stored, MASK);
    edited.instances[0].ipsec_customer_gateway!.reverse();
    const { design, missing } = keepMaskedSecrets(edited, stored, MASK);
    expect(missing).toEqual([]);
    const reversed = [...stored.instances[0].ipsec_customer_gateway!].reverse();
    expect(design.instances[0].ipsec_customer_gateway).toEqual(reversed);
  });

  it('a mask with nothing stored at its place is reported at its path', () => {
    const edited = maskSensitiveValues(ipsec(), MASK);
    edited.instances[0].ipsec_customer_gateway![0].customer_gateway[0].tunnel[0].name = 'renamed-tunnel';
    const { missing } = keepMaskedSecrets(edited, ipsec(), MASK);
    const at = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0';
    expect(missing.map((m) => m.path).sort()).toEqual([`${at}.pre_shared_key`, `${at}.remote_auth_value`]);
  });
});
