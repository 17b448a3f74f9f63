import 'server-only';
/**
 * Writes the audit trail for connector changes and provision outcomes. A
 * change the tenant already accepted is never reported as failed because its
 * audit row could not be written: the failure is logged (without request
 * data) instead.
 */
import type { AlkiraConnector } from '@/lib/connector/alkira-types';
import type { Principal } from '@/lib/auth/session';
import { appendAuditEntry, appendAuditResult, type AuditAction, type AuditActor } from '@/lib/store/audit-log';
import { UNCONFIRMED } from './attempt';
import { createSummary, deleteSummary, updateSummary } from './summary';

export function actorOf(principal: Principal): AuditActor {
  return { id: principal.id, name: principal.name };
}

async function safely(what: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (err) {
    console.error(`[audit] could not record ${what}: ${err instanceof Error ? err.name : 'error'}`);
  }
}

export interface ConnectorChange {
  backend: string;
  actor: AuditActor;
  connectorId: number;
  connectorName: string;
  requestId: string | null;
}

export function auditConnectorCreate(
  change: ConnectorChange,
  created: AlkiraConnector,
  provisioned: boolean,
): Promise<void> {
  return record(change, 'create', createSummary(created, provisioned));
}

/** A create whose answer was lost (or the server died) and that the reconciler found applied and adopted. */
export function auditAdoptedCreate(
  change: ConnectorChange,
  found: AlkiraConnector,
  provisioned: boolean,
): Promise<void> {
  return record(
    change,
    'create',
    `${createSummary(found, provisioned)}; its answer was lost, the connector was found and adopted`,
  );
}

export function auditConnectorUpdate(
  change: ConnectorChange,
  before: AlkiraConnector,
  after: AlkiraConnector,
): Promise<void> {
  return record(change, 'update', updateSummary(before, after));
}

export function auditConnectorDelete(change: ConnectorChange, deleted: AlkiraConnector): Promise<void> {
  return record(change, 'delete', deleteSummary(deleted));
}

function record(change: ConnectorChange, action: AuditAction, summary: string): Promise<void> {
  return safely(`${action} of connector ${change.connectorId}`, () =>
    appendAuditEntry({
      backend: change.backend,
      actor: change.actor,
      action,
      targetType: 'connector',
      targetId: String(change.connectorId),
      targetName: change.connectorName,
      summary,
      requestId: change.requestId,
    }),
  );
}

/**
 * A create whose server process stopped (crash, kill, restart) after it wrote
 * its intent and before Alkira answered: who asked and for what, with the
 * outcome UNCONFIRMED. If Alkira did make the connector, the reconciler adopts
 * it and a create entry follows.
 */
export function auditInterruptedCreate(backend: string, actor: AuditActor, name: string, at: string): Promise<void> {
  return safely(`interrupted create of ${name}`, () =>
    appendAuditEntry({
      backend,
      actor,
      action: 'create',
      targetType: 'connector',
      targetId: '',
      targetName: name,
      summary: 'Not confirmed',
      requestId: null,
      failure: {
        state: UNCONFIRMED,
        detail: `The server stopped after sending this create (${at}) and before Alkira answered; if Alkira made the connector it is adopted and a create entry follows`,
      },
    }),
  );
}

/** Design changes in the workspace (`/api/designs...`): create, save (a new version, a merge too), adopt (live values as a version), reapply (the provisioned version sent again over drift), delete, restore. */
export function auditDesignChange(
  actor: AuditActor,
  action: Extract<AuditAction, 'create' | 'save' | 'delete' | 'restore' | 'adopt' | 'reapply'>,
  design: { id: number; name: string },
  summary: string,
): Promise<void> {
  return safely(`${action} of design ${design.id}`, () =>
    appendAuditEntry({
      backend: 'designs',
      actor,
      action,
      targetType: 'design',
      targetId: String(design.id),
      targetName: design.name,
      summary: summary.slice(0, 300),
      requestId: null,
    }),
  );
}

/** Called whenever the app learns a provision request's terminal state. */
export function auditProvisionResult(
  backend: string,
  requestId: string,
  state: string,
  errorMessage: string | null,
): Promise<void> {
  return safely(`result of ${requestId}`, () => appendAuditResult(backend, requestId, state, errorMessage));
}
