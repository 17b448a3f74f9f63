import { describe, expect, expectTypeOf, it } from 'vitest';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { connectorDesignSchema } from '@/lib/connector/schema';
import { normalizeDesign, validateDesign } from '@/lib/connector/validate';
import { emptyDesign, emptyTunnel, type ConnectorDesign } from '@/lib/connector/design';
import { ipsecDesign, mutable, vxlanGpeDesign, vxlanHaDesign } from './fixtures';
import { instanceOf, segmentOptionOf, tunnelOf } from '../helpers/design-parts';
import { at, present } from '../helpers/present';

/** The form's view of a design: every optional text '' and numbers as strings. */
function formState(): any {
  const design = mutable(vxlanGpeDesign());
  design.description = '';
  design.group = '';
  design.billing_tag_ids = [];
  design.segment_options[0].customer_asn = '65001';
  design.instances[0].gateway_mac_address = [];
  design.instances[0].virtual_network_interface = [];
  design.instances[0].ipsec_customer_gateway = [];
  return design;
}

const resolverOptions = { fields: {}, shouldUseNativeValidation: false } as any;

describe('normalization', () => {
  it('form state with blank optional fields and numeric strings is valid', () => {
    expect(validateDesign(formState()).errors).toEqual([]);
  });

  it('drops blank optional text, converts numeric strings, keeps expressions', () => {
    const state = formState();
    state.billing_tag_ids = ['12', '${alkira_billing_tag.x.id}'];
    const design = normalizeDesign(state)!;
    expect(design).not.toBeNull();
    expect('description' in design).toBe(false);
    expect('group' in design).toBe(false);
    expect(segmentOptionOf(design).customer_asn).toBe(65001);
    expect(design.billing_tag_ids).toEqual([12, '${alkira_billing_tag.x.id}']);
    expect(instanceOf(design).credential_id).toBe('${alkira_credential_azure_vnet.prod.id}');
  });

  it('blank tunnel fields of a new tunnel row are dropped', () => {
    const design = mutable(ipsecDesign());
    const fresh = { ...emptyTunnel(), name: 'extra', remote_auth_value: 'x.example.com' };
    design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel.push(fresh);
    const tunnel = tunnelOf(normalizeDesign(design)!, { tunnel: 1 });
    expect(tunnel).toEqual({
      name: 'extra',
      ike_version: 'IKEv2',
      initiator: true,
      remote_auth_type: 'FQDN',
      remote_auth_value: 'x.example.com',
    });
  });

  it('VNIs given as strings become numbers', () => {
    const design = mutable(vxlanHaDesign());
    design.instances[0].virtual_network_interface = ['16774000', '16774001'];
    expect(at(normalizeDesign(design)!.instances, 0).virtual_network_interface).toEqual([16774000, 16774001]);
  });

  it('an invalid design normalizes to null', () => {
    const design = formState();
    design.vhub_prefix = '10.0.0.0/8';
    expect(normalizeDesign(design)).toBeNull();
  });

  it('the blank design reports what to fill in, not type errors', () => {
    const { errors } = validateDesign(emptyDesign());
    expect(errors.every((e) => /required/.test(e.message))).toBe(true);
    expect(errors.map((e) => e.path)).toContain('instances.0.loopback_subnet');
  });

  it('shape errors and rule errors are reported together', () => {
    const design = formState();
    design.name = 42;
    design.vhub_prefix = '10.130.1.0/23';
    const paths = validateDesign(design).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'vhub_prefix']));
  });

  it('a non-object input is one error at the root', () => {
    expect(validateDesign('nope').errors).toHaveLength(1);
    expect(at(validateDesign('nope').errors, 0).path).toBe('');
  });
});

describe('react-hook-form resolver', () => {
  it('nests rule errors where the form fields are', async () => {
    const state = formState();
    state.instances[0].loopback_subnet = '192.168.20.10/26';
    const result = await zodResolver(connectorDesignSchema)(state, undefined, resolverOptions);
    const errors = result.errors as any;
    expect(errors.instances[0].loopback_subnet.message).toContain('did you mean 192.168.20.0/26?');
    expect(result.values).toEqual({});
  });

  it('returns the normalized design when valid', async () => {
    const result = await zodResolver(connectorDesignSchema)(formState(), undefined, resolverOptions);
    expect(result.errors).toEqual({});
    expect(segmentOptionOf(result.values as ConnectorDesign).customer_asn).toBe(65001);
  });

  it('nests deep IPsec paths', async () => {
    const design = mutable(ipsecDesign());
    design.instances[1].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].ike_version = 'IKEv1';
    const result = await zodResolver(connectorDesignSchema)(design, undefined, resolverOptions);
    const errors = result.errors as any;
    expect(errors.instances[1].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].ike_version.message).toContain(
      '"IKEv1"',
    );
  });

  it('is typed for useForm<ConnectorDesign>', () => {
    expectTypeOf(zodResolver(connectorDesignSchema)).toExtend<Resolver<ConnectorDesign, any, ConnectorDesign>>();
  });
});

describe('hostile values from API bodies', () => {
  /** Every scalar leaf path of a design. */
  function leafPaths(value: unknown, path = ''): string[] {
    if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, `${path}.${i}`));
    if (value && typeof value === 'object')
      return Object.entries(value).flatMap(([k, v]) => leafPaths(v, path ? `${path}.${k}` : k));
    return [path];
  }

  function withValueAt(design: unknown, path: string, value: unknown): any {
    const copy = structuredClone(design) as any;
    const keys = path.split('.');
    let node = copy;
    for (const key of keys.slice(0, -1)) node = node[key];
    node[present(keys.at(-1), 'the last key')] = value;
    return copy;
  }

  it('a JSON object with toString/valueOf keys in any field is reported at that field, never thrown', () => {
    const hostile = { toString: 1, valueOf: 1 };
    for (const design of [ipsecDesign(), vxlanHaDesign(), vxlanGpeDesign()]) {
      for (const path of leafPaths(design)) {
        const input = withValueAt(design, path, hostile);
        const result = validateDesign(input);
        expect(result.ok, path).toBe(false);
        expect(
          result.errors.map((e) => e.path),
          path,
        ).toContain(path);
        expect(result.errors.map((e) => e.message).join('\n'), path).not.toContain('[object Object]');
      }
    }
  });
});
