/**
 * The audit trail's table on SQLite and PostgreSQL: entries with their
 * settled results, filters, at most one result per request, and append-only
 * enforced by the database itself.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, getStore } from '@/lib/store/db';
import { appendAuditEntry, appendAuditResult, auditFilterOptions, listAuditEntries } from '@/lib/store/audit-log';
import { postgresBackend, sqliteBackend } from './backends';

const OLIVIA = { id: 'olivia', name: 'Olivia Operator' };
const OTTO = { id: 'otto', name: 'Otto Oncall' };

for (const backend of [sqliteBackend(), postgresBackend()]) {
  describe(`audit log on ${backend.name}`, () => {
    beforeAll(async () => {
      await backend.use();
    });
    afterAll(async () => {
      await getStore().close();
      await backend.stop();
    });

    it('lists actions newest first, each with the result of its provision request once settled', async () => {
      const base = {
        backend: 'emulator',
        targetType: 'connector' as const,
        targetName: 'edge-1',
        summary: 'Created (LARGE)',
      };
      await appendAuditEntry({ ...base, actor: OLIVIA, action: 'create', targetId: '1', requestId: 'req-1' });
      await appendAuditEntry({
        ...base,
        actor: OTTO,
        action: 'update',
        targetId: '1',
        requestId: 'req-2',
        summary: 'Changed size',
      });
      await appendAuditEntry({
        ...base,
        actor: OTTO,
        action: 'create',
        targetId: '2',
        targetName: 'edge-2',
        requestId: null,
      });
      await appendAuditResult('emulator', 'req-1', 'SUCCESS', null);
      await appendAuditResult('emulator', 'req-1', 'FAILED', 'late duplicate'); // ignored: one result per request
      await appendAuditResult('emulator', 'req-unknown', 'SUCCESS', null); // ignored: not ours

      const all = await listAuditEntries();
      expect(all.map((e) => [e.actor.name, e.action, e.targetId, e.result?.state ?? null])).toEqual([
        ['Otto Oncall', 'create', '2', null],
        ['Otto Oncall', 'update', '1', null],
        ['Olivia Operator', 'create', '1', 'SUCCESS'],
      ]);
      expect((await listAuditEntries({ actorId: 'olivia' })).map((e) => e.action)).toEqual(['create']);
      expect((await listAuditEntries({ connectorId: '1' })).map((e) => e.actor.id)).toEqual(['otto', 'olivia']);
      expect((await listAuditEntries({ actorId: 'otto', connectorId: '1' })).map((e) => e.summary)).toEqual([
        'Changed size',
      ]);
      expect(await auditFilterOptions()).toEqual({
        users: [OLIVIA, OTTO],
        connectors: [
          { id: '1', name: 'edge-1' },
          { id: '2', name: 'edge-2' },
        ],
      });
    });

    it('refuses to change or delete a row', async () => {
      const db = await getDb();
      await expect(sql`UPDATE audit_log SET actor_name = 'someone else'`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
      expect((await listAuditEntries()).length).toBe(3);
    });
  });
}
