/**
 * A believable tenant of any size, written straight into the emulator's store
 * (one transaction: 10,000 connectors in well under a second), for benchmarks,
 * API tests and demos. Deterministic for a given seed. Connectors carry the
 * shapes the emulator itself stores, and provision requests whose outcome and
 * timing give a realistic mix of states (mostly SUCCESS, a few FAILED, a few
 * still PENDING/IN_PROGRESS, some never provisioned).
 *
 * From outside the server, `seedDemoTenantIn` (before the server starts); on a
 * running server, `POST /emulator/_admin/seed { count }` (ALKIRA_EMULATOR_ADMIN=1).
 */
import { randomUUID } from 'node:crypto';
import type { ConnectorListState } from '@/lib/contract';
import { noteEmulatorWrite } from './changes';
import { db } from './store';
import { seededRandom } from '@/lib/util/seeded-random';

export interface DemoTenantOptions {
  count: number;
  /** PRNG seed (same seed, same tenant). */
  seed?: number;
  /** "Now" for provision timings. */
  now?: number;
  /** Shares of connectors per state; the rest succeed. */
  failedShare?: number;
  inFlightShare?: number;
  neverShare?: number;
}

export interface DemoTenantSummary {
  ids: number[];
  /** Every provision request written, oldest first per connector (the app's history of a demo tenant). */
  requests: SeededProvisionRequest[];
  /** How many connectors the dashboard will count in each list state. */
  byState: Record<ConnectorListState, number>;
}

const REGIONS = [
  { cxp: 'USWEST-AZURE-1', site: ['sea', 'sfo', 'pdx', 'lax'] },
  { cxp: 'USEAST-AZURE-1', site: ['nyc', 'iad', 'atl', 'bos'] },
  { cxp: 'EUWEST-AZURE-1', site: ['ams', 'dub', 'lon', 'fra'] },
];
const WORKLOADS = [
  'sap',
  'payments',
  'erp',
  'crm',
  'data-lake',
  'vdi',
  'backup',
  'analytics',
  'hr',
  'logistics',
  'retail',
  'identity',
];
const ENVS = ['prod', 'dr', 'stage', 'dev'];
const SIZES = ['SMALL', 'MEDIUM', 'MEDIUM', 'LARGE', 'LARGE', '2LARGE', '5LARGE'];
const GROUPS = ['networking', 'core-network', 'security', 'global-network'];
const SEGMENTS = ['prod', 'dmz', 'internal', 'dev', 'shared-services'];
const CREDENTIALS = [
  '7d1f5a0e-2b3c-4d5e-8f90-a1b2c3d4e501',
  '7d1f5a0e-2b3c-4d5e-8f90-a1b2c3d4e503',
  '7d1f5a0e-2b3c-4d5e-8f90-a1b2c3d4e504',
];
/**
 * What Azure or Alkira says when a provision fails, about this connector's own
 * circuit, prefix or gateway (so the row reads like a real incident). A create
 * fails on what a new circuit lacks; a later change on what it changes.
 */
function failureOf(body: Record<string, unknown>, operation: 'create' | 'update', rand: () => number): string {
  const instances = body.instances as {
    expressRouteCircuitId: string;
    segmentOptions?: { customerGateways: { name: string }[] }[];
  }[];
  const first = instances[0];
  const circuit = first?.expressRouteCircuitId.split('/').pop();
  const gateway = first?.segmentOptions?.[0]?.customerGateways[0]?.name;
  const ike = gateway
    ? [
        `Customer gateway ${gateway}, tunnel tunnel-1: IKEv2 negotiation did not complete within 300 s (no answer from the gateway)`,
      ]
    : [];
  const choices =
    operation === 'create'
      ? [
          `Azure rejected the connection to ExpressRoute circuit ${circuit}: the authorization key is invalid or already redeemed (AuthorizationKeyInvalid)`,
          `ExpressRoute circuit ${circuit} is not provisioned by the connectivity provider (serviceProviderProvisioningState: NotProvisioned)`,
          `Azure private peering on ${circuit} is not configured: the circuit has no primary and secondary peer subnets`,
          `vHub prefix ${String(body.vhubPrefix)} overlaps the address space of another connector in ${String(body.cxp)}`,
          ...ike,
        ]
      : [
          `vHub prefix ${String(body.vhubPrefix)} overlaps the address space of another connector in ${String(body.cxp)}`,
          `Resize to ${String(body.size)} refused: ${String(body.cxp)} has no capacity left for this size (CxpCapacityExceeded)`,
          ...ike,
        ];
  return choices[Math.floor(rand() * choices.length)] as string; // choices is never empty
}

