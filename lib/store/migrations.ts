/**
 * The store's migrations, in code (no migration folder to ship or trace).
 *
 * Adding a table:
 *   1. declare its row type in `schema.ts` and add it to `StoreSchema`;
 *   2. append a migration here under a new, later-sorting name
 *      (`'0003_audit_log'`); never edit or reorder one that has shipped;
 *   3. write it with the schema builder and the portable helpers below
 *      (`autoId` for an auto-increment key; text for times and JSON), so the
 *      same code runs on SQLite and PostgreSQL;
 *   4. put the table's queries in their own `lib/store/<table>.ts` using
 *      `getDb()`, and test them with `tests/store/` (both databases).
 * `getDb()` runs pending migrations once per process before the first query;
 * on PostgreSQL Kysely's Migrator takes an advisory lock, so several app
 * instances starting together apply each migration exactly once.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';

export type StoreDialect = 'sqlite' | 'postgres';

/** An auto-increment integer primary key column on either database: its type and constraint. */
function autoId(
  dialect: StoreDialect,
): ['serial' | 'integer', (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder] {
  return dialect === 'postgres'
    ? ['serial', (c) => c.primaryKey()]
    : ['integer', (c) => c.primaryKey().autoIncrement()];
}

export function storeMigrations(dialect: StoreDialect): Record<string, Migration> {
  const [idType, idConstraint] = autoId(dialect);
  return {
    // The provision history predates the store: `ifNotExists` adopts an
    // app.sqlite written by earlier versions, rows and all.
    '0001_provision_history': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('provision_history')
          .ifNotExists()
          .addColumn('seq', idType, idConstraint)
          .addColumn('backend', 'text', (c) => c.notNull())
          .addColumn('connector_id', 'integer', (c) => c.notNull())
          .addColumn('connector_name', 'text', (c) => c.notNull())
          .addColumn('operation', 'text', (c) => c.notNull())
          .addColumn('request_id', 'text')
          .addColumn('state', 'text')
          .addColumn('error_message', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('provision_history_connector')
          .ifNotExists()
          .on('provision_history')
          .columns(['backend', 'connector_id', 'seq'])
          .execute();
        await db.schema
          .createIndex('provision_history_request')
          .ifNotExists()
          .on('provision_history')
          .columns(['backend', 'request_id'])
          .execute();
      },
    },
    '0002_designs': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('designs')
          .addColumn('id', idType, idConstraint)
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('resource_name', 'text', (c) => c.notNull())
          .addColumn('latest_version', 'integer', (c) => c.notNull())
          .addColumn('connector_id', 'integer')
          .addColumn('provisioned_version', 'integer')
          .addColumn('backend', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('deleted_at', 'text')
          .execute();
        await db.schema.createIndex('designs_updated').on('designs').columns(['deleted_at', 'updated_at']).execute();
        await db.schema
          .createTable('design_versions')
          .addColumn('design_id', 'integer', (c) => c.notNull().references('designs.id').onDelete('cascade'))
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('design', 'text', (c) => c.notNull())
          .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('design_versions_pk', ['design_id', 'version'])
          .execute();
      },
    },
    '0003_audit_log': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('audit_log')
          .addColumn('id', idType, idConstraint)
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('backend', 'text', (c) => c.notNull())
          .addColumn('actor_id', 'text', (c) => c.notNull())
          .addColumn('actor_name', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('target_type', 'text', (c) => c.notNull())
          .addColumn('target_id', 'text', (c) => c.notNull())
          .addColumn('target_name', 'text', (c) => c.notNull())
          .addColumn('summary', 'text', (c) => c.notNull())
          .addColumn('request_id', 'text')
          .addColumn('state', 'text')
          .addColumn('detail', 'text')
          .addColumn('outcome_of', 'text')
          .execute();
        await db.schema
          .createIndex('audit_log_target')
          .on('audit_log')
          .columns(['target_type', 'target_id', 'id'])
          .execute();
        await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'id']).execute();
        await db.schema.createIndex('audit_log_request').on('audit_log').columns(['backend', 'request_id']).execute();
        // At most one result per provision request (NULLs, i.e. action rows, never collide).
        await db.schema
          .createIndex('audit_log_outcome')
          .unique()
          .on('audit_log')
          .columns(['backend', 'outcome_of'])
          .execute();
        // Append-only in the database too: any UPDATE or DELETE of a row fails.
        if (dialect === 'postgres') {
          await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
          await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
        } else {
          for (const op of ['UPDATE', 'DELETE']) {
            await sql
              .raw(
                `CREATE TRIGGER audit_log_no_${op.toLowerCase()} BEFORE ${op} ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
              )
              .execute(db);
          }
        }
      },
    },
    '0004_create_intents': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('create_intents')
          .addColumn('id', idType, idConstraint)
          .addColumn('backend', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('provision', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('settled_at', 'text')
          .addColumn('outcome', 'text')
          .execute();
        await db.schema
          .createIndex('create_intents_open')
          .on('create_intents')
          .columns(['backend', 'settled_at'])
          .execute();
      },
    },
    // Kept in app.sqlite by raw SQL before it moved into the store: `ifNotExists` adopts that table, rows and all.
    '0005_connector_labels': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('connector_labels')
          .ifNotExists()
          .addColumn('backend', 'text', (c) => c.notNull())
          .addColumn('connector_id', 'integer', (c) => c.notNull())
          .addColumn('resource_name', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('connector_labels_pk', ['backend', 'connector_id'])
          .execute();
      },
    },
    // A provision that was sent but has not reached SUCCESS yet: `provisioned_version`
    // moves only when its request succeeds (lib/services/summary.ts settles it).
    '0006_design_pending_provision': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('designs').addColumn('pending_version', 'integer').execute();
        await db.schema.alterTable('designs').addColumn('pending_request_id', 'text').execute();
        await db.schema
          .createIndex('designs_pending_request')
          .on('designs')
          .columns(['backend', 'pending_request_id'])
          .execute();
      },
    },
    '0007_sign_in_sessions': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('sign_in_sessions')
          .addColumn('session_hash', 'text', (c) => c.primaryKey())
          .addColumn('id_token', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sign_in_sessions_expiry').on('sign_in_sessions').column('expires_at').execute();
      },
    },
    // Who asked for a create, so one the reconciler adopts after a lost answer or a crash reaches the audit trail.
    '0008_create_intent_actor': {
      async up(db: Kysely<unknown>) {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        await db.schema.alterTable('create_intents').addColumn('actor_id', 'text').execute();
        await db.schema.alterTable('create_intents').addColumn('actor_name', 'text').execute();
      },
    },
    // The .tf file text a version was saved with (comments, layout, other blocks), next to its design JSON.
    // Nullable: versions saved before, or without a file, have none (the designer renders the design instead).
    '0009_design_version_hcl': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('design_versions').addColumn('hcl', 'text').execute();
      },
    },
    // Which server process wrote a create intent, and when the audit trail was told of one whose process died before
    // Alkira answered: such a create leaves an audit row (UNCONFIRMED) even if Alkira never made the connector.
    '0010_create_intent_owner': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('create_intents').addColumn('owner', 'text').execute();
        await db.schema.alterTable('create_intents').addColumn('noted_at', 'text').execute();
      },
    },
    // One row per workspace import ("Import .tf"): the hash of what was imported and the designs it made, so a retry
    // of the same import answers with those designs instead of making them again (lib/store/design-imports.ts).
    '0011_design_imports': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('design_imports')
          .addColumn('import_key', 'text', (c) => c.primaryKey())
          .addColumn('design_ids', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
  };
}
