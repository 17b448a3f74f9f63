/** Reference expressions against the file they are in: declared → resolved, anything else → marked external. */
import { describe, expect, it } from 'vitest';
import { checkAgainstTenant, declaredAddresses, indexTenant } from '@/lib/connector/tenant';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import type { ConnectorDesign } from '@/lib/connector/design';
import { at, take } from '../helpers/present';
import { segmentOptionOf } from '../helpers/design-parts';

const base = structuredClone(DESIGN_TEMPLATES.find((t) => t.id === 'basic-vxlan-gpe')!.design);
const tenant = indexTenant({ connectors: [], catalog: { segment: [{ id: 1, name: 'prod' }] } });

function withSegment(segmentId: string): ConnectorDesign {
  return {
    ...base,
    name: 'edge-1',
    vhub_prefix: '10.140.0.0/23',
    segment_options: [{ ...segmentOptionOf(base), segment_id: segmentId }],
  };
}

const FILE = `# segments live next to the connector
resource "alkira_segment" "prod" {
  name = "prod"
}

data "alkira_segment" "dmz" {
  name = "dmz"
}

resource "alkira_connector_azure_expressroute" "edge" {
  name = "edge-1"
}
`;

const externals = (design: ConnectorDesign, declared?: ReadonlySet<string>) =>
  checkAgainstTenant(design, tenant, { declared }).filter(
    (f) => f.ruleId === 'tenant-external-reference' && f.path.startsWith('segment_options'),
  );

describe('reference expressions and the file they are in', () => {
  it('reads the resource and data blocks a file declares', () => {
    expect([...declaredAddresses(FILE)]).toEqual([
      'alkira_segment.prod',
      'data.alkira_segment.dmz',
      'alkira_connector_azure_expressroute.edge',
    ]);
  });

  it('resolves a resource or data source the same file declares', () => {
    const declared = declaredAddresses(FILE);
    expect(externals(withSegment('${alkira_segment.prod.id}'), declared)).toEqual([]);
    expect(externals(withSegment('${data.alkira_segment.dmz.id}'), declared)).toEqual([]);
  });

  it('marks a reference to something the file does not declare as external, at the field, as a warning', () => {
    const [finding] = take(externals(withSegment('${alkira_segment.shared.id}'), declaredAddresses(FILE)), 1);
    expect(finding).toMatchObject({ path: 'segment_options.0.segment_id', severity: 'warning' });
    expect(finding.message).toContain('alkira_segment.shared');
    expect(finding.message).toContain('not declared in this file');
  });

  it('marks variables and module outputs external, and every reference when only a design is checked', () => {
    expect(at(externals(withSegment('${var.segment_id}'), declaredAddresses(FILE)), 0).message).toContain(
      'var.segment_id',
    );
    expect(at(externals(withSegment('${module.net.segment_id}'), declaredAddresses(FILE)), 0).message).toContain(
      'module.net',
    );
    expect(at(externals(withSegment('${alkira_segment.prod.id}')), 0).message).toContain('only the design was checked');
  });

  it('says nothing about literal references (the catalog check covers them)', () => {
    expect(externals(withSegment('1'), new Set())).toEqual([]);
  });
});
