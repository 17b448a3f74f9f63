/**
 * Asynchronous provisioning, driven by timestamps rather than timers: a
 * request's state is computed from the time elapsed since it was made, so it
 * survives restarts and needs no background loop. The outcome is decided when
 * the request is made (fail circuit) and revealed once its duration has passed.
 */
import { randomUUID } from 'node:crypto';
import type { ProvisionOperation } from '@/lib/connector/alkira-types';
import { emulatorConfig } from './config';
import {
  deleteConnector,
  dueDeletions,
  insertProvisionRequest,
  latestProvisionRequest,
  markProvisionApplied,
  nextTransitionAfter,
  transaction,
  type ProvisionRequestRow,
} from './store';

export type ProvisionState = 'PENDING' | 'IN_PROGRESS' | 'SUCCESS' | 'FAILED';

/** Share of the duration spent queued (PENDING) before work starts. */
const PENDING_SHARE = 0.2;

export function provisionStateAt(req: ProvisionRequestRow, now: number): { state: ProvisionState; changedAt: number } {
  const elapsed = now - req.createdAt;
  const startedAt = req.createdAt + Math.floor(req.durationMs * PENDING_SHARE);
  if (elapsed >= req.durationMs) return { state: req.outcome, changedAt: req.createdAt + req.durationMs };
  if (now >= startedAt && elapsed > 0) return { state: 'IN_PROGRESS', changedAt: startedAt };
  return { state: 'PENDING', changedAt: req.createdAt };
}

/** The provision request as the API shows it. */
export function provisionRequestJson(req: ProvisionRequestRow, now: number): Record<string, unknown> {
  const { state, changedAt } = provisionStateAt(req, now);
  const out: Record<string, unknown> = {
    id: req.id,
    state,
    operation: req.operation,
    connectorId: req.connectorId,
    createdAt: new Date(req.createdAt).toISOString(),
    updatedAt: new Date(changedAt).toISOString(),
  };
  if (state === 'FAILED') {
    out.errorDetails = { message: req.errorMessage ?? 'Provisioning failed', metadata: { contactSupport: false } };
  }
  return out;
}

/** Why provisioning this connector will fail, or null. The fail circuit stands in for an unreachable circuit. */
function failureFor(body: Record<string, unknown>, operation: ProvisionOperation): string | null {
  if (operation === 'delete') return null; // deletions always go through, so users can clean up
  const { failCircuit } = emulatorConfig();
  const instances = Array.isArray(body.instances) ? (body.instances as Array<Record<string, unknown>>) : [];
  for (const inst of instances) {
    const circuit = String(inst.expressRouteCircuitId ?? '');
    if (failCircuit && circuit.includes(failCircuit)) {
      return `Provisioning failed for instance "${String(inst.name)}": ExpressRoute circuit ${circuit} has no private peering or its authorization key was rejected by Azure`;
    }
  }
  return null;
}

/** Records a provision request for a change just committed, and returns it. */
export function startProvisioning(
  connectorId: number,
  operation: ProvisionOperation,
  body: Record<string, unknown>,
  now: number,
): ProvisionRequestRow {
  const failure = failureFor(body, operation);
  const req: Omit<ProvisionRequestRow, 'applied'> = {
    id: randomUUID(),
    connectorId,
    operation,
    createdAt: now,
    durationMs: emulatorConfig().provisionMs,
    outcome: failure ? 'FAILED' : 'SUCCESS',
    errorMessage: failure,
  };
  insertProvisionRequest(req);
  return { ...req, applied: false };
}

/** The connector's provision state: that of its latest provision request, or null if never provisioned. */
export function connectorProvisionState(connectorId: number, now: number): ProvisionState | null {
  const req = latestProvisionRequest(connectorId);
  return req ? provisionStateAt(req, now).state : null;
}

/**
 * Applies the effects of provision requests that have completed: a connector
 * marked for deletion disappears once its delete request succeeds. Called at
 * the start of every API request (cheap: one indexed query).
 */
export function settleProvisioning(now: number): void {
  const due = dueDeletions(now);
  if (due.length === 0) return;
  transaction(() => {
    for (const req of due) {
      // Only if this delete is still the connector's latest request (a later PUT would have revived it).
      const latest = latestProvisionRequest(req.connectorId);
      if (latest?.id === req.id) deleteConnector(req.connectorId);
      markProvisionApplied(req.id);
    }
  });
}

/**
 * When the next provision state change is scheduled (a request leaving
 * PENDING or finishing), after `now`; +Infinity when nothing is under way.
 * Lets an in-process cache of the emulator's data stay exactly coherent.
 */
export function nextStateChangeAfter(now: number): number {
  const t = nextTransitionAfter(now, PENDING_SHARE);
  return t ?? Number.POSITIVE_INFINITY;
}
