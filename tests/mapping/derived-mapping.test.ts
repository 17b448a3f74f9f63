/**
 * The mapping is a walk over the resource description: an attribute added to
 * a copy of the description flows through both directions with no other
 * change, and designs survive design → API JSON → design.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resourceMapper } from '@/lib/connector/api-walk';
import { alkiraConnectorToDesign, designToAlkiraConnector } from '@/lib/connector/mapping';
import { CONNECTOR_RESOURCE, type BodySpec } from '@/lib/connector/resource';
import { parseDesign } from '@/lib/connector/validate';
import { validDesignArb } from '../helpers/arbitraries';

/** The design with every unset defaulted attribute set to the provider default (what reading back from the API gives). */
function withDefaults(body: BodySpec, value: Record<string, any>): void {
  for (const [name, spec] of Object.entries(body.attributes)) {
    if (spec.presence === 'optional' && spec.default !== undefined && (value[name] === undefined || value[name] === ''))
      value[name] = spec.default;
  }
  for (const [name, block] of Object.entries(body.blocks))
    for (const item of value[name] ?? []) withDefaults(block.body, item);
}

describe('mapping derived from a description', () => {
  it('an optional tunnel attribute added to a copy of the description is sent and read back', () => {
    const resource = structuredClone(CONNECTOR_RESOURCE);
    const tunnel =
      resource.blocks.instances.body.blocks.ipsec_customer_gateway.body.blocks.customer_gateway.body.blocks.tunnel.body;
    const extended: BodySpec = {
      ...resource,
      blocks: {
        ...resource.blocks,
        instances: {
          ...resource.blocks.instances,
          body: {
            ...resource.blocks.instances.body,
            blocks: {
              ipsec_customer_gateway: {
                ...resource.blocks.instances.body.blocks.ipsec_customer_gateway,
                body: {
                  ...resource.blocks.instances.body.blocks.ipsec_customer_gateway.body,
                  blocks: {
                    customer_gateway: {
                      ...resource.blocks.instances.body.blocks.ipsec_customer_gateway.body.blocks.customer_gateway,
                      body: {
                        ...resource.blocks.instances.body.blocks.ipsec_customer_gateway.body.blocks.customer_gateway
                          .body,
                        blocks: {
                          tunnel: {
                            ...resource.blocks.instances.body.blocks.ipsec_customer_gateway.body.blocks.customer_gateway
                              .body.blocks.tunnel,
                            body: {
                              ...tunnel,
                              attributes: {
                                ...tunnel.attributes,
                                dpd_timeout: {
                                  type: 'number',
                                  presence: 'optional',
                                  api: 'dpdTimeout',
                                  label: 'DPD timeout',
                                  doc: 'Dead peer detection timeout.',
                                },
                              },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    };
    const mapper = resourceMapper(extended);
    const design = {
      name: 'c',
      tunnel_protocol: 'IPSEC',
      instances: [
        {
          name: 'i',
          ipsec_customer_gateway: [
            { segment_id: '2', customer_gateway: [{ name: 'gw', tunnel: [{ name: 't', dpd_timeout: '30' }] }] },
          ],
        },
      ],
      segment_options: [],
    };
    const api = mapper.toApi(design, { protocol: 'IPSEC', segmentName: (id) => (id === '2' ? 'dmz' : id) });
    expect(api).toMatchObject({
      instances: [
        {
          segmentOptions: [
            { segmentName: 'dmz', customerGateways: [{ tunnels: [{ name: 't', initiator: true, dpdTimeout: 30 }] }] },
          ],
        },
      ],
    });
    const back = mapper.toDesign(api, { segmentId: (name) => (name === 'dmz' ? '2' : name) });
    expect(back).toMatchObject({
      instances: [
        {
          ipsec_customer_gateway: [
            { segment_id: '2', customer_gateway: [{ tunnel: [{ name: 't', dpd_timeout: 30 }] }] },
          ],
        },
      ],
    });
    // The real description does not have it: nothing is sent.
    const plain = resourceMapper(CONNECTOR_RESOURCE).toApi(design, { protocol: 'IPSEC', segmentName: (id) => id });
    expect(JSON.stringify(plain)).not.toContain('dpd');
  });

  it('design → API JSON → design is the normalized design, for each protocol', () => {
    fc.assert(
      fc.property(validDesignArb, (design) => {
        const parsed = parseDesign(design);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const normalized = parsed.design;
        const back = alkiraConnectorToDesign(designToAlkiraConnector(normalized), {
          resourceName: normalized.resource_name,
        });
        const protocol = normalized.tunnel_protocol || 'VXLAN_GPE';
        const expected = structuredClone(normalized);
        withDefaults(CONNECTOR_RESOURCE, expected);
        for (const inst of expected.instances) {
          // What the protocol does not send does not come back.
          if (protocol !== 'VXLAN') {
            delete inst.gateway_mac_address;
            delete inst.virtual_network_interface;
          }
          if (protocol !== 'IPSEC') delete inst.ipsec_customer_gateway;
          if (inst.gateway_mac_address?.length === 0) delete inst.gateway_mac_address;
          if (inst.virtual_network_interface?.length === 0) delete inst.virtual_network_interface;
          if (inst.ipsec_customer_gateway?.length === 0) delete inst.ipsec_customer_gateway;
        }
        if (expected.billing_tag_ids?.length === 0) delete expected.billing_tag_ids;
        expect(parseDesign(back).design).toEqual(parseDesign(expected).design);
      }),
      { numRuns: 60 },
    );
  });
});
