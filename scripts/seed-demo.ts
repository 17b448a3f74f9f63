/**
 * A believable tenant for the README's dashboard screenshots, created through
 * the app's own API (so each connector has a real provision history): ~24
 * ExpressRoute connectors across three Azure regions and the prod, dmz,
 * internal and shared-services segments, a couple of them FAILED with the
 * emulator's circuit error, a few still provisioning, some updated since.
 *
 *   npx tsx scripts/seed-demo.ts http://127.0.0.1:3000
 *
 * For a failure that reads like a real one, start the server with
 * ALKIRA_EMULATOR_FAIL_CIRCUIT=erc-ams5-equinix-02 (the circuit the failing
 * connectors use); scripts/screenshots-dashboard.ts does. The last few
 * connectors are left running: call `settleAll` to wait for them.
 */
import type { ConnectorDesign } from '../lib/connector/design';
import { itemAt } from '../lib/util/indexing';

/** The circuit the failing connectors use; the server's ALKIRA_EMULATOR_FAIL_CIRCUIT should match it. */
export const DEMO_FAIL_CIRCUIT = 'erc-ams5-equinix-02';

const SUBSCRIPTION = '3f2b8c1e-5a4d-4e2f-9b1a-7c6d5e4f3a2b';

interface Catalog {
  segments: Map<string, string>;
  credentials: string[];
  profileId: number;
}

interface DemoConnector {
  name: string;
  cxp: 'USEAST-AZURE-1' | 'USWEST-AZURE-1' | 'EUWEST-AZURE-1';
  segment: 'prod' | 'dmz' | 'internal' | 'shared-services' | 'dev';
  group: string;
  size: string;
  ipsec?: boolean;
  redundant?: boolean;
  instances?: number;
  /** Provisioning fails: the circuit is the emulator's fail circuit. */
  fails?: boolean;
  /** After the create settles, an update (billing or size change) is provisioned too. */
  updated?: { size?: string; failsThen?: boolean };
}

const RG: Record<DemoConnector['cxp'], string> = {
  'USEAST-AZURE-1': 'eus',
  'USWEST-AZURE-1': 'wus2',
  'EUWEST-AZURE-1': 'weu',
};

const SETTLED: DemoConnector[] = [
  {
    name: 'er-prod-eastus-01',
    cxp: 'USEAST-AZURE-1',
    segment: 'prod',
    group: 'core-network',
    size: '2LARGE',
    redundant: true,
    instances: 2,
  },
  {
    name: 'er-prod-eastus-02',
    cxp: 'USEAST-AZURE-1',
    segment: 'prod',
    group: 'core-network',
    size: '2LARGE',
    redundant: true,
    instances: 2,
    updated: { size: '5LARGE' },
  },
  {
    name: 'er-prod-westus2-01',
    cxp: 'USWEST-AZURE-1',
    segment: 'prod',
    group: 'core-network',
    size: 'LARGE',
    redundant: true,
  },
  { name: 'er-prod-westus2-02', cxp: 'USWEST-AZURE-1', segment: 'prod', group: 'core-network', size: 'LARGE' },
  {
    name: 'er-prod-westeurope-01',
    cxp: 'EUWEST-AZURE-1',
    segment: 'prod',
    group: 'global-network',
    size: '2LARGE',
    redundant: true,
    instances: 2,
  },
  {
    name: 'er-prod-westeurope-02',
    cxp: 'EUWEST-AZURE-1',
    segment: 'prod',
    group: 'global-network',
    size: 'LARGE',
    updated: { failsThen: true },
  },
  { name: 'er-dr-westus2', cxp: 'USWEST-AZURE-1', segment: 'prod', group: 'core-network', size: 'LARGE' },
  { name: 'er-dr-westeurope', cxp: 'EUWEST-AZURE-1', segment: 'prod', group: 'global-network', size: 'LARGE' },
  {
    name: 'er-dmz-eastus-ipsec',
    cxp: 'USEAST-AZURE-1',
    segment: 'dmz',
    group: 'security',
    size: 'MEDIUM',
    ipsec: true,
  },
  {
    name: 'er-dmz-westeurope-ipsec',
    cxp: 'EUWEST-AZURE-1',
    segment: 'dmz',
    group: 'security',
    size: 'MEDIUM',
    ipsec: true,
  },
  {
    name: 'er-dmz-westus2-ipsec',
    cxp: 'USWEST-AZURE-1',
    segment: 'dmz',
    group: 'security',
    size: 'MEDIUM',
    ipsec: true,
    fails: true,
  },
  { name: 'er-corp-eastus-hq', cxp: 'USEAST-AZURE-1', segment: 'internal', group: 'networking', size: 'MEDIUM' },
  {
    name: 'er-corp-westeurope-ams',
    cxp: 'EUWEST-AZURE-1',
    segment: 'internal',
    group: 'networking',
    size: 'MEDIUM',
    updated: { size: 'LARGE' },
  },
  { name: 'er-corp-westus2-sea', cxp: 'USWEST-AZURE-1', segment: 'internal', group: 'networking', size: 'SMALL' },
  {
    name: 'er-shared-svcs-eastus',
    cxp: 'USEAST-AZURE-1',
    segment: 'shared-services',
    group: 'core-network',
    size: 'MEDIUM',
  },
  {
    name: 'er-shared-svcs-westeurope',
    cxp: 'EUWEST-AZURE-1',
    segment: 'shared-services',
    group: 'global-network',
    size: 'MEDIUM',
  },
  {
    name: 'er-sap-prod-westeurope',
    cxp: 'EUWEST-AZURE-1',
    segment: 'prod',
    group: 'global-network',
    size: 'LARGE',
    redundant: true,
  },
  {
    name: 'er-payments-prod-eastus',
    cxp: 'USEAST-AZURE-1',
    segment: 'prod',
    group: 'security',
    size: 'LARGE',
    redundant: true,
  },
  { name: 'er-dev-westus2-sandbox', cxp: 'USWEST-AZURE-1', segment: 'dev', group: 'networking', size: 'SMALL' },
];

