/**
 * `npm run demo` (playwright.demo.config.ts starts it as the README says): the
 * dashboard shows a believable tenant, and a FAILED connector carries the
 * error Azure or Alkira gave in its row, with a request history on its detail
 * page (the create, and the request that failed). The emulator's admin
 * endpoints stay off in the demo.
 */
import { expect, test } from '@playwright/test';

/** The demo's failure messages (lib/emulator/demo-tenant.ts), each about the connector's own circuit, prefix or gateway. */
const DEMO_ERROR =
  /AuthorizationKeyInvalid|NotProvisioned|overlaps the address space|private peering|IKEv2 negotiation|CxpCapacityExceeded/;

test('npm run demo: /connectors shows a failed row with its error, and its request history', async ({
  page,
  request,
}) => {
  const admin = await request.post('/emulator/_admin/seed', { data: { count: 1 } });
  expect(admin.status()).toBe(404);

  await page.goto('/connectors');
  await expect(page.getByTestId('connector-row').first()).toBeVisible();
  await page.getByLabel('Provision state').selectOption('FAILED');
  const row = page.getByTestId('connector-row').first();
  await expect(row.getByTestId('state-badge')).toHaveText('FAILED');
  const error = row.getByTestId('row-error');
  await expect(error).toHaveText(DEMO_ERROR);
  const message = (await error.textContent()) ?? '';
  const name = (await row.getByRole('link').first().textContent()) ?? '';
  expect(name).toMatch(/^[a-z]{3}-[a-z-]+-(prod|dr|stage|dev)-er-\d{5}$/);
  await page.screenshot({ path: 'test-results/screenshots/demo-failed-row.png' });

  await row.getByRole('link', { name: 'Request history' }).click();
  const history = page.getByRole('region', { name: 'Provision history' });
  await expect(history).toBeInViewport();
  const entries = history.getByTestId('provision-request');
  // Newest first: the request that failed, with the same error; the create is the oldest.
  await expect(entries.first().getByTestId('state-badge')).toHaveText('FAILED');
  await expect(entries.first()).toContainText(message);
  await expect(entries.last()).toContainText('Create');
  await page.screenshot({ path: 'test-results/screenshots/demo-failed-history.png', fullPage: true });
});
