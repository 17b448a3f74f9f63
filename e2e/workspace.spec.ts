/**
 * The design workspace in real Chromium against the production build and the
 * embedded emulator: a design saved from the designer is shared by URL,
 * versioned, compared, reviewed as a plan, provisioned, and shows drift when
 * the live connector is changed behind its back; two people saving from the
 * same version get a clear conflict; the Save dialog's Escape and Cancel save
 * nothing; a .tf file with several connectors becomes several designs.
 * Screenshots of each new page and an axe check.
 */
import { expect, test, type Page } from '@playwright/test';
import type { ConnectorDesign } from '../lib/connector/design';
import { designFor, settled, tenantRefs } from './support/connectors';
import { field } from './support/locators';
import { createStoredDesign, saveVersion, storedDesign } from './support/workspace';
import { saveMerged, staleSaveOfDifferentAttribute, twoPeopleOnNewDesign } from './support/save-conflict';
import { screenshotPath } from './support/screenshots';
import { seriousAxeViolations } from './support/axe';
import { at } from '../tests/helpers/present';

// Unique per run, so other spec files sharing the server don't collide with us.
const RUN = Date.now().toString(36).slice(-5);

const designRow = (page: Page, name: string) =>
  page.getByTestId('design-row').filter({ has: page.getByRole('link', { name, exact: true }) });

