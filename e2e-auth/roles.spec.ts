/**
 * Each role signed in through the identity provider in real Chromium: what
 * each may see and do, and what the UI says about what it may not.
 */
import { expect, test } from '@playwright/test';
import { basicDesign } from '../tests/helpers/designs';
import { APP, asUser, settled, signInAs } from './support';

let connectorId: number;

test.beforeAll(async () => {
  const created = await asUser('olivia', 'POST', '/api/connectors', basicDesign('hq-expressroute'));
  expect(created.status).toBe(201);
  connectorId = created.body.id;
  await settled('olivia', created.body.provisionRequestId);
});

test('without a session every page asks to sign in and the API answers 401', async ({ page, request }) => {
  await page.goto('/connectors');
  await expect(page.getByRole('heading', { name: 'Sign in to Connector Studio' })).toBeVisible();
  await expect(page.getByText('hq-expressroute')).toHaveCount(0);
  const api = await request.get(`${APP}/api/connectors`);
  expect(api.status()).toBe(401);
  expect((await api.json()).error).toMatch(/Sign in/);
});

for (const { login, role, label } of [
  { login: 'victor', role: 'viewer', label: 'Viewer' },
  { login: 'dana', role: 'designer', label: 'Designer' },
] as const) {
  test(`a ${role} sees connectors, designs and activity but may not provision or delete`, async ({ page }) => {
    await signInAs(page, login);
    await expect(page.getByTestId('signed-in-user')).toContainText(label);
    await expect(page.getByText('Local mode')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'hq-expressroute' })).toBeVisible();

    await page.getByRole('link', { name: 'hq-expressroute' }).click();
    const remove = page.getByRole('button', { name: 'Delete' });
    await expect(remove).toBeDisabled();
    await expect(page.getByTestId('permission-note')).toHaveText(`Operators only: you are signed in as ${role}.`);
    await expect(page.getByRole('button', { name: /Export/ }).first()).toBeEnabled();

    await page.goto(`/designer?connector=${connectorId}`);
    const provision = page.getByRole('button', { name: 'Provision changes' });
    await expect(provision).toBeDisabled();
    await expect(provision).toHaveAccessibleDescription(/Operators only/);

    await page.getByRole('link', { name: 'Activity' }).click();
    await expect(page.getByRole('heading', { name: 'Activity' })).toBeVisible();
    await expect(page.getByTestId('activity-entry').first()).toContainText('Olivia Park');

    // The server holds the line too, whatever the UI shows.
    const refused = await page.request.delete(`/api/connectors/${connectorId}`, { headers: { origin: APP } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error).toBe(`This needs the operator role; you are signed in as a ${role}`);
  });
}

test('an operator may provision and delete', async ({ page }) => {
  await signInAs(page, 'olivia', `/connectors/${connectorId}`);
  await expect(page.getByTestId('signed-in-user')).toContainText('Operator');
  await expect(page.getByRole('button', { name: 'Delete' })).toBeEnabled();
  await expect(page.getByTestId('permission-note')).toHaveCount(0);
  await page.goto(`/designer?connector=${connectorId}`);
  await expect(page.getByRole('button', { name: 'Provision changes' })).toBeEnabled();
});

test('a user whose groups grant no role is told so, and signing out ends the session at the provider too', async ({
  page,
}) => {
  await signInAs(page, 'nobody');
  await expect(page.getByRole('heading', { name: 'No access yet' })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toContainText('No role');
  await page.getByRole('button', { name: 'Sign out' }).click();
  // The identity provider's own page asks to confirm, then sends the browser back to the app.
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(`${APP}/`);
  await expect(page.getByRole('heading', { name: 'Sign in to Connector Studio' })).toBeVisible();
  expect((await page.request.get('/api/auth/me').then((r) => r.json())).user).toBeNull();
  // Signing in again asks for the login: the provider's session ended as well.
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
  await expect(page.locator('input[name="login"]')).toBeVisible();
});
