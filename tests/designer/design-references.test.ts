import { describe, expect, it } from 'vitest';
import { expressionPaths, hasStoredKey } from '@/components/designer/design-references';
import { STORED_SECRET, type SecretValue } from '@/lib/connector/stored-secret';
import { emptyDesign, type ConnectorDesign } from '@/lib/connector/design';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import { instanceOf } from '../helpers/design-parts';

describe('expressionPaths', () => {
  it('lists every Terraform reference of the basic template, and nothing else', () => {
    const basic = DESIGN_TEMPLATES.find((t) => t.id === 'basic-vxlan-gpe')!.design;
    expect(expressionPaths(basic)).toEqual(['group', 'instances.0.credential_id', 'segment_options.0.segment_id']);
  });

  it('is empty once the references are catalog values', () => {
    const design: ConnectorDesign = {
      ...emptyDesign(),
      cxp: 'USWEST-AZURE-1',
      group: 'networking',
      billing_tag_ids: ['101'],
    };
    expect(expressionPaths(design)).toEqual([]);
  });

  it('finds expressions inside lists and nested blocks', () => {
    const design = { ...emptyDesign(), billing_tag_ids: ['101', '${alkira_billing_tag.x.id}'] };
    expect(expressionPaths(design)).toEqual(['billing_tag_ids.1']);
  });
});

describe('hasStoredKey', () => {
  const withKey = (key: SecretValue): ConnectorDesign => ({
    ...emptyDesign(),
    tunnel_protocol: 'IPSEC',
    instances: [
      {
        ...instanceOf(emptyDesign()),
        ipsec_customer_gateway: [
          { segment_id: '1', customer_gateway: [{ name: 'gw', tunnel: [{ name: 't', pre_shared_key: key }] }] },
        ],
      },
    ],
  });

  it('spots the stored secret the design route sends for stored keys', () => {
    expect(hasStoredKey(withKey(STORED_SECRET))).toBe(true);
  });

  it('ignores real keys and designs without tunnels', () => {
    expect(hasStoredKey(withKey('a-real-key'))).toBe(false);
    // No text stands for a stored key, not even the mask older versions sent.
    expect(hasStoredKey(withKey('********'))).toBe(false);
    expect(hasStoredKey(emptyDesign())).toBe(false);
  });
});
