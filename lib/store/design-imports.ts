/**
 * A workspace import ("Import .tf", `POST /api/designs/import`): every design
 * of the file in ONE transaction, so either all of them are stored or none.
 *
 * A retry never makes duplicates, in two ways:
 * - the same import again (same file text, same chosen connectors — the
 *   import key) answers with the designs the first one made (`replayed`), as
 *   long as they all still exist: an import whose answer was lost can simply
 *   be sent again;
 * - a different import naming a connector the workspace already has a design
 *   for (a live design with the same connector `name`: names are unique in an
 *   Alkira tenant, so it would be the same connector) is refused as a
 *   `conflict` naming those designs; the engineer opens them and saves a new
 *   version instead.
 *
 * Concurrent imports are serialised: on PostgreSQL by a transaction-scoped
 * advisory lock, on SQLite by the write lock the first statement (the key's
 * row) takes.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { ConnectorDesign } from '@/lib/connector/design';
import { getDb, getStore } from './db';
import { insertNewDesign } from './designs';
import { sealDesign } from './secrets';

export interface ImportedDesignRef {
  id: number;
  name: string;
  resource_name: string;
}

export type ImportResult =
  | { kind: 'created'; designs: ImportedDesignRef[] }
  | { kind: 'replayed'; designs: ImportedDesignRef[] }
  | { kind: 'conflict'; existing: ImportedDesignRef[] };

/** What makes two imports the same: the file's text and which of its connectors were chosen (order aside). */
export function importKey(fileText: string, resourceNames: readonly string[]): string {
  const hash = createHash('sha256');
  hash.update(fileText);
  hash.update('\u0000');
  hash.update(JSON.stringify([...resourceNames].sort()));
  return hash.digest('hex');
}

/** Arbitrary but fixed: the advisory lock every import takes on PostgreSQL. */
const IMPORT_LOCK = 0x43_53_49_4d; // "CSIM"

class Conflict extends Error {
  constructor(readonly existing: ImportedDesignRef[]) {
    super('conflict');
  }
}

const refOf = (r: { id: number; name: string; resource_name: string }): ImportedDesignRef => ({
  id: Number(r.id),
  name: r.name,
  resource_name: r.resource_name,
});

/**
 * Stores `designs` (validated by the caller) as new designs at version 1, each
 * noted `note`, all or none; see the module comment for `replayed` and `conflict`.
 */
export async function importDesigns(
  key: string,
  designs: readonly ConnectorDesign[],
  note: string,
): Promise<ImportResult> {
  const db = await getDb();
  const postgres = getStore().dialect === 'postgres';
  const at = new Date().toISOString();
  try {
    return await db.transaction().execute(async (tx): Promise<ImportResult> => {
      if (postgres) await sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(tx);
      // A write first: on SQLite it takes the write lock before anything is read.
      const claimed = await tx
        .insertInto('design_imports')
        .values({ import_key: key, design_ids: '[]', created_at: at })
        .onConflict((oc) => oc.column('import_key').doNothing())
        .executeTakeFirst();
      if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) {
        const previous = await tx
          .selectFrom('design_imports')
          .select('design_ids')
          .where('import_key', '=', key)
          .executeTakeFirstOrThrow();
        const ids = (JSON.parse(previous.design_ids) as unknown[]).map(Number);
        const live = ids.length
          ? await tx
              .selectFrom('designs')
              .select(['id', 'name', 'resource_name'])
              .where('id', 'in', ids)
              .where('deleted_at', 'is', null)
              .execute()
          : [];
        if (ids.length > 0 && live.length === ids.length) {
          const byId = new Map(live.map((r) => [Number(r.id), refOf(r)]));
          return { kind: 'replayed', designs: ids.map((id) => byId.get(id)!) };
        }
        // Some of them were deleted since: the import counts as new (the name check below still guards the rest).
      }
      const names = designs.map((d) => d.name);
      const taken = await tx
        .selectFrom('designs')
        .select(['id', 'name', 'resource_name'])
        .where('name', 'in', names)
        .where('deleted_at', 'is', null)
        .orderBy('id')
        .execute();
      if (taken.length > 0) throw new Conflict(taken.map(refOf));

      const created: ImportedDesignRef[] = [];
      for (const design of designs) {
        const id = await insertNewDesign(tx, JSON.stringify(sealDesign(design)), design, note, null, at);
        created.push({ id, name: design.name, resource_name: design.resource_name });
      }
      await tx
        .updateTable('design_imports')
        .set({ design_ids: JSON.stringify(created.map((d) => d.id)), created_at: at })
        .where('import_key', '=', key)
        .execute();
      return { kind: 'created', designs: created };
    });
  } catch (err) {
    // Thrown inside the transaction so that it rolls back (the key's row included).
    if (err instanceof Conflict) return { kind: 'conflict', existing: err.existing };
    throw err;
  }
}
