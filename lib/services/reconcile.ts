import 'server-only';
/**
 * Settles what a lost answer or a crash left open, so nothing the app started
 * stays unknown: create intents (adopt the connector if Alkira made it,
 * otherwise close them once they are old enough that no attempt can still be
 * running) and provision requests whose final state the app has not seen.
 * Runs at start-up and every few seconds (instrumentation.ts), and before the
 * dashboard's list, so a restarted server catches up without anyone watching.
 */
import { auditAdoptedCreate, auditInterruptedCreate } from '@/lib/audit/record';
import { clusterShared } from '@/lib/store/cluster-bus';
import { withClusterLock } from '@/lib/store/cluster-lock';
import type { AlkiraApi } from '@/lib/alkira/api';
import {
  hasRecordedCreate,
  intentOwner,
  noteInterruptedIntent,
  openCreateIntents,
  recordProvisionRequest,
  settleCreateIntent,
  unsettledRequests,
} from './history';
import { refreshed } from './summary';

/** An intent older than this whose connector never appeared did not create one (longer than any create's retries). */
const ABSENT_AFTER_MS = 5 * 60_000;

const IN_FLIGHT = Symbol.for('connector-studio.creates-in-flight');
type WithInFlight = typeof globalThis & { [IN_FLIGHT]?: Set<number> };

/** Intent ids whose create request is still running in this process (shared by every route bundle). */
export function createsInFlight(): Set<number> {
  const g = globalThis as WithInFlight;
  g[IN_FLIGHT] ??= new Set();
  return g[IN_FLIGHT];
}

export interface ReconcileReport {
  adopted: number;
  absent: number;
  refreshed: number;
}

/** The longest a create can take with every retry (another instance's intent younger than this may still be running). */
function longestCreateMs(api: AlkiraApi): number {
  const c = api.config;
  return (c.maxRetries + 1) * c.timeoutMs + c.maxRetries * c.retryMaxDelayMs;
}

export async function reconcile(api: AlkiraApi, now = Date.now()): Promise<ReconcileReport> {
  const backend = api.config.backendKey;
  const report: ReconcileReport = { adopted: 0, absent: 0, refreshed: 0 };
  const running = createsInFlight();
  // With several instances, another live instance may still be sending an intent it opened: leave it that long.
  const othersGraceMs = clusterShared() ? longestCreateMs(api) : 0;
  for (const intent of await openCreateIntents(backend)) {
    if (running.has(intent.id)) continue;
    if (intent.owner !== intentOwner() && now - Date.parse(intent.createdAt) < othersGraceMs) continue;
    let found: Awaited<ReturnType<AlkiraApi['adoptByName']>>;
    try {
      found = await api.adoptByName(intent.name, intent.provision);
    } catch {
      continue; // Alkira unavailable: try again next round
    }
    if (found) {
      const id = Number(found.data.id);
      if (Number.isFinite(id) && !(await hasRecordedCreate(backend, id))) {
        await recordProvisionRequest(backend, {
          connectorId: id,
          connectorName: intent.name,
          operation: 'create',
          requestId: found.provisionRequestId,
          state: null,
        });
        if (intent.actor) {
          const change = {
            backend,
            actor: intent.actor,
            connectorId: id,
            connectorName: intent.name,
            requestId: found.provisionRequestId,
          };
          await auditAdoptedCreate(change, found.data, intent.provision);
        }
        console.info(`[alkira] a create whose result was not recorded (connector ${id}) was found and adopted`);
      }
      await settleCreateIntent(intent.id, 'adopted');
      report.adopted++;
    } else {
      // Sent by a process that is gone (this one's own are in `running` until they end): the audit trail hears of it now.
      if (intent.owner !== intentOwner() && !intent.noted && (await noteInterruptedIntent(intent.id))) {
        await auditInterruptedCreate(
          backend,
          intent.actor ?? { id: 'unknown', name: 'Unknown' },
          intent.name,
          intent.createdAt,
        );
      }
      if (now - Date.parse(intent.createdAt) > ABSENT_AFTER_MS) {
        await settleCreateIntent(intent.id, 'absent');
        report.absent++;
      }
    }
  }
  for (const entry of await unsettledRequests(backend)) {
    const after = await refreshed(api, entry);
    if (after.state !== entry.state) report.refreshed++;
  }
  return report;
}

const SHARED = Symbol.for('connector-studio.reconcile-shared');
type WithShared = typeof globalThis & { [SHARED]?: { running?: Promise<ReconcileReport | null>; lastEnd: number } };

/**
 * A reconcile round shared by everyone who asks (the background loop, the
 * list): joins the round under way, and starts one only when the last ended
 * more than `minGapMs` ago, so a busy dashboard does not multiply rounds.
 * With several instances on one PostgreSQL only one of them reconciles at a
 * time (an advisory lock, lib/store/cluster-lock.ts): an instance that finds
 * another at it skips the round (null).
 */
export function reconcileShared(
  api: AlkiraApi,
  minGapMs = Number(process.env.CONNECTOR_STUDIO_RECONCILE_MS) || 3000,
): Promise<ReconcileReport | null> {
  const g = globalThis as WithShared;
  g[SHARED] ??= { lastEnd: 0 };
  const state = g[SHARED];
  if (state.running) return state.running;
  if (Date.now() - state.lastEnd < minGapMs) return Promise.resolve(null);
  state.running = withClusterLock('reconcile', () => reconcile(api))
    .then((r) => (r.ran ? r.value : null))
    .finally(() => {
      state.lastEnd = Date.now();
      state.running = undefined;
    });
  return state.running;
}
