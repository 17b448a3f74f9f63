/**
 * Portal mode: the app configured like a real deployment (ALKIRA_PORTAL +
 * credentials), pointed at loopback: once at a second app server's emulator,
 * once at a throwaway HTTP server standing in for a remote Alkira portal so
 * the exact wire format (auth, request id) and failure modes can be seen.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appCallerProxy } from '../helpers/app-caller-proxy';
import { startServer, type RunningServer } from '../helpers/server';
import { basicDesign } from '../helpers/designs';
import { call, EMULATOR_KEY, TEST_ENV, waitForProvision } from './support';

/** Portal mode without sign-in must be asked for explicitly (else the server refuses to start). */
const ANONYMOUS_PORTAL = { CONNECTOR_STUDIO_ALLOW_ANONYMOUS: '1' };

describe('portal mode against a remote-style emulator', () => {
  let upstream: RunningServer;
  let app: RunningServer;
  let forwarder: Awaited<ReturnType<typeof appCallerProxy>>;
  /** Every request the app sent to the "remote portal". */
  const upstreamCalls: string[] = [];

  beforeAll(async () => {
    upstream = await startServer(TEST_ENV);
    forwarder = await appCallerProxy(upstream.port, (method, url) => upstreamCalls.push(`${method} ${url}`));
    app = await startServer({
      ...TEST_ENV,
      ...ANONYMOUS_PORTAL,
      ALKIRA_PORTAL: `http://127.0.0.1:${forwarder.port}/emulator`,
      ALKIRA_API_KEY: EMULATOR_KEY,
    });
  });
  afterAll(async () => {
    await Promise.all([app?.stop(), upstream?.stop(), forwarder?.close()]);
  });

  it('reports portal mode and its host in health', async () => {
    const r = await call(app, 'GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      ok: true,
      backend: { mode: 'portal', host: `127.0.0.1:${forwarder.port}` },
      upstream: { reachable: true },
    });
  });

  it('lists and creates connectors through the portal', async () => {
    const created = await call(app, 'POST', '/api/connectors', basicDesign('via-portal'));
    expect(created.status).toBe(201);
    const list = await call(app, 'GET', '/api/connectors');
    expect(list.status).toBe(200);
    expect(list.body.backend).toEqual({ mode: 'portal', host: `127.0.0.1:${forwarder.port}` });
    expect(list.body.connectors.map((c: { name: string }) => c.name)).toEqual(['via-portal']);
    // It really lives upstream.
    const upstreamList = await call(upstream, 'GET', '/api/connectors');
    expect(upstreamList.body.connectors.map((c: { name: string }) => c.name)).toEqual(['via-portal']);
  });

  it("lists the workspace with each linked connector's state from one upstream list read, not one call per design", async () => {
    const connectorIds: number[] = [];
    for (const n of ['ws-batch-a', 'ws-batch-b', 'ws-batch-c']) {
      const created = await call(app, 'POST', '/api/connectors?provision=true', basicDesign(n));
      expect(created.status, created.text).toBe(201);
      connectorIds.push(created.body.id);
      expect((await waitForProvision(app, created.body.provisionRequestId)).state).toBe('SUCCESS');
    }
    for (const [i, connectorId] of [...connectorIds, 987_654].entries()) {
      const id = (await call(app, 'POST', '/api/designs', { design: basicDesign(`ws-batch-design-${i}`) })).body.id;
      expect(
        (await call(app, 'POST', `/api/designs/${id}/provisioned`, { connector_id: connectorId, version: 1 })).status,
      ).toBe(200);
    }

    upstreamCalls.length = 0;
    const listed = await call(app, 'GET', '/api/designs?q=ws-batch-design&sort=name');
    expect(listed.status).toBe(200);
    const calls = [...upstreamCalls];
    expect(calls.filter((c) => /\/connectors\/\d+/.test(c))).toEqual([]); // no per-connector state lookups
    expect(
      calls.filter(
        (c) => c.startsWith('GET /emulator/api/v1/tenantnetworks/') && c.includes('azure-express-route-connectors'),
      ),
    ).toHaveLength(1);
    expect(calls.length).toBeLessThanOrEqual(2); // the list, and at most the tenant discovery
    const states = listed.body.designs.map((d: { connector_id: number; connector_state: string | null }) => [
      d.connector_id,
      d.connector_state,
    ]);
    // Each linked connector's state; a link to a connector that no longer exists has none.
    expect(states).toEqual([...connectorIds.map((cid) => [cid, 'SUCCESS']), [987_654, null]]);
  });
});

