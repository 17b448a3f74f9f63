/**
 * The audit trail's queries (table: `audit_log`, see schema.ts). Inserts
 * only: an action row per change, and at most one result row per provision
 * request (a unique index makes a second, concurrent one a no-op).
 */
import { getDb } from './db';

/** `provision`: a design's provision that failed before it was known whether it would create or update. */
export type AuditAction = 'create' | 'update' | 'delete' | 'save' | 'restore' | 'provision' | 'adopt' | 'reapply';
export type AuditTargetType = 'connector' | 'design';

export interface AuditActor {
  id: string;
  name: string;
}

export interface NewAuditEntry {
  backend: string;
  actor: AuditActor;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  targetName: string;
  summary: string;
  requestId: string | null;
  /** An attempt that did not happen: its result, on the action row itself (no provision request follows). */
  failure?: { state: string; detail: string };
}

export interface AuditResult {
  state: string;
  detail: string | null;
  at: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  backend: string;
  actor: AuditActor;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  targetName: string;
  summary: string;
  requestId: string | null;
  /**
   * The provision request's final state, once it settled, or why the attempt
   * failed (REJECTED, FAILED, UNCONFIRMED; no request id); null while running
   * or when nothing was provisioned.
   */
  result: AuditResult | null;
}

export async function appendAuditEntry(entry: NewAuditEntry): Promise<void> {
  const db = await getDb();
  await db
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      backend: entry.backend,
      actor_id: entry.actor.id,
      actor_name: entry.actor.name,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      target_name: entry.targetName,
      summary: entry.summary,
      request_id: entry.requestId,
      state: entry.failure?.state ?? null,
      detail: entry.failure?.detail ?? null,
      outcome_of: null,
    })
    .execute();
}

/** Records how a provision request ended, once; ignores requests no audit entry started. */
export async function appendAuditResult(
  backend: string,
  requestId: string,
  state: string,
  detail: string | null,
): Promise<void> {
  const db = await getDb();
  const origin = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('backend', '=', backend)
    .where('request_id', '=', requestId)
    .where('outcome_of', 'is', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!origin) return;
  await db
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      backend,
      actor_id: origin.actor_id,
      actor_name: origin.actor_name,
      action: 'result',
      target_type: origin.target_type,
      target_id: origin.target_id,
      target_name: origin.target_name,
      summary: '',
      request_id: requestId,
      state,
      detail,
      outcome_of: requestId,
    })
    .onConflict((oc) => oc.columns(['backend', 'outcome_of']).doNothing())
    .execute();
}

export interface AuditQuery {
  actorId?: string;
  connectorId?: string;
  limit?: number;
}

const ACTIONS: readonly string[] = [
  'create',
  'update',
  'delete',
  'save',
  'restore',
  'provision',
  'adopt',
  'reapply',
] satisfies AuditAction[];

/** Action rows, newest first, each with its result when settled. */
export async function listAuditEntries(query: AuditQuery = {}): Promise<AuditEntry[]> {
  const db = await getDb();
  let q = db.selectFrom('audit_log').selectAll().where('outcome_of', 'is', null);
  if (query.actorId) q = q.where('actor_id', '=', query.actorId);
  if (query.connectorId) q = q.where('target_type', '=', 'connector').where('target_id', '=', query.connectorId);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(Math.min(Math.max(query.limit ?? 200, 1), 1000))
    .execute();
  const requestIds = [...new Set(rows.map((r) => r.request_id).filter((id): id is string => id !== null))];
  const results = requestIds.length
    ? await db
        .selectFrom('audit_log')
        .select(['backend', 'outcome_of', 'state', 'detail', 'at'])
        .where('outcome_of', 'in', requestIds)
        .execute()
    : [];
  const resultFor = new Map(results.map((r) => [`${r.backend}\u0000${r.outcome_of}`, r]));
  return rows
    .filter((r) => ACTIONS.includes(r.action))
    .map((r) => {
      const res = r.request_id ? resultFor.get(`${r.backend}\u0000${r.request_id}`) : r.state ? r : undefined;
      return {
        id: Number(r.id),
        at: r.at,
        backend: r.backend,
        actor: { id: r.actor_id, name: r.actor_name },
        action: r.action as AuditAction,
        targetType: r.target_type === 'design' ? 'design' : 'connector',
        targetId: r.target_id,
        targetName: r.target_name,
        summary: r.summary,
        requestId: r.request_id,
        result: res ? { state: res.state ?? '', detail: res.detail, at: res.at } : null,
      };
    });
}

/** Everyone and every connector that appears in the trail (for the filters), by latest name. */
export async function auditFilterOptions(): Promise<{
  users: AuditActor[];
  connectors: Array<{ id: string; name: string }>;
}> {
  const db = await getDb();
  // Grouped in the database (latest row per user / connector, on the actor and target indexes): the trail only
  // grows, and reading all of it on every request would hold the event loop for as long as it takes.
  const latestPerUser = db
    .selectFrom('audit_log')
    .select(['actor_id', (eb) => eb.fn.max('id').as('last_id')])
    .where('outcome_of', 'is', null)
    .groupBy('actor_id');
  const latestPerConnector = db
    .selectFrom('audit_log')
    .select(['target_id', (eb) => eb.fn.max('id').as('last_id')])
    .where('outcome_of', 'is', null)
    .where('target_type', '=', 'connector')
    // A create that failed has no connector to filter by.
    .where('target_id', 'is not', null)
    .where('target_id', '!=', '')
    .groupBy('target_id');
  const userRows = await db
    .selectFrom('audit_log')
    .innerJoin(latestPerUser.as('latest'), 'latest.last_id', 'audit_log.id')
    .select(['audit_log.actor_id', 'audit_log.actor_name'])
    .execute();
  const connectorRows = await db
    .selectFrom('audit_log')
    .innerJoin(latestPerConnector.as('latest'), 'latest.last_id', 'audit_log.id')
    .select(['audit_log.target_id', 'audit_log.target_name'])
    .execute();
  const users = new Map<string, string>(userRows.map((r) => [r.actor_id, r.actor_name]));
  const connectors = new Map<string, string>(
    connectorRows.flatMap((r) => (r.target_id ? [[r.target_id, r.target_name] as [string, string]] : [])),
  );
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    users: [...users].map(([id, name]) => ({ id, name })).sort(byName),
    connectors: [...connectors].map(([id, name]) => ({ id, name })).sort(byName),
  };
}

/** Who saved `version` of design `id` (its create, save or adopt row); null when the trail does not say. */
export async function versionAuthor(id: number, version: number): Promise<AuditActor | null> {
  const db = await getDb();
  const row = await db
    .selectFrom('audit_log')
    .select(['actor_id', 'actor_name'])
    .where('target_type', '=', 'design')
    .where('target_id', '=', String(id))
    .where('outcome_of', 'is', null)
    .where((eb) =>
      eb.or(
        [`Created version ${version}`, `Saved version ${version}`].flatMap((head) => [
          eb('summary', '=', head),
          eb('summary', 'like', `${head}:%`),
        ]),
      ),
    )
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? { id: row.actor_id, name: row.actor_name } : null;
}
