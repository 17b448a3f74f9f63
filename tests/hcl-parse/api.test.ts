/** POST /api/hcl/parse over real HTTP against the production server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { example } from './helpers';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

function post(body: BodyInit, contentType?: string) {
  return fetch(server.url + '/api/hcl/parse', {
    method: 'POST',
    headers: contentType ? { 'Content-Type': contentType } : {},
    body,
  });
}

describe('POST /api/hcl/parse', () => {
  it('answers 200 with designs and positioned diagnostics', async () => {
    const res = await post(example(2), 'text/plain; charset=utf-8');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.designs).toHaveLength(1);
    expect(body.designs[0]).toMatchObject({
      resource_name: 'ha_config',
      line: 1,
      design: { name: 'ha-expressroute', size: 'LARGE' },
    });
    const mac = body.diagnostics.find((d: { path?: string }) => d.path === 'instances.0.gateway_mac_address.1');
    expect(mac).toMatchObject({ severity: 'error', line: 20, column: 49, resource: 'ha_config' });
    expect(typeof mac.from).toBe('number');
  });

  it('accepts application/octet-stream and no content type', async () => {
    for (const type of ['application/octet-stream', undefined]) {
      const res = await post(new TextEncoder().encode(example(1)), type);
      expect(res.status).toBe(200);
      expect((await res.json()).designs[0].resource_name).toBe('basic');
    }
  });

  it('reports broken HCL as diagnostics, not as an HTTP error', async () => {
    const res = await post('resource "alkira_connector_azure_expressroute" "x" {\n  name = \n', 'text/plain');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.diagnostics.some((d: { message: string }) => d.message.startsWith('Syntax error'))).toBe(true);
  });

  it('rejects JSON and form bodies with 400', async () => {
    for (const type of ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await post('{"hcl": "resource {}"}', type);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(/text\/plain/);
    }
  });

  it('rejects bytes that are not UTF-8 text with 400', async () => {
    const invalidUtf8 = new Uint8Array([0x72, 0x65, 0xff, 0xfe, 0x00, 0x01]);
    expect((await post(invalidUtf8, 'text/plain')).status).toBe(400);
    const nulBytes = new TextEncoder().encode('resource\u0000\u0001\u0002');
    expect((await post(nulBytes, 'application/octet-stream')).status).toBe(400);
  });

  it('rejects bodies over 1 MB with 413', async () => {
    const big = '# padding\n'.repeat(110_000);
    const res = await post(big, 'text/plain');
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/larger than/);
  });
});
