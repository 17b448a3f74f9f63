/**
 * The dashboard and connector detail against the real emulator (production
 * build; the server provisions in ALKIRA_EMULATOR_PROVISION_MS=3000 ms).
 * Connectors are seeded through the app's own API, with references picked
 * from the tenant catalog the way a user would.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { ConnectorDesign } from '../lib/connector/design';
import { screenshotPath } from './support/screenshots';

// Unique per run, so other spec files sharing the server don't collide with us.
const RUN = Date.now().toString(36).slice(-5);
const CIRCUIT_BASE = '/subscriptions/12345678-abcd-efgh-ijkl-1234567890ab/resourceGroups/network-rg/providers/Microsoft.Network/expressRouteCircuits';

interface TenantRefs {
  segmentIds: string[];
  credentialId: string;
  groupName: string;
  cxpNames: string[];
  profileId: number;
}

async function catalog<T>(request: APIRequestContext, kind: string): Promise<T[]> {
  const res = await request.get(`/api/catalog/${kind}`);
  expect(res.status(), `GET /api/catalog/${kind}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { items: T[] }).items;
}

async function tenantRefs(request: APIRequestContext): Promise<TenantRefs> {
  const segments = await catalog<{ id: string }>(request, 'segments');
  const credentials = await catalog<{ id: string }>(request, 'credentials');
  const groups = await catalog<{ name: string }>(request, 'groups');
  const cxps = await catalog<{ name: string }>(request, 'cxps');
  const profiles = await catalog<{ id: number }>(request, 'ipsec-tunnel-profiles');
  expect(segments.length).toBeGreaterThanOrEqual(2);
  expect(cxps.length).toBeGreaterThanOrEqual(2);
  return {
    segmentIds: segments.map((s) => String(s.id)),
    credentialId: credentials[0].id,
    groupName: groups[0].name,
    cxpNames: cxps.map((c) => c.name),
    profileId: profiles[0].id,
  };
}

interface DesignOptions {
  name: string;
  cxp: string;
  /** 0..63, keeps address plans of the seeded connectors apart. */
  slot: number;
  circuit?: string;
  ipsec?: { psk: string };
}

function designFor(refs: TenantRefs, o: DesignOptions): ConnectorDesign {
  const segment = refs.segmentIds[0];
  return {
    resource_name: o.name.replace(/[^a-z0-9_]/gi, '_'),
    name: o.name,
    description: 'Seeded by the dashboard e2e test',
    size: o.ipsec ? 'MEDIUM' : 'SMALL',
    enabled: true,
    vhub_prefix: `10.${150 + Math.floor(o.slot / 32)}.${(o.slot % 32) * 2}.0/23`,
    cxp: o.cxp,
    tunnel_protocol: o.ipsec ? 'IPSEC' : 'VXLAN_GPE',
    group: refs.groupName,
    billing_tag_ids: [],
    instances: [
      {
        name: 'primary',
        expressroute_circuit_id: `${CIRCUIT_BASE}/${o.circuit ?? `circuit-${o.name}`}`,
        redundant_router: false,
        loopback_subnet: `192.168.${40 + o.slot}.0/26`,
        credential_id: refs.credentialId,
        ...(o.ipsec
          ? {
              ipsec_customer_gateway: [
                {
                  segment_id: segment,
                  customer_gateway: [
                    {
                      name: 'gw-primary',
                      tunnel: [
                        {
                          name: 'tunnel-1',
                          ike_version: 'IKEv2',
                          initiator: true,
                          pre_shared_key: o.ipsec.psk,
                          profile_id: refs.profileId,
                          remote_auth_type: 'FQDN',
                          remote_auth_value: 'gw.example.com',
                        },
                      ],
                    },
                  ],
                },
              ],
            }
          : {}),
      },
    ],
    segment_options: [{ segment_id: segment, customer_asn: 65010 + o.slot, disable_internet_exit: true, advertise_on_prem_routes: false }],
  };
}

interface Seeded {
  id: number;
  name: string;
  provisionRequestId: string | null;
}