/** Created last, so they are still PENDING/IN_PROGRESS when the screenshots are taken. */
const RUNNING: DemoConnector[] = [
  {
    name: 'er-prod-eastus-03',
    cxp: 'USEAST-AZURE-1',
    segment: 'prod',
    group: 'core-network',
    size: '2LARGE',
    redundant: true,
  },
  { name: 'er-dr-eastus', cxp: 'USEAST-AZURE-1', segment: 'prod', group: 'core-network', size: 'LARGE' },
  {
    name: 'er-dmz-eastus-ipsec-02',
    cxp: 'USEAST-AZURE-1',
    segment: 'dmz',
    group: 'security',
    size: 'MEDIUM',
    ipsec: true,
  },
];

async function call<T>(baseURL: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseURL}${path}`, {
    method,
    headers: body ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { Accept: 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

async function catalog(baseURL: string): Promise<Catalog> {
  const items = <T>(kind: string) => call<{ items: T[] }>(baseURL, 'GET', `/api/catalog/${kind}`).then((r) => r.items);
  const [segments, credentials, profiles] = await Promise.all([
    items<{ id: string | number; name: string }>('segments'),
    items<{ id: string }>('credentials'),
    items<{ id: number }>('ipsec-tunnel-profiles'),
  ]);
  return {
    segments: new Map(segments.map((s) => [s.name, String(s.id)])),
    credentials: credentials.map((c) => c.id),
    profileId: itemAt(profiles, 0, 'tunnel profile').id,
  };
}

function design(
  c: DemoConnector,
  slot: number,
  cat: Catalog,
  opts: { size?: string; fail?: boolean } = {},
): ConnectorDesign {
  const rg = RG[c.cxp];
  const segmentId = cat.segments.get(c.segment) ?? [...cat.segments.values()][0];
  const instances = Array.from({ length: c.instances ?? 1 }, (_, i) => {
    const circuit = opts.fail || c.fails ? DEMO_FAIL_CIRCUIT : `erc-${c.name.replace(/^er-/, '')}-${i + 1}`;
    return {
      name: i === 0 ? 'primary' : 'secondary',
      expressroute_circuit_id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-network-${rg}/providers/Microsoft.Network/expressRouteCircuits/${circuit}`,
      redundant_router: Boolean(c.redundant),
      loopback_subnet: `192.168.${slot}.${i * 64}/26`,
      credential_id: cat.credentials[i % cat.credentials.length],
      ...(c.ipsec
        ? {
            ipsec_customer_gateway: [
              {
                segment_id: segmentId,
                customer_gateway: [
                  {
                    name: `${rg}-fw-01`,
                    tunnel: [
                      {
                        name: 'tunnel-a',
                        ike_version: 'IKEv2',
                        initiator: true,
                        pre_shared_key: `demo-psk-${slot}-${Math.random().toString(36).slice(2)}`,
                        profile_id: cat.profileId,
                        remote_auth_type: 'FQDN',
                        remote_auth_value: `fw01.${rg}.contoso.example`,
                      },
                    ],
                  },
                ],
              },
            ],
          }
        : {}),
    };
  });
  return {
    resource_name: c.name.replace(/-/g, '_'),
    name: c.name,
    description: `ExpressRoute ${c.segment} connectivity, ${c.cxp}`,
    size: opts.size ?? c.size,
    enabled: true,
    vhub_prefix: `10.${200 + Math.floor(slot / 64)}.${(slot % 64) * 4}.0/23`,
    cxp: c.cxp,
    tunnel_protocol: c.ipsec ? 'IPSEC' : 'VXLAN_GPE',
    group: c.group,
    billing_tag_ids: [],
    instances,
    segment_options: [
      {
        segment_id: segmentId,
        customer_asn: 64600 + slot,
        disable_internet_exit: c.segment !== 'dmz',
        advertise_on_prem_routes: c.segment === 'prod',
      },
    ],
  } as ConnectorDesign;
}

