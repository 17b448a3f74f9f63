import 'server-only';
/** One quick, un-retried probe of the Alkira API for `GET /api/health`. */
import { AlkiraClient } from '@/lib/alkira/client';
import type { AlkiraConfig } from '@/lib/alkira/config';
import type { BackendInfo } from '@/lib/contract';
import { backendInfo } from './connectors';
import { AlkiraHttpError } from '@/lib/alkira/errors';

export interface HealthReport {
  ok: boolean;
  backend: BackendInfo;
  upstream: { reachable: boolean; latencyMs: number; status?: number; error?: string };
}

export async function checkHealth(config: AlkiraConfig): Promise<HealthReport> {
  const client = new AlkiraClient({ ...config, maxRetries: 0 });
  const started = performance.now();
  const backend = backendInfo(config);
  try {
    const res = await client.request('GET', '/tenantnetworksummaries');
    return {
      ok: true,
      backend,
      upstream: { reachable: true, latencyMs: Math.round(performance.now() - started), status: res.status },
    };
  } catch (err) {
    const latencyMs = Math.round(performance.now() - started);
    // An HTTP answer (even 401) proves the upstream is reachable; it is still not usable.
    if (err instanceof AlkiraHttpError) {
      return { ok: false, backend, upstream: { reachable: true, latencyMs, status: err.status, error: err.message } };
    }
    return {
      ok: false,
      backend,
      upstream: { reachable: false, latencyMs, error: err instanceof Error ? err.message : 'unreachable' },
    };
  }
}