describe('portal mode wire format and failures (stand-in remote server)', () => {
  const seen: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders }> = [];
  let strayHits = 0;
  let remote: http.Server;
  let stray: http.Server;
  let app: RunningServer;

  function listen(s: http.Server): Promise<number> {
    return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)));
  }

  beforeAll(async () => {
    stray = http.createServer((req, res) => {
      strayHits++;
      res.end('{}');
    });
    const strayPort = await listen(stray);
    remote = http.createServer((req, res) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      res.setHeader('content-type', 'application/json');
      if (req.url === '/api/tenantnetworksummaries') return res.end(JSON.stringify([{ id: 7, name: 'remote-tn' }]));
      if (req.url === '/api/v1/tenantnetworks/7/azure-express-route-connectors') return res.end('[]');
      if (req.url === '/api/tags') {
        res.statusCode = 307;
        res.setHeader('location', `http://127.0.0.1:${strayPort}/steal`);
        return res.end();
      }
      if (req.url === '/api/inventory/cxps') {
        res.statusCode = 401;
        return res.end(
          JSON.stringify({ message: 'Invalid credentials for basic czNjcjN0LXVzZXI6aHVudGVyMg== (password hunter2)' }),
        );
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ message: 'not found' }));
    });
    const port = await listen(remote);
    // No list cache: every list goes upstream, so the wire format and an outage show at once.
    app = await startServer({
      ...TEST_ENV,
      ...ANONYMOUS_PORTAL,
      ALKIRA_PORTAL: `http://127.0.0.1:${port}`,
      ALKIRA_USERNAME: 's3cr3t-user',
      ALKIRA_PASSWORD: 'hunter2',
      CONNECTOR_STUDIO_LIST_CACHE_MS: '0',
    });
  });
  afterAll(async () => {
    await app?.stop();
    stray?.close();
    remote?.close();
  });

  it('sends basic auth, JSON content type and a client request id on every call', async () => {
    const r = await call(app, 'GET', '/api/connectors');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      backend: { mode: 'portal', host: expect.stringMatching(/^127\.0\.0\.1:\d+$/) },
      connectors: [],
    });
    const list = seen.find((s) => s.url === '/api/v1/tenantnetworks/7/azure-express-route-connectors');
    expect(list).toBeDefined();
    for (const s of seen) {
      expect(s.headers.authorization).toBe(`basic ${Buffer.from('s3cr3t-user:hunter2').toString('base64')}`);
      expect(s.headers['content-type']).toBe('application/json');
      expect(s.headers['x-ak-request-id']).toMatch(
        /^client-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
    }
    expect(new Set(seen.map((s) => s.headers['x-ak-request-id'])).size).toBe(seen.length);
  });

  it('passes an upstream 401 through with credentials scrubbed from the message', async () => {
    const r = await call(app, 'GET', '/api/catalog/cxps');
    expect(r.status).toBe(401);
    expect(r.body.error).toMatch(/^Alkira API: Invalid credentials/);
    expect(r.text).not.toContain('hunter2');
    expect(r.text).not.toContain('czNjcjN0LXVzZXI6aHVudGVyMg==');
  });

  it('never follows a redirect to another host with the credentials', async () => {
    const r = await call(app, 'GET', '/api/catalog/billing-tags');
    expect(r.status).toBe(502);
    expect(strayHits).toBe(0);
  });

  it('answers 502 and an unhealthy report when the portal cannot be reached', async () => {
    await new Promise<void>((resolve) => {
      remote.close(() => resolve());
      remote.closeAllConnections();
    });
    const list = await call(app, 'GET', '/api/connectors');
    expect(list.status).toBe(502);
    expect(list.body.error).toMatch(
      /^Could not reach the Alkira API at 127\.0\.0\.1:\d+ \(ECONNREFUSED\) \(after 5 attempts\)$/,
    );
    const health = await call(app, 'GET', '/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ ok: false, backend: { mode: 'portal' }, upstream: { reachable: false } });
    expect(app.logs()).not.toContain('hunter2');
  });
});
