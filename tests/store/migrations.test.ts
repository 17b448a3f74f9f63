/**
 * The store on both databases: migrations apply once (also when several app
 * instances start together against one PostgreSQL), an app.sqlite written
 * before the store existed is adopted with its rows, and the provision
 * history reads back what was recorded.
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, getStore, openStore, storeTarget } from '@/lib/store/db';
import { connectorLabel, forgetConnectorLabel, saveConnectorLabel } from '@/lib/store/connector-labels';
import {
  historyForConnector,
  latestByConnector,
  recordProvisionRequest,
  updateProvisionState,
} from '@/lib/store/provision-history';
import { postgresBackend, sqliteBackend } from './backends';
import { at } from '../helpers/present';

for (const backend of [sqliteBackend(), postgresBackend()]) {
  describe(`store on ${backend.name}`, () => {
    beforeAll(async () => {
      await backend.use();
    });
    afterAll(async () => {
      await getStore().close();
      await backend.stop();
    });

    it('creates every table on first use and applies each migration once across instances', async () => {
      const target = storeTarget();
      expect(target.dialect).toBe(backend.name);
      // Four "app instances" opening the same fresh database at the same moment.
      const stores = Array.from({ length: 4 }, () => openStore(target));
      await Promise.all(stores.map((s) => s.ready));
      const applied = await at(stores, 0)
        .db.selectFrom('kysely_migration' as never)
        .select('name' as never)
        .execute();
      expect(applied.map((r) => (r as { name: string }).name)).toEqual([
        '0001_provision_history',
        '0002_designs',
        '0003_audit_log',
        '0004_create_intents',
        '0005_connector_labels',
        '0006_design_pending_provision',
        '0007_sign_in_sessions',
        '0008_create_intent_actor',
        '0009_design_version_hcl',
        '0010_create_intent_owner',
        '0011_design_imports',
      ]);
      await Promise.all(stores.map((s) => s.close()));
      const db = await getDb();
      expect(await db.selectFrom('designs').selectAll().execute()).toEqual([]);
    });

    it('records provision requests and reads them back newest first', async () => {
      await recordProvisionRequest('emulator', {
        connectorId: 7,
        connectorName: 'a',
        operation: 'create',
        requestId: 'r1',
        state: null,
      });
      await recordProvisionRequest('emulator', {
        connectorId: 7,
        connectorName: 'a',
        operation: 'update',
        requestId: 'r2',
        state: null,
      });
      await recordProvisionRequest('portal:x', {
        connectorId: 7,
        connectorName: 'other backend',
        operation: 'delete',
        requestId: 'r3',
        state: null,
      });
      await updateProvisionState('emulator', 'r2', 'FAILED', 'circuit not found');
      const history = await historyForConnector('emulator', 7);
      expect(history.map((h) => [h.operation, h.requestId, h.state, h.errorMessage])).toEqual([
        ['update', 'r2', 'FAILED', 'circuit not found'],
        ['create', 'r1', null, null],
      ]);
      const latest = await latestByConnector('emulator');
      expect([...latest.keys()]).toEqual([7]);
      expect(latest.get(7)?.requestId).toBe('r2');
    });

    it('keeps the designed resource label per backend and connector, replaced on save and gone when forgotten', async () => {
      await saveConnectorLabel('emulator', 11, 'ha_config');
      await saveConnectorLabel('portal:x', 11, 'other_label');
      expect(await connectorLabel('emulator', 11)).toBe('ha_config');
      await saveConnectorLabel('emulator', 11, 'renamed_config');
      // A blank label never replaces a designed one.
      await saveConnectorLabel('emulator', 11, '  ');
      expect(await connectorLabel('emulator', 11)).toBe('renamed_config');
      await forgetConnectorLabel('emulator', 11);
      expect(await connectorLabel('emulator', 11)).toBeUndefined();
      expect(await connectorLabel('portal:x', 11)).toBe('other_label');
    });

    it('leaves updated_at alone when the state did not change', async () => {
      await updateProvisionState('emulator', 'r1', 'SUCCESS', null);
      const first = (await historyForConnector('emulator', 7)).find((h) => h.requestId === 'r1')!;
      await new Promise((r) => setTimeout(r, 5));
      await updateProvisionState('emulator', 'r1', 'SUCCESS', null);
      const again = (await historyForConnector('emulator', 7)).find((h) => h.requestId === 'r1')!;
      expect(again.updatedAt).toBe(first.updatedAt);
    });
  });
}

describe('an app.sqlite from before the store', () => {
  it('is adopted with its provision history', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cs-legacy-'));
    const legacy = new Database(path.join(dir, 'app.sqlite'));
    legacy.exec(`CREATE TABLE provision_history (seq INTEGER PRIMARY KEY AUTOINCREMENT, backend TEXT NOT NULL, connector_id INTEGER NOT NULL,
      connector_name TEXT NOT NULL, operation TEXT NOT NULL, request_id TEXT, state TEXT, error_message TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`);
    legacy
      .prepare(`INSERT INTO provision_history (backend, connector_id, connector_name, operation, request_id, state, error_message, created_at, updated_at)
      VALUES ('emulator', 3, 'old', 'create', 'req-old', 'SUCCESS', NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`)
      .run();
    legacy.close();
    delete process.env.DATABASE_URL;
    process.env.ALKIRA_DATA_DIR = dir;
    const history = await historyForConnector('emulator', 3);
    expect(history).toEqual([
      expect.objectContaining({ connectorName: 'old', requestId: 'req-old', state: 'SUCCESS' }),
    ]);
    await getStore().close();
  });

  it('is adopted with the connector labels it kept outside the store', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cs-legacy-'));
    const legacy = new Database(path.join(dir, 'app.sqlite'));
    legacy.exec(`CREATE TABLE connector_labels (backend TEXT NOT NULL, connector_id INTEGER NOT NULL, resource_name TEXT NOT NULL,
      PRIMARY KEY (backend, connector_id))`);
    legacy
      .prepare(
        `INSERT INTO connector_labels (backend, connector_id, resource_name) VALUES ('emulator', 4, 'ha_config')`,
      )
      .run();
    legacy.close();
    delete process.env.DATABASE_URL;
    process.env.ALKIRA_DATA_DIR = dir;
    expect(await connectorLabel('emulator', 4)).toBe('ha_config');
    await saveConnectorLabel('emulator', 4, 'ha_config_2');
    expect(await connectorLabel('emulator', 4)).toBe('ha_config_2');
    await getStore().close();
  });
});