test.describe('design workspace', () => {
  test('design → save → share → change two fields → history diff → plan → provision → drift', async ({
    page,
    browser,
    request,
  }) => {
    test.setTimeout(120_000);
    page.on('dialog', (d) => void d.accept());
    const refs = await tenantRefs(request, { minSegments: 1 });
    const name = `e2e-${RUN}-workspace`;

    // Design it in the plain designer, with picks from the tenant catalog.
    await page.goto('/designer');
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'Basic (VXLAN_GPE)' }).click();
    await field(page, 'name').fill(name);
    await field(page, 'resource_name').fill(`ws_${RUN}`);
    await field(page, 'vhub_prefix').fill('10.188.0.0/23');
    await field(page, 'cxp').selectOption(refs.cxpName);
    await field(page, 'group').selectOption(refs.groupName);
    await field(page, 'instances.0.credential_id').selectOption(refs.credentialId);
    await field(page, 'segment_options.0.segment_id').selectOption(refs.segmentId);

    // Save to workspace: version 1 on its own URL.
    await page.getByRole('button', { name: 'Save to workspace' }).click();
    const createDialog = page.getByRole('dialog', { name: 'Save to the workspace' });
    await createDialog.getByLabel('Note').fill('First cut for West US');
    await createDialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page).toHaveURL(/\/designs\/\d+$/);
    const url = page.url();
    const id = Number(/\/designs\/(\d+)$/.exec(url)?.[1]);
    await expect(page.getByTestId('design-banner')).toContainText(`Design #${id} · ${name}`);
    await expect(page.getByTestId('save-state')).toHaveText('Saved · version 1');

    // Share: a second browser (no shared storage) opens the URL and sees the same design.
    const other = await browser.newContext();
    const colleague = await other.newPage();
    await colleague.goto(url);
    await expect(field(colleague, 'name')).toHaveValue(name);
    await expect(field(colleague, 'cxp')).toHaveValue(refs.cxpName);
    await expect(field(colleague, 'segment_options.0.segment_id')).toHaveValue(refs.segmentId);
    await expect(colleague.getByTestId('save-state')).toHaveText('Saved · version 1');
    await other.close();

    // Change two fields: marked unsaved, and still there after a reload (the draft lives in the browser).
    await field(page, 'description').fill(`Reviewed by the network team ${RUN}`);
    await field(page, 'size').selectOption('LARGE');
    await expect(page.getByTestId('save-state')).toHaveText('● Unsaved changes (from version 1)');
    await expect(page.getByTestId('autosave-status')).toContainText('Draft saved');
    await page.reload();
    await expect(field(page, 'size')).toHaveValue('LARGE');
    await expect(field(page, 'description')).toHaveValue(`Reviewed by the network team ${RUN}`);
    await expect(page.getByTestId('save-state')).toHaveText('● Unsaved changes (from version 1)');

    // Provisioning waits for a saved version.
    const panel = page.getByRole('region', { name: 'Provision to Alkira' });
    await expect(panel.getByTestId('provision-note')).toContainText('Save your changes as a version first');
    await expect(panel.getByRole('button', { name: 'Provision…' })).toBeDisabled();

    await saveVersion(page, 'Bigger size for the migration');
    await expect(page.getByTestId('save-state')).toHaveText('Saved · version 2');

    // History: both versions with their notes; the diff holds exactly the two changed paths.
    await page.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('dialog', { name: 'Version history' });
    await expect(history.getByTestId('version-row')).toHaveCount(2);
    await expect(history.getByTestId('version-row').nth(0)).toContainText('Bigger size for the migration');
    await expect(history.getByTestId('version-row').nth(1)).toContainText('First cut for West US');
    await expect(history.getByTestId('diff-summary')).toHaveText('2 changes from version 1 to version 2:');
    const lines = history.getByTestId('change-line');
    await expect(lines).toHaveCount(2);
    expect((await lines.evaluateAll((els) => els.map((e) => e.getAttribute('data-path')))).sort()).toEqual([
      'description',
      'size',
    ]);
    await expect(history.locator('[data-path="size"]')).toContainText('size = "MEDIUM" → "LARGE"');
    await page.screenshot({ path: screenshotPath('workspace-history.png') });
    await history.getByRole('button', { name: 'Close' }).click();

    // Provision: the plan first (a new connector: + create), then Confirm.
    await panel.getByRole('button', { name: 'Provision…' }).click();
    const plan = panel.getByTestId('provision-plan');
    await expect(plan).toContainText(`+ alkira_connector_azure_expressroute.ws_${RUN} will be created`);
    await expect(plan.locator('[data-path="size"]')).toContainText('"LARGE"');
    await expect(plan.getByTestId('plan-summary')).toHaveText('Plan: 1 to add, 0 to change, 0 to destroy.');
    await page.screenshot({ path: screenshotPath('workspace-plan.png') });
    await plan.getByRole('button', { name: 'Confirm provision' }).click();
    await expect(panel.getByTestId('state-badge')).toHaveText('SUCCESS', { timeout: 20_000 });
    const view = panel.getByRole('link', { name: /^View connector #\d+$/ });
    const connectorId = Number(/#(\d+)/.exec((await view.textContent()) ?? '')?.[1]);
    expect(connectorId).toBeGreaterThan(0);

    // Recorded: the design runs on that connector, and there is nothing left to provision.
    await page.reload();
    await expect(page.getByTestId('design-banner')).toContainText(`Live connector #${connectorId} runs version 2`);
    await expect(panel.getByRole('button', { name: 'No changes' })).toBeDisabled();
    await expect(page.getByTestId('drift')).toHaveCount(0);

    // Someone changes the connector behind the app's back…
    const live = (await (await request.get(`/api/connectors/${connectorId}/design`)).json()) as ConnectorDesign;
    const changed = await request.put(`/api/connectors/${connectorId}`, { data: { ...live, size: '2LARGE' } });
    expect(changed.status(), await changed.text()).toBe(200);
    await settled(request, ((await changed.json()) as { provisionRequestId: string }).provisionRequestId);

    // …and the design shows drift with the same diff.
    await page.reload();
    const drift = page.getByTestId('drift');
    await expect(drift).toContainText(
      `live connector #${connectorId} was changed outside this design since version 2 was provisioned`,
    );
    await expect(drift.getByTestId('change-line')).toHaveCount(1);
    await expect(drift.locator('[data-path="size"]')).toContainText('"LARGE" → "2LARGE"');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('workspace-drift.png') });

    // The plan now shows the in-place update that would put the connector back.
    await panel.getByRole('button', { name: 'Provision…' }).click();
    await expect(panel.getByTestId('provision-plan')).toContainText('will be updated in-place');
    await expect(panel.getByTestId('provision-plan').locator('[data-path="size"]')).toContainText('"2LARGE" → "LARGE"');
    await expect(panel.getByTestId('plan-summary')).toHaveText('Plan: 0 to add, 1 to change, 0 to destroy.');
    await panel.getByTestId('provision-plan').getByRole('button', { name: 'Cancel' }).click();

    // The workspace list shows the design with its version and the live connector's state.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Designs' }).click();
    await expect(designRow(page, name)).toContainText('v2');
    await expect(designRow(page, name).getByTestId('state-badge')).toHaveText('SUCCESS');
  });

  test('two people saving from the same version: the second sees a conflict, keeps the edits, saves the merge as the next version; restoring an old version adds one', async ({
    browser,
    request,
  }) => {
    const { id, alice, bob, close } = await twoPeopleOnNewDesign(browser, request, `e2e-${RUN}-conflict`, 40);

    const conflict = await staleSaveOfDifferentAttribute(alice, bob);
    await expect(conflict).toContainText('Alice: larger');
    // Nothing lost: Bob's edit is still in the form, unsaved.
    await expect(field(bob, 'description')).toHaveValue('Bob was here');
    await expect(bob.getByTestId('save-state')).toContainText('Unsaved changes');
    await bob.screenshot({ path: screenshotPath('workspace-conflict.png') });

    await saveMerged(bob, conflict);
    const stored = await storedDesign(request, id);
    expect(stored.version).toBe(3);
    expect(stored.design.description).toBe('Bob was here');
    expect(stored.design.size).toBe('LARGE');

    // Restore version 1: saved as version 4, the history keeps every version.
    bob.on('dialog', (d) => void d.accept());
    await bob.getByRole('button', { name: 'History' }).click();
    const history = bob.getByRole('dialog', { name: 'Version history' });
    await expect(history.getByTestId('version-row')).toHaveCount(3);
    await history.getByRole('button', { name: 'Restore version 1' }).click();
    await expect(bob.getByTestId('save-state')).toHaveText('Saved · version 4');
    await expect(field(bob, 'description')).toHaveValue('Seeded by the dashboard e2e test');
    await expect(field(bob, 'size')).toHaveValue('SMALL');
    await bob.getByRole('button', { name: 'History' }).click();
    await expect(history.getByTestId('version-row')).toHaveCount(4);
    await expect(history.getByTestId('version-row').first()).toContainText('Restored version 1');
    await close();
  });

  test('the Save dialog: the note field has the focus; Escape and Cancel save nothing and give the focus back to Save', async ({
    page,
    request,
  }) => {
    const refs = await tenantRefs(request);
    const design = designFor(refs, { name: `e2e-${RUN}-note`, cxp: refs.cxpName, slot: 46 });
    const id = await createStoredDesign(request, design);
    await page.goto(`/designs/${id}`);
    await expect(page.getByTestId('save-state')).toHaveText('Saved · version 1');
    await field(page, 'description').fill('Edited, not saved');
    const save = page.getByRole('button', { name: 'Save', exact: true });
    const dialog = page.getByRole('dialog', { name: 'Save a new version' });
    const note = dialog.getByLabel('Note');
    for (const close of [
      () => page.keyboard.press('Escape'),
      () => dialog.getByRole('button', { name: 'Cancel' }).click(),
    ]) {
      await save.click();
      await expect(note).toBeFocused();
      await note.fill('Typed, then cancelled');
      await close();
      await expect(dialog).toBeHidden();
      await expect(save).toBeFocused();
    }
    await expect(page.getByTestId('save-state')).toContainText('Unsaved changes (from version 1)');
    expect((await storedDesign(request, id)).version).toBe(1);

    // The note typed before Cancel is still there; Enter in it saves.
    await save.click();
    await expect(note).toHaveValue('Typed, then cancelled');
    await note.press('Enter');
    await expect(page.getByTestId('save-state')).toHaveText('Saved · version 2');
    await expect(dialog).toBeHidden();
    expect((await storedDesign(request, id)).version).toBe(2);
  });

  test('a .tf file with several connectors becomes designs in one step (the ticked ones); deleting one is undoable', async ({
    page,
    request,
  }) => {
    const refs = await tenantRefs(request);
    const names = ['a', 'b', 'c'].map((s) => `e2e-${RUN}-import-${s}`);
    const blocks: string[] = [];
    for (const [i, n] of names.entries()) {
      const res = await request.post('/api/designs/hcl', {
        data: { design: designFor(refs, { name: n, cxp: refs.cxpName, slot: 41 + i }) },
      });
      expect(res.status(), await res.text()).toBe(200);
      blocks.push(await res.text());
    }

    await page.goto('/designs');
    await page.getByRole('button', { name: 'Import .tf' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import Terraform' });
    await dialog.getByRole('textbox').fill(blocks.join('\n'));
    await expect(dialog.getByTestId('import-resource')).toHaveCount(3);
    await expect(dialog.getByRole('button', { name: 'Save 3 connectors to workspace' })).toBeEnabled();
    // Leave the second one out.
    await dialog.getByTestId('import-resource').nth(1).getByRole('checkbox').uncheck();
    await page.screenshot({ path: screenshotPath('workspace-import.png') });
    await dialog.getByRole('button', { name: 'Save 2 connectors to workspace' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'Imported 2 designs into the workspace.' })).toBeVisible();
    await expect(designRow(page, at(names, 0))).toContainText('v1');
    await expect(designRow(page, at(names, 2))).toContainText('v1');
    await expect(designRow(page, at(names, 1))).toHaveCount(0);

    // Deleting is undoable.
    await designRow(page, at(names, 0))
      .getByRole('button', { name: `Delete design ${at(names, 0)}` })
      .click();
    const deletedNotice = page.getByRole('status').filter({ hasText: `Design ${at(names, 0)} was deleted.` });
    await expect(deletedNotice).toBeVisible();
    await expect(designRow(page, at(names, 0))).toHaveCount(0);
    await deletedNotice.getByRole('button', { name: 'Undo' }).click();
    await expect(designRow(page, at(names, 0))).toContainText('v1');

    // Search narrows the list.
    await page.getByLabel('Search by name or resource label').fill(`${RUN}-import-c`);
    await expect(page.getByTestId('design-row')).toHaveCount(1);
    await expect(designRow(page, at(names, 2))).toBeVisible();
  });

  test('the workspace list, a stored design and its history have no serious accessibility violations (light and dark)', async ({
    page,
    request,
  }) => {
    const refs = await tenantRefs(request);
    const seeded = designFor(refs, { name: `hub-eastus-${RUN}`, cxp: refs.cxpName, slot: 45 });
    // A real-looking subscription GUID: the page without validation warnings (their styling is the designer's own check).
    const circuit =
      '/subscriptions/6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/network-rg/providers/Microsoft.Network/expressRouteCircuits/eastus-hub';
    const design = { ...seeded, instances: [{ ...at(seeded.instances, 0), expressroute_circuit_id: circuit }] };
    const id = await createStoredDesign(request, design, 'East US hub');
    const saved = await request.put(`/api/designs/${id}`, {
      data: { design: { ...design, size: 'LARGE' }, base_version: 1, note: 'Room to grow' },
    });
    expect(saved.status(), await saved.text()).toBe(200);

    await page.goto('/designs');
    await expect(page.getByTestId('design-row').first()).toBeVisible();
    await page.screenshot({ path: screenshotPath('workspace-list.png') });
    const list = await seriousAxeViolations(page);

    await page.goto(`/designs/${id}`);
    await expect(page.getByTestId('save-state')).toHaveText('Saved · version 2');
    // Measure the page once the HCL editor has replaced its static placeholder.
    await expect(page.locator('.cm-content')).toBeVisible({ timeout: 20_000 });
    const designPage = await seriousAxeViolations(page);
    await page.getByRole('button', { name: 'History' }).click();
    await expect(page.getByTestId('diff-summary')).toHaveText('1 change from version 1 to version 2:');
    const history = await seriousAxeViolations(page);
    expect({ list, designPage, history }).toEqual({ list: [], designPage: [], history: [] });
  });
});
