/**
 * The dashboard's list and live events over real HTTP, against the emulator
 * seeded with 1,000 connectors: filters, sort, paging and whole-tenant counts;
 * bad parameters; a renamed segment reaching the list (in emulator mode at
 * once, in portal mode after a write made through the app, with a cache TTL
 * long enough that only the write can explain it); provision state events on
 * the event stream.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorListPageResponse, ConnectorSummary } from '@/lib/client/types';
import { seedDemoTenantIn, type DemoTenantSummary } from '@/lib/emulator/demo-tenant';
import { appCallerProxy } from '../helpers/app-caller-proxy';
import { APP_CALLER_HEADERS, startServer, type RunningServer } from '../helpers/server';
import { basicDesign, CIRCUIT } from '../helpers/designs';
import { call, emulator, EMULATOR_KEY, TEST_ENV } from './support';
import { at } from '../helpers/present';

let server: RunningServer;
let seeded: DemoTenantSummary;
let all: ConnectorSummary[];

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cs-dash-'));
  seeded = seedDemoTenantIn(dataDir, { count: 1000, seed: 12 });
  server = await startServer({ ...TEST_ENV, CONNECTOR_STUDIO_DIAGNOSTICS: '1' }, { dataDir });
  all = (await call(server, 'GET', '/api/connectors')).body.connectors;
});
afterAll(async () => {
  await server?.stop();
});

const page = async (qs: string) => call<ConnectorListPageResponse>(server, 'GET', `/api/connectors?${qs}`);
const byName = (a: ConnectorSummary, b: ConnectorSummary) =>
  a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : a.id - b.id;

describe('the list of a 1,000-connector tenant', () => {
  it('keeps the unpaged list without parameters, with names of segments and groups per row', () => {
    expect(all).toHaveLength(1000);
    const ipsec = all.find((c) => c.tunnelProtocol === 'IPSEC');
    expect(ipsec).toMatchObject({
      segmentNames: expect.any(Array),
      groupNames: expect.any(Array),
      errorMessage: null,
      lastProvisionOperation: null,
    });
    expect(ipsec?.segmentNames.length).toBeGreaterThan(0);
  });

  it('pages by name with the total and whole-tenant counts and facets', async () => {
    const r = await page('page=1');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ backend: { mode: 'emulator' }, total: 1000, page: 1, page_size: 50 });
    expect(r.body.connectors.map((c) => c.id)).toEqual(
      [...all]
        .sort(byName)
        .slice(0, 50)
        .map((c) => c.id),
    );
    expect(r.body.counts).toEqual({
      byState: seeded.byState,
      failedLast24h: 0, // the app started none of these requests, so it knows no failure times
      inFlight: seeded.byState.PENDING + seeded.byState.IN_PROGRESS,
      all: 1000,
    });
    expect(r.body.facets.cxp).toEqual(['EUWEST-AZURE-1', 'USEAST-AZURE-1', 'USWEST-AZURE-1']);
    expect(r.body.facets.segment).toEqual(['dev', 'dmz', 'internal', 'prod', 'shared-services']);
    expect(r.body.facets.protocol).toEqual(['IPSEC', 'VXLAN', 'VXLAN_GPE']);
  });

  it('filters by state, CXP, segment, group, size, protocol and text, counting the whole tenant still', async () => {
    const failed = await page('state=FAILED&page_size=200');
    expect(failed.body.total).toBe(seeded.byState.FAILED);
    expect(failed.body.connectors.every((c) => c.provisionState === 'FAILED')).toBe(true);
    expect(failed.body.counts.all).toBe(1000);

    const expected = all
      .filter(
        (c) =>
          c.cxp === 'USEAST-AZURE-1' &&
          c.tunnelProtocol === 'IPSEC' &&
          c.segmentNames.some((s) => s === 'dmz' || s === 'prod'),
      )
      .sort(byName);
    const r = await page('cxp=USEAST-AZURE-1&protocol=ipsec&segment=dmz,prod&page_size=200');
    expect(r.body.total).toBe(expected.length);
    expect(r.body.connectors.map((c) => c.id)).toEqual(expected.map((c) => c.id));

    const grouped = all.filter((c) => c.groupNames.includes('security') && ['LARGE', '2LARGE'].includes(c.size));
    expect((await page('group=security&size=LARGE,2LARGE')).body.total).toBe(grouped.length);

    const text = all.filter((c) => c.name.includes('-sap-'));
    expect(text.length).toBeGreaterThan(0);
    expect((await page('q=-SAP-')).body.total).toBe(text.length);
    expect((await page(`q=${at(all, 10).id}`)).body.connectors.map((c) => c.id)).toContain(at(all, 10).id);

    const none = await page('state=NONE&page_size=200');
    expect(none.body.total).toBe(seeded.byState.NONE);
    expect(none.body.connectors.every((c) => c.provisionState === null)).toBe(true);
  });

  it('sorts descending and pages without gaps or repeats', async () => {
    const desc = [...all].sort(byName).reverse();
    expect((await page('sort=name&order=desc&page=3&page_size=20')).body.connectors.map((c) => c.id)).toEqual(
      desc.slice(40, 60).map((c) => c.id),
    );
    const ids: number[] = [];
    for (let p = 1; p <= 5; p++)
      ids.push(...(await page(`sort=size&page=${p}&page_size=200`)).body.connectors.map((c) => c.id));
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
    expect((await page('sort=size&page=6&page_size=200')).body.connectors).toEqual([]);
  });

  it('answers 400 naming the parameter for bad values', async () => {
    for (const [qs, param] of [
      ['page=0', 'page'],
      ['page_size=500', 'page_size'],
      ['state=DONE', 'state'],
      ['sort=colour', 'sort'],
      ['order=sideways', 'order'],
      ['colour=red', 'colour'],
    ] as const) {
      const r = await page(qs);
      expect(r.status, qs).toBe(400);
      expect(r.body, qs).toMatchObject({ error: expect.stringContaining(`"${param}"`), param });
    }
  });
});

describe('renamed segments reach the list', () => {
  it('in emulator mode at once (the embedded emulator tells the cache)', async () => {
    const before = await page('segment=shared-services&page_size=1');
    expect(before.body.total).toBeGreaterThan(0);
    const renamed = await emulator(server, 'PUT', '/tenantnetworks/1/segments/5', { name: 'shared-svc' });
    expect(renamed.status).toBe(200);
    const after = await page('segment=shared-svc&page_size=1');
    expect(after.body.total).toBe(before.body.total);
    expect(after.body.facets.segment).toContain('shared-svc');
    expect(after.body.facets.segment).not.toContain('shared-services');
  });

  it('in portal mode after a write made through the app', async () => {
    const forwarder = await appCallerProxy(server.port);
    const app = await startServer({
      ...TEST_ENV,
      CONNECTOR_STUDIO_ALLOW_ANONYMOUS: '1',
      ALKIRA_PORTAL: `http://127.0.0.1:${forwarder.port}/emulator`,
      ALKIRA_API_KEY: EMULATOR_KEY,
      CONNECTOR_STUDIO_LIST_CACHE_MS: '600000',
    });
    try {
      const facets = async () =>
        (await call<ConnectorListPageResponse>(app, 'GET', '/api/connectors?page_size=1')).body.facets.segment;
      expect(await facets()).toContain('internal');
      expect((await emulator(server, 'PUT', '/tenantnetworks/1/segments/3', { name: 'internal-core' })).status).toBe(
        200,
      );
      // The upstream changed behind the app's back: within the TTL, the cached list still has the old name.
      expect(await facets()).toContain('internal');
      const created = await call(app, 'POST', '/api/connectors?provision=false', basicDesign('portal-write'));
      expect(created.status).toBe(201);
      const after = await facets();
      expect(after).toContain('internal-core');
      expect(after).not.toContain('internal');
    } finally {
      await app.stop();
      await forwarder.close();
    }
  });
});

interface SseEvent {
  event: string;
  data: any;
}

/** Reads `text/event-stream` frames from a fetch response until `until` is satisfied (or the time is up). */
async function readEvents(
  res: Response,
  until: (events: SseEvent[]) => boolean,
  timeoutMs = 15_000,
): Promise<SseEvent[]> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: SseEvent[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  while (!until(events)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`stream ended early; events so far: ${JSON.stringify(events)}`);
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
    if (!chunk || chunk.done) continue;
    buffer += chunk.value;
    for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
      const frame = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
    }
  }
  return events;
}

