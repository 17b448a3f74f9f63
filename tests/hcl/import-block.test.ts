import { describe, expect, it } from 'vitest';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { STORED_SECRET } from '@/lib/connector/stored-secret';
import { renderImportBlock, withImportBlock } from '@/lib/connector/hcl/import-block';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import { terraformFmt } from './terraform-fmt';

const ipsecTemplate = DESIGN_TEMPLATES.find((t) => JSON.stringify(t.design).includes('pre_shared_key'))!;

describe('renderImportBlock', () => {
  it('writes the block terraform fmt would write', () => {
    const block = renderImportBlock('multi_instance', 42);
    expect(block).toBe('import {\n  to = alkira_connector_azure_expressroute.multi_instance\n  id = "42"\n}\n');
    expect(terraformFmt(block)).toBe(block);
  });

  it('uses the same label as the rendered resource when the name is not an identifier', () => {
    const block = renderImportBlock('my connector', '7');
    expect(block).toContain('to = alkira_connector_azure_expressroute.my_connector\n');
  });

  it.each(DESIGN_TEMPLATES.map((t) => [t.id, t.design] as const))(
    '%s: connector HCL plus import block is terraform-fmt clean',
    (_id, design) => {
      const text = withImportBlock(
        renderConnectorHcl(design, { preSharedKeys: 'variable' }),
        design.resource_name,
        1234,
      );
      expect(terraformFmt(text)).toBe(text);
      expect(text).toContain(`resource "alkira_connector_azure_expressroute" "${design.resource_name}" {`);
      expect(
        text.endsWith(
          `import {\n  to = alkira_connector_azure_expressroute.${design.resource_name}\n  id = "1234"\n}\n`,
        ),
      ).toBe(true);
    },
  );

  it('never writes a stored pre-shared key as text', () => {
    const masked = structuredClone(ipsecTemplate.design);
    for (const inst of masked.instances)
      for (const g of inst.ipsec_customer_gateway ?? [])
        for (const c of g.customer_gateway) for (const t of c.tunnel) t.pre_shared_key = STORED_SECRET;
    const text = withImportBlock(renderConnectorHcl(masked, { preSharedKeys: 'variable' }), masked.resource_name, 9);
    expect(text).not.toContain('stored');
    expect(text).toMatch(/pre_shared_key\s+= var\.\w+/);
    expect(text).toMatch(/variable "\w+" \{\n  type\s+= string\n  sensitive = true\n\}/);
    expect(terraformFmt(text)).toBe(text);
  });
});
