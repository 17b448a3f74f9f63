import { describe, expect, it } from 'vitest';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import type { HclRenderOptions } from '@/lib/connector/design';
import { terraformFmt } from './terraform-fmt';

const OPTION_COMBOS: HclRenderOptions[] = [
  {},
  { omitDefaults: false, preSharedKeys: 'inline' },
  { omitDefaults: true, preSharedKeys: 'inline' },
  { omitDefaults: false, preSharedKeys: 'variable' },
];

describe('templates rendered to HCL are already terraform-fmt formatted', () => {
  for (const template of DESIGN_TEMPLATES) {
    for (const options of OPTION_COMBOS) {
      it(`${template.id} ${JSON.stringify(options)}`, () => {
        const hcl = renderConnectorHcl(template.design, options);
        expect(terraformFmt(hcl)).toBe(hcl);
      });
    }
  }
});

const BASIC_HCL = `resource "alkira_connector_azure_expressroute" "basic" {
  name        = "basic-expressroute"
  description = "Basic ExpressRoute connector with VXLAN_GPE"
  size        = "MEDIUM"
  vhub_prefix = "10.130.0.0/23"
  cxp         = "USWEST-AZURE-1"
  group       = alkira_group.networking.name

  instances {
    name                    = "primary-instance"
    expressroute_circuit_id = "/subscriptions/3f2b8c1e-5a4d-4e2f-9b1a-7c6d5e4f3a2b/resourceGroups/network-rg/providers/Microsoft.Network/expressRouteCircuits/primary-circuit"
    loopback_subnet         = "192.168.20.0/26"
    credential_id           = alkira_credential_azure_vnet.prod.id
  }

  segment_options {
    segment_id               = alkira_segment.prod.id
    customer_asn             = 65001
    advertise_on_prem_routes = true
  }
}
`;

const BASIC_HCL_ALL_DEFAULTS = `resource "alkira_connector_azure_expressroute" "basic" {
  name            = "basic-expressroute"
  description     = "Basic ExpressRoute connector with VXLAN_GPE"
  size            = "MEDIUM"
  enabled         = true
  vhub_prefix     = "10.130.0.0/23"
  cxp             = "USWEST-AZURE-1"
  tunnel_protocol = "VXLAN_GPE"
  group           = alkira_group.networking.name

  instances {
    name                    = "primary-instance"
    expressroute_circuit_id = "/subscriptions/3f2b8c1e-5a4d-4e2f-9b1a-7c6d5e4f3a2b/resourceGroups/network-rg/providers/Microsoft.Network/expressRouteCircuits/primary-circuit"
    redundant_router        = false
    loopback_subnet         = "192.168.20.0/26"
    credential_id           = alkira_credential_azure_vnet.prod.id
  }

  segment_options {
    segment_id               = alkira_segment.prod.id
    customer_asn             = 65001
    disable_internet_exit    = true
    advertise_on_prem_routes = true
  }
}
`;

function template(id: string) {
  const found = DESIGN_TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
}

describe('basic template HCL', () => {
  it('omits provider defaults by default', () => {
    expect(renderConnectorHcl(template('basic-vxlan-gpe').design)).toBe(BASIC_HCL);
  });

  it('writes every defaulted attribute with omitDefaults: false', () => {
    expect(renderConnectorHcl(template('basic-vxlan-gpe').design, { omitDefaults: false })).toBe(
      BASIC_HCL_ALL_DEFAULTS,
    );
  });
});
