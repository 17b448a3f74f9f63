import { describe, expect, it } from 'vitest';
import { validateDesign } from '@/lib/connector/validate';
import { errorsAt, ipsecDesign, mutable, vxlanGpeDesign } from './fixtures';

describe('base fixtures', () => {
  it('are valid', () => {
    expect(validateDesign(vxlanGpeDesign()).errors).toEqual([]);
    expect(validateDesign(ipsecDesign()).errors).toEqual([]);
  });
});

describe('required top-level fields', () => {
  it.each(['name', 'size', 'vhub_prefix', 'cxp'])('%s blank is an error at its path', (field) => {
    const design = mutable(vxlanGpeDesign());
    design[field] = '';
    expect(errorsAt(design, field).join()).toMatch(new RegExp(`${field}.*required`));
  });

  it('a missing field (not just blank) is reported the same way', () => {
    const design = mutable(vxlanGpeDesign());
    delete design.cxp;
    expect(errorsAt(design, 'cxp').join()).toMatch(/cxp.*required/);
  });
});

describe('resource_name', () => {
  it.each(['expressroute', '_er', 'er-prod_2'])('%s is a valid Terraform identifier', (label) => {
    const design = mutable(vxlanGpeDesign());
    design.resource_name = label;
    expect(errorsAt(design, 'resource_name')).toEqual([]);
  });

  it.each(['2er', 'er prod', 'er.prod', '-er'])('%s is rejected with a suggestion', (label) => {
    const design = mutable(vxlanGpeDesign());
    design.resource_name = label;
    const [message] = errorsAt(design, 'resource_name');
    expect(message).toContain('Terraform identifier');
    expect(message).toContain(JSON.stringify(label));
  });

  it('suggests a fixed label', () => {
    const design = mutable(vxlanGpeDesign());
    design.resource_name = 'er prod';
    expect(errorsAt(design, 'resource_name')[0]).toContain('"er_prod"');
  });
});

describe('required instance, segment option and IPsec fields', () => {
  it.each(['name', 'expressroute_circuit_id', 'loopback_subnet', 'credential_id'])('instances.N.%s', (field) => {
    const design = mutable(ipsecDesign());
    design.instances[1][field] = '';
    expect(errorsAt(design, `instances.1.${field}`).join()).toMatch(new RegExp(`${field}.*required`));
    expect(errorsAt(design, `instances.0.${field}`)).toEqual([]);
  });

  it.each(['segment_id', 'customer_asn'])('segment_options.N.%s', (field) => {
    const design = mutable(ipsecDesign());
    design.segment_options[1][field] = '';
    expect(errorsAt(design, `segment_options.1.${field}`).join()).toMatch(new RegExp(`${field}.*required`));
    expect(errorsAt(design, `segment_options.0.${field}`)).toEqual([]);
  });

  it('ipsec_customer_gateway segment_id, customer gateway name and tunnel name', () => {
    const design = mutable(ipsecDesign());
    const gateway = design.instances[0].ipsec_customer_gateway[1];
    gateway.segment_id = '';
    gateway.customer_gateway[0].name = '';
    gateway.customer_gateway[0].tunnel[0].name = '  ';
    expect(errorsAt(design, 'instances.0.ipsec_customer_gateway.1.segment_id').join()).toMatch(
      /segment_id is required/,
    );
    expect(errorsAt(design, 'instances.0.ipsec_customer_gateway.1.customer_gateway.0.name').join()).toMatch(
      /name is required/,
    );
    expect(errorsAt(design, 'instances.0.ipsec_customer_gateway.1.customer_gateway.0.tunnel.0.name').join()).toMatch(
      /name is required/,
    );
    expect(errorsAt(design, 'instances.0.ipsec_customer_gateway.0.segment_id')).toEqual([]);
  });
});

describe('enumerated fields', () => {
  it.each(['SMALL', 'MEDIUM', 'LARGE', '2LARGE', '5LARGE', '10LARGE', '${var.size}'])('size %s is accepted', (size) => {
    const design = mutable(vxlanGpeDesign());
    design.size = size;
    expect(errorsAt(design, 'size')).toEqual([]);
  });

  it('an unknown size is an error naming the allowed values', () => {
    const design = mutable(vxlanGpeDesign());
    design.size = 'HUGE';
    expect(errorsAt(design, 'size')).toEqual([
      'size must be one of SMALL, MEDIUM, LARGE, 2LARGE, 5LARGE, 10LARGE: "HUGE" is not',
    ]);
  });

  it('a wrongly cased size suggests the right spelling', () => {
    const design = mutable(vxlanGpeDesign());
    design.size = 'medium';
    expect(errorsAt(design, 'size')[0]).toContain('did you mean "MEDIUM"?');
  });

  it('tunnel_protocol unset means VXLAN_GPE and is valid', () => {
    const design = mutable(vxlanGpeDesign());
    design.tunnel_protocol = '';
    expect(validateDesign(design).errors).toEqual([]);
  });

  it('an unknown tunnel_protocol is an error', () => {
    const design = mutable(vxlanGpeDesign());
    design.tunnel_protocol = 'GRE';
    expect(errorsAt(design, 'tunnel_protocol')[0]).toContain('VXLAN, VXLAN_GPE, IPSEC: "GRE" is not');
  });
});
