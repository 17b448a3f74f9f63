/**
 * The dashboard and connector detail against the real emulator (production
 * build; the server provisions in ALKIRA_EMULATOR_PROVISION_MS=3000 ms).
 * Connectors are seeded through the app's own API, with references picked
 * from the tenant catalog the way a user would. The designer's provisioning
 * flows are in designer-provision.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { designFor, seedConnector, settled, tenantRefs } from './support/connectors';
import { connectorRow } from './support/locators';
import { at } from '../tests/helpers/present';

// Unique per run, so other spec files sharing the server don't collide with us.
const RUN = Date.now().toString(36).slice(-5);
// The tests spread their connectors over two CXPs.
const NEEDS = { minSegments: 2, minCxps: 2 };

test.describe('connector dashboard', () => {
  test('follows provisioning live, filters, sorts, shows detail and deletes', async ({ page, request }) => {
    const refs = await tenantRefs(request, NEEDS);
    const alpha = await seedConnector(
      request,
      designFor(refs, { name: `e2e-${RUN}-alpha`, cxp: refs.cxpName, slot: 1 }),
    );

    await page.goto('/');
    await expect(page).toHaveURL(/\/connectors$/);
    await expect(page.getByRole('heading', { name: 'Connectors' })).toBeVisible();
    await expect(page.getByTestId('backend-badge')).toContainText('Emulator');

    // Seen while running, then SUCCESS without a reload (state events from the server).
    const alphaBadge = connectorRow(page, alpha.name).getByTestId('state-badge');
    await expect(alphaBadge).toHaveText(/PENDING|IN_PROGRESS/);
    const updatedBefore = await page.getByTestId('updated-at').textContent();
    await expect(alphaBadge).toHaveText('SUCCESS', { timeout: 15_000 });
    await expect(page.getByTestId('updated-at')).toHaveText(/^Updated \d\d:\d\d:\d\d/);
    expect(await page.getByTestId('updated-at').textContent()).not.toBe(updatedBefore);
    const alphaRow = connectorRow(page, alpha.name);
    await expect(alphaRow).toContainText(refs.cxpName);
    await expect(alphaRow).toContainText('VXLAN_GPE');
    await expect(alphaRow.locator('time')).toHaveAttribute('title', /^\d{4}-\d\d-\d\dT/);

    // A second connector in another CXP, for filtering and sorting.
    const bravo = await seedConnector(
      request,
      designFor(refs, { name: `e2e-${RUN}-bravo`, cxp: at(refs.cxpNames, 1), slot: 2 }),
    );
    await settled(request, bravo.provisionRequestId);
    await page.reload();
    await expect(connectorRow(page, bravo.name)).toBeVisible();

    // Text matches the name; the CXP has its own filter (options from the tenant).
    const textFilter = page.getByLabel('Search name or id');
    await textFilter.fill(`${RUN}-bravo`);
    await expect(connectorRow(page, bravo.name)).toBeVisible();
    await expect(connectorRow(page, alpha.name)).toHaveCount(0);
    await textFilter.fill(`e2e-${RUN}`);
    const cxpFilter = page.getByLabel('CXP', { exact: true });
    await cxpFilter.selectOption(refs.cxpName);
    await expect(connectorRow(page, alpha.name)).toBeVisible();
    await expect(connectorRow(page, bravo.name)).toHaveCount(0);
    await cxpFilter.selectOption('');
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
    await expect(basics).toContainText(refs.cxpName);
    await expect(basics).toContainText('10.150.2.0/23');
    await expect(basics).toContainText(refs.groupName);
    await expect(page.getByRole('region', { name: /Instances/ })).toContainText(`circuit-${alpha.name}`);
    await expect(page.getByRole('region', { name: /Instances/ })).toContainText('192.168.41.0/26');
    await expect(page.getByRole('region', { name: /Segment options/ })).toContainText('65011');
    const history = page.getByRole('region', { name: 'Provision history' });
    await expect(history.getByTestId('provision-request')).toHaveCount(1);
    await expect(history.getByTestId('provision-request').first()).toContainText('Create');
    await expect(history.getByTestId('state-badge')).toHaveText('SUCCESS');
    await expect(page.getByRole('link', { name: 'Edit in designer' })).toHaveAttribute(
      'href',
      `/designer?connector=${alpha.id}`,
    );

    // Export as Terraform downloads <resource_name>.tf with an import block adopting the live connector.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export as Terraform' }).click(),
    ]);
    // The label is derived from the name; Terraform accepts dashes, so either spelling is fine.
    expect(download.suggestedFilename()).toMatch(new RegExp(`^e2e[-_]${RUN}[-_]alpha\\.tf$`));
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(exported).toMatch(
      new RegExp(`import \\{\\n  to = alkira_connector_azure_expressroute\\.[\\w-]+\\n  id = "${alpha.id}"\\n\\}\\n$`),
    );
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
    await expect(connectorRow(page, alpha.name)).toHaveCount(0);
    await expect(connectorRow(page, bravo.name)).toBeVisible();
  });

  test('a connector whose circuit fails provisioning ends FAILED with its error on the detail page', async ({
    page,
    request,
  }) => {
    const refs = await tenantRefs(request, NEEDS);
    const doomed = await seedConnector(
      request,
      designFor(refs, { name: `e2e-${RUN}-doomed`, cxp: refs.cxpName, slot: 3, circuit: `fail-provision-${RUN}` }),
    );
    await page.goto(`/connectors/${doomed.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(doomed.name);
    const headerBadge = page.getByRole('heading', { level: 1 }).getByTestId('state-badge');
    await expect(headerBadge).toHaveText('FAILED', { timeout: 15_000 });

    const outcome = await settled(request, doomed.provisionRequestId);
    expect(outcome.state).toBe('FAILED');
    expect(outcome.errorMessage).toBeTruthy();
    await expect(page.getByRole('alert').filter({ hasText: 'Provisioning failed' })).toContainText(
      outcome.errorMessage!,
    );
    await expect(page.getByRole('region', { name: 'Provision history' })).toContainText(outcome.errorMessage!);

    // On the dashboard the failed row carries the error and a link to the request history.
    await page.goto('/connectors');
    await page.getByLabel('Provision state').selectOption('FAILED');
    const row = connectorRow(page, doomed.name);
    await expect(row.getByTestId('state-badge')).toHaveText('FAILED');
    await expect(row.getByTestId('row-error')).toHaveText(outcome.errorMessage!);
    const historyLink = row.getByRole('link', { name: 'Request history' });
    await expect(historyLink).toHaveAttribute('href', `/connectors/${doomed.id}#history`);
    await historyLink.click();
    await expect(page).toHaveURL(new RegExp(`/connectors/${doomed.id}#history$`));
    const history = page.getByRole('region', { name: 'Provision history' });
    await expect(history).toBeInViewport();
    const entry = history.getByTestId('provision-request').first();
    await expect(entry).toContainText('Create');
    await expect(entry.getByTestId('state-badge')).toHaveText('FAILED');
    await expect(entry).toContainText(outcome.errorMessage!);
    await expect(entry.getByTestId('request-duration')).toHaveText(/^\d+(\.\d+)? s$|^\d+ ms$/);
    await expect(entry.locator('time')).toHaveCount(2);
  });

  test('IPsec tunnels are listed with their pre-shared keys and remote auth values masked', async ({
    page,
    request,
  }) => {
    const refs = await tenantRefs(request, NEEDS);
    const secret = `psk-${RUN}-never-shown!`;
    const ipsec = await seedConnector(
      request,
      designFor(refs, { name: `e2e-${RUN}-ipsec`, cxp: refs.cxpName, slot: 4, ipsec: { psk: secret } }),
    );
    await page.goto(`/connectors/${ipsec.id}`);
    const instances = page.getByRole('region', { name: /Instances/ });
    await expect(instances).toContainText('gw-primary');
    await expect(instances).toContainText('tunnel-1');
    await expect(instances).toContainText('FQDN');
    await expect(instances).toContainText('••••••••');
    await expect(page.locator('body')).not.toContainText(secret);
    // remote_auth_value is sensitive in the provider schema: masked like the key.
    await expect(page.locator('body')).not.toContainText('gw.example.com');
    const tunnelRow = instances.getByRole('row', { name: /tunnel-1/ });
    await expect(tunnelRow.getByRole('cell')).toHaveText([
      'tunnel-1',
      'IKEv2',
      'Yes',
      '••••••••',
      /^\d+$/,
      'FQDN',
      '••••••••',
    ]);
  });

  test('an unknown connector shows the API error with a retry button', async ({ page }) => {
    await page.goto('/connectors/987654321');
    // Next's route announcer is also an (empty) alert; pick ours by its text.
    const alert = page.getByRole('alert').filter({ hasText: 'Connector 987654321 was not found' });
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  });

  test('the dashboard offers "New connector" when empty, or lists what exists', async ({ page, request }) => {
    const list = await (await request.get('/api/connectors')).json();
    await page.goto('/connectors');
    const newConnector = page.getByRole('link', { name: 'New connector' });
    await expect(newConnector.first()).toHaveAttribute('href', '/designer');
    if (list.connectors.length === 0) {
      await expect(page.getByText('No connectors yet')).toBeVisible();
    } else {
      // Virtualized: the count says how many there are; the table holds those on screen.
      const n = list.connectors.length;
      await expect(page.getByTestId('row-count')).toHaveText(`${n} of ${n} connector${n === 1 ? '' : 's'}`);
      await expect(page.getByTestId('connector-row').first()).toBeVisible();
    }
  });
});
