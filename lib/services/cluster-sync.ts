import 'server-only';
/**
 * What this instance does with the other instances' messages (several app
 * instances on one PostgreSQL, lib/store/cluster-bus.ts): their dashboard
 * events reach this process's open streams, the provision requests they start
 * are watched here too (so a dashboard open here follows them even when nobody
 * watches on the instance that started them), and their cache invalidations
 * drop the same caches here. After the listener reconnects (messages may have
 * been missed) every cache is dropped. Started once per process
 * (instrumentation.ts).
 */
import { listenToCluster, onClusterMessage, type ClusterMessage } from '@/lib/store/cluster-bus';
import { invalidateLocal } from './cache';
import { deliverAnnounced, type DashboardEvent, trackRequest } from './events';

const STARTED = Symbol.for('connector-studio.cluster-sync');
type Holder = { [STARTED]?: Promise<void> };

function isEvent(value: unknown): value is DashboardEvent {
  if (!value || typeof value !== 'object') return false;
  const e = value as { type?: unknown; data?: unknown };
  if (!e.data || typeof e.data !== 'object') return false;
  const data = e.data as Record<string, unknown>;
  if (typeof data.connectorId !== 'number') return false;
  if (e.type === 'state') return typeof data.requestId === 'string' && typeof data.state === 'string';
  return e.type === 'connector' && typeof data.action === 'string';
}

export function handleClusterMessage(message: ClusterMessage): void {
  switch (message.kind) {
    case 'event':
      if (typeof message.backend === 'string' && isEvent(message.event))
        deliverAnnounced(message.backend, message.event);
      return;
    case 'track':
      if (
        typeof message.backend === 'string' &&
        typeof message.requestId === 'string' &&
        typeof message.connectorId === 'number'
      ) {
        trackRequest(message.backend, message.requestId, message.connectorId, false);
      }
      return;
    case 'invalidate':
      invalidateLocal(typeof message.cache === 'string' ? message.cache : undefined);
      return;
    case 'resync':
      invalidateLocal();
      return;
  }
}

/** Starts listening to the other instances (PostgreSQL only; once per process); resolves when listening. */
export function startClusterSync(): Promise<void> {
  const g = globalThis as Holder;
  if (!g[STARTED]) {
    onClusterMessage(handleClusterMessage);
    g[STARTED] = listenToCluster();
  }
  return g[STARTED];
}
