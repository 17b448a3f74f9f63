/**
 * The app's own record of the provisioning changes it started (create,
 * update, delete), for the dashboard's history and "last change" column.
 * Rows are keyed by backend (`AlkiraConfig.backendKey`) so emulator and
 * portal histories never mix.
 */
import { randomUUID } from 'node:crypto';
import { PROVISION_OPERATIONS, type ProvisionOperation } from '@/lib/connector/alkira-types';
import { getDb } from './db';

export type { ProvisionOperation };

export interface ProvisionHistoryEntry {
  connectorId: number;
  connectorName: string;
  operation: ProvisionOperation;
  /** Alkira's provision request id; null when the change was not provisioned or its response was lost. */
  requestId: string | null;
  state: string | null;
  errorMessage: string | null;
  createdAt: string;
  updatedAt: string;
}

export const TERMINAL_STATES = new Set(['SUCCESS', 'FAILED', 'PARTIAL_SUCCESS']);

const OPERATIONS: readonly string[] = PROVISION_OPERATIONS;

function toOperation(value: string): ProvisionOperation {
  if (!OPERATIONS.includes(value)) throw new Error(`provision_history holds an unknown operation "${value}"`);
  return value as ProvisionOperation;
}

interface Row {
  connector_id: number;
  connector_name: string;
  operation: string;
  request_id: string | null;
  state: string | null;
  error_message: string | null;
  created_at: string;
  updated_at: string;
}

function toEntry(r: Row): ProvisionHistoryEntry {
  return {
    connectorId: Number(r.connector_id),
    connectorName: r.connector_name,
    operation: toOperation(r.operation),
    requestId: r.request_id,
    state: r.state,
    errorMessage: r.error_message,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function recordProvisionRequest(
  backend: string,
  entry: {
    connectorId: number;
    connectorName: string;
    operation: ProvisionOperation;
    requestId: string | null;
    state: string | null;
  },
): Promise<void> {
  const now = new Date().toISOString();
  const db = await getDb();
  await db
    .insertInto('provision_history')
    .values({
      backend,
      connector_id: entry.connectorId,
      connector_name: entry.connectorName,
      operation: entry.operation,
      request_id: entry.requestId,
      state: entry.state,
      error_message: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/**
 * Stores a newer state for a request; only touches `updated_at` when something
 * changed. Answers the connector ids of the rows it changed (none: nothing new).
 */
export async function updateProvisionState(
  backend: string,
  requestId: string,
  state: string,
  errorMessage: string | null,
): Promise<number[]> {
  const db = await getDb();
  const rows = await db
    .updateTable('provision_history')
    .set({ state, error_message: errorMessage, updated_at: new Date().toISOString() })
    .where('backend', '=', backend)
    .where('request_id', '=', requestId)
    .where((eb) =>
      eb.or([
        eb('state', 'is', null),
        eb('state', '!=', state),
        errorMessage === null
          ? eb('error_message', 'is not', null)
          : eb.or([eb('error_message', 'is', null), eb('error_message', '!=', errorMessage)]),
      ]),
    )
    .returning('connector_id')
    .execute();
  return rows.map((r) => Number(r.connector_id));
}

/** Newest first. */
export async function historyForConnector(backend: string, connectorId: number): Promise<ProvisionHistoryEntry[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom('provision_history')
    .selectAll()
    .where('backend', '=', backend)
    .where('connector_id', '=', connectorId)
    .orderBy('seq', 'desc')
    .execute();
  return rows.map(toEntry);
}

/** The newest entry per connector. */
export async function latestByConnector(backend: string): Promise<Map<number, ProvisionHistoryEntry>> {
  const db = await getDb();
  const rows = await db
    .selectFrom('provision_history as h')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('provision_history')
          .select((s) => s.fn.max('seq').as('seq'))
          .where('backend', '=', backend)
          .groupBy('connector_id')
          .as('last'),
      (join) => join.onRef('last.seq', '=', 'h.seq'),
    )
    .selectAll('h')
    .execute();
  return new Map(rows.map((r) => [Number(r.connector_id), toEntry(r)]));
}

/** Requests the app started whose final state it has not seen yet (oldest first). */
export async function unsettledRequests(backend: string): Promise<ProvisionHistoryEntry[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom('provision_history')
    .selectAll()
    .where('backend', '=', backend)
    .where('request_id', 'is not', null)
    .where((eb) => eb.or([eb('state', 'is', null), eb('state', 'not in', [...TERMINAL_STATES])]))
    .orderBy('seq')
    .execute();
  return rows.map(toEntry);
}

/** True when the app has recorded a create for this connector. */
export async function hasRecordedCreate(backend: string, connectorId: number): Promise<boolean> {
  const db = await getDb();
  const row = await db
    .selectFrom('provision_history')
    .select('seq')
    .where('backend', '=', backend)
    .where('connector_id', '=', connectorId)
    .where('operation', '=', 'create')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * A create the app is about to send, written before the request leaves (a
 * write-ahead record): if the answer is lost or the server dies before it
 * records the result, the reconciler finds the connector by name later and
 * adopts it, so a committed create is never lost or duplicated.
 */
export interface CreateIntent {
  id: number;
  /** The server process that sent it (see `intentOwner`); null for old intents. */
  owner: string | null;
  /** The audit trail was told the create was interrupted. */
  noted: boolean;
  name: string;
  provision: boolean;
  createdAt: string;
  /** Who asked, when known. */
  actor: { id: string; name: string } | null;
}

const OWNER = Symbol.for('connector-studio.intent-owner');
type WithOwner = typeof globalThis & { [OWNER]?: string };

/** This server process's random id, written on the intents it opens (shared by every route bundle). */
export function intentOwner(): string {
  const g = globalThis as WithOwner;
  g[OWNER] ??= randomUUID();
  return g[OWNER];
}

export async function openCreateIntent(
  backend: string,
  name: string,
  provision: boolean,
  actor?: { id: string; name: string },
): Promise<number> {
  const db = await getDb();
  const row = await db
    .insertInto('create_intents')
    .values({
      backend,
      name,
      provision: provision ? 1 : 0,
      created_at: new Date().toISOString(),
      settled_at: null,
      outcome: null,
      actor_id: actor?.id ?? null,
      actor_name: actor?.name ?? null,
      owner: intentOwner(),
      noted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** `outcome`: 'created', 'adopted', 'refused' (a definite upstream 4xx) or 'absent' (never appeared). */
export async function settleCreateIntent(
  id: number,
  outcome: 'created' | 'adopted' | 'refused' | 'absent',
): Promise<void> {
  const db = await getDb();
  await db
    .updateTable('create_intents')
    .set({ settled_at: new Date().toISOString(), outcome })
    .where('id', '=', id)
    .where('settled_at', 'is', null)
    .execute();
}

/** Marks that the audit trail has the entry of an interrupted create; false when another process did it first. */
export async function noteInterruptedIntent(id: number): Promise<boolean> {
  const db = await getDb();
  const result = await db
    .updateTable('create_intents')
    .set({ noted_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('noted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function openCreateIntents(backend: string): Promise<CreateIntent[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom('create_intents')
    .selectAll()
    .where('backend', '=', backend)
    .where('settled_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    owner: r.owner ?? null,
    noted: r.noted_at !== null,
    name: r.name,
    provision: Number(r.provision) === 1,
    createdAt: r.created_at,
    actor: r.actor_id !== null ? { id: r.actor_id, name: r.actor_name ?? r.actor_id } : null,
  }));
}