describe('live events', () => {
  it('streams connector and provision state events for a provision, ending with its final state and error', async () => {
    const controller = new AbortController();
    const res = await fetch(`${server.url}/api/connectors/events`, {
      signal: controller.signal,
      headers: { 'Accept-Encoding': 'gzip, br' },
    });
    try {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);

      const design = basicDesign('live-failing');
      at(design.instances as Array<Record<string, unknown>>, 0).expressroute_circuit_id =
        `${CIRCUIT}fail-provision-circuit`;
      const created = await call(server, 'POST', '/api/connectors', design);
      expect(created.status).toBe(201);
      const { id, provisionRequestId } = created.body;

      const events = await readEvents(res, (ev) =>
        ev.some((e) => e.event === 'state' && e.data.requestId === provisionRequestId && e.data.state === 'FAILED'),
      );
      expect(events).toContainEqual({ event: 'connector', data: { connectorId: id, action: 'created' } });
      const states = events.filter((e) => e.event === 'state' && e.data.requestId === provisionRequestId);
      expect(states.at(-1)?.data).toMatchObject({
        connectorId: id,
        state: 'FAILED',
        errorMessage: expect.stringContaining('fail-provision-circuit'),
      });
      expect(Date.parse(states.at(-1)?.data.at)).not.toBeNaN();
      // Each change once: no state repeats back to back.
      const seq = states.map((e) => e.data.state);
      expect(seq.filter((s, i) => i > 0 && s === seq[i - 1])).toEqual([]);

      // The list agrees: FAILED with the request's message.
      const row = (await page(`q=live-failing`)).body.connectors[0];
      expect(row).toMatchObject({
        id,
        provisionState: 'FAILED',
        lastProvisionOperation: 'create',
        errorMessage: expect.stringContaining('fail-provision-circuit'),
      });
      expect((await page('state=FAILED&page_size=1')).body.counts.failedLast24h).toBe(1);
    } finally {
      controller.abort();
    }
  });

  it('lets go of a stream when its client goes away', async () => {
    const streams = async () => (await call(server, 'GET', '/api/diagnostics/event-loop')).body.eventStreams;
    const controller = new AbortController();
    const res = await fetch(`${server.url}/api/connectors/events`, { signal: controller.signal });
    await res.body!.getReader().read(); // the opening comment: subscribed
    expect(await streams()).toBeGreaterThanOrEqual(1);
    controller.abort();
    const deadline = Date.now() + 5000;
    while ((await streams()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await streams()).toBe(0);
    // HEAD answers the stream's headers and holds nothing open.
    const head = await fetch(`${server.url}/api/connectors/events`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await new Promise((r) => setTimeout(r, 300));
    expect(await streams()).toBe(0);
  });
});

describe('seeding a running emulator', () => {
  it('adds connectors that the list shows at once', async () => {
    const before = (await page('page_size=1')).body.counts.all;
    const r = await call(server, 'POST', '/emulator/_admin/seed', { count: 50, seed: 3 }, APP_CALLER_HEADERS);
    expect(r.status).toBe(200);
    expect(r.body.added).toBe(50);
    expect((await page('page_size=1')).body.counts.all).toBe(before + 50);
    expect((await call(server, 'POST', '/emulator/_admin/seed', { count: 0 }, APP_CALLER_HEADERS)).status).toBe(400);
  });

  it("records the app's request history of what it seeds: a FAILED connector shows its error and its requests", async () => {
    const r = await call(server, 'POST', '/emulator/_admin/seed', { count: 300, seed: 5 }, APP_CALLER_HEADERS);
    expect(r.status).toBe(200);
    expect(r.body.byState.FAILED).toBeGreaterThan(0);
    const failed = (await page('state=FAILED&page_size=200')).body.connectors.filter(
      (c) => c.id >= r.body.firstId && c.id <= r.body.lastId,
    );
    expect(failed).toHaveLength(r.body.byState.FAILED);
    for (const c of failed) expect(c.errorMessage, c.name).toMatch(/\S/);
    const detail = await call(server, 'GET', `/api/connectors/${at(failed, 0).id}`);
    expect(detail.status).toBe(200);
    const history = detail.body.provisionRequests as { operation: string; state: string; errorMessage?: string }[];
    expect(history.at(0)).toMatchObject({ state: 'FAILED', errorMessage: at(failed, 0).errorMessage });
    expect(history.at(-1)?.operation).toBe('create');
  });
});