/** A provision request the seed wrote, as the app's history would have recorded it. */
export interface SeededProvisionRequest {
  connectorId: number;
  connectorName: string;
  operation: 'create' | 'update';
  requestId: string;
  /** Final state, or PENDING/IN_PROGRESS while it is still running at `now`. */
  state: 'SUCCESS' | 'FAILED' | 'PENDING' | 'IN_PROGRESS';
  errorMessage: string | null;
  createdAt: number;
  /** When it reached its final state (or now, for one still running). */
  updatedAt: number;
}

function connectorBody(id: number, i: number, rand: () => number): Record<string, unknown> {
  // Every list picked from is a non-empty constant.
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
  const region = REGIONS[i % REGIONS.length] as (typeof REGIONS)[number];
  const site = pick(region.site);
  const name = `${site}-${pick(WORKLOADS)}-${pick(ENVS)}-er-${String(i + 1).padStart(5, '0')}`;
  const ipsec = rand() < 0.3;
  const segs = [...new Set([pick(SEGMENTS), ...(rand() < 0.4 ? [pick(SEGMENTS)] : [])])];
  const octet2 = (i >> 7) & 0xff;
  const octet3 = (i & 0x7f) * 2;
  const instances = [1, 2].slice(0, rand() < 0.6 ? 2 : 1).map((n) => {
    const inst: Record<string, unknown> = {
      name: `${name}-i${n}`,
      id: id * 10 + n,
      expressRouteCircuitId: `/subscriptions/3f2b8c1e-5a4d-4e2f-9b1a-7c6d5e4f3a2b/resourceGroups/${site}-network-rg/providers/Microsoft.Network/expressRouteCircuits/${name}-c${n}`,
      redundantRouter: n === 1,
      loopbackSubnet: `192.168.${(i + n) % 250}.0/26`,
      credentialId: pick(CREDENTIALS),
    };
    if (ipsec) {
      inst.segmentOptions = segs.map((s) => ({
        segmentName: s,
        customerGateways: [
          {
            name: `${site}-${s}-gw${n}`,
            id: randomUUID(),
            tunnels: [
              {
                name: 'tunnel-1',
                id: randomUUID(),
                initiator: true,
                profileId: 10,
                ikeVersion: 'IKEv2',
                preSharedKey: `psk-${randomUUID()}`,
                remoteAuthType: 'FQDN',
                remoteAuthValue: `${site}-gw${n}.example.com`,
              },
            ],
          },
        ],
      }));
    } else {
      const hex = (v: number) => (v & 0xff).toString(16).padStart(2, '0');
      inst.gatewayMacAddresses = [`02:00:00:${hex(id >> 8)}:${hex(id)}:${hex(n)}`];
      inst.vnis = [10_000 + id * 2 + n];
    }
    return inst;
  });
  return {
    name,
    id,
    size: pick(SIZES),
    enabled: rand() > 0.03,
    implicitGroupId: 1000 + id,
    vhubPrefix: `10.${100 + (octet2 % 150)}.${octet3}.0/23`,
    tunnelProtocol: ipsec ? 'IPSEC' : pick(['VXLAN', 'VXLAN_GPE']),
    cxp: region.cxp,
    ...(rand() < 0.85 ? { group: pick(GROUPS) } : {}),
    billingTags: rand() < 0.5 ? [101] : [101, 103],
    instances,
    segmentOptions: segs.map((s, k) => ({
      segmentName: s,
      customerAsn: 65000 + k,
      disableInternetExit: true,
      advertiseOnPremRoutes: false,
    })),
  };
}

