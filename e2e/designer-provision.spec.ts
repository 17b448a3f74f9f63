/**
 * Provisioning from the designer against the real emulator (production build;
 * the server provisions in ALKIRA_EMULATOR_PROVISION_MS=3000 ms): create from
 * a template with catalog pickers, follow it on the dashboard, edit the live
 * connector, and what happens when the design can't be provisioned.
 */
import { expect, test } from '@playwright/test';
import { designFor, seedConnector, settled, tenantRefs } from './support/connectors';
import { editorText } from './support/hcl-file';
import { connectorRow, field, gotoDesigner } from './support/locators';
import { screenshotPath } from './support/screenshots';
import { at } from '../tests/helpers/present';

// Unique per run, so other spec files sharing the server don't collide with us.
const RUN = Date.now().toString(36).slice(-5);
// The tests spread their connectors over two CXPs.
const NEEDS = { minSegments: 2, minCxps: 2 };

test.describe('designer provisioning', () => {
  test('designer: create from a template with catalog pickers, provision, then edit and delete', async ({
    page,
    request,
  }) => {
    const refs = await tenantRefs(request, NEEDS);
    const name = `e2e-${RUN}-designed`;
    const cxp = at(refs.cxpNames, 1);

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
    await field(page, 'segment_options.0.segment_id').selectOption(refs.segmentId);
    await expect(page.locator('[id="field-group-expression"]')).toHaveCount(0);
    await expect(panel.getByTestId('provision-note')).toHaveCount(0);

    // Provision: followed live, without a reload.
    await panel.getByRole('button', { name: 'Provision', exact: true }).click();
    await panel.getByRole('dialog').getByRole('button', { name: 'Confirm provision' }).click();
    const badge = panel.getByTestId('state-badge');
    await expect(badge).toHaveText(/PENDING|IN_PROGRESS/);
    await expect(badge).toHaveText('SUCCESS', { timeout: 15_000 });
    const view = panel.getByRole('link', { name: /^View connector #\d+$/ });
    const id = Number(/#(\d+)/.exec((await view.textContent()) ?? '')?.[1]);
    expect(id).toBeGreaterThan(0);

    // The dashboard lists it as provisioned.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connectors' }).click();
    await expect(connectorRow(page, name).getByTestId('state-badge')).toHaveText('SUCCESS');
    await expect(connectorRow(page, name)).toContainText(cxp);

    // Detail → "Edit in designer": the live connector fills the form.
    await page.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    await page.getByRole('link', { name: 'Edit in designer' }).click();
    await expect(page).toHaveURL(new RegExp(`/designer\\?connector=${id}$`));
    await expect(page.getByTestId('edit-banner')).toContainText(`Editing live connector ${name} (id ${id})`);
    await expect(field(page, 'name')).toHaveValue(name);
    await expect(field(page, 'cxp')).toHaveValue(cxp);
    await expect(field(page, 'group')).toHaveValue(refs.groupName);
    await expect(field(page, 'segment_options.0.segment_id')).toHaveValue(refs.segmentId);

    await field(page, 'description').fill(`edited by e2e ${RUN}`);
    await field(page, 'size').selectOption('LARGE');
    await panel.getByRole('button', { name: 'Provision changes' }).click();
    await panel.getByRole('dialog').getByRole('button', { name: 'Confirm provision' }).click();
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
    await expect(connectorRow(page, name)).toHaveCount(0);
  });

  test('designer: editing a live IPsec connector keeps its stored keys out of the HCL and leaves the new-design draft alone', async ({
    page,
    request,
  }) => {
    const refs = await tenantRefs(request, NEEDS);
    const secret = `psk-${RUN}-stored`;
    const live = await seedConnector(
      request,
      designFor(refs, { name: `e2e-${RUN}-edit-ipsec`, cxp: refs.cxpName, slot: 5, ipsec: { psk: secret } }),
    );
    await settled(request, live.provisionRequestId);

    // A new-design draft in progress.
    await gotoDesigner(page);
    await field(page, 'name').fill(`draft-${RUN}`);
    await expect(page.getByTestId('autosave-status')).toContainText('Draft saved');

    await page.goto(`/designer?connector=${live.id}`);
    await expect(page.getByTestId('edit-banner')).toContainText(`Editing live connector ${live.name} (id ${live.id})`);
    await expect(page.getByTestId('edit-banner').getByRole('link', { name: 'View its details' })).toHaveAttribute(
      'href',
      `/connectors/${live.id}`,
    );
    await expect(field(page, 'tunnel_protocol')).toHaveValue('IPSEC');
    const pskPath = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key';
    const psk = field(page, pskPath);
    await expect(psk).toHaveText('Stored');
    await expect.poll(() => editorText(page)).toMatch(/pre_shared_key\s+= var\.\w+/);
    // Even when inline keys are asked for, a stored key is never written as text.
    await page.getByLabel('Pre-shared keys:').selectOption('inline');
    await expect.poll(() => editorText(page)).toMatch(/pre_shared_key\s+= var\.\w+/);
    await expect(page.locator('body')).not.toContainText(secret);

    // Replace opens an empty key field; "Keep stored" goes back to the stored key.
    await page.getByRole('button', { name: 'Replace Pre-shared key' }).first().click();
    await expect(psk).toHaveValue('');
    await expect(psk).toBeFocused();
    await page.getByRole('button', { name: 'Keep the stored Pre-shared key' }).click();
    await expect(psk).toHaveText('Stored');

    // Unchanged keys go back as stored secrets, which keep the stored keys.
    await field(page, 'description').fill('edited with the stored key');
    const panel = page.getByRole('region', { name: 'Provision to Alkira' });
    await panel.getByRole('button', { name: 'Provision changes' }).click();
    await panel.getByRole('dialog').getByRole('button', { name: 'Confirm provision' }).click();
    await expect(panel.getByTestId('state-badge')).toHaveText('SUCCESS', { timeout: 15_000 });

    // The new-design draft is still there.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Designer' }).click();
    await expect(page).toHaveURL(/\/designer$/);
    await expect(page.getByTestId('edit-banner')).toHaveCount(0);
    await expect(field(page, 'name')).toHaveValue(`draft-${RUN}`);
  });

  test('designer: provisioning a template with expression references explains them and creates nothing', async ({
    page,
    request,
  }) => {
    const name = `e2e-${RUN}-unresolved`;
    await gotoDesigner(page);
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'Basic (VXLAN_GPE)' }).click();
    await field(page, 'name').fill(name);
    // Still a valid design: it exports as HCL.
    await expect(page.getByTestId('issue-summary').getByText('No errors')).toBeVisible();
    await expect.poll(() => editorText(page)).toContain('alkira_group.networking.name');

    const panel = page.getByRole('region', { name: 'Provision to Alkira' });
    await panel.getByRole('button', { name: 'Provision', exact: true }).click();
    await panel.getByRole('dialog').getByRole('button', { name: 'Confirm provision' }).click();
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
    await gotoDesigner(page);
    const panel = page.getByRole('region', { name: 'Provision to Alkira' });
    const button = panel.getByRole('button', { name: 'Provision', exact: true });
    await expect(button).toBeDisabled();
    await expect(panel.getByTestId('provision-note')).toContainText(/Fix the \d+ errors? listed above to provision/);
    await expect(button).toHaveAccessibleDescription(/Fix the \d+ errors? listed above/);
  });

  test('screenshot: the designer after provisioning', async ({ page, request }) => {
    const refs = await tenantRefs(request, NEEDS);
    await gotoDesigner(page);
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'Basic (VXLAN_GPE)' }).click();
    await field(page, 'name').fill('hub-westeurope-prod');
    await field(page, 'resource_name').fill('hub_westeurope_prod');
    await field(page, 'description').fill('West Europe hub, production segment');
    await field(page, 'vhub_prefix').fill('10.140.0.0/23');
    await field(page, 'instances.0.loopback_subnet').fill('192.168.60.0/26');
    await field(page, 'cxp').selectOption(at(refs.cxpNames, -1));
    await field(page, 'group').selectOption(refs.groupName);
    await field(page, 'instances.0.credential_id').selectOption(refs.credentialId);
    await field(page, 'segment_options.0.segment_id').selectOption(refs.segmentId);
    const panel = page.getByRole('region', { name: 'Provision to Alkira' });
    await panel.getByRole('button', { name: 'Provision', exact: true }).click();
    await panel.getByRole('dialog').getByRole('button', { name: 'Confirm provision' }).click();
    await expect(panel.getByTestId('state-badge')).toHaveText('SUCCESS', { timeout: 15_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('designer-provision.png'), fullPage: false });
  });
});
