/**
 * The claim "adding an optional attribute touches only the description":
 * a copy of the description gets one new optional tunnel attribute, and
 * every derived thing — design schema, importer (and its did-you-mean),
 * renderer, design ↔ API mapping, the emulator's request schema, help text,
 * form input kind, detail rows — knows it, with no other code changed. The
 * real description does not have it, so each check also fails there: nothing
 * here passes by accepting anything.
 */
import { parseHcl } from '@/lib/hcl/parser';
import { describe, expect, it } from 'vitest';
import { apiRequestSchema, parseApiBody } from '@/lib/connector/api-schema';
import { resourceMapper } from '@/lib/connector/api-walk';
import { convertBody } from '@/lib/connector/hcl/import/body';
import { DiagnosticSink } from '@/lib/connector/hcl/import/diagnostics';
import { Lines } from '@/lib/hcl/lines';
import { importSchema } from '@/lib/connector/hcl/import/schema';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { CONNECTOR_RESOURCE, helpForPath, inputKindForPath, labelForPath, type AttributeSpec, type BodySpec } from '@/lib/connector/resource';
import { designShapeSchema } from '@/lib/connector/schema';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import { settingsTable } from '@/components/dashboard/settings-rows';

const DPD: AttributeSpec = {
  type: 'number',
  presence: 'optional',
  api: 'dpdTimeout',
  label: 'DPD timeout',
  doc: 'Seconds without a dead-peer-detection answer before the tunnel is restarted.',
};

/** The tunnel body of a description (navigated by block names, as the description nests). */
function tunnelBody(resource: BodySpec): BodySpec {
  return resource.blocks.instances.body.blocks.ipsec_customer_gateway.body.blocks.customer_gateway.body.blocks.tunnel.body;
}

/** A copy of the real description with one more optional tunnel attribute — the only change. */
function extendedDescription(): BodySpec {
  const copy: BodySpec = structuredClone(CONNECTOR_RESOURCE);
  const tunnel = tunnelBody(copy);
  Object.assign(tunnel, { attributes: { ...tunnel.attributes, dpd_timeout: DPD } });
  return copy;
}

const EXTENDED = extendedDescription();
const TUNNEL = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0';

function ipsecDesignWithDpd(value: unknown): Record<string, any> {
  const design: Record<string, any> = structuredClone(DESIGN_TEMPLATES.find((t) => t.design.tunnel_protocol === 'IPSEC')!.design);
  design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].dpd_timeout = value;
  return design;
}

const tunnelOf = (design: Record<string, any>) => design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0];

