import 'server-only';
/**
 * `GET /api/activity`: the audit trail, filtered by user and connector, with
 * the results of provision requests still running when last seen brought up
 * to date first (so a settled provision shows its final state even if nobody
 * watched it finish).
 */
import type { AlkiraApi } from '@/lib/alkira/api';
import { fetchProvisionRequest, mapLimit } from '@/lib/services/summary';
import { auditFilterOptions, listAuditEntries, type AuditEntry, type AuditQuery } from '@/lib/store/audit-log';

const MAX_REFRESH = 10;

function unsettled(entries: AuditEntry[], backend: string): string[] {
  return entries.filter((e) => e.requestId && !e.result && e.backend === backend).map((e) => e.requestId as string);
}

export async function listActivity(api: AlkiraApi, query: AuditQuery) {
  let entries = await listAuditEntries(query);
  const pending = unsettled(entries, api.config.backendKey).slice(0, MAX_REFRESH);
  if (pending.length > 0) {
    // fetchProvisionRequest records the result when the request has settled; the upstream may be down (then: as last known).
    await mapLimit(pending, 4, (id) => fetchProvisionRequest(api, id).catch(() => null));
    entries = await listAuditEntries(query);
  }
  return { entries, ...(await auditFilterOptions()) };
}
