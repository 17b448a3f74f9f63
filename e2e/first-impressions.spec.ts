/**
 * First impressions: an empty designer starts calm (what to fill in, not a red
 * error count) and refuses to hand over a file until the design is valid; a
 * stored design says it is being provisioned while its request runs; a failed
 * connector's long circuit id stays inside its box on a phone.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { seedConnector, seedDesign, settled, tenantRefs } from './support/connectors';
import { field, gotoDesigner } from './support/locators';
import { instanceOf } from '../tests/helpers/design-parts';

const RUN = Date.now().toString(36).slice(-5);

test('the empty designer lists what to fill in, and Download refuses until the design is valid', async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  let downloads = 0;
  page.on('download', () => downloads++);
  await gotoDesigner(page);

  // Calm: a checklist by field label, no red count, no error at any field.
  const summary = page.getByTestId('issue-summary');
  await expect(summary.getByRole('heading')).toHaveText(/^To export, fill in \d+ fields$/);
  const checklist = page.getByTestId('export-checklist');
  await expect(checklist.getByRole('button', { name: /^Name\b/ })).toBeVisible();
  await expect(
    checklist.getByRole('button', { name: /^Loopback subnet instances\[0\]\.loopback_subnet$/ }),
  ).toBeVisible();
  await expect(page.getByTestId('error-list')).toHaveCount(0);
  await expect(summary).not.toContainText('to fix before export');
  await expect(page.locator('form [role="alert"]')).toHaveCount(0);
  await expect(page.getByTestId('export-blocked')).toContainText('Copy and download wait for a valid design');

  // An export attempt hands nothing over, says why, and shows every error at its field.
  await page.getByRole('button', { name: 'Download .tf' }).click();
  await expect(page.getByTestId('export-refused')).toContainText(/Not copied or downloaded: \d+ errors to fix/);
  await expect(summary.getByRole('heading')).toHaveText(/^\d+ errors to fix before export$/);
  await expect(page.locator('[id="error-name"]')).toContainText('is required');
  await expect(page.getByTestId('error-list').locator('[data-issue-path="instances.0.loopback_subnet"]')).toContainText(
    'instances[0].loopback_subnet',
  );

  // A field touched in a fresh form shows its error; the rest stay a checklist.
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('error-list')).toHaveCount(0);
  await field(page, 'vhub_prefix').fill('10.250.0.1/23');
  await expect(page.getByTestId('error-list')).toContainText('vhub_prefix');
  await expect(summary.getByRole('heading')).toHaveText('1 error to fix before export');
  await expect(page.getByTestId('export-checklist')).toBeVisible();

  // A valid design downloads.
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.locator('[data-template="multi-segment-ipsec"]').click();
  await expect(summary.getByText('No errors')).toBeVisible();
  await expect(page.getByTestId('export-blocked')).toHaveCount(0);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download .tf' }).click(),
  ]);
  expect(readFileSync((await file.path())!, 'utf8')).toContain('name ');
  expect(readFileSync((await file.path())!, 'utf8')).not.toContain('name = ""');
  expect(downloads).toBe(1);
});

test('a stored design says it is being provisioned while its first request runs', async ({ page, request }) => {
  const refs = await tenantRefs(request);
  const res = await request.post('/api/designs', {
    data: { design: seedDesign(refs, { name: `first-${RUN}`, slot: 21 }), note: 'First cut' },
  });
  expect(res.status(), await res.text()).toBe(201);
  const id = ((await res.json()) as { id: number }).id;
  await page.goto(`/designs/${id}`);
  const banner = page.getByTestId('design-banner');
  await expect(banner).toContainText('Not provisioned yet');

  await page.getByRole('button', { name: 'Provision…' }).click();
  await page.getByRole('button', { name: 'Confirm provision' }).click();
  // While the request runs, the banner names the connector and the version on its way, not "Not provisioned yet".
  await expect(banner).toContainText(
    /Live connector #\d+ · provisioning version 1…|Live connector #\d+ runs version 1/,
  );
  await expect(banner).not.toContainText('Not provisioned yet');
});

test('at 390 px a failed connector keeps its long circuit id inside the failure box', async ({ page, request }) => {
  const refs = await tenantRefs(request);
  const design = seedDesign(refs, { name: `first-${RUN}-failed`, slot: 22 });
  instanceOf(design).expressroute_circuit_id =
    `${instanceOf(design).expressroute_circuit_id}-fail-provision-with-an-uncommonly-long-circuit-resource-name`;
  const seeded = await seedConnector(request, design);
  expect((await settled(request, seeded.provisionRequestId)).state).toBe('FAILED');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/connectors/${seeded.id}`);
  const box = page.getByRole('alert').filter({ hasText: 'Provisioning failed' });
  await expect(box).toBeVisible();
  const overflow = await box.evaluate((el) => [...el.querySelectorAll('p')].map((p) => p.scrollWidth - p.clientWidth));
  expect(Math.max(...overflow)).toBeLessThanOrEqual(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
