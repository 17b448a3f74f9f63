import 'server-only';
/**
 * `GET /api/activity`: the audit trail, filtered by user and connector, with
 * the results of provision requests still running when last seen brought up
 * to date first (so a settled provision shows its final state even if nobody
 * watched it finish).
 */
import type { AlkiraApi } from '@/lib/alkira/api';
import { fetchProvisionRequest, mapLimit } from '@/lib/services/summary';
import { ApiError } from '@/lib/http/response';
import { auditFilterOptions, listAuditEntries, type AuditEntry, type AuditQuery } from '@/lib/store/audit-log';

const MAX_REFRESH = 10;

export function parseActivityQuery(url: URL): AuditQuery {
  const user = url.searchParams.get('user')?.trim() || undefined;
  const connector = url.searchParams.get('connector')?.trim() || undefined;
  if (user !== undefined && user.length > 256) throw new ApiError(400, 'user must be at most 256 characters');
  if (connector !== undefined && !/^\d{1,15}$/.test(connector)) throw new ApiError(400, 'connector must be a connector id (a positive integer)');
  const limitRaw = url.searchParams.get('limit');
  const limit = limitRaw === null ? undefined : Number(limitRaw);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 1000)) throw new ApiError(400, 'limit must be an integer from 1 to 1000');
  return { actorId: user, connectorId: connector, limit };
}

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
