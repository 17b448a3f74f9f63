/**
 * Terraform constructs kept, not refused: `dynamic` blocks and lists given as
 * any expression import as expression-valued parts of the design, are counted
 * by the rules that can still judge them, and are written back untouched.
 */
import { describe, expect, it } from 'vitest';
import { updateConnectorInHcl } from '@/lib/connector/hcl/document/update';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { dynamicBlockPaths } from '@/lib/connector/design-walk';
import { CONNECTOR_RESOURCE } from '@/lib/connector/resource';
import { isConnectorDesign } from '@/lib/connector/schema';
import { validateDesign } from '@/lib/connector/validate';
import { terraformFmt } from '../hcl/terraform-fmt';
import { instanceOf } from '../helpers/design-parts';
import { at } from '../helpers/present';

const DYNAMIC_SEGMENTS = `  dynamic "segment_options" {
    for_each = var.segments
    content {
      segment_id   = segment_options.value.id
      customer_asn = segment_options.value.asn
    }
  }
`;

const SOURCE = `resource "alkira_connector_azure_expressroute" "c" {
  name            = "c"
  size            = "SMALL"
  vhub_prefix     = "10.1.0.0/23"
  cxp             = "USWEST-AZURE-1"
  billing_tag_ids = var.billing_tags

  instances {
    name                    = "primary"
    expressroute_circuit_id = "/subscriptions/12345678-1234-1234-1234-123456789012/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/c1"
    loopback_subnet         = "192.168.1.0/26"
    credential_id           = alkira_credential_azure_vnet.prod.id
    gateway_mac_address     = [for m in var.macs : upper(m)]
  }

${DYNAMIC_SEGMENTS}}
`;

describe('dynamic blocks and expression-valued lists', () => {
  it('import without an error: the lists as expressions, the dynamic block as its source', () => {
    const { designs, diagnostics } = parseConnectorHcl(SOURCE);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const design = at(designs, 0).design;
    expect(design.billing_tag_ids).toBe('${var.billing_tags}');
    expect(instanceOf(design).gateway_mac_address).toBe('${[for m in var.macs : upper(m)]}');
    expect(design.segment_options).toEqual([]);
    expect(design.dynamic?.segment_options).toEqual([DYNAMIC_SEGMENTS.trimEnd().replace(/^ {2}/gm, '')]);
    expect(isConnectorDesign(design)).toBe(true);
    expect(dynamicBlockPaths(CONNECTOR_RESOURCE, design)).toEqual(['segment_options']);
  });

  it('are counted by the rules: no "add at least one segment_options" when a dynamic block generates them', () => {
    const design = at(parseConnectorHcl(SOURCE).designs, 0).design;
    expect(validateDesign(design).errors.map((e) => e.path)).not.toContain('segment_options');
    const without = { ...design, dynamic: undefined };
    expect(validateDesign(without).errors.map((e) => e.path)).toContain('segment_options');
  });

  it('are written back untouched by an edit of the form, and by a rendering from scratch', () => {
    const design = at(parseConnectorHcl(SOURCE).designs, 0).design;
    const edited = updateConnectorInHcl(SOURCE, { ...design, name: 'renamed' });
    expect(edited).toBe(SOURCE.replace('name            = "c"', 'name            = "renamed"'));
    const rendered = renderConnectorHcl(design);
    expect(rendered).toContain(DYNAMIC_SEGMENTS);
    expect(rendered).toContain('billing_tag_ids = var.billing_tags');
    expect(terraformFmt(rendered)).toBe(rendered);
    // And read back, the same design.
    expect(at(parseConnectorHcl(rendered).designs, 0).design).toEqual(at(parseConnectorHcl(SOURCE).designs, 0).design);
  });

  it('reports a dynamic block for something that is not a block of the connector', () => {
    const text = SOURCE.replace('dynamic "segment_options"', 'dynamic "segment_option"');
    const errors = parseConnectorHcl(text).diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toContainEqual(
      expect.objectContaining({
        message: expect.stringMatching(
          /^dynamic "segment_option": segment_option is not a block in the connector \(did you mean segment_options\?\)/,
        ),
      }),
    );
  });
});

describe('secrets inside dynamic blocks', () => {
  it('refuses a literal pre-shared key inside a dynamic block (it would be kept in clear), naming only the attribute', () => {
    const text = SOURCE.replace(
      '    gateway_mac_address     = [for m in var.macs : upper(m)]\n',
      `    dynamic "ipsec_customer_gateway" {
      for_each = var.gateways
      content {
        segment_id = ipsec_customer_gateway.value.segment
        customer_gateway {
          name = "gw"
          tunnel {
            name           = "t"
            pre_shared_key = "hunter2-secret"
          }
        }
      }
    }
`,
    );
    const { designs, diagnostics } = parseConnectorHcl(text);
    const error = diagnostics.find((d) => d.message.startsWith('pre_shared_key inside dynamic'));
    expect(error).toMatchObject({ severity: 'error' });
    expect(JSON.stringify(designs)).not.toContain('hunter2');
    for (const d of diagnostics) expect(d.message).not.toContain('hunter2');
  });
});