describe('an optional tunnel attribute added to the description only', () => {
  it('the design schema accepts it (numeric text becomes a number); the real one calls it unknown', () => {
    const parsed = designShapeSchema(EXTENDED).safeParse(ipsecDesignWithDpd('30'));
    expect(parsed.success).toBe(true);
    expect(tunnelOf(parsed.data as Record<string, any>).dpd_timeout).toBe(30);
    const real = designShapeSchema(CONNECTOR_RESOURCE).safeParse(ipsecDesignWithDpd(30));
    expect(real.success).toBe(false);
    expect(real.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['dpd_timeout'] });
  });

  it('the importer reads it as a number and suggests it for a misspelling', () => {
    const hcl = 'tunnel {\n  name        = "t1"\n  dpd_timeout = 45\n  dpd_timout  = 46\n}\n';
    const [block] = parseHcl(hcl).body.items;
    const convert = (resource: BodySpec) => {
      const sink = new DiagnosticSink(new Lines(hcl));
      const body = convertBody(block?.type === 'block' ? block.body : null, importSchema(tunnelBody(resource)), 'tunnel.0', false, {
        text: hcl,
        sink,
        ranges: new Map(),
        flagged: new Set(),
      });
      return { body, messages: sink.items.map((d) => d.message) };
    };
    const extended = convert(EXTENDED);
    expect(extended.body).toMatchObject({ name: 't1', dpd_timeout: 45 });
    expect(extended.messages.some((m) => m.includes('dpd_timout') && m.includes('dpd_timeout'))).toBe(true);
    const real = convert(CONNECTOR_RESOURCE);
    expect(real.body).not.toHaveProperty('dpd_timeout');
  });

  it('the renderer writes it in the tunnel block, aligned as terraform fmt aligns', () => {
    const hcl = renderConnectorHcl(ipsecDesignWithDpd(30), {}, EXTENDED);
    const tunnel = /tunnel \{\n([^}]*)\}/.exec(hcl)?.[1] ?? '';
    expect(tunnel).toMatch(/^ +dpd_timeout += 30$/m);
    const widths = tunnel
      .split('\n')
      .filter((line) => line.includes(' = '))
      .map((line) => line.indexOf('='));
    expect(new Set(widths).size).toBe(1);
    expect(renderConnectorHcl(ipsecDesignWithDpd(30))).not.toContain('dpd_timeout');
  });

  it('the mapping sends it under its API name and reads it back', () => {
    const mapper = resourceMapper(EXTENDED);
    const body = mapper.toApi(ipsecDesignWithDpd(30), { protocol: 'IPSEC', segmentName: (id) => `segment-${id}` });
    const apiTunnel = (body.instances as any)[0].segmentOptions[0].customerGateways[0].tunnels[0];
    expect(apiTunnel.dpdTimeout).toBe(30);
    expect(tunnelOf(mapper.toDesign(body, { segmentId: (name) => name.replace('segment-', '') })).dpd_timeout).toBe(30);
    expect(JSON.stringify(resourceMapper(CONNECTOR_RESOURCE).toApi(ipsecDesignWithDpd(30), { protocol: 'IPSEC', segmentName: (id) => id }))).not.toContain('dpdTimeout');
  });

  it("the emulator's request schema accepts it, and still rejects a wrong type; the real one calls it unknown at its path", () => {
    const body = resourceMapper(EXTENDED).toApi(ipsecDesignWithDpd(30), { protocol: 'IPSEC', segmentName: (id) => `segment-${id}` });
    const accepted = parseApiBody(apiRequestSchema(EXTENDED), EXTENDED, body);
    expect(accepted.ok).toBe(true);
    expect(JSON.stringify(accepted.ok && accepted.value)).toContain('"dpdTimeout":30');
    const wrong = structuredClone(body) as any;
    wrong.instances[0].segmentOptions[0].customerGateways[0].tunnels[0].dpdTimeout = 'soon';
    const refused = parseApiBody(apiRequestSchema(EXTENDED), EXTENDED, wrong);
    expect(refused.ok || refused.issues.map((i) => i.path.join('.'))).toEqual(['instances.0.segmentOptions.0.customerGateways.0.tunnels.0.dpdTimeout']);
    const real = parseApiBody(apiRequestSchema(CONNECTOR_RESOURCE), CONNECTOR_RESOURCE, body);
    expect(real.ok || real.issues).toEqual([
      { path: ['instances', 0, 'segmentOptions', 0, 'customerGateways', 0, 'tunnels', 0, 'dpdTimeout'], message: 'unknown field dpdTimeout' },
    ]);
  });

  it('help, label, form input kind and the detail table follow', () => {
    expect(helpForPath(`${TUNNEL}.dpd_timeout`, EXTENDED)).toBe(DPD.doc);
    expect(labelForPath(`${TUNNEL}.dpd_timeout`, EXTENDED)).toBe('DPD timeout');
    expect(inputKindForPath(`${TUNNEL}.dpd_timeout`, EXTENDED)).toBe('number');
    expect(inputKindForPath(`${TUNNEL}.dpd_timeout`)).toBeUndefined();
    const table = settingsTable(tunnelBody(EXTENDED), [{ name: 't1', dpdTimeout: 30 }]);
    expect(table.headers).toContain('DPD timeout');
    expect(table.rows[0][table.headers.indexOf('DPD timeout')]).toBe('30');
  });
});
