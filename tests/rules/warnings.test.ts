import { describe, expect, it } from 'vitest';
import { parseDesign, validateDesign } from '@/lib/connector/validate';
import { STORED_SECRET } from '@/lib/connector/stored-secret';
import { collectDesignWarnings } from '@/lib/connector/rules';
import { errorsAt, ipsecDesign, mutable, vxlanGpeDesign, warningsAt } from './fixtures';
import { tunnelOf } from '../helpers/design-parts';

const PSK = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key';

describe('pre-shared keys', () => {
  it('a variable reference raises no warning', () => {
    expect(validateDesign(ipsecDesign()).warnings).toEqual([]);
  });

  it('an inline key is a warning suggesting a variable', () => {
    const design = mutable(ipsecDesign());
    design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].pre_shared_key = 's3cret!';
    expect(errorsAt(design, PSK)).toEqual([]);
    const [message] = warningsAt(design, PSK);
    expect(message).toContain('written inline');
    expect(message).toContain('variable');
  });

  it('a missing key is a warning', () => {
    const design = mutable(ipsecDesign());
    design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].pre_shared_key = '';
    expect(warningsAt(design, PSK)[0]).toContain('has no pre_shared_key');
  });

  it('the same inline key on two tunnels is flagged on the second', () => {
    const design = mutable(ipsecDesign());
    design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].pre_shared_key = 'same';
    design.instances[0].ipsec_customer_gateway[1].customer_gateway[0].tunnel[0].pre_shared_key = 'same';
    expect(
      warningsAt(design, 'instances.0.ipsec_customer_gateway.1.customer_gateway.0.tunnel.0.pre_shared_key').join(),
    ).toContain('reuses the pre_shared_key');
  });

  it('stored keys are neither inline nor the same key as each other', () => {
    const design = mutable(ipsecDesign());
    for (const gateway of design.instances[0].ipsec_customer_gateway)
      gateway.customer_gateway[0].tunnel[0].pre_shared_key = STORED_SECRET;
    const result = validateDesign(design);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('a stored remote auth value is not judged as an FQDN', () => {
    const design = mutable(ipsecDesign());
    design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].remote_auth_value = STORED_SECRET;
    expect(validateDesign(design).errors).toEqual([]);
  });
});

describe('the stored secret in the schema', () => {
  const TUNNEL = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0';

  it('is kept as the variant by parsing, and only { stored: true } is one', () => {
    const design = mutable(ipsecDesign());
    design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].pre_shared_key = { stored: true };
    const parsed = parseDesign(design);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(tunnelOf(parsed.design).pre_shared_key).toEqual(STORED_SECRET);
    for (const wrong of [{ stored: false }, {}, 'stored']) {
      design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].pre_shared_key = wrong;
      const result = parseDesign(design);
      if (typeof wrong === 'string') expect(result.ok).toBe(true);
      else
        expect(result.errors).toEqual([
          { path: `${TUNNEL}.pre_shared_key`, message: 'Expected text, or {"stored": true} to keep the stored value' },
        ]);
    }
    // Nothing rides along with it.
    design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].pre_shared_key = {
      stored: true,
      value: 'x',
    };
    expect(parseDesign(design).errors.map((e) => e.path)).toEqual([`${TUNNEL}.pre_shared_key.value`]);
  });

  it('is refused where the attribute is not sensitive', () => {
    const design = mutable(ipsecDesign());
    design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].name = { stored: true };
    expect(parseDesign(design).ok).toBe(false);
  });
});

describe('description length (a warning: the service limit is undocumented)', () => {
  it('255 characters is fine', () => {
    const design = mutable(vxlanGpeDesign());
    design.description = 'x'.repeat(255);
    expect(warningsAt(design, 'description')).toEqual([]);
  });

  it('256 characters is a warning, not an error', () => {
    const design = mutable(vxlanGpeDesign());
    design.description = 'x'.repeat(256);
    expect(errorsAt(design, 'description')).toEqual([]);
    expect(warningsAt(design, 'description')[0]).toContain('256 characters');
  });
});

describe('two instances on one circuit', () => {
  it('is a warning on the later instance', () => {
    const design = mutable(ipsecDesign());
    design.instances[1].expressroute_circuit_id = design.instances[0].expressroute_circuit_id
      .toUpperCase()
      .replace('/SUBSCRIPTIONS', '/subscriptions');
    expect(warningsAt(design, 'instances.1.expressroute_circuit_id')[0]).toContain(
      'same ExpressRoute circuit as Instance "primary"',
    );
  });
});

describe('warnings alongside errors', () => {
  it('are still computed when the design has errors', () => {
    const design = mutable(vxlanGpeDesign());
    design.name = '';
    design.segment_options[0].customer_asn = '3356';
    const result = validateDesign(design);
    expect(result.ok).toBe(false);
    expect(result.warnings.map((w) => w.path)).toContain('segment_options.0.customer_asn');
  });

  it('collectDesignWarnings reads raw form state', () => {
    const design = mutable(vxlanGpeDesign());
    design.segment_options[0].customer_asn = '100';
    expect(collectDesignWarnings(design).map((w) => w.path)).toEqual(['segment_options.0.customer_asn']);
  });
});
