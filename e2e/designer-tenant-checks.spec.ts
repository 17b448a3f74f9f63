/**
 * The designer's tenant checks against the embedded emulator (production
 * build): a prefix, loopback or name another connector has is an error at its
 * field naming that connector, as the user types; the next free /23 or /26
 * is one click (an undoable form edit); an edit of that connector is not in
 * its own way.
 */
import { expect, test, type Page } from '@playwright/test';
import { seedConnector, seedDesign, tenantRefs, type Seeded } from './support/connectors';
import { field, gotoDesigner } from './support/locators';
import { screenshotPath } from './support/screenshots';

const RUN = Date.now().toString(36).slice(-5);
// seedDesign's slot 30: vHub prefix 10.170.60.0/23, loopback 192.168.130.0/26.
const SLOT = 30;
const TAKEN_PREFIX = '10.170.60.0/23';
const TAKEN_LOOPBACK = '192.168.130.0/26';

let taken: Seeded;

test.beforeAll(async ({ request }) => {
  const refs = await tenantRefs(request);
  taken = await seedConnector(request, seedDesign(refs, { name: `tenant-${RUN}-taken`, slot: SLOT }));
});

async function tenantReady(page: Page) {
  await expect(page.getByTestId('tenant-check-status')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('tenant-check-status')).toContainText(
    /against the tenant's [\d,]+ connectors? and catalog/,
  );
}

test("an existing connector's vHub prefix is an error naming it, and the next free /23 is one click away", async ({
  page,
}) => {
  await gotoDesigner(page);
  await tenantReady(page);
  const prefix = field(page, 'vhub_prefix');
  await prefix.fill(TAKEN_PREFIX);
  const error = page.locator('[id="error-vhub_prefix"]');
  await expect(error).toContainText(
    `vhub_prefix ${TAKEN_PREFIX} overlaps connector "${taken.name}" (id ${taken.id})'s vhub_prefix ${TAKEN_PREFIX}`,
  );
  await expect(prefix).toHaveAttribute('aria-invalid', 'true');

  const fix = page.getByTestId('fix-vhub_prefix');
  await expect(fix).toHaveText(/^Use \d+\.\d+\.\d+\.\d+\/23$/);
  const offered = ((await fix.textContent()) ?? '').replace(/^Use /, '');
  expect(offered).not.toBe(TAKEN_PREFIX);
  // The message names the same block the button offers.
  await expect(error).toContainText(`the next free /23 is ${offered}`);
  await prefix.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('designer-tenant-check.png') });
  await fix.click();
  await expect(prefix).toHaveValue(offered);
  await expect(error).toHaveCount(0);
  // Nothing in the summary (the error list, or the calm checklist of fields still to fill) mentions the overlap any more.
  await expect(page.getByText(/overlaps connector/)).toHaveCount(0);
  // A form edit like any other: in the HCL, and undone in one step.
  await expect(page.getByTestId('undo-toast')).toContainText(offered);
  await page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo' }).click();
  await expect(prefix).toHaveValue(TAKEN_PREFIX);
  await expect(error).toContainText(`overlaps connector "${taken.name}"`);
});

test("an existing connector's loopback subnet is an error at the instance's field, with the next free /26", async ({
  page,
}) => {
  await gotoDesigner(page);
  await tenantReady(page);
  const loopback = field(page, 'instances.0.loopback_subnet');
  await loopback.fill(TAKEN_LOOPBACK);
  const error = page.locator('[id="error-instances.0.loopback_subnet"]');
  await expect(error).toContainText(
    `overlaps connector "${taken.name}" (id ${taken.id})'s loopback_subnet (instance #1) ${TAKEN_LOOPBACK}`,
  );
  const fix = page.getByTestId('fix-instances.0.loopback_subnet');
  await expect(fix).toHaveText(/^Use \d+\.\d+\.\d+\.\d+\/26$/);
  const offered = ((await fix.textContent()) ?? '').replace(/^Use /, '');
  await fix.click();
  await expect(loopback).toHaveValue(offered);
  await expect(error).toHaveCount(0);
});

test("a connector's name is flagged at name as taken; editing that connector flags neither its name nor its prefix", async ({
  page,
}) => {
  await gotoDesigner(page);
  await tenantReady(page);
  await field(page, 'name').fill(taken.name);
  await expect(page.locator('[id="error-name"]')).toContainText(
    `name "${taken.name}" is taken by connector id ${taken.id} in this tenant`,
  );
  await field(page, 'name').fill(`${taken.name}-2`);
  await expect(page.locator('[id="error-name"]')).toHaveCount(0);

  await page.goto(`/designer?connector=${taken.id}`);
  await expect(field(page, 'name')).toHaveValue(taken.name);
  await expect(field(page, 'vhub_prefix')).toHaveValue(TAKEN_PREFIX);
  await tenantReady(page);
  await page.getByRole('button', { name: 'Validate all' }).click();
  await expect(page.getByTestId('issue-summary')).toBeVisible();
  await expect(page.locator('[id="error-name"]')).toHaveCount(0);
  await expect(page.locator('[id="error-vhub_prefix"]')).toHaveCount(0);
  await expect(page.locator('[id="error-instances.0.loopback_subnet"]')).toHaveCount(0);
  await expect(page.getByTestId('issue-summary')).not.toContainText('is taken by connector');
});