async function seed(request: APIRequestContext, design: ConnectorDesign): Promise<Seeded> {
  const res = await request.post('/api/connectors?provision=true', { data: design });
  const body = await res.json();
  expect(res.status(), JSON.stringify(body)).toBe(201);
  return { id: body.id, name: design.name, provisionRequestId: body.provisionRequestId };
}

/** Waits (through the API, not the page) until a provision request is terminal. */
async function settled(request: APIRequestContext, provisionRequestId: string | null): Promise<{ state: string; errorMessage?: string }> {
  expect(provisionRequestId).toBeTruthy();
  let last = { state: 'PENDING' } as { state: string; errorMessage?: string };
  await expect
    .poll(
      async () => {
        last = await (await request.get(`/api/provision-requests/${provisionRequestId}`)).json();
        return last.state;
      },
      { timeout: 20_000, intervals: [500] },
    )
    .toMatch(/^(SUCCESS|FAILED|PARTIAL_SUCCESS)$/);
  return last;
}

/** A designer control by its design path (the form's ids are `field-<path>`). */
const field = (page: Page, path: string) => page.locator(`[id="field-${path}"]`);

function row(page: Page, name: string) {
  return page.getByTestId('connector-row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

test.describe('connector dashboard', () => {
  test('follows provisioning live, filters, sorts, shows detail and deletes', async ({ page, request }) => {
    const refs = await tenantRefs(request);
    const alpha = await seed(request, designFor(refs, { name: `e2e-${RUN}-alpha`, cxp: refs.cxpNames[0], slot: 1 }));

    await page.goto('/');
    await expect(page).toHaveURL(/\/connectors$/);
    await expect(page.getByRole('heading', { name: 'Connectors' })).toBeVisible();
    await expect(page.getByTestId('backend-badge')).toContainText('Emulator');

    // Seen while running, then SUCCESS without a reload (the list polls by itself).
    const alphaBadge = row(page, alpha.name).getByTestId('state-badge');
    await expect(alphaBadge).toHaveText(/PENDING|IN_PROGRESS/);
    const updatedBefore = await page.getByTestId('updated-at').textContent();
    await expect(alphaBadge).toHaveText('SUCCESS', { timeout: 15_000 });
    await expect(page.getByTestId('updated-at')).toHaveText(/^Updated \d\d:\d\d:\d\d/);
    expect(await page.getByTestId('updated-at').textContent()).not.toBe(updatedBefore);
    const alphaRow = row(page, alpha.name);
    await expect(alphaRow).toContainText(refs.cxpNames[0]);
    await expect(alphaRow).toContainText('VXLAN_GPE');
    await expect(alphaRow.locator('time')).toHaveAttribute('title', /^\d{4}-\d\d-\d\dT/);

    // A second connector in another CXP, for filtering and sorting.
    const bravo = await seed(request, designFor(refs, { name: `e2e-${RUN}-bravo`, cxp: refs.cxpNames[1], slot: 2 }));
    await settled(request, bravo.provisionRequestId);
    await page.reload();
    await expect(row(page, bravo.name)).toBeVisible();

    const textFilter = page.getByLabel('Filter by name or CXP');
    await textFilter.fill(`${RUN}-bravo`);
    await expect(row(page, bravo.name)).toBeVisible();
    await expect(row(page, alpha.name)).toHaveCount(0);
    await textFilter.fill(refs.cxpNames[0]);
    await expect(row(page, alpha.name)).toBeVisible();
    await expect(row(page, bravo.name)).toHaveCount(0);
    await textFilter.fill(`e2e-${RUN}`);
    await expect(page.getByTestId('connector-row')).toHaveCount(2);

    const stateFilter = page.getByLabel('Provision state');
    await stateFilter.selectOption('FAILED');
    await expect(page.getByText('No connector matches the filter.')).toBeVisible();
    await stateFilter.selectOption('SUCCESS');
    await expect(page.getByTestId('connector-row')).toHaveCount(2);
    await stateFilter.selectOption('');

    // Sorting by name: ascending by default, a click flips it.
    const nameHeader = page.getByRole('columnheader', { name: /Name/ });
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    const names = page.getByTestId('connector-row').getByRole('link');
    await expect(names).toHaveText([alpha.name, bravo.name]);
    await nameHeader.getByRole('button').click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(names).toHaveText([bravo.name, alpha.name]);
    const cxpHeader = page.getByRole('columnheader', { name: /CXP/ });
    await cxpHeader.getByRole('button').press('Enter');
    await expect(cxpHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(nameHeader).toHaveAttribute('aria-sort', 'none');

    // Detail: settings and history.
    await page.getByRole('link', { name: alpha.name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/connectors/${alpha.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(alpha.name);
    const basics = page.getByRole('region', { name: 'Basics' });
    await expect(basics).toContainText(refs.cxpNames[0]);
    await expect(basics).toContainText('10.150.2.0/23');
    await expect(basics).toContainText(refs.groupName);
    await expect(page.getByRole('region', { name: /Instances/ })).toContainText(`circuit-${alpha.name}`);
    await expect(page.getByRole('region', { name: /Instances/ })).toContainText('192.168.41.0/26');
    await expect(page.getByRole('region', { name: /Segment options/ })).toContainText('65011');
    const history = page.getByRole('region', { name: 'Provision history' });
    await expect(history.getByTestId('provision-request')).toHaveCount(1);
    await expect(history.getByTestId('provision-request').first()).toContainText('Create');
    await expect(history.getByTestId('state-badge')).toHaveText('SUCCESS');
    await expect(page.getByRole('link', { name: 'Edit in designer' })).toHaveAttribute('href', `/designer?connector=${alpha.id}`);

    // Export as Terraform downloads <resource_name>.tf with an import block adopting the live connector.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as Terraform' }).click()]);
    // The label is derived from the name; Terraform accepts dashes, so either spelling is fine.
    expect(download.suggestedFilename()).toMatch(new RegExp(`^e2e[-_]${RUN}[-_]alpha\\.tf$`));
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(exported).toMatch(new RegExp(`import \\{\\n  to = alkira_connector_azure_expressroute\\.[\\w-]+\\n  id = "${alpha.id}"\\n\\}\\n$`));
    expect(exported).not.toContain('********');

    // Delete: the confirm button stays disabled until the name is typed.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Delete connector ${alpha.name}?` });
    await expect(dialog).toBeVisible();
    const confirm = dialog.getByRole('button', { name: 'Delete connector' });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('Connector name').fill('wrong-name');
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('Connector name').fill(alpha.name);
    await confirm.click();
    await expect(dialog.getByTestId('state-badge')).toBeVisible();
    await expect(page).toHaveURL(/\/connectors\?deleted=/, { timeout: 20_000 });
    await expect(page.getByRole('status')).toContainText(`Connector ${alpha.name} was deleted.`);
    await expect(row(page, alpha.name)).toHaveCount(0);
    await expect(row(page, bravo.name)).toBeVisible();
  });

  test('a connector whose circuit fails provisioning ends FAILED with its error on the detail page', async ({ page, request }) => {
    const refs = await tenantRefs(request);
    const doomed = await seed(
      request,
      designFor(refs, { name: `e2e-${RUN}-doomed`, cxp: refs.cxpNames[0], slot: 3, circuit: `fail-provision-${RUN}` }),
    );
    await page.goto(`/connectors/${doomed.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(doomed.name);
    const headerBadge = page.getByRole('heading', { level: 1 }).getByTestId('state-badge');
    await expect(headerBadge).toHaveText('FAILED', { timeout: 15_000 });

    const outcome = await settled(request, doomed.provisionRequestId);
    expect(outcome.state).toBe('FAILED');
    expect(outcome.errorMessage).toBeTruthy();
    await expect(page.getByRole('alert').filter({ hasText: 'Provisioning failed' })).toContainText(outcome.errorMessage!);
    await expect(page.getByRole('region', { name: 'Provision history' })).toContainText(outcome.errorMessage!);

    await page.goto('/connectors');
    await page.getByLabel('Provision state').selectOption('FAILED');
    await expect(row(page, doomed.name).getByTestId('state-badge')).toHaveText('FAILED');
  });

  test('IPsec tunnels are listed with their pre-shared keys masked', async ({ page, request }) => {
    const refs = await tenantRefs(request);
    const secret = `psk-${RUN}-never-shown!`;
    const ipsec = await seed(request, designFor(refs, { name: `e2e-${RUN}-ipsec`, cxp: refs.cxpNames[0], slot: 4, ipsec: { psk: secret } }));
    await page.goto(`/connectors/${ipsec.id}`);
    const instances = page.getByRole('region', { name: /Instances/ });
    await expect(instances).toContainText('gw-primary');
    await expect(instances).toContainText('tunnel-1');
    await expect(instances).toContainText('gw.example.com');
    await expect(instances).toContainText('••••••••');
    await expect(page.locator('body')).not.toContainText(secret);
  });

  test('an unknown connector shows the API error with a retry button', async ({ page }) => {
    await page.goto('/connectors/987654321');
    // Next's route announcer is also an (empty) alert; pick ours by its text.
    const alert = page.getByRole('alert').filter({ hasText: 'Connector 987654321 was not found' });
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  });

  // Plain names read better in the screenshot; every run has its own data dir.
  test('screenshot: connectors in different states', async ({ page, request }) => {
    const refs = await tenantRefs(request);
    const done = await seed(request, designFor(refs, { name: 'hub-westus-prod', cxp: refs.cxpNames[0], slot: 10 }));
    const ipsec = await seed(
      request,
      designFor(refs, { name: 'branch-ipsec-eastus', cxp: refs.cxpNames[1], slot: 11, ipsec: { psk: 'screenshot-psk' } }),
    );
    const failed = await seed(
      request,
      designFor(refs, { name: 'lab-eastus', cxp: refs.cxpNames[1], slot: 12, circuit: 'fail-provision-lab' }),
    );
    await Promise.all([done, ipsec, failed].map((s) => settled(request, s.provisionRequestId)));
    const running = await seed(request, designFor(refs, { name: 'dc-westus-dr', cxp: refs.cxpNames[0], slot: 13 }));

    await page.goto('/connectors');
    await expect(row(page, running.name).getByTestId('state-badge')).toHaveText(/PENDING|IN_PROGRESS/);
    await expect(row(page, failed.name).getByTestId('state-badge')).toHaveText('FAILED');
    await page.screenshot({ path: screenshotPath('dashboard.png'), fullPage: false });
  });

  test('the dashboard offers "New connector" when empty, or lists what exists', async ({ page, request }) => {
    const list = await (await request.get('/api/connectors')).json();
    await page.goto('/connectors');
    const newConnector = page.getByRole('link', { name: 'New connector' });
    await expect(newConnector.first()).toHaveAttribute('href', '/designer');
    if (list.connectors.length === 0) {
      await expect(page.getByText('No connectors yet')).toBeVisible();
    } else {
      await expect(page.getByTestId('connector-row')).toHaveCount(list.connectors.length);
    }
  });

  test('designer: create from a template with catalog pickers, provision, then edit and delete', async ({ page, request }) => {
    const refs = await tenantRefs(request);
    const name = `e2e-${RUN}-designed`;
    const cxp = refs.cxpNames[1];

    await page.goto('/connectors');
    await page.getByRole('link', { name: 'New connector' }).first().click();
    await expect(page).toHaveURL(/\/designer$/);
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'Basic (VXLAN_GPE)' }).click();

    const panel = page.getByRole('region', { name: 'Provision to Alkira' });
    // The template refers to other resources by Terraform expression: fine for HCL, said up front for provisioning.
    await expect(panel.getByTestId('provision-note')).toContainText('Terraform expression');
    await expect(field(page, 'group')).toHaveValue('__terraform_expression__');

    // Replace every reference with a pick from the tenant catalog.
    await field(page, 'name').fill(name);
    await field(page, 'cxp').selectOption(cxp);
    await field(page, 'group').selectOption(refs.groupName);
    await field(page, 'instances.0.credential_id').selectOption(refs.credentialId);
    await field(page, 'segment_options.0.segment_id').selectOption(refs.segmentIds[0]);
    await expect(page.locator('[id="field-group-expression"]')).toHaveCount(0);
    await expect(panel.getByTestId('provision-note')).toHaveCount(0);

    // Provision: followed live, without a reload.
    await panel.getByRole('button', { name: 'Provision', exact: true }).click();
    const badge = panel.getByTestId('state-badge');
    await expect(badge).toHaveText(/PENDING|IN_PROGRESS/);
    await expect(badge).toHaveText('SUCCESS', { timeout: 15_000 });
    const view = panel.getByRole('link', { name: /^View connector #\d+$/ });
    const id = Number(/#(\d+)/.exec((await view.textContent()) ?? '')?.[1]);
    expect(id).toBeGreaterThan(0);

    // The dashboard lists it as provisioned.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connectors' }).click();
    await expect(row(page, name).getByTestId('state-badge')).toHaveText('SUCCESS');
    await expect(row(page, name)).toContainText(cxp);

    // Detail → "Edit in designer": the live connector fills the form.
    await page.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    await page.getByRole('link', { name: 'Edit in designer' }).click();
    await expect(page).toHaveURL(new RegExp(`/designer\\?connector=${id}$`));
    await expect(page.getByTestId('edit-banner')).toContainText(`Editing live connector ${name} (id ${id})`);
    await expect(field(page, 'name')).toHaveValue(name);
    await expect(field(page, 'cxp')).toHaveValue(cxp);
    await expect(field(page, 'group')).toHaveValue(refs.groupName);
    await expect(field(page, 'segment_options.0.segment_id')).toHaveValue(refs.segmentIds[0]);

    await field(page, 'description').fill(`edited by e2e ${RUN}`);
    await field(page, 'size').selectOption('LARGE');
    await panel.getByRole('button', { name: 'Provision changes' }).click();
    await expect(badge).toHaveText(/PENDING|IN_PROGRESS/);
    await expect(badge).toHaveText('SUCCESS', { timeout: 15_000 });
    await expect(panel).toContainText(`Updated connector #${id}`);

    // The detail page shows the change and an "Update" history entry.
    await page.getByTestId('edit-banner').getByRole('link', { name: 'View its details' }).click();
    await expect(page).toHaveURL(new RegExp(`/connectors/${id}$`));
    const basics = page.getByRole('region', { name: 'Basics' });
    await expect(basics).toContainText(`edited by e2e ${RUN}`);
    await expect(basics).toContainText('LARGE');
    const history = page.getByRole('region', { name: 'Provision history' }).getByTestId('provision-request');
    await expect(history).toHaveCount(2);
    // Newest first: the update, then the create (each entry opens with its operation).
    await expect(history.nth(0)).toHaveText(/^\s*Update\s*SUCCESS/);
    await expect(history.nth(1)).toHaveText(/^\s*Create\s*SUCCESS/);

    // Delete it and watch it disappear.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Delete connector ${name}?` });
    await dialog.getByLabel('Connector name').fill(name);
    await dialog.getByRole('button', { name: 'Delete connector' }).click();
    await expect(page).toHaveURL(/\/connectors\?deleted=/, { timeout: 20_000 });
    await expect(page.getByRole('status')).toContainText(`Connector ${name} was deleted.`);
    await expect(row(page, name)).toHaveCount(0);
  });

  test('designer: editing a live IPsec connector keeps its stored keys out of the HCL and leaves the new-design draft alone', async ({ page, request }) => {
    const refs = await tenantRefs(request);
    const secret = `psk-${RUN}-stored`;
    const live = await seed(request, designFor(refs, { name: `e2e-${RUN}-edit-ipsec`, cxp: refs.cxpNames[0], slot: 5, ipsec: { psk: secret } }));
    await settled(request, live.provisionRequestId);

    // A new-design draft in progress.
    await page.goto('/designer');
    await field(page, 'name').fill(`draft-${RUN}`);
    await expect(page.getByTestId('autosave-status')).toContainText('Draft saved');

    await page.goto(`/designer?connector=${live.id}`);
    await expect(page.getByTestId('edit-banner')).toContainText(`Editing live connector ${live.name} (id ${live.id})`);
    await expect(page.getByTestId('edit-banner').getByRole('link', { name: 'View its details' })).toHaveAttribute('href', `/connectors/${live.id}`);
    await expect(field(page, 'tunnel_protocol')).toHaveValue('IPSEC');
    const psk = field(page, 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key');
    await expect(psk).toHaveValue('********');
    const hcl = page.getByTestId('hcl-preview');
    await expect(hcl).toContainText(/pre_shared_key\s+= var\.\w+/);
    // Even when inline keys are asked for, the placeholder is never written as if it were the key.
    await page.getByLabel('Pre-shared keys:').selectOption('inline');
    await expect(hcl).toContainText(/pre_shared_key\s+= var\.\w+/);
    await expect(hcl).not.toContainText('********');
    await expect(page.locator('body')).not.toContainText(secret);

    // Unchanged keys go back as the placeholder, which keeps the stored key.
    await field(page, 'description').fill('edited with the stored key');
    const panel = page.getByRole('region', { name: 'Provision to Alkira' });
    await panel.getByRole('button', { name: 'Provision changes' }).click();
    await expect(panel.getByTestId('state-badge')).toHaveText('SUCCESS', { timeout: 15_000 });

    // The new-design draft is still there.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Designer' }).click();
    await expect(page).toHaveURL(/\/designer$/);
    await expect(page.getByTestId('edit-banner')).toHaveCount(0);
    await expect(field(page, 'name')).toHaveValue(`draft-${RUN}`);
  });

  test('designer: provisioning a template with expression references explains them and creates nothing', async ({ page, request }) => {
    const name = `e2e-${RUN}-unresolved`;
    await page.goto('/designer');
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'Basic (VXLAN_GPE)' }).click();
    await field(page, 'name').fill(name);
    // Still a valid design: it exports as HCL.
    await expect(page.getByTestId('issue-summary').getByText('No errors')).toBeVisible();
    await expect(page.getByTestId('hcl-preview')).toContainText('alkira_group.networking.name');

    const panel = page.getByRole('region', { name: 'Provision to Alkira' });
    await panel.getByRole('button', { name: 'Provision', exact: true }).click();
    const explanation = panel.getByRole('alert').filter({ hasText: "can't be resolved against the tenant" });
    await expect(explanation).toBeVisible();
    for (const path of ['group', 'instances.0.credential_id', 'segment_options.0.segment_id']) {
      await expect(explanation.locator('li').filter({ hasText: path }).first()).toContainText('Terraform expression');
    }
    await expect(explanation).toContainText('export HCL instead');
    await expect(panel.getByTestId('state-badge')).toHaveCount(0);

    const list = (await (await request.get('/api/connectors')).json()) as { connectors: { name: string }[] };
    expect(list.connectors.map((c) => c.name)).not.toContain(name);
  });

  test('designer: the Provision button is disabled, with the reason, while the form has errors', async ({ page }) => {
    await page.goto('/designer');
    const panel = page.getByRole('region', { name: 'Provision to Alkira' });
    const button = panel.getByRole('button', { name: 'Provision', exact: true });
    await expect(button).toBeDisabled();
    await expect(panel.getByTestId('provision-note')).toContainText(/Fix the \d+ errors? listed above to provision/);
    await expect(button).toHaveAccessibleDescription(/Fix the \d+ errors? listed above/);
  });

  test('screenshot: the designer after provisioning', async ({ page, request }) => {
    const refs = await tenantRefs(request);
    await page.goto('/designer');
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'Basic (VXLAN_GPE)' }).click();
    await field(page, 'name').fill('hub-westeurope-prod');
    await field(page, 'resource_name').fill('hub_westeurope_prod');
    await field(page, 'description').fill('West Europe hub, production segment');
    await field(page, 'vhub_prefix').fill('10.140.0.0/23');
    await field(page, 'instances.0.loopback_subnet').fill('192.168.60.0/26');
    await field(page, 'cxp').selectOption(refs.cxpNames[refs.cxpNames.length - 1]);
    await field(page, 'group').selectOption(refs.groupName);
    await field(page, 'instances.0.credential_id').selectOption(refs.credentialId);
    await field(page, 'segment_options.0.segment_id').selectOption(refs.segmentIds[0]);
    const panel = page.getByRole('region', { name: 'Provision to Alkira' });
    await panel.getByRole('button', { name: 'Provision', exact: true }).click();
    await expect(panel.getByTestId('state-badge')).toHaveText('SUCCESS', { timeout: 15_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('designer-provision.png'), fullPage: false });
  });
});
