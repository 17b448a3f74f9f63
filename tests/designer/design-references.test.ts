import { describe, expect, it } from 'vitest';
import { expressionPaths, hasStoredKeyPlaceholder } from '@/components/designer/design-references';
import { STORED_SECRET_PLACEHOLDER } from '@/lib/connector/resource';
import { emptyDesign, type ConnectorDesign } from '@/lib/connector/design';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';

describe('expressionPaths', () => {
  it('lists every Terraform reference of the basic template, and nothing else', () => {
    const basic = DESIGN_TEMPLATES.find((t) => t.id === 'basic-vxlan-gpe')!.design;
    expect(expressionPaths(basic)).toEqual(['group', 'instances.0.credential_id', 'segment_options.0.segment_id']);
  });

  it('is empty once the references are catalog values', () => {
    const design: ConnectorDesign = { ...emptyDesign(), cxp: 'USWEST-AZURE-1', group: 'networking', billing_tag_ids: ['101'] };
    expect(expressionPaths(design)).toEqual([]);
  });

  it('finds expressions inside lists and nested blocks', () => {
    const design = { ...emptyDesign(), billing_tag_ids: ['101', '${alkira_billing_tag.x.id}'] };
    expect(expressionPaths(design)).toEqual(['billing_tag_ids.1']);
  });
});

describe('hasStoredKeyPlaceholder', () => {
  const withKey = (key: string): ConnectorDesign => ({
    ...emptyDesign(),
    tunnel_protocol: 'IPSEC',
    instances: [
      {
        ...emptyDesign().instances[0],
        ipsec_customer_gateway: [
          { segment_id: '1', customer_gateway: [{ name: 'gw', tunnel: [{ name: 't', pre_shared_key: key }] }] },
        ],
      },
    ],
  });

  it('spots the placeholder the design route sends for stored keys', () => {
    expect(hasStoredKeyPlaceholder(withKey(STORED_SECRET_PLACEHOLDER))).toBe(true);
  });

  it('ignores real keys and designs without tunnels', () => {
    expect(hasStoredKeyPlaceholder(withKey('a-real-key'))).toBe(false);
    expect(hasStoredKeyPlaceholder(emptyDesign())).toBe(false);
  });
});
