/**
 * POST /api/designs/hcl with "source" (and "resource"): the existing file
 * comes back with the connector updated in place, over real HTTP against
 * the production server.
 */
import { STORED_SECRET } from '@/lib/connector/stored-secret';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';
import { terraformFmt } from '../hcl/terraform-fmt';
import { customerGatewayOf, gatewayOf, tunnelOf } from '../helpers/design-parts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const EXAMPLE_3 = readFileSync(path.join(__dirname, '..', 'hcl-parse', 'fixtures', 'example-3.tf'), 'utf8');
/** A second valid connector: example 3 under another label and name. */
const SECOND =
  '\n' + EXAMPLE_3.replace('"multi_segment"', '"second"').replace('"multi-segment-ipsec"', '"second-site"');
const TWO = EXAMPLE_3 + SECOND;

function post(body: unknown) {
  return fetch(server.url + '/api/designs/hcl', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const designOf = (text: string, label: string) =>
  structuredClone(parseConnectorHcl(text).designs.find((d) => d.resource_name === label)!.design);

describe('POST /api/designs/hcl with source', () => {
  it('returns the file with one line changed, comments and inline keys kept', async () => {
    const design = designOf(EXAMPLE_3, 'multi_segment');
    design.description = 'Changed over the API';
    const res = await post({ design, source: EXAMPLE_3 });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toBe(
      EXAMPLE_3.replace('"ExpressRoute connector with multiple segments and IPsec tunnels"', '"Changed over the API"'),
    );
    expect(terraformFmt(text)).toBe(text);
  });

  it('updates the named resource of several and leaves the other as it was', async () => {
    const design = designOf(TWO, 'second');
    design.size = '5LARGE';
    const res = await post({ design, source: TWO, resource: 'second' });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.startsWith(EXAMPLE_3)).toBe(true);
    expect(text).toBe(EXAMPLE_3 + SECOND.replace('size            = "2LARGE"', 'size            = "5LARGE"'));
  });

  it('answers 404 naming an unknown resource, and asks which one when there are several', async () => {
    const design = designOf(TWO, 'second');
    const unknown = await post({ design, source: TWO, resource: 'third' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatch(
      /no alkira_connector_azure_expressroute resource named "third" \(it has "multi_segment", "second"\)/,
    );
    const ambiguous = await post({ design, source: TWO });
    expect(ambiguous.status).toBe(404);
    expect((await ambiguous.json()).error).toMatch(/say which one/);
  });

  it('answers 422 for a source that does not parse, without echoing it', async () => {
    const design = designOf(EXAMPLE_3, 'multi_segment');
    const broken = EXAMPLE_3.replace('"psk-dmz-primary-123!"', '"psk-dmz-primary-123!');
    const res = await post({ design, source: broken });
    expect(res.status).toBe(422);
    const body = await res.text();
    expect(body).toMatch(/cannot be read as HCL/);
    expect(body).not.toContain('psk-dmz-primary');
  });

  it('answers 400 for a source that is not text or a resource without source, and 413 when too large', async () => {
    const design = designOf(EXAMPLE_3, 'multi_segment');
    expect((await post({ design, source: 42 })).status).toBe(400);
    expect((await post({ design, resource: 'multi_segment' })).status).toBe(400);
    const huge = await post({ design, source: '#'.repeat(4 * 1024 * 1024) });
    expect(huge.status).toBe(413);
  });

  it('removes a block and adds one; every other byte, comments included, stays', async () => {
    const design = designOf(EXAMPLE_3, 'multi_segment');
    gatewayOf(design).customer_gateway.splice(1, 1);
    customerGatewayOf(design, 1, 1).tunnel.push({ name: 'added-tunnel', initiator: false });
    const res = await post({ design, source: EXAMPLE_3, options: { preSharedKeys: 'inline' } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(terraformFmt(text)).toBe(text);
    const removed = EXAMPLE_3.slice(
      EXAMPLE_3.indexOf('      customer_gateway {\n        name = "dmz-backup-gateway"'),
      EXAMPLE_3.indexOf('    }\n\n    # Second ipsec customer gateway'),
    );
    const added = '\n        tunnel {\n          name      = "added-tunnel"\n          initiator = false\n        }\n';
    const anchor =
      EXAMPLE_3.indexOf('remote_auth_value = "internal-backup.example.com"\n        }\n') +
      'remote_auth_value = "internal-backup.example.com"\n        }\n'.length;
    expect(text).toBe((EXAMPLE_3.slice(0, anchor) + added + EXAMPLE_3.slice(anchor)).replace(removed, ''));
  });

  it('never writes a stored secret: it becomes a variable', async () => {
    const design = designOf(EXAMPLE_3, 'multi_segment');
    tunnelOf(design).pre_shared_key = STORED_SECRET;
    const res = await post({ design, source: EXAMPLE_3 });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('stored');
    expect(text).toContain('pre_shared_key    = var.multi_segment_psk_1');
    expect(text).toContain('variable "multi_segment_psk_1" {');
    expect(terraformFmt(text)).toBe(text);
  });

  it('answers 422 when the design cannot be written into the source (the label of another resource)', async () => {
    const design = designOf(TWO, 'second');
    design.resource_name = 'multi_segment';
    const res = await post({ design, source: TWO, resource: 'second' });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatch(/cannot be written into "source" at resource_name/);
  });

  it('renders as before without source', async () => {
    const design = designOf(EXAMPLE_3, 'multi_segment');
    const text = await (await post({ design })).text();
    expect(text).toContain('variable "multi_segment_');
    expect(text).not.toContain('#');
  });
});
