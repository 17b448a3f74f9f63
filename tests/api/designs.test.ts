/**
 * The design API over real HTTP against the production server:
 * POST /api/designs/validate and POST /api/designs/hcl.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { startServer, type RunningServer } from '../helpers/server';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import { REFERENCE_LITERAL_MESSAGE } from '@/lib/connector/reference-literals';
import { checkDesign } from '@/components/designer/design-check';
import { DEFAULT_CHECK_OPTIONS } from '@/lib/connector/check';
import { instanceOf, segmentOptionOf, tunnelOf } from '../helpers/design-parts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const template = (id: string) => structuredClone(DESIGN_TEMPLATES.find((t) => t.id === id)!.design);

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(server.url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
}

function terraformFmt(text: string): string {
  return execFileSync('/usr/local/bin/terraform', ['fmt', '-'], {
    input: text,
    env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' },
  }).toString();
}

describe('POST /api/designs/validate', () => {
  it('accepts a valid design', async () => {
    const res = await post('/api/designs/validate', JSON.stringify(template('ha-vxlan')));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ ok: true, errors: [], warnings: expect.any(Array) });
  });

  it('reports each error at its exact nested path', async () => {
    const design = template('multi-instance-ipsec');
    tunnelOf(design, { instance: 1 }).ike_version = 'IKEv1';
    instanceOf(design).loopback_subnet = '192.168.23.5/26';
    const res = await post('/api/designs/validate', JSON.stringify(design));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ok).toBe(false);
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('instances.1.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.ike_version');
    expect(paths).toContain('instances.0.loopback_subnet');
    const loopback = body.errors.find((e: { path: string }) => e.path === 'instances.0.loopback_subnet');
    expect(loopback.message).toContain('192.168.23.0/26');
  });

  it('returns warnings separately from errors', async () => {
    const design = template('basic-vxlan-gpe');
    segmentOptionOf(design).customer_asn = 3356; // a public ASN: allowed, but worth a second look
    const body = await (await post('/api/designs/validate', JSON.stringify(design))).json();
    expect(body.ok).toBe(true);
    expect(body.warnings.map((w: { path: string }) => w.path)).toContain('segment_options.0.customer_asn');
  });

  it('answers what the designer shows, including the warning at a literal that reads like a reference', async () => {
    const design = template('basic-vxlan-gpe');
    segmentOptionOf(design).segment_id = 'alkira_segment.prod.id';
    const body = await (await post('/api/designs/validate', JSON.stringify(design))).json();
    expect(body.ok).toBe(true);
    expect(body.warnings).toContainEqual({
      path: 'segment_options.0.segment_id',
      message: REFERENCE_LITERAL_MESSAGE,
      ruleId: 'reference-like-literal',
    });
    const { errors, warnings } = checkDesign(design, DEFAULT_CHECK_OPTIONS);
    expect(body).toEqual({ ok: true, errors, warnings });
  });

  it('answers malformed JSON with 400 and a clear message, never a 500', async () => {
    const res = await post('/api/designs/validate', '{"name": "x",');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatch(/not valid JSON/i);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('answers a non-object body with 400', async () => {
    for (const body of ['[1,2]', '"design"', '42', 'null']) {
      const res = await post('/api/designs/validate', body);
      expect(res.status, body).toBe(400);
      expect((await res.json()).error).toMatch(/JSON object/);
    }
  });

  it('answers an over-sized body with 413', async () => {
    const res = await post('/api/designs/validate', JSON.stringify({ name: 'x'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
  });
});

describe('POST /api/designs/hcl', () => {
  it('returns text/plain HCL that terraform fmt leaves unchanged', async () => {
    const res = await post('/api/designs/hcl', JSON.stringify({ design: template('multi-segment-ipsec') }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const hcl = await res.text();
    expect(hcl).toContain('resource "alkira_connector_azure_expressroute" "multi_segment" {');
    expect(hcl).toMatch(/segment_id = alkira_segment\.dmz\.id/);
    expect(terraformFmt(hcl)).toBe(hcl);
  });

  it('keeps pre-shared keys out of the HCL by default and inlines them on request', async () => {
    const design = template('multi-segment-ipsec');
    const psk = tunnelOf(design).pre_shared_key!;
    const asVariables = await (await post('/api/designs/hcl', JSON.stringify({ design }))).text();
    expect(asVariables).not.toContain(psk);
    expect(asVariables).toMatch(/variable "[a-z0-9_]+" \{[\s\S]*sensitive = true/);
    expect(asVariables).toMatch(/pre_shared_key\s+= var\./);
    const inline = await (
      await post('/api/designs/hcl', JSON.stringify({ design, options: { preSharedKeys: 'inline' } }))
    ).text();
    expect(inline).toContain(JSON.stringify(psk));
  });

  it('writes default values only when asked', async () => {
    const design = template('basic-vxlan-gpe');
    const omitted = await (await post('/api/designs/hcl', JSON.stringify({ design }))).text();
    const full = await (
      await post('/api/designs/hcl', JSON.stringify({ design, options: { omitDefaults: false } }))
    ).text();
    expect(omitted).not.toMatch(/tunnel_protocol/);
    expect(full).toMatch(/tunnel_protocol\s+= "VXLAN_GPE"/);
    expect(full).toMatch(/enabled\s+= true/);
  });

  it('answers an invalid design with 422 and the same error list as validate', async () => {
    const design = template('ha-vxlan');
    instanceOf(design).gateway_mac_address = ['00:1A:2B:3C:4D:5E', '00:6F:7G:8H:9I:0J'];
    const res = await post('/api/designs/hcl', JSON.stringify({ design }));
    expect(res.status).toBe(422);
    const body = await res.json();
    const validated = await (await post('/api/designs/validate', JSON.stringify(design))).json();
    expect(body.errors).toEqual(validated.errors);
    expect(body.errors.map((e: { path: string }) => e.path)).toContain('instances.0.gateway_mac_address.1');
  });

  it('rejects a body without a design object and unknown options', async () => {
    expect((await post('/api/designs/hcl', JSON.stringify({ name: 'x' }))).status).toBe(400);
    const res = await post(
      '/api/designs/hcl',
      JSON.stringify({ design: template('basic-vxlan-gpe'), options: { preSharedKeys: 'plain' } }),
    );
    expect(res.status).toBe(422);
    expect((await res.json()).errors[0].path).toBe('options.preSharedKeys');
  });
});

describe('unknown keys in a design body', () => {
  const TUNNEL = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0';
  const withExtraTunnelKey = () => {
    const design: Record<string, any> = template('multi-segment-ipsec');
    design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].foo = 'bar';
    return design;
  };

  it('POST /api/designs/validate answers 422 naming the key and its path', async () => {
    const res = await post('/api/designs/validate', JSON.stringify(withExtraTunnelKey()));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error).toContain(`unknown attribute foo in ${TUNNEL}`);
    expect(body.errors).toContainEqual({ path: `${TUNNEL}.foo`, message: `unknown attribute foo in ${TUNNEL}` });
  });

  it('POST /api/designs/hcl answers 422 naming the key, and renders nothing', async () => {
    const res = await post('/api/designs/hcl', JSON.stringify({ design: withExtraTunnelKey() }));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error).toContain(`unknown attribute foo in ${TUNNEL}`);
    expect(body.errors.map((e: { path: string }) => e.path)).toContain(`${TUNNEL}.foo`);
  });

  it('a misspelt attribute gets a did-you-mean', async () => {
    const design: Record<string, any> = template('ha-vxlan');
    design.segment_options[0].advertise_onprem_routes = true;
    const res = await post('/api/designs/validate', JSON.stringify(design));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.errors).toContainEqual({
      path: 'segment_options.0.advertise_onprem_routes',
      message:
        'unknown attribute advertise_onprem_routes in segment_options.0 — did you mean advertise_on_prem_routes?',
    });
  });
});
