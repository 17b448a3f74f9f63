/**
 * A stored design whose catalog picks are data sources by name, over real HTTP
 * against the production server and its emulator: provisioning resolves each
 * name through the tenant's catalog to the id the connector gets; a name the
 * tenant does not have is a 409 naming the field; the module export carries
 * the file's data blocks.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { startServer, type RunningServer } from '../helpers/server';
import { terraformFmt } from '../hcl/terraform-fmt';
import { basicDesign, parsedDesign } from '../helpers/designs';
import { call, TEST_ENV, waitForProvision } from './support';
import { segmentOptionOf } from '../helpers/design-parts';
import { at, present } from '../helpers/present';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ ...TEST_ENV, CONNECTOR_STUDIO_SECRET: 'named-references-secret-0123456789' });
});
afterAll(async () => {
  await server?.stop();
});

/** A design picked by name: its segment and credential refer to data blocks of its file. */
async function namedDesign(name: string, segmentName: string) {
  const credentials = (await call(server, 'GET', '/api/catalog/credentials')).body.items as {
    id: string;
    name: string;
  }[];
  const base = basicDesign(name);
  const instances = (base.instances as Record<string, unknown>[]).map((i) => ({
    ...i,
    credential_id: '${data.alkira_credential.cred.credential_id}',
  }));
  const segment_options = [
    {
      segment_id: '${data.alkira_segment.picked.id}',
      customer_asn: '65001',
      disable_internet_exit: true,
      advertise_on_prem_routes: true,
    },
  ];
  const design = { ...base, instances, segment_options };
  const data = `data "alkira_segment" "picked" {\n  name = "${segmentName}"\n}\n\ndata "alkira_credential" "cred" {\n  name = "${at(credentials, 0).name}"\n}\n\n`;
  const hcl = data + renderConnectorHcl(parsedDesign(design));
  return { design, hcl, credentialId: at(credentials, 0).id };
}

describe('designs written by name', () => {
  it('provision with the ids the catalog has for the names their data blocks look up', async () => {
    const segments = (await call(server, 'GET', '/api/catalog/segments')).body.items as {
      id: string | number;
      name: string;
    }[];
    const segment = present(segments[1] ?? segments[0], 'a segment in the catalog');
    const { design, hcl, credentialId } = await namedDesign('named-ok', segment.name);
    const created = await call(server, 'POST', '/api/designs', { design, hcl });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;

    const sent = await call(server, 'POST', `/api/designs/${id}/provision`);
    expect(sent.status, sent.text).toBe(202);
    expect((await waitForProvision(server, sent.body.provisionRequestId)).state).toBe('SUCCESS');
    const live = await call(server, 'GET', `/api/connectors/${sent.body.connector_id}/design`);
    expect(live.status).toBe(200);
    expect(String(segmentOptionOf(live.body).segment_id)).toBe(String(segment.id));
    expect(live.body.instances[0].credential_id).toBe(credentialId);
    // What it provisioned is what it holds: no drift (the fields by name compare as their ids).
    expect((await call(server, 'GET', `/api/designs/${id}/drift`)).body).toMatchObject({ drifted: false, changes: [] });

    // The module of the stored design has the data blocks its fields refer to, as terraform fmt writes them.
    const res = await fetch(`${server.url}/api/designs/${id}/export?format=module`);
    expect(res.status).toBe(200);
    const main = strFromU8(present(unzipSync(new Uint8Array(await res.arrayBuffer()))['main.tf'], 'main.tf'));
    expect(main).toContain(`data "alkira_segment" "picked" {\n  name = "${segment.name}"\n}`);
    expect(main).toContain('segment_id               = data.alkira_segment.picked.id');
    expect(main).toBe(terraformFmt(main));
  });

  it('a name the tenant does not have is a 409 at its field, and nothing is sent', async () => {
    const { design, hcl } = await namedDesign('named-missing', 'no-such-segment');
    const id = (await call(server, 'POST', '/api/designs', { design, hcl })).body.id;
    const sent = await call(server, 'POST', `/api/designs/${id}/provision`);
    expect(sent.status, sent.text).toBe(409);
    expect(sent.body.unresolved).toEqual([
      {
        path: 'segment_options.0.segment_id',
        value: '${data.alkira_segment.picked.id}',
        message:
          'The tenant has no segment named "no-such-segment" (data.alkira_segment.picked); pick a segment from the tenant',
      },
    ]);
    expect((await call(server, 'GET', `/api/designs/${id}`)).body.connector_id).toBeNull();
  });
});
