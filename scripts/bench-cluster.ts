/**
 * Cross-instance live updates, measured: starts the cluster (scripts/cluster.mjs:
 * PostgreSQL, instances A and B, HAProxy), opens four dashboard event streams
 * (one on each instance, two through the balancer), then creates and provisions
 * N connectors, alternately through A and through B, and reports
 * - per `connector` event, how long after the write was sent, and after it was
 *   answered, each stream had it (p50/p99/max over every stream and write; the
 *   target is ≤ 1 s at p99),
 * - how much later the other instance's stream had it than the writing one's
 *   (what LISTEN/NOTIFY adds),
 * - per `state` event, the spread between the first and the last stream to get it,
 * - errors: non-2xx answers, events a stream missed.
 *
 *   npx tsx scripts/bench-cluster.ts [N]      (after `npx next build`; CLUSTER_BASE_PORT, default 3350)
 */
import { performance } from 'node:perf_hooks';
import { startCluster } from './cluster.mjs';
import { itemAt } from '../lib/util/indexing';

const N = Number(process.argv[2]) || 40;

interface Received {
  type: string;
  data: { connectorId: number; requestId?: string; state?: string; action?: string };
  at: number;
}

interface Stream {
  name: string;
  servedBy: string;
  events: Received[];
  close(): void;
}

async function openStream(name: string, origin: string): Promise<Stream> {
  const ctrl = new AbortController();
  const res = await fetch(`${origin}/api/connectors/events`, {
    signal: ctrl.signal,
    headers: { accept: 'text/event-stream' },
  });
  if (res.status !== 200 || !res.body) throw new Error(`${name}: events answered ${res.status}`);
  const stream: Stream = {
    name,
    servedBy: res.headers.get('x-served-by') ?? name,
    events: [],
    close: () => ctrl.abort(),
  };
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const at = performance.now();
        buffer += value;
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf('\n\n');
          const type = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (type && data) stream.events.push({ type, data: JSON.parse(data), at });
        }
      }
    } catch {
      // aborted at the end
    }
  })();
  return stream;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return itemAt(sorted, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1), 'sample');
}

function summary(label: string, values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  return `${label}: n=${s.length} p50=${percentile(s, 50).toFixed(0)} ms p99=${percentile(s, 99).toFixed(0)} ms max=${s[s.length - 1]?.toFixed(0)} ms`;
}

const CIRCUIT =
  '/subscriptions/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/resourceGroups/network-rg/providers/Microsoft.Network/expressRouteCircuits/';

function design(i: number) {
  return {
    resource_name: `bench_${i}`,
    name: `bench-cluster-${i}`,
    description: 'cross-instance latency bench',
    size: 'SMALL',
    enabled: true,
    vhub_prefix: `10.${140 + Math.floor(i / 128)}.${(i % 128) * 2}.0/23`,
    cxp: 'USWEST-AZURE-1',
    tunnel_protocol: 'VXLAN_GPE',
    group: 'networking',
    billing_tag_ids: [101],
    instances: [
      {
        name: 'primary',
        expressroute_circuit_id: `${CIRCUIT}bench-${i}`,
        redundant_router: false,
        loopback_subnet: `192.168.${i % 250}.0/26`,
        credential_id: '7d1f5a0e-2b3c-4d5e-8f90-a1b2c3d4e501',
      },
    ],
    segment_options: [
      { segment_id: '1', customer_asn: 65001, disable_internet_exit: true, advertise_on_prem_routes: false },
    ],
  };
}

async function main() {
  const cluster = await startCluster({
    env: { ALKIRA_EMULATOR_PROVISION_MS: '2000' },
    log: (m) => console.log(`[cluster] ${m}`),
  });
  const errors: string[] = [];
  try {
    const streams = await Promise.all([
      openStream('a', cluster.instances.a),
      openStream('b', cluster.instances.b),
      openStream('balancer-1', cluster.balancer),
      openStream('balancer-2', cluster.balancer),
    ]);
    console.log(`streams on: ${streams.map((s) => `${s.name}→${s.servedBy}`).join(', ')}`);
    const writes: Array<{ id: number; via: 'a' | 'b'; sent: number; answered: number }> = [];
    for (let i = 0; i < N; i++) {
      const via = i % 2 === 0 ? 'a' : 'b';
      const origin = cluster.instances[via];
      const sent = performance.now();
      const res = await fetch(`${origin}/api/connectors?provision=true`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify(design(i)),
      });
      const answered = performance.now();
      const body = (await res.json()) as { id?: number; error?: string };
      if (res.status !== 201 || typeof body.id !== 'number') {
        errors.push(`create ${i} via ${via}: ${res.status} ${body.error ?? ''}`);
        continue;
      }
      writes.push({ id: body.id, via, sent, answered });
      await new Promise((r) => setTimeout(r, 100));
    }
    // Let the provision requests finish and their events arrive.
    await new Promise((r) => setTimeout(r, 6000));

    const fromSent: number[] = [];
    const fromAnswered: number[] = [];
    const acrossInstances: number[] = [];
    let missed = 0;
    for (const w of writes) {
      const seen = streams.map((s) => ({
        s,
        e: s.events.find((e) => e.type === 'connector' && e.data.connectorId === w.id),
      }));
      for (const { s, e } of seen) {
        if (!e) {
          missed++;
          errors.push(`${s.name} missed the create of ${w.id}`);
        } else {
          fromSent.push(e.at - w.sent);
          // The event may come before the answer (it is published as the write is recorded): 0 then.
          fromAnswered.push(Math.max(0, e.at - w.answered));
        }
      }
      const local = seen.find(({ s }) => s.servedBy === w.via)?.e;
      const remote = seen.find(({ s }) => s.servedBy !== w.via && s.name === (w.via === 'a' ? 'b' : 'a'))?.e;
      if (local && remote) acrossInstances.push(remote.at - local.at);
    }
    const spreads: number[] = [];
    const keys = new Set<string>();
    for (const s of streams)
      for (const e of s.events) if (e.type === 'state') keys.add(`${e.data.requestId}|${e.data.state}`);
    for (const key of keys) {
      const [requestId, state] = key.split('|');
      const times = streams.map(
        (s) => s.events.find((e) => e.type === 'state' && e.data.requestId === requestId && e.data.state === state)?.at,
      );
      const got = times.filter((t): t is number => t !== undefined);
      if (got.length < streams.length) {
        missed += streams.length - got.length;
        errors.push(`${streams.length - got.length} stream(s) missed ${state} of ${requestId}`);
      }
      spreads.push(Math.max(...got) - Math.min(...got));
    }
    const finals = [...keys].filter((k) => k.endsWith('|SUCCESS')).length;
    for (const s of streams) s.close();

    console.log(
      `\n${writes.length} creates (half through A, half through B), ${streams.length} open dashboards, ${keys.size} state changes (${finals} reached SUCCESS)`,
    );
    console.log(
      summary(
        'the write itself (sent → answered)',
        writes.map((w) => w.answered - w.sent),
      ),
    );
    console.log(summary('connector event on every dashboard, after the write was sent', fromSent));
    console.log(summary('connector event on every dashboard, after the write was answered', fromAnswered));
    console.log(summary('other instance later than the writing one (LISTEN/NOTIFY)', acrossInstances));
    console.log(summary('state event: first to last dashboard', spreads));
    console.log(`errors: ${errors.length} (missed events: ${missed})`);
    for (const e of errors.slice(0, 20)) console.log(`  ${e}`);
    process.exitCode = errors.length > 0 ? 1 : 0;
  } finally {
    await cluster.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
