/**
 * The dashboard's list against a portal whose connector list carries no
 * provision state (a stand-in HTTP server): states are looked up in the
 * background, once per connector, never once per row per request, and the
 * list shows them as they arrive.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorListPageResponse } from '@/lib/client/types';
import { startServer, type RunningServer } from '../helpers/server';
import { call, EMULATOR_KEY, TEST_ENV } from './support';

const CONNECTORS = Array.from({ length: 30 }, (_, i) => ({
  id: i + 1,
  name: `portal-${String(i + 1).padStart(2, '0')}`,
  size: 'SMALL',
  enabled: true,
  vhubPrefix: `10.200.${i * 2}.0/23`,
  tunnelProtocol: 'VXLAN',
  cxp: 'USWEST-AZURE-1',
  group: 'networking',
  billingTags: [],
  instances: [],
  segmentOptions: [
    { segmentName: 'prod', customerAsn: 65001, disableInternetExit: true, advertiseOnPremRoutes: false },
  ],
}));

let remote: http.Server;
let app: RunningServer;
const hits = { list: 0, state: 0 };

beforeAll(async () => {
  remote = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    const url = req.url ?? '';
    if (url === '/api/tenantnetworksummaries') return res.end(JSON.stringify([{ id: 7 }]));
    if (url === '/api/v1/tenantnetworks/7/azure-express-route-connectors') {
      hits.list++;
      return res.end(JSON.stringify(CONNECTORS));
    }
    const state = /^\/api\/tenantnetworks\/7\/connectors\/(\d+)$/.exec(url);
    if (state) {
      hits.state++;
      return res.end(JSON.stringify({ state: Number(state[1]) % 10 === 0 ? 'FAILED' : 'SUCCESS', docState: 'ACTIVE' }));
    }
    res.statusCode = 404;
    res.end(JSON.stringify({ message: 'not found' }));
  });
  await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
  const port = (remote.address() as AddressInfo).port;
  app = await startServer({
    ...TEST_ENV,
    CONNECTOR_STUDIO_ALLOW_ANONYMOUS: '1',
    ALKIRA_PORTAL: `http://127.0.0.1:${port}`,
    ALKIRA_API_KEY: EMULATOR_KEY,
    CONNECTOR_STUDIO_LIST_CACHE_MS: '0',
  });
});
afterAll(async () => {
  await app?.stop();
  remote?.close();
});

describe('a portal list without provision states', () => {
  it('looks each state up once in the background, and the list shows them as they arrive', async () => {
    const page = async () => (await call<ConnectorListPageResponse>(app, 'GET', '/api/connectors?page_size=50')).body;
    const first = await page();
    expect(first.total).toBe(30);
    const deadline = Date.now() + 10_000;
    let body = first;
    while (body.counts.byState.NONE > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      body = await page();
    }
    expect(body.counts.byState).toEqual({ SUCCESS: 27, FAILED: 3, PENDING: 0, IN_PROGRESS: 0, NONE: 0 });
    expect(body.connectors.find((c) => c.id === 10)?.provisionState).toBe('FAILED');
    // Many list requests (each reading the list upstream: cache off), yet one state lookup per connector.
    for (let i = 0; i < 5; i++) await page();
    expect(hits.list).toBeGreaterThanOrEqual(6);
    expect(hits.state).toBe(30);
  });
});
