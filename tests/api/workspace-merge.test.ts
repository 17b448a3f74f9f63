/**
 * The merge of a stale save and adopting live values, over real HTTP against
 * the production server (SQLite): the 409 carries the merge proposal; a save
 * with resolutions stores the merge with both authors in the note and theirs'
 * file comments; an unresolved conflict or a still newer version is another
 * 409 and saves nothing; no answer carries a key or tells whether a typed one
 * is right; drift → adopt makes the live values the provisioned version and
 * the drift clears; re-applying the provisioned version clears it too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { designWithFile } from '../helpers/design-file';
import { ipsecDesign, PSK_DMZ, PSK_INTERNAL } from '../helpers/designs';
import { call, CONNECTORS_PATH, emulator, TEST_ENV, waitForProvision } from './support';

const TUNNEL0 = ['instances', 0, 'ipsec_customer_gateway', 0, 'customer_gateway', 0, 'tunnel', 0];
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ ...TEST_ENV, CONNECTOR_STUDIO_SECRET: 'merge-test-secret-0123456789abcdef' });
});
afterAll(async () => {
  await server?.stop();
});

async function storedAt(id: number, version?: number) {
  return (await call(server, 'GET', `/api/designs/${id}${version ? `?version=${version}` : ''}`)).body;
}

describe('merging a stale save', () => {
  it('proposes the merge in the 409, and saves it with a choice per conflict, both notes and theirs’ comments', async () => {
    const { design, hcl } = designWithFile('merge-api');
    const id = (await call(server, 'POST', '/api/designs', { design, note: 'start', hcl })).body.id;
    const v1 = await storedAt(id);

    // Alice saves version 2: a size change (her file keeps its comments) and a new description.
    const alice = { ...structuredClone(v1.design), size: 'LARGE', description: 'Alice' };
    const aliceFile = String(v1.hcl)
      .replace('"2LARGE" # sized for the DMZ peak', '"LARGE" # sized for the DMZ peak')
      .replace('# Keys come', '# Alice was here\n# Keys come');
    expect(
      (
        await call(server, 'PUT', `/api/designs/${id}`, {
          design: alice,
          base_version: 1,
          note: 'Alice: larger',
          hcl: aliceFile,
        })
      ).status,
    ).toBe(200);

    // Bob, still on version 1, changes the group and the description, and types a tunnel's key.
    const bob = { ...structuredClone(v1.design), group: 'networking', description: 'Bob' };
    bob.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].pre_shared_key = PSK_DMZ;
    const stale = await call(server, 'PUT', `/api/designs/${id}`, { design: bob, base_version: 1, note: 'Bob: group' });
    expect(stale.status).toBe(409);
    const merge = stale.body.merge;
    expect(merge).toMatchObject({ base_version: 1, theirs_version: 2, file: 'kept' });
    expect(merge.theirs_author).toEqual(expect.any(String));
    expect(merge.theirs_changes.map((c: { path: string }) => c.path).sort()).toEqual(['description', 'size']);
    expect(merge.mine_changes.map((c: { path: string }) => c.path).sort()).toEqual([
      'description',
      'group',
      `${TUNNEL0.join('.')}.pre_shared_key`,
    ]);
    expect(merge.conflicts).toEqual([
      { id: '["description"]', path: ['description'], kind: 'attribute', theirs: 'Alice', mine: 'Bob' },
    ]);
    expect(merge.merged).toMatchObject({ size: 'LARGE', group: 'networking', description: 'Alice' });
    // The typed key (equal to the stored one) is not compared: it is simply Bob's change, shown as a secret.
    expect(stale.text).not.toContain(PSK_DMZ);
    expect(stale.text).not.toContain(PSK_INTERNAL);

    // Without a choice for the conflict: 409 again, nothing saved.
    const unresolved = await call(server, 'PUT', `/api/designs/${id}`, {
      design: bob,
      base_version: 1,
      note: 'Bob: group',
      merge: { theirs_version: 2, resolutions: {} },
    });
    expect(unresolved.status).toBe(409);
    expect(unresolved.body.error).toMatch(/1 conflict with version 2 needs a choice/);
    expect((await storedAt(id)).version).toBe(2);
    // A wrong shape is a 400 naming the field.
    const wrong = await call(server, 'PUT', `/api/designs/${id}`, {
      design: bob,
      base_version: 1,
      merge: { theirs_version: 2, resolutions: { '["description"]': 'both' } },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatch(/merge/);

    const saved = await call(server, 'PUT', `/api/designs/${id}`, {
      design: bob,
      base_version: 1,
      note: 'Bob: group',
      merge: { theirs_version: 2, resolutions: { '["description"]': 'mine' } },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ version: 3, file: 'kept' });
    expect(saved.body.note).toMatch(
      /^Merged version 2 by .+ \(“Alice: larger”\) with .+'s changes from version 1 \(“Bob: group”\)$/,
    );
    const v3 = await storedAt(id);
    expect(v3).toMatchObject({ version: 3, design: { size: 'LARGE', group: 'networking', description: 'Bob' } });
    expect(v3.hcl).toContain('# Alice was here');
    expect(v3.hcl).toContain('size            = "LARGE" # sized for the DMZ peak');
    expect(v3.hcl).toMatch(/group\s+= "networking"/);
    expect(v3.hcl).not.toContain(PSK_DMZ);
    const versions = (await call(server, 'GET', `/api/designs/${id}/versions`)).body.versions;
    expect(versions[0].note).toBe(saved.body.note);
  });

  it('merges without a choice when nothing touches the same attribute, and answers a still newer version with a fresh proposal', async () => {
    const id = (await call(server, 'POST', '/api/designs', { design: ipsecDesign('merge-clean') })).body.id;
    const v1 = await storedAt(id);
    await call(server, 'PUT', `/api/designs/${id}`, { design: { ...v1.design, size: 'LARGE' }, base_version: 1 });
    const mine = { ...structuredClone(v1.design), description: 'mine' };
    const first = await call(server, 'PUT', `/api/designs/${id}`, { design: mine, base_version: 1 });
    expect(first.body.merge.conflicts).toEqual([]);
    // Someone saves version 3 before the merge is confirmed.
    await call(server, 'PUT', `/api/designs/${id}`, {
      design: { ...v1.design, size: 'LARGE', group: 'networking' },
      base_version: 2,
    });
    const again = await call(server, 'PUT', `/api/designs/${id}`, {
      design: mine,
      base_version: 1,
      merge: { theirs_version: 2, resolutions: {} },
    });
    expect(again.status).toBe(409);
    expect(again.body.merge.theirs_version).toBe(3);
    const saved = await call(server, 'PUT', `/api/designs/${id}`, {
      design: mine,
      base_version: 1,
      merge: { theirs_version: 3, resolutions: {} },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(4);
    expect((await storedAt(id)).design).toMatchObject({ size: 'LARGE', group: 'networking', description: 'mine' });
    expect((await storedAt(id)).hcl).toBeNull();
  });
});

describe('drift: adopt the live values, or re-apply the provisioned version', () => {
  it('adopts: previews latest → live, saves it as the next version that the connector runs, keys kept; the drift clears', async () => {
    const id = (await call(server, 'POST', '/api/designs', { design: ipsecDesign('merge-adopt') })).body.id;
    const sent = await call(server, 'POST', `/api/designs/${id}/provision`);
    expect((await waitForProvision(server, sent.body.provisionRequestId)).state).toBe('SUCCESS');
    const connectorId = sent.body.connector_id;
    // Nothing to adopt without drift is still a preview with no changes.
    expect((await call(server, 'GET', `/api/designs/${id}/adopt`)).body).toMatchObject({
      connector_id: connectorId,
      version: 2,
      changes: [],
    });

    const livePath = `/v1/tenantnetworks/1${CONNECTORS_PATH}/${connectorId}`;
    const live = (await emulator(server, 'GET', livePath)).body;
    expect((await emulator(server, 'PUT', livePath, { ...live, size: '5LARGE' })).status).toBeLessThan(300);
    expect((await call(server, 'GET', `/api/designs/${id}/drift`)).body.drifted).toBe(true);

    const preview = await call(server, 'GET', `/api/designs/${id}/adopt`);
    expect(preview.body).toEqual({
      connector_id: connectorId,
      provisioned_version: 1,
      latest_version: 1,
      version: 2,
      changes: [{ path: 'size', action: 'update', before: '2LARGE', after: '5LARGE' }],
    });
    // A preview of an older version is refused.
    expect((await call(server, 'POST', `/api/designs/${id}/adopt`, { base_version: 7 })).status).toBe(409);
    const adopted = await call(server, 'POST', `/api/designs/${id}/adopt`, { base_version: 1 });
    expect(adopted.status, adopted.text).toBe(200);
    expect(adopted.body).toMatchObject({
      version: 2,
      connector_id: connectorId,
      note: `Adopted the live values of connector #${connectorId}`,
    });
    expect(await storedAt(id)).toMatchObject({ version: 2, provisioned_version: 2, design: { size: '5LARGE' } });
    expect((await call(server, 'GET', `/api/designs/${id}/drift`)).body).toMatchObject({ drifted: false, changes: [] });
    // The keys are the stored ones: the version plans as "No changes" against the connector.
    const plan = await call(server, 'POST', `/api/connectors/${connectorId}/plan`, {
      design: (await storedAt(id)).design,
    });
    expect(plan.body.summary.text).toBe('No changes.');
    const activity = await call(server, 'GET', '/api/activity');
    expect(JSON.stringify(activity.body)).toContain(
      `Saved version 2: Adopted the live values of connector #${connectorId}`,
    );
  });

  it('re-applies the provisioned version: the connector is put back and the drift clears', async () => {
    const id = (await call(server, 'POST', '/api/designs', { design: ipsecDesign('merge-reapply') })).body.id;
    const sent = await call(server, 'POST', `/api/designs/${id}/provision`);
    await waitForProvision(server, sent.body.provisionRequestId);
    const connectorId = sent.body.connector_id;
    const livePath = `/v1/tenantnetworks/1${CONNECTORS_PATH}/${connectorId}`;
    const live = (await emulator(server, 'GET', livePath)).body;
    await emulator(server, 'PUT', livePath, { ...live, size: '5LARGE' });
    const plan = await call(server, 'POST', `/api/connectors/${connectorId}/plan`, {
      design: (await storedAt(id, 1)).design,
    });
    expect(plan.body.changes).toEqual([{ path: 'size', action: 'update', before: '5LARGE', after: '2LARGE' }]);
    const again = await call(server, 'POST', `/api/designs/${id}/provision`, { version: 1 });
    expect((await waitForProvision(server, again.body.provisionRequestId)).state).toBe('SUCCESS');
    expect((await call(server, 'GET', `/api/designs/${id}/drift`)).body).toMatchObject({
      drifted: false,
      provisioned_version: 1,
    });
    // The activity log says it was a re-apply of the design's version (the connector's update row is there too).
    const activity = JSON.stringify((await call(server, 'GET', '/api/activity')).body);
    expect(activity).toContain(`Re-applied version 1 to connector #${connectorId}`);
    // The first provision was no re-apply.
    expect(activity.match(new RegExp(`Re-applied version \\d+ to connector #${connectorId}\\b`, 'g'))).toHaveLength(1);
  });
});
