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
  recordProvisionSent,
  restoreDesign,
  settlePendingProvisions,
  updateDesign,
} from '@/lib/store/designs';
import { recordProvisionRequest, updateProvisionState } from '@/lib/store/provision-history';
import { ipsecDesign, parsedDesign, PSK_DMZ, PSK_INTERNAL } from '../helpers/designs';
import { postgresBackend, sqliteBackend } from './backends';
import { tunnelOf } from '../helpers/design-parts';
import { at } from '../helpers/present';

/** A checked design named `name` (names here test search escaping, so they need not be Terraform labels). */
function design(name: string): ConnectorDesign {
  return { ...parsedDesign(ipsecDesign('store-test')), resource_name: name.replace(/\W/g, '_'), name };
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
      const tunnel = tunnelOf((await getDesign(id))!.design);
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
      expect(at(await listDesigns({ sort: 'updated' }), 0).name).toBe('mike_100%');
    });

    it('records the provisioned connector and version', async () => {
      const { id } = await createDesign(design('linked-edge'));
      expect(await recordProvisioned(id, 42, 2, 'emulator')).toBe(false); // no version 2 yet
      expect(await recordProvisioned(id, 42, 1, 'emulator')).toBe(true);
      const row = (await listDesigns({ q: 'linked-edge' }))[0];
      expect(row).toMatchObject({ connector_id: 42, provisioned_version: 1, backend: 'emulator' });
    });

    it('keeps a sent version pending until its request succeeds, and drops it when the request fails', async () => {
      const { id } = await createDesign(design('pending-edge'));
      await updateDesign(id, design('pending-edge'), 1);
      await recordProvisionRequest('emulator', {
        connectorId: 77,
        connectorName: 'pending-edge',
        operation: 'create',
        requestId: 'req-a',
        state: null,
      });
      expect(await recordProvisionSent(id, 77, 1, 'emulator', 'req-a')).toBe(true);
      expect(await getDesign(id)).toMatchObject({ connector_id: 77, provisioned_version: null, pending_version: 1 });
      await updateProvisionState('emulator', 'req-a', 'SUCCESS', null);
      expect(await settlePendingProvisions()).toBe(1);
      expect(await getDesign(id)).toMatchObject({ provisioned_version: 1, pending_version: null });

      // Another backend's request with the same id settles nothing here.
      await recordProvisionRequest('portal:x', {
        connectorId: 77,
        connectorName: 'pending-edge',
        operation: 'update',
        requestId: 'req-b',
        state: 'SUCCESS',
      });
      await recordProvisionRequest('emulator', {
        connectorId: 77,
        connectorName: 'pending-edge',
        operation: 'update',
        requestId: 'req-b',
        state: null,
      });
      await recordProvisionSent(id, 77, 2, 'emulator', 'req-b');
      expect(await getDesign(id)).toMatchObject({ provisioned_version: 1, pending_version: 2 });
      await updateProvisionState('emulator', 'req-b', 'FAILED', 'circuit rejected');
      // Settled lazily when the design is read.
      expect(await getDesign(id)).toMatchObject({ connector_id: 77, provisioned_version: 1, pending_version: null });

      // A request that already succeeded before the send was recorded settles at once.
      await recordProvisionRequest('emulator', {
        connectorId: 77,
        connectorName: 'pending-edge',
        operation: 'update',
        requestId: 'req-c',
        state: 'SUCCESS',
      });
      await recordProvisionSent(id, 77, 2, 'emulator', 'req-c');
      expect(await getDesign(id)).toMatchObject({ provisioned_version: 2, pending_version: null });

      // Sent to a different connector: nothing is provisioned there yet.
      await recordProvisionSent(id, 78, 2, 'emulator', 'req-d');
      expect(await getDesign(id)).toMatchObject({ connector_id: 78, provisioned_version: null, pending_version: 2 });
    });
  });
}
