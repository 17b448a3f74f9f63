/**
 * Every way a request to the proxy routes can be refused, and the exact JSON
 * error shape the UI relies on: `{ error, errors?, unresolved? }`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { basicDesign } from '../helpers/designs';
import { call, TEST_ENV } from './support';
import { at } from '../helpers/present';

let server: RunningServer;
let existingId: number;

beforeAll(async () => {
  server = await startServer(TEST_ENV);
  const r = await call(server, 'POST', '/api/connectors?provision=false', basicDesign('errors-existing'));
  if (r.status !== 201) throw new Error(`setup create failed: ${r.status} ${r.text}`);
  existingId = r.body.id;
});
afterAll(async () => {
  await server?.stop();
});

describe('malformed bodies', () => {
  it('answers 400 for invalid JSON', async () => {
    const r = await call(server, 'POST', '/api/connectors', '{"name": "x",');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: expect.stringMatching(/^Request body is not valid JSON \(at character \d+\)$/) });
  });

  it('answers 400 for JSON that is not an object', async () => {
    for (const body of ['[1,2]', '"design"', 'null', '42']) {
      const r = await call(server, 'POST', '/api/connectors', body);
      expect(r.status, body).toBe(400);
      expect(r.body).toEqual({ error: 'Request body must be a JSON object' });
    }
    const put = await call(server, 'PUT', `/api/connectors/${existingId}`, '[]');
    expect(put.status).toBe(400);
  });

  it('answers 400 for an empty body', async () => {
    const r = await call(server, 'POST', '/api/connectors', '');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/empty/);
  });

  it('answers 413 for a body over 1 MB', async () => {
    const big = { ...basicDesign('too-big'), description: 'x'.repeat(1_100_000) };
    const r = await call(server, 'POST', '/api/connectors', big);
    expect(r.status).toBe(413);
    expect(r.body.error).toMatch(/larger than 1024 KB/);
  });
});

describe('design validation (422)', () => {
  it('lists every schema error with its path', async () => {
    const design = { ...basicDesign('invalid'), name: '', size: 'HUGE', vhub_prefix: '10.0.0.0/24' };
    const r = await call(server, 'POST', '/api/connectors', design);
    expect(r.status).toBe(422);
    expect(r.body.error).toBe('The design has 3 errors');
    expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual(['name', 'size', 'vhub_prefix']);
    expect(r.body.errors.every((e: { message: string }) => e.message.length > 0)).toBe(true);
  });

  it('validates PUT bodies the same way', async () => {
    const design = basicDesign('errors-existing');
    at(design.segment_options as Array<Record<string, unknown>>, 0).customer_asn = 'abc';
    const r = await call(server, 'PUT', `/api/connectors/${existingId}`, design);
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual(['segment_options.0.customer_asn']);
  });

  it('answers 422 naming the field, not 500, for a JSON object where text or a number goes', async () => {
    const hostile = { toString: 1, valueOf: 1 };
    const design = basicDesign('errors-hostile');
    design.vhub_prefix = hostile;
    design.billing_tag_ids = [hostile];
    const r = await call(server, 'POST', '/api/connectors', design);
    expect(r.status, r.text).toBe(422);
    const paths = r.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('vhub_prefix');
    expect(paths).toContain('billing_tag_ids.0');
  });
});

describe('unresolvable references (409)', () => {
  it('reports Terraform expressions and unknown catalog values, each with its path', async () => {
    const design = {
      ...basicDesign('unresolved'),
      cxp: 'MARS-AZURE-1',
      group: '${alkira_group.networking.name}',
      billing_tag_ids: [101, 999],
      instances: [
        { ...(basicDesign('x').instances as object[])[0], credential_id: '${alkira_credential_azure_vnet.prod.id}' },
      ],
      segment_options: [
        { segment_id: '${alkira_segment.prod.id}', customer_asn: 65001 },
        { segment_id: '77', customer_asn: 65002 },
      ],
    };
    const r = await call(server, 'POST', '/api/connectors', design);
    expect(r.status).toBe(409);
    expect(r.body.error).toBe('6 references in the design cannot be resolved against the tenant');
    const byPath = Object.fromEntries(r.body.unresolved.map((u: { path: string }) => [u.path, u]));
    expect(Object.keys(byPath).sort()).toEqual(
      [
        'billing_tag_ids.1',
        'cxp',
        'group',
        'instances.0.credential_id',
        'segment_options.0.segment_id',
        'segment_options.1.segment_id',
      ].sort(),
    );
    expect(byPath['segment_options.0.segment_id']).toEqual({
      path: 'segment_options.0.segment_id',
      value: '${alkira_segment.prod.id}',
      message: 'alkira_segment.prod.id is a Terraform expression; pick a segment from the tenant to provision',
    });
    expect(byPath['segment_options.1.segment_id'].message).toBe(
      '"77" is not a segment id of this tenant; pick a segment from the tenant',
    );
    expect(byPath['cxp'].message).toBe('"MARS-AZURE-1" is not an Azure CXP available to this tenant');
    expect(byPath['billing_tag_ids.1'].value).toBe('999');
    // Nothing was created.
    const list = await call(server, 'GET', '/api/connectors');
    expect(list.body.connectors.some((c: { name: string }) => c.name === 'unresolved')).toBe(false);
  });

  it('reports an unknown IPsec tunnel profile', async () => {
    const design = {
      ...basicDesign('bad-profile'),
      tunnel_protocol: 'IPSEC',
      group: undefined,
      instances: [
        {
          ...(basicDesign('x').instances as object[])[0],
          ipsec_customer_gateway: [
            {
              segment_id: '1',
              customer_gateway: [
                {
                  name: 'gw',
                  tunnel: [
                    {
                      name: 't',
                      pre_shared_key: 'k-123456',
                      profile_id: 4242,
                      ike_version: 'IKEv2',
                      remote_auth_type: 'FQDN',
                      remote_auth_value: 'a.example.com',
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    const r = await call(server, 'POST', '/api/connectors', design);
    expect(r.status).toBe(409);
    expect(r.body.unresolved).toEqual([
      {
        path: 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.profile_id',
        value: '4242',
        message: '"4242" is not an IPsec tunnel profile id of this tenant',
      },
    ]);
  });

  it('refuses a second connector with the same name (409)', async () => {
    const r = await call(server, 'POST', '/api/connectors', basicDesign('errors-existing'));
    expect(r.status).toBe(409);
    expect(r.body.error).toBe(`A connector named "errors-existing" already exists (id ${existingId})`);
  });
});

describe('unknown ids (404)', () => {
  it('answers 404 for a connector id the tenant does not have', async () => {
    for (const [method, path] of [
      ['GET', '/api/connectors/987654'],
      ['GET', '/api/connectors/987654/design'],
      ['DELETE', '/api/connectors/987654'],
      ['GET', '/api/connectors/not-a-number'],
    ] as const) {
      const r = await call(server, method, path);
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.body.error, `${method} ${path}`).toMatch(/^Connector .* does not exist$/);
    }
    const put = await call(server, 'PUT', '/api/connectors/987654', basicDesign('ghost'));
    expect(put.status).toBe(404);
    expect(put.body).toEqual({ error: 'Connector 987654 does not exist' });
  });

  it('answers 404 for an unknown provision request', async () => {
    const r = await call(server, 'GET', '/api/provision-requests/no-such-request');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ error: 'Provision request no-such-request does not exist' });
  });
});

describe('cross-site requests (403)', () => {
  it('refuses mutations labelled cross-site by the browser', async () => {
    const r = await call(server, 'POST', '/api/connectors', basicDesign('csrf-1'), { 'Sec-Fetch-Site': 'cross-site' });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ error: 'Cross-site requests may not change data' });
  });

  it('refuses mutations whose Origin is another host', async () => {
    for (const [method, path] of [
      ['POST', '/api/connectors'],
      ['PUT', `/api/connectors/${existingId}`],
      ['DELETE', `/api/connectors/${existingId}`],
    ] as const) {
      const r = await call(server, method, path, method === 'DELETE' ? undefined : basicDesign('csrf-2'), {
        Origin: 'https://evil.example',
      });
      expect(r.status, method).toBe(403);
      expect(r.body).toEqual({ error: 'Cross-origin requests may not change data' });
    }
    expect((await call(server, 'GET', `/api/connectors/${existingId}`)).status).toBe(200);
  });

  it('allows same-origin mutations and cross-site reads', async () => {
    const same = await call(server, 'POST', '/api/connectors?provision=false', basicDesign('csrf-same-origin'), {
      Origin: server.url,
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(same.status).toBe(201);
    const read = await call(server, 'GET', '/api/connectors', undefined, {
      Origin: 'https://evil.example',
      'Sec-Fetch-Site': 'cross-site',
    });
    expect(read.status).toBe(200);
  });
});
