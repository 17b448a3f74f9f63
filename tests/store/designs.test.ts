/**
 * The design store on SQLite and PostgreSQL: versions, the compare-and-set
 * that refuses a stale base version, soft delete and undo, search and sort,
 * the provisioned link, and secrets encrypted at rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorDesign } from '@/lib/connector/design';
import { getStore } from '@/lib/store/db';
import {
  createDesign,
  deleteDesign,
  getDesign,
  listDesigns,
  listVersions,
  rawVersionRow,
  recordProvisioned,
  restoreDesign,
  updateDesign,
} from '@/lib/store/designs';
import { ipsecDesign, PSK_DMZ, PSK_INTERNAL } from '../api/support';
import { postgresBackend, sqliteBackend } from './backends';

function design(name: string): ConnectorDesign {
  return ipsecDesign(name) as unknown as ConnectorDesign;
}

for (const backend of [sqliteBackend(), postgresBackend()]) {
  describe(`designs on ${backend.name}`, () => {
    beforeAll(async () => {
      await backend.use();
      process.env.CONNECTOR_STUDIO_SECRET = 'store-test-secret';
    });
    afterAll(async () => {
      delete process.env.CONNECTOR_STUDIO_SECRET;
      await getStore().close();
      await backend.stop();
    });

    it('keeps every version and refuses a save based on a stale version', async () => {
      const { id, version } = await createDesign(design('alpha-edge'), 'first draft');
      expect(version).toBe(1);
      const changed = { ...design('alpha-edge'), size: 'LARGE' };
      expect(await updateDesign(id, changed, 1, 'bigger')).toEqual({ ok: true, version: 2 });
      // A second editor still on version 1:
      const stale = await updateDesign(id, { ...design('alpha-edge'), description: 'mine' }, 1, 'late');
      expect(stale.ok).toBe(false);
      if (!stale.ok && stale.reason === 'stale') {
        expect(stale.latest.version).toBe(2);
        expect(stale.latest.design.size).toBe('LARGE');
      } else throw new Error('expected a stale result');
      expect((await listVersions(id))?.map((v) => [v.version, v.note])).toEqual([
        [2, 'bigger'],
        [1, 'first draft'],
      ]);
      expect((await getDesign(id, 1))?.design.size).toBe('2LARGE');
    });

    it('lets exactly one of two concurrent saves on the same base win', async () => {
      const { id } = await createDesign(design('race-edge'));
      const results = await Promise.all([
        updateDesign(id, { ...design('race-edge'), size: 'LARGE' }, 1),
        updateDesign(id, { ...design('race-edge'), size: 'SMALL' }, 1),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect((await listVersions(id))?.length).toBe(2);
    });

    it('stores pre-shared keys and remote auth values encrypted, and reads them back', async () => {
      const { id } = await createDesign(design('secret-edge'));
      const raw = (await rawVersionRow(id, 1))!;
      expect(raw).not.toContain(PSK_DMZ);
      expect(raw).not.toContain(PSK_INTERNAL);
      expect(raw).not.toContain('primary-tunnel.example.com');
      expect(raw).toContain('enc:v1:');
      const tunnel = (await getDesign(id))!.design.instances[0].ipsec_customer_gateway![0].customer_gateway[0].tunnel[0];
      expect(tunnel.pre_shared_key).toBe(PSK_DMZ);
      expect(tunnel.remote_auth_value).toBe('primary-tunnel.example.com');
    });

    it('soft-deletes and restores', async () => {
      const { id } = await createDesign(design('gone-edge'));
      expect(await deleteDesign(id)).toBe(true);
      expect(await getDesign(id)).toBeNull();
      expect((await listDesigns()).some((d) => d.id === id)).toBe(false);
      expect(await restoreDesign(id)).toBe(true);
      expect((await getDesign(id))?.design.name).toBe('gone-edge');
    });

    it('searches by name (case-insensitive, % taken literally) and sorts', async () => {
      await createDesign(design('Zulu-west'));
      await createDesign(design('mike_100%'));
      const names = (await listDesigns({ q: 'EDGE', sort: 'name' })).map((d) => d.name);
      expect(names).toEqual(['alpha-edge', 'gone-edge', 'race-edge', 'secret-edge']);
      expect((await listDesigns({ q: '100%' })).map((d) => d.name)).toEqual(['mike_100%']);
      expect((await listDesigns({ q: '0%' })).map((d) => d.name)).toEqual(['mike_100%']);
      expect((await listDesigns({ q: 'x%y' })).length).toBe(0);
      const byName = (await listDesigns({ sort: 'name', order: 'desc' })).map((d) => d.name);
      expect(byName[0]).toBe('Zulu-west');
      expect((await listDesigns({ sort: 'updated' }))[0].name).toBe('mike_100%');
    });

    it('records the provisioned connector and version', async () => {
      const { id } = await createDesign(design('linked-edge'));
      expect(await recordProvisioned(id, 42, 2, 'emulator')).toBe(false); // no version 2 yet
      expect(await recordProvisioned(id, 42, 1, 'emulator')).toBe(true);
      const row = (await listDesigns({ q: 'linked-edge' }))[0];
      expect(row).toMatchObject({ connector_id: 42, provisioned_version: 1, backend: 'emulator' });
    });
  });
}