/** Adds `count` connectors (and their provision requests) to the emulator's store. */
export function seedDemoTenant(opts: DemoTenantOptions): DemoTenantSummary {
  const rand = seededRandom(opts.seed ?? 42);
  const now = opts.now ?? Date.now();
  const failedShare = opts.failedShare ?? 0.03;
  const inFlightShare = opts.inFlightShare ?? 0.02;
  const neverShare = opts.neverShare ?? 0.05;
  const conn = db();
  const summary: DemoTenantSummary = {
    ids: [],
    requests: [],
    byState: { SUCCESS: 0, FAILED: 0, PENDING: 0, IN_PROGRESS: 0, NONE: 0 },
  };
  const insertConnector = conn.prepare(
    'INSERT INTO connectors (name, body, created_at, updated_at) VALUES (?, ?, ?, ?)',
  );
  const setBody = conn.prepare('UPDATE connectors SET name = ?, body = ? WHERE id = ?');
  const insertRequest = conn.prepare(
    `INSERT INTO provision_requests (id, connector_id, operation, created_at, duration_ms, outcome, error_message)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const start = conn.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM connectors').get() as { n: number };
  conn.transaction(() => {
    for (let i = 0; i < opts.count; i++) {
      const created = now - Math.floor(rand() * 90 * 86_400_000) - 3_600_000;
      const id = Number(insertConnector.run('', '{}', created, created).lastInsertRowid);
      const body = connectorBody(id, start.n + i, rand);
      setBody.run(String(body.name), JSON.stringify(body), id);
      summary.ids.push(id);
      const roll = rand();
      if (roll < neverShare) {
        summary.byState.NONE++;
        continue;
      }
      const name = String(body.name);
      const request = (
        operation: 'create' | 'update',
        at: number,
        durationMs: number,
        outcome: 'SUCCESS' | 'FAILED',
        error: string | null,
        state: SeededProvisionRequest['state'] = outcome,
      ) => {
        const requestId = randomUUID();
        insertRequest.run(requestId, id, operation, at, durationMs, outcome, error);
        summary.requests.push({
          connectorId: id,
          connectorName: name,
          operation,
          requestId,
          state,
          errorMessage: error,
          createdAt: at,
          updatedAt: Math.min(at + durationMs, now),
        });
      };
      if (roll < neverShare + failedShare) {
        summary.byState.FAILED++;
        if (rand() < 0.5) {
          // The create itself failed (and was not retried since).
          request('create', created, 240_000, 'FAILED', failureOf(body, 'create', rand));
        } else {
          // Running for a while, then a change that Azure or Alkira refused.
          request('create', created, 60_000, 'SUCCESS', null);
          request(
            'update',
            now - Math.floor(rand() * 3 * 86_400_000),
            90_000,
            'FAILED',
            failureOf(body, 'update', rand),
          );
        }
        continue;
      }
      // An older successful create, then (for some) the latest change.
      request('create', created, 60_000, 'SUCCESS', null);
      if (roll < neverShare + failedShare + inFlightShare) {
        // Long-running (an hour; the first 12 minutes queued): half still PENDING, half IN_PROGRESS.
        const queued = rand() < 0.5;
        request(
          'update',
          queued ? now - 60_000 : now - 20 * 60_000,
          3_600_000,
          'SUCCESS',
          null,
          queued ? 'PENDING' : 'IN_PROGRESS',
        );
        summary.byState[queued ? 'PENDING' : 'IN_PROGRESS']++;
      } else {
        summary.byState.SUCCESS++;
      }
    }
  })();
  noteEmulatorWrite();
  return summary;
}

/**
 * Seeds the emulator store in `dataDir` from outside the server (benchmarks,
 * tests), then closes the file so the server that starts next owns it.
 */
export function seedDemoTenantIn(dataDir: string, opts: DemoTenantOptions): DemoTenantSummary {
  const before = process.env.ALKIRA_DATA_DIR;
  process.env.ALKIRA_DATA_DIR = dataDir;
  try {
    return seedDemoTenant(opts);
  } finally {
    globalThis.__alkiraEmulatorDb?.db.close();
    globalThis.__alkiraEmulatorDb = undefined;
    if (before === undefined) delete process.env.ALKIRA_DATA_DIR;
    else process.env.ALKIRA_DATA_DIR = before;
  }
}
