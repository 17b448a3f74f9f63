/**
 * The audit trail in the browser: Olivia creates and later deletes a
 * connector (the delete through the UI), Otto changes it in between; Victor,
 * a viewer, finds each entry on the Activity page with the right user and
 * result, filters it, and sees the connector's own entries on its page.
 */
import { expect, test, type Page } from '@playwright/test';
import { basicDesign } from '../tests/helpers/designs';
import { screenshotPath } from '../e2e/support/screenshots';
import { asUser, settled, signInAs } from './support';

const NAME = 'branch-eu-west';

async function activityRows(page: Page) {
  const rows = page.getByTestId('activity-entry');
  return rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      user: tr.querySelector('[data-testid="activity-user"]')?.textContent,
      action: tr.getAttribute('data-action'),
      target: tr.querySelector('[data-testid="activity-target"]')?.textContent ?? null,
      state: tr.querySelector('[data-testid="state-badge"]')?.getAttribute('data-state') ?? null,
    })),
  );
}

test('create, update and delete by two operators, read back by a viewer', async ({ page, browser }) => {
  const created = await asUser('olivia', 'POST', '/api/connectors', {
    ...basicDesign(NAME),
    description: 'EU West branch offices',
  });
  expect(created.status).toBe(201);
  const id: number = created.body.id;
  expect(await settled('olivia', created.body.provisionRequestId)).toBe('SUCCESS');
  const updated = await asUser('otto', 'PUT', `/api/connectors/${id}`, {
    ...basicDesign(NAME),
    description: 'EU West branch offices',
    size: 'LARGE',
  });
  expect(updated.status).toBe(200);
  expect(await settled('otto', updated.body.provisionRequestId)).toBe('SUCCESS');

  // Olivia sees Otto's change on the connector's page, then deletes it there.
  await signInAs(page, 'olivia', `/connectors/${id}`);
  await expect(page.getByTestId('activity-entry').first()).toContainText('Otto Brandt');
  await expect(page.getByTestId('activity-entry').first()).toContainText('Changed size');
  // The connector's own trail, filtered to one user.
  const card = page.getByRole('region', { name: 'Activity' });
  await card.getByLabel('User').selectOption({ label: 'Olivia Park' });
  await expect(card.getByTestId('activity-user')).toHaveText(['Olivia Park']);
  await card.getByLabel('User').selectOption({ label: 'Everyone' });
  await expect(card.getByTestId('activity-entry')).toHaveCount(2);
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByLabel('Connector name').fill(NAME);
  await page.getByRole('button', { name: 'Delete connector' }).click();
  await expect(page).toHaveURL(/\/connectors(\?|$)/, { timeout: 20_000 });

  // Victor, a viewer, in his own browser session.
  const viewer = await browser.newPage();
  await signInAs(viewer, 'victor', '/activity');
  await expect
    .poll(async () => (await activityRows(viewer)).filter((r) => r.target?.startsWith(NAME)), { timeout: 20_000 })
    .toEqual([
      { user: 'Olivia Park', action: 'delete', target: `${NAME}#${id}`, state: 'SUCCESS' },
      { user: 'Otto Brandt', action: 'update', target: `${NAME}#${id}`, state: 'SUCCESS' },
      { user: 'Olivia Park', action: 'create', target: `${NAME}#${id}`, state: 'SUCCESS' },
    ]);
  await viewer.screenshot({ path: screenshotPath('activity.png'), fullPage: true });

  await viewer.getByLabel('User').selectOption({ label: 'Otto Brandt' });
  await expect(viewer).toHaveURL(/user=otto/);
  await expect
    .poll(async () => (await activityRows(viewer)).map((r) => `${r.user} ${r.action}`))
    .toEqual(['Otto Brandt update']);

  await viewer.getByLabel('User').selectOption({ label: 'Everyone' });
  await viewer.getByLabel('Connector').selectOption({ label: `${NAME} (#${id})` });
  await expect(viewer).toHaveURL(new RegExp(`connector=${id}`));
  await expect
    .poll(async () => (await activityRows(viewer)).map((r) => r.action))
    .toEqual(['delete', 'update', 'create']);
  await viewer.close();
});

test('an attempt that was refused is on the Activity page with the reason', async ({ page }) => {
  const refused = await asUser('otto', 'POST', '/api/connectors', {
    ...basicDesign('branch-refused'),
    vhub_prefix: '10.0.0.0/33',
  });
  expect(refused.status).toBe(422);
  await signInAs(page, 'victor', '/activity');
  await page.goto('/activity?user=otto');
  const row = page.getByTestId('activity-entry').filter({ hasText: 'branch-refused' });
  await expect(row).toHaveAttribute('data-failed', 'true');
  await expect(row).toContainText('Create (not applied)');
  await expect(row.getByTestId('state-badge')).toHaveAttribute('data-state', 'REJECTED');
  await expect(row.getByTestId('activity-result')).toContainText('422: The design has');
});
