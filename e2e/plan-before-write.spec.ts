/**
 * A plan before every write, in real Chromium against the production build and
 * the emulator: the designer's Provision (create), a live connector's "Edit in
 * designer" → "Provision changes" (update) and the dashboard's Delete all show
 * the plan first and send nothing until Confirm; Cancel sends nothing. What
 * was (not) sent is read back through the API — the live connector and its
 * provision history — never inferred from time passing. Editing a connector a
 * workspace design manages says so and links to that design.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { ConnectorDesign } from '../lib/connector/design';
import type { ConnectorDetailResponse } from '../lib/client/types';
import { designFor, seedConnector, settled, tenantRefs } from './support/connectors';
import { field, gotoDesigner } from './support/locators';
import { screenshotPath } from './support/screenshots';

// Unique per run, so other spec files sharing the server don't collide with us.
const RUN = Date.now().toString(36).slice(-5);

async function detail(request: APIRequestContext, id: number): Promise<ConnectorDetailResponse> {
  const res = await request.get(`/api/connectors/${id}`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as ConnectorDetailResponse;
}

async function liveDesign(request: APIRequestContext, id: number): Promise<ConnectorDesign> {
  const res = await request.get(`/api/connectors/${id}/design`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as ConnectorDesign;
}

async function connectorNames(request: APIRequestContext): Promise<string[]> {
  return ((await (await request.get('/api/connectors')).json()) as { connectors: { name: string }[] }).connectors.map(
    (c) => c.name,
  );
}

test.describe('a plan before every write', () => {
  test('Edit in designer → Provision changes shows the update plan and sends nothing until Confirm; Cancel sends nothing', async ({
    page,
    request,
  }) => {
    const refs = await tenantRefs(request);
    const live = await seedConnector(
      request,
      designFor(refs, { name: `e2e-${RUN}-plan-edit`, cxp: refs.cxpName, slot: 100 }),
    );
    await settled(request, live.provisionRequestId);
    const before = await liveDesign(request, live.id);
    expect((await detail(request, live.id)).provisionRequests).toHaveLength(1);

    await page.goto(`/connectors/${live.id}`);
    await page.getByRole('link', { name: 'Edit in designer' }).click();
    await expect(page.getByTestId('edit-banner')).toContainText(`Editing live connector ${live.name} (id ${live.id})`);
    await expect(field(page, 'size')).toHaveValue('SMALL');
    // Not managed by any workspace design: no notice.
    await expect(page.getByTestId('managed-by-design')).toHaveCount(0);

    await field(page, 'description').fill(`planned by e2e ${RUN}`);
    await field(page, 'size').selectOption('LARGE');
    const panel = page.getByRole('region', { name: 'Provision to Alkira' });
    await panel.getByRole('button', { name: 'Provision changes' }).click();

    const dialog = page.getByRole('dialog', { name: `Update connector #${live.id}?` });
    await expect(dialog.getByTestId('plan-headline')).toHaveText(
      `~ alkira_connector_azure_expressroute.${before.resource_name} will be updated in-place`,
    );
    const lines = dialog.getByTestId('change-line');
    await expect(lines).toHaveCount(2);
    expect((await lines.evaluateAll((els) => els.map((e) => e.getAttribute('data-path')))).sort()).toEqual([
      'description',
      'size',
    ]);
    await expect(dialog.locator('[data-path="size"]')).toHaveAttribute('data-action', 'update');
    await expect(dialog.locator('[data-path="size"]')).toContainText('size = "SMALL" → "LARGE"');
    await expect(dialog.locator('[data-path="description"]')).toContainText(
      `"${before.description}" → "planned by e2e ${RUN}"`,
    );
    await expect(dialog.getByTestId('plan-summary')).toHaveText('Plan: 0 to add, 1 to change, 0 to destroy.');
    await page.screenshot({ path: screenshotPath('plan-update-dialog.png') });

    // The plan is on screen: the connector is untouched and no request was made.
    expect((await liveDesign(request, live.id)).size).toBe('SMALL');
    expect((await detail(request, live.id)).provisionRequests).toHaveLength(1);

    // Cancel: nothing sent, the edits stay in the form.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(panel.getByTestId('state-badge')).toHaveCount(0);
    expect((await liveDesign(request, live.id)).size).toBe('SMALL');
    expect((await detail(request, live.id)).provisionRequests).toHaveLength(1);
    await expect(field(page, 'size')).toHaveValue('LARGE');

    // Escape closes it the same way.
    await panel.getByRole('button', { name: 'Provision changes' }).click();
    await expect(dialog.getByTestId('plan-summary')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    expect((await detail(request, live.id)).provisionRequests).toHaveLength(1);

    // Confirm sends the update the plan showed.
    await panel.getByRole('button', { name: 'Provision changes' }).click();
    await dialog.getByRole('button', { name: 'Confirm provision' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(panel.getByTestId('state-badge')).toHaveText('SUCCESS', { timeout: 15_000 });
    await expect(panel).toContainText(`Updated connector #${live.id}`);
    const after = await liveDesign(request, live.id);
    expect(after.size).toBe('LARGE');
    expect(after.description).toBe(`planned by e2e ${RUN}`);
    const history = (await detail(request, live.id)).provisionRequests;
    expect(history).toHaveLength(2);
    expect(history.map((r) => r.operation)).toContain('update');

    // Nothing left to change: the plan says so and offers no Confirm.
    await panel.getByRole('button', { name: 'Provision changes' }).click();
    await expect(dialog).toContainText('The live connector already matches');
    await expect(dialog.getByRole('button', { name: 'Confirm provision' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  test('the designer’s Provision of a new design shows + create before anything is created', async ({
    page,
    request,
  }) => {
    const refs = await tenantRefs(request);
    const name = `e2e-${RUN}-plan-create`;
    await gotoDesigner(page);
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'Basic (VXLAN_GPE)' }).click();
    await field(page, 'name').fill(name);
    await field(page, 'resource_name').fill(`plan_create_${RUN}`);
    await field(page, 'vhub_prefix').fill('10.252.0.0/23');
    await field(page, 'instances.0.loopback_subnet').fill('172.31.252.0/26');
    await field(page, 'cxp').selectOption(refs.cxpName);
    await field(page, 'group').selectOption(refs.groupName);
    await field(page, 'instances.0.credential_id').selectOption(refs.credentialId);
    await field(page, 'segment_options.0.segment_id').selectOption(refs.segmentId);

    const panel = page.getByRole('region', { name: 'Provision to Alkira' });
    await panel.getByRole('button', { name: 'Provision', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Create this connector?' });
    await expect(dialog.getByTestId('plan-headline')).toHaveText(
      `+ alkira_connector_azure_expressroute.plan_create_${RUN} will be created`,
    );
    await expect(dialog.locator('[data-path="name"]')).toContainText(`name = "${name}"`);
    await expect(dialog.locator('[data-path="vhub_prefix"]')).toHaveAttribute('data-action', 'create');
    await expect(dialog.getByTestId('plan-summary')).toHaveText('Plan: 1 to add, 0 to change, 0 to destroy.');
    await page.screenshot({ path: screenshotPath('plan-create-dialog.png') });
    expect(await connectorNames(request)).not.toContain(name);

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    expect(await connectorNames(request)).not.toContain(name);
    await expect(page).toHaveURL(/\/designer$/);

    await panel.getByRole('button', { name: 'Provision', exact: true }).click();
    await dialog.getByRole('button', { name: 'Confirm provision' }).click();
    await expect(page).toHaveURL(/\/designer\?connector=\d+$/);
    await expect(panel.getByTestId('state-badge')).toHaveText('SUCCESS', { timeout: 15_000 });
    expect((await connectorNames(request)).filter((n) => n === name)).toHaveLength(1);
  });

  test('the dashboard’s Delete shows - destroy and deletes only on Confirm', async ({ page, request }) => {
    const refs = await tenantRefs(request);
    const live = await seedConnector(
      request,
      designFor(refs, {
        name: `e2e-${RUN}-plan-delete`,
        cxp: refs.cxpName,
        slot: 101,
        ipsec: { psk: `psk-${RUN}-never-shown` },
      }),
    );
    await settled(request, live.provisionRequestId);
    const design = await liveDesign(request, live.id);

    await page.goto(`/connectors/${live.id}`);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Delete connector ${live.name}?` });
    await expect(dialog.getByTestId('plan-headline')).toHaveText(
      `- alkira_connector_azure_expressroute.${design.resource_name} will be destroyed`,
    );
    await expect(dialog.locator('[data-path="name"]')).toHaveAttribute('data-action', 'delete');
    await expect(dialog.locator('[data-path="name"]')).toContainText(`name = "${live.name}"`);
    await expect(dialog.getByTestId('plan-summary')).toHaveText('Plan: 0 to add, 0 to change, 1 to destroy.');
    // The stored key is destroyed too, but never shown.
    await expect(dialog.getByTestId('change-list')).toContainText('pre_shared_key = (sensitive)');
    await expect(dialog).not.toContainText(`psk-${RUN}-never-shown`);
    await page.screenshot({ path: screenshotPath('plan-delete-dialog.png') });

    // Cancel: the connector is still there and no request was made.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    expect((await detail(request, live.id)).provisionRequests).toHaveLength(1);

    // Confirm only once the name is typed.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog.getByTestId('plan-summary')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Delete connector' })).toBeDisabled();
    expect((await detail(request, live.id)).provisionRequests).toHaveLength(1);
    await dialog.getByLabel('Connector name').fill(live.name);
    await dialog.getByRole('button', { name: 'Delete connector' }).click();
    await expect(page).toHaveURL(/\/connectors\?deleted=/, { timeout: 20_000 });
    expect((await request.get(`/api/connectors/${live.id}`)).status()).toBe(404);
  });

  test('editing a connector a workspace design manages says so, links to the design, and repeats it in the plan', async ({
    page,
    request,
  }) => {
    page.on('dialog', (d) => void d.accept());
    const refs = await tenantRefs(request);
    const name = `e2e-${RUN}-plan-managed`;
    const created = await request.post('/api/designs', {
      data: { design: designFor(refs, { name, cxp: refs.cxpName, slot: 102 }), note: 'Managed' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const designId = ((await created.json()) as { id: number }).id;
    const provisioned = await request.post(`/api/designs/${designId}/provision`, { data: {} });
    expect(provisioned.status(), await provisioned.text()).toBe(202);
    const sent = (await provisioned.json()) as { connector_id: number; provisionRequestId: string };
    await settled(request, sent.provisionRequestId);

    const managed = await request.get(`/api/connectors/${sent.connector_id}/designs`);
    expect(managed.status()).toBe(200);
    expect(((await managed.json()) as { designs: { id: number; name: string }[] }).designs).toEqual([
      expect.objectContaining({ id: designId, name }),
    ]);

    // The connector's own page says it too, before anyone opens the designer or deletes it.
    await page.goto(`/connectors/${sent.connector_id}`);
    const onPage = page.getByTestId('managed-by-design');
    await expect(onPage).toContainText(`Workspace design ${name} manages connector #${sent.connector_id}`);
    await expect(onPage).toContainText('Editing it in the designer makes the live connector drift');
    await expect(onPage.getByRole('link', { name: `Open design ${name} instead` })).toHaveAttribute(
      'href',
      `/designs/${designId}`,
    );
    await page.screenshot({ path: screenshotPath('connector-managed.png') });

    await page.goto(`/designer?connector=${sent.connector_id}`);
    const notice = page.getByTestId('edit-banner').getByTestId('managed-by-design');
    await expect(notice).toContainText(`Workspace design ${name} manages connector #${sent.connector_id}`);
    await expect(notice).toContainText('drift');

    await field(page, 'description').fill('edited outside the design');
    const panel = page.getByRole('region', { name: 'Provision to Alkira' });
    await panel.getByRole('button', { name: 'Provision changes' }).click();
    const dialog = page.getByRole('dialog', { name: `Update connector #${sent.connector_id}?` });
    await expect(dialog.getByTestId('managed-by-design')).toContainText(`Workspace design ${name} manages`);
    await expect(dialog.locator('[data-path="description"]')).toContainText('"edited outside the design"');
    await page.screenshot({ path: screenshotPath('plan-managed-dialog.png') });

    // "Open design … instead" leaves without sending anything.
    await dialog.getByRole('link', { name: `Open design ${name} instead` }).click();
    await expect(page).toHaveURL(new RegExp(`/designs/${designId}$`));
    await expect(page.getByTestId('design-banner')).toContainText(
      `Live connector #${sent.connector_id} runs version 1`,
    );
    expect((await detail(request, sent.connector_id)).provisionRequests).toHaveLength(1);
  });
});
