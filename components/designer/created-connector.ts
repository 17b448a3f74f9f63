/**
 * After a new design is created, the page switches to `/designer?connector=<id>`
 * (edit mode), which mounts a fresh designer. The create that is still being
 * provisioned is handed across here, so the new panel keeps following it
 * instead of starting blank. In memory only: a reload simply shows the connector.
 */
import type { SubmittedProvision } from '@/components/provisioning/provision-panel';

let pending: SubmittedProvision | null = null;

export function handOverCreated(submitted: SubmittedProvision): void {
  pending = submitted;
}

/** The create handed over for `connectorId`, if any (read during render: it does not consume it). */
export function createdFor(connectorId: number | undefined): SubmittedProvision | undefined {
  return connectorId !== undefined && pending?.connectorId === connectorId ? pending : undefined;
}

/** Once the edit-mode designer has taken it over, later visits start fresh. */
export function forgetCreated(connectorId: number): void {
  if (pending?.connectorId === connectorId) pending = null;
}