interface Created {
  id: number;
  provisionRequestId: string | null;
}

async function settle(baseURL: string, requestId: string | null): Promise<void> {
  if (!requestId) return;
  for (let i = 0; i < 120; i++) {
    const r = await call<{ state: string }>(baseURL, 'GET', `/api/provision-requests/${requestId}`);
    if (['SUCCESS', 'FAILED', 'PARTIAL_SUCCESS'].includes(r.state)) return;
    await new Promise((res) => setTimeout(res, 500));
  }
}

export async function settleAll(baseURL: string, ids: Array<string | null>): Promise<void> {
  await Promise.all(ids.map((id) => settle(baseURL, id)));
}

/** Seeds the demo tenant; resolves with the running requests (not yet settled) and a connector with a rich timeline. */
export async function seedDemo(
  baseURL: string,
): Promise<{ running: Array<string | null>; timelineConnectorId: number; ids: Map<string, number> }> {
  const cat = await catalog(baseURL);
  const ids = new Map<string, number>();
  const created: Array<[DemoConnector, Created, number]> = [];
  for (const [i, c] of SETTLED.entries()) {
    const r = await call<Created>(baseURL, 'POST', '/api/connectors?provision=true', design(c, i + 1, cat));
    ids.set(c.name, r.id);
    created.push([c, r, i + 1]);
  }
  await settleAll(
    baseURL,
    created.map(([, r]) => r.provisionRequestId),
  );

  // Changes since: a resize or two, and an update whose new circuit Azure rejects.
  const updates: Array<string | null> = [];
  for (const [c, r, slot] of created) {
    if (!c.updated) continue;
    const body = design(c, slot, cat, { size: c.updated.size, fail: c.updated.failsThen });
    const u = await call<{ provisionRequestId: string | null }>(
      baseURL,
      'PUT',
      `/api/connectors/${r.id}?provision=true`,
      body,
    );
    updates.push(u.provisionRequestId);
  }
  await settleAll(baseURL, updates);

  const running: Array<string | null> = [];
  for (const [i, c] of RUNNING.entries()) {
    const r = await call<Created>(
      baseURL,
      'POST',
      '/api/connectors?provision=true',
      design(c, SETTLED.length + i + 1, cat),
    );
    ids.set(c.name, r.id);
    running.push(r.provisionRequestId);
  }
  return { running, timelineConnectorId: ids.get('er-prod-westeurope-02') as number, ids };
}

if (process.argv[1]?.endsWith('seed-demo.ts')) {
  const baseURL = process.argv[2] ?? 'http://127.0.0.1:3000';
  seedDemo(baseURL)
    .then(async ({ running }) => {
      await settleAll(baseURL, running);
      console.log(`Seeded ${SETTLED.length + RUNNING.length} connectors into ${baseURL}`);
    })
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
