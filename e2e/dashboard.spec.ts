/**
 * The dashboard and connector detail against the real emulator (production
 * build; the server provisions in ALKIRA_EMULATOR_PROVISION_MS=3000 ms).
 * Connectors are seeded through the app's own API, with references picked
 * from the tenant catalog the way a user would.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { ConnectorDesign } from '../lib/connector/design';

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

    // Export HCL downloads <resource_name>.tf.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export HCL' }).click()]);
    // The label is derived from the name; Terraform accepts dashes, so either spelling is fine.
    expect(download.suggestedFilename()).toMatch(new RegExp(`^e2e[-_]${RUN}[-_]alpha\\.tf$`));

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
    await page.screenshot({ path: 'public/dashboard.png', fullPage: false });
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

  // Enable once the designer page embeds CatalogSelect and ProvisionPanel (the lead wires them in).
  // The labels below are guesses at the designer's field labels; adjust them to the real form.
  test.fixme('designer: create from a template with catalog pickers, provision, then edit', async ({ page }) => {
    await page.goto('/designer');
    await page.getByRole('button', { name: /template/i }).first().click();
    await page.getByLabel(/^Name/).first().fill(`e2e-${RUN}-designed`);
    await page.getByLabel(/CXP/).selectOption({ index: 1 });
    await page.getByLabel(/segment/i).first().selectOption({ index: 1 });
    await page.getByLabel(/credential/i).first().selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Provision' }).click();
    const panel = page.getByRole('region', { name: 'Provision to Alkira' });
    await expect(panel.getByTestId('state-badge')).toHaveText(/PENDING|IN_PROGRESS/);
    await expect(panel.getByTestId('state-badge')).toHaveText('SUCCESS', { timeout: 15_000 });
    await panel.getByRole('link', { name: /View connector/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`e2e-${RUN}-designed`);
    await page.getByRole('link', { name: 'Edit in designer' }).click();
    await page.getByLabel(/description/i).fill('edited by e2e');
    await page.getByRole('button', { name: 'Provision changes' }).click();
    await expect(page.getByRole('region', { name: 'Provision to Alkira' }).getByTestId('state-badge')).toHaveText('SUCCESS', {
      timeout: 15_000,
    });
  });
});
