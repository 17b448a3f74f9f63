/**
 * The app's provision history of a seeded demo tenant
 * (lib/emulator/demo-tenant.ts): the requests the seed wrote into the
 * emulator, recorded as if the app had made them, so a seeded connector shows
 * what a real one would — its create, its later change, and for a FAILED one
 * the error — in its dashboard row and on its detail page.
 */
import { getDb } from './db';

export interface SeededRequest {
  connectorId: number;
  connectorName: string;
  operation: 'create' | 'update';
  requestId: string;
  state: string;
  errorMessage: string | null;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
}

/** Appends the requests (oldest first per connector) to the history of `backend`, in one transaction. */
export async function recordSeededHistory(backend: string, requests: readonly SeededRequest[]): Promise<void> {
  if (requests.length === 0) return;
  const db = await getDb();
  const rows = requests.map((r) => ({
    backend,
    connector_id: r.connectorId,
    connector_name: r.connectorName,
    operation: r.operation,
    request_id: r.requestId,
    state: r.state,
    error_message: r.errorMessage,
    created_at: new Date(r.createdAt).toISOString(),
    updated_at: new Date(r.updatedAt).toISOString(),
  }));
  await db.transaction().execute(async (tx) => {
    // Chunks: SQLite takes at most 32,766 parameters a statement (9 a row).
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .insertInto('provision_history')
        .values(rows.slice(i, i + 500))
        .execute();
  });
}
