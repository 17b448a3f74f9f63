/**
 * The parse service's fairness (part of `npm run bench` when a production
 * build exists; alone: `npx tsx scripts/bench-parse-fairness.ts`). Starts the
 * production server on loopback and times one client's 2 KB parses
 * (POST /api/hcl/parse): idle, then while another client sends ~1 MB files in
 * a loop (one loop, then twenty at once). The two clients come from different
 * loopback addresses (127.0.0.2 and 127.0.0.1; on Linux all of 127/8 is
 * loopback), as two users would. Reports the small client's p50/p95, the ratio
 * of its p50 to the idle one (target ≤ 2×) and every 429 either client got.
 * Each phase is bounded: a fixed number of small parses, at most 60 s.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { startServer } from '../tests/helpers/server';
import { renderConnectorHcl } from '../lib/connector/hcl/render';
import { designFromTemplate } from '../lib/connector/templates';
import { largeIpsecDesign } from './bench-designs';

const SMALL_ADDRESS = '127.0.0.2';
const LARGE_ADDRESS = '127.0.0.1';
const SMALL_RUNS = 60;
const PHASE_LIMIT_MS = 60_000;

/** About 2 KB: a typical connector file (two instances, IPsec tunnels). */
export function smallParseInput(): string {
  return renderConnectorHcl(designFromTemplate('multi-instance-ipsec')!);
}

/** About 1 MB (under the 1 MiB body limit): copies of a 128-tunnel connector file, each with its own labels. */
export function largeParseInput(target = 1_000_000): string {
  const one = renderConnectorHcl(largeIpsecDesign(2));
  const copies = Math.max(1, Math.floor(target / (one.length + 1)));
  return Array.from({ length: copies }, (_, k) =>
    one.replace(/"large"/g, `"large_${k}"`).replace(/variable "large_/g, `variable "large${k}_`),
  ).join('\n');
}

interface Answer {
  status: number;
  ms: number;
}

/** One client: its own keep-alive connections from its own loopback address. */
function client(port: number, localAddress: string) {
  const agent = new http.Agent({ keepAlive: true, localAddress });
  const post = (body: Buffer): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/hcl/parse',
          agent,
          headers: { 'content-type': 'text/plain', 'content-length': body.length },
        },
        (res) => {
          res.on('data', () => {});
          res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}

/** Whether this machine routes `address` to loopback (Linux does for all of 127/8). */
async function canBind(port: number, address: string): Promise<boolean> {
  const probe = client(port, address);
  try {
    await probe.post(Buffer.alloc(0));
    return true;
  } catch {
    return false;
  } finally {
    probe.close();
  }
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

interface Phase {
  p50: number;
  p95: number;
  n: number;
  small429: number;
  smallOther: number;
  largeDone: number;
  large429: number;
  largeOther: number;
}

/** The small client's parses, one after another, while `loops` loops of the large client run. */
async function phase(
  small: ReturnType<typeof client>,
  large: ReturnType<typeof client>,
  smallText: Buffer,
  largeText: Buffer,
  loops: number,
): Promise<Phase> {
  const out: Phase = { p50: 0, p95: 0, n: 0, small429: 0, smallOther: 0, largeDone: 0, large429: 0, largeOther: 0 };
  let stop = false;
  const loaders = Array.from({ length: loops }, async () => {
    while (!stop) {
      const r = await large.post(largeText);
      if (r.status === 200) out.largeDone++;
      else if (r.status === 429) {
        out.large429++;
        await new Promise((resolve) => setTimeout(resolve, 50)); // a client that honours nothing, but does not spin
      } else out.largeOther++;
    }
  });
  // Let the load reach its steady state (bodies uploaded, workers busy) before measuring.
  if (loops > 0) await new Promise((resolve) => setTimeout(resolve, 1500));
  const samples: number[] = [];
  const deadline = performance.now() + PHASE_LIMIT_MS;
  for (let i = 0; i < SMALL_RUNS && performance.now() < deadline; i++) {
    const r = await small.post(smallText);
    if (r.status === 200) samples.push(r.ms);
    else if (r.status === 429) out.small429++;
    else out.smallOther++;
  }
  stop = true;
  await Promise.all(loaders);
  samples.sort((a, b) => a - b);
  return { ...out, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), n: samples.length };
}

export async function benchParseFairness(): Promise<void> {
  // Encoded once, so the load generator spends its CPU on sending, not on UTF-8.
  const smallText = Buffer.from(smallParseInput());
  const largeText = Buffer.from(largeParseInput());
  const server = await startServer();
  try {
    const separate = await canBind(server.port, SMALL_ADDRESS);
    const small = client(server.port, separate ? SMALL_ADDRESS : LARGE_ADDRESS);
    const large = client(server.port, LARGE_ADDRESS);
    // Warm up: route compiled, workers started and warmed.
    for (let i = 0; i < 10; i++) await small.post(smallText);
    await Promise.all([large.post(largeText), large.post(largeText)]);

    const kb = (body: Buffer) => `${(body.length / 1024).toFixed(1)} KB`;
    console.log(
      `\nParse fairness: POST /api/hcl/parse, small client ${kb(smallText)} files one after another, large client ${kb(largeText)} files in loops`,
    );
    if (!separate)
      console.log(
        `  (cannot bind ${SMALL_ADDRESS}: both clients share ${LARGE_ADDRESS}, so the server sees one client)`,
      );
    const idle = await phase(small, large, smallText, largeText, 0);
    const row = (label: string, r: Phase) => {
      const ratio = r.p50 / idle.p50;
      const load =
        label === 'idle'
          ? ''
          : `   ×${ratio.toFixed(2)} idle p50 (target ≤ 2×)   large: ${r.largeDone} parsed, ${r.large429} × 429${r.largeOther ? `, ${r.largeOther} other` : ''}`;
      console.log(
        `  ${label.padEnd(24)} small p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms   (${r.n} ok, ${r.small429} × 429${r.smallOther ? `, ${r.smallOther} other` : ''})${load}`,
      );
    };
    row('idle', idle);
    row('1 loop of 1 MB files', await phase(small, large, smallText, largeText, 1));
    row('20 loops of 1 MB files', await phase(small, large, smallText, largeText, 20));
    small.close();
    large.close();
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && path.basename(process.argv[1]).startsWith('bench-parse-fairness')) {
  benchParseFairness().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
