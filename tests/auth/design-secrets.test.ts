/**
 * Sensitive values (`pre_shared_key`, `remote_auth_value`: sensitive in the
 * provider schema) never reach a caller, whatever the role: every workspace
 * response — design, old version, versions, diff, plan, drift, list, the 409
 * of a stale save, single-file and module export — carries them as the stored
 * secret (`{ "stored": true }`), as `(sensitive)` in diffs and plans, or as
 * sensitive variables in exported Terraform. The designer keeps working: a
 * stored secret sent back keeps the stored value. Signed in through a real OpenID provider.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@/lib/auth/roles';
import { freePort, startServer, type RunningServer } from '../helpers/server';
import { oidcAppEnv, signIn, startOidcProvider, USER_FOR_ROLE, type RunningOidcProvider } from '../helpers/oidc';
import { validateModuleAgainstSchema } from '../helpers/tf-schema-check';
import { terraformFmt } from '../hcl/terraform-fmt';
import { ipsecDesign, PSK_DMZ, PSK_INTERNAL } from '../helpers/designs';
import { call, TEST_ENV } from '../api/support';

const TUNNEL0 = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0';
const NEW_PEER = 'rotated-peer.example.com';
const SECRETS = [PSK_DMZ, PSK_INTERNAL, 'primary-tunnel.example.com', 'backup-tunnel.example.com', NEW_PEER];

let idp: RunningOidcProvider;
let app: RunningServer;
const cookies = {} as Record<Role, string>;
let id: number;

const as = (role: Role, method: string, path: string, body?: unknown) =>
  call(app, method, path, body, { cookie: cookies[role] });

async function download(role: Role, path: string): Promise<string> {
  const res = await fetch(app.url + path, { headers: { cookie: cookies[role] } });
  expect(res.status, path).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (res.headers.get('content-type') !== 'application/zip') return new TextDecoder().decode(bytes);
  return Object.entries(unzipSync(bytes))
    .map(([name, b]) => `# ${name}\n${strFromU8(b)}`)
    .join('\n');
}

function expectNoSecret(text: string, what: string) {
  for (const secret of SECRETS) expect(text, `${what} holds "${secret}"`).not.toContain(secret);
}

beforeAll(async () => {
  const port = await freePort();
  idp = await startOidcProvider({ appOrigins: [`http://127.0.0.1:${port}`] });
  app = await startServer(
    { ...TEST_ENV, ...oidcAppEnv(idp.issuer), CONNECTOR_STUDIO_SECRET: 'design-secrets-test-0123456789' },
    { port },
  );
  for (const role of ROLES) cookies[role] = (await signIn(app.url, USER_FOR_ROLE[role])).cookie;

  // A designer saves version 1, then version 2 with a new remote auth value on one tunnel.
  const created = await as('designer', 'POST', '/api/designs', { design: ipsecDesign('secret-roles'), note: 'keys' });
  expect(created.status, created.text).toBe(201);
  id = created.body.id;
  const v1 = (await as('designer', 'GET', `/api/designs/${id}`)).body.design;
  v1.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].remote_auth_value = NEW_PEER;
  expect(
    (await as('designer', 'PUT', `/api/designs/${id}`, { design: v1, base_version: 1, note: 'new peer' })).status,
  ).toBe(200);

  // An operator provisions version 2, so plan and drift have a live connector.
  const sent = await as('operator', 'POST', `/api/designs/${id}/provision`, { version: 2 });
  expect(sent.status, sent.text).toBe(202);
  for (let i = 0; i < 100; i++) {
    const state = (await as('operator', 'GET', `/api/provision-requests/${sent.body.provisionRequestId}`)).body.state;
    if (state === 'SUCCESS') break;
    expect(['PENDING', 'IN_PROGRESS']).toContain(state);
    await new Promise((r) => setTimeout(r, 150));
  }
});
afterAll(async () => {
  await app?.stop();
  await idp?.stop();
});

describe.each(ROLES)('signed in as %s', (role) => {
  it('reads designs, versions, list and drift with every sensitive value as a stored secret', async () => {
    const latest = await as(role, 'GET', `/api/designs/${id}`);
    expect(latest.status).toBe(200);
    expect(latest.body.provisioned_version).toBe(2);
    const tunnel = latest.body.design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0];
    expect(tunnel).toMatchObject({
      pre_shared_key: { stored: true },
      remote_auth_value: { stored: true },
      remote_auth_type: 'FQDN',
    });
    for (const path of [
      `/api/designs/${id}`,
      `/api/designs/${id}?version=1`,
      `/api/designs/${id}/versions`,
      '/api/designs',
      `/api/designs/${id}/drift`,
    ]) {
      const r = await as(role, 'GET', path);
      expect(r.status, path).toBe(200);
      expectNoSecret(r.text, path);
    }
  });

  it('diffs and plans show "(sensitive)"', async () => {
    const diff = await as(role, 'GET', `/api/designs/${id}/diff?from=1&to=2`);
    expect(diff.body.changes).toEqual([
      { path: `${TUNNEL0}.remote_auth_value`, action: 'update', before: '(sensitive)', after: '(sensitive)' },
    ]);
    expectNoSecret(diff.text, 'diff');

    const design = (await as(role, 'GET', `/api/designs/${id}`)).body.design;
    const connectorId = (await as(role, 'GET', `/api/designs/${id}`)).body.connector_id;
    const same = await as(role, 'POST', `/api/connectors/${connectorId}/plan`, { design });
    expect(same.body.summary.text).toBe('No changes.');
    design.instances[0].ipsec_customer_gateway[1].customer_gateway[0].tunnel[0].remote_auth_value =
      'typed-by-a-viewer.example.com';
    const plan = await as(role, 'POST', `/api/connectors/${connectorId}/plan`, { design });
    expect(plan.status).toBe(200);
    expect(plan.body.changes).toEqual([
      {
        path: 'instances.0.ipsec_customer_gateway.1.customer_gateway.0.tunnel.0.remote_auth_value',
        action: 'update',
        before: '(sensitive)',
        after: '(sensitive)',
      },
    ]);
    expectNoSecret(plan.text, 'plan');
    expect(plan.text).not.toContain('typed-by-a-viewer.example.com');
  });

  it('exports Terraform with sensitive variables instead of the values (fmt-exact, schema-valid)', async () => {
    const tf = await download(role, `/api/designs/${id}/export?format=tf`);
    expectNoSecret(tf, 'export tf');
    expect(tf).toMatch(/remote_auth_value += var\.secret_roles_remote_auth_value_1\n/);
    expect(terraformFmt(tf)).toBe(tf);

    const res = await fetch(`${app.url}/api/export?designs=${id}`, { headers: { cookie: cookies[role] } });
    const files = Object.fromEntries(
      Object.entries(unzipSync(new Uint8Array(await res.arrayBuffer()))).map(([n, b]) => [n, strFromU8(b)]),
    );
    expectNoSecret(Object.values(files).join('\n'), 'module');
    expect(files['variables.tf']).toContain(
      'variable "secret_roles_remote_auth_value_1" {\n  description = "Remote auth value of secret-roles',
    );
    expect(files['variables.tf']).toMatch(/secret_roles_remote_auth_value_1" \{\n[^}]*sensitive += true/);
    for (const [name, text] of Object.entries(files)) expect(terraformFmt(text), name).toBe(text);
    expect(validateModuleAgainstSchema(files)).toEqual([]);
    expectNoSecret(await download(role, `/api/designs/${id}/export?format=module`), 'design module');
  });
});

describe('the designer keeps working with stored secrets', () => {
  it("saves a design with stored secrets back keeping the stored values, and a stale save's 409 holds stored secrets too", async () => {
    const read = await as('designer', 'GET', `/api/designs/${id}`);
    const base = read.body.version;
    const kept = await as('designer', 'PUT', `/api/designs/${id}`, {
      design: read.body.design,
      base_version: base,
      note: 'unchanged keys',
    });
    expect(kept.status).toBe(200);
    expect(
      (await as('designer', 'GET', `/api/designs/${id}/diff?from=${base}&to=${kept.body.version}`)).body.changes,
    ).toEqual([]);

    const stale = await as('designer', 'PUT', `/api/designs/${id}`, { design: read.body.design, base_version: base });
    expect(stale.status).toBe(409);
    expect(
      stale.body.latest.design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].remote_auth_value,
    ).toEqual({ stored: true });
    expectNoSecret(stale.text, '409');
  });
});
