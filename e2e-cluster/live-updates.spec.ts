/**
 * Two instances on one PostgreSQL behind HAProxy (playwright.cluster.config.ts,
 * scripts/cluster.mjs): a user signs in through the balancer and stays signed
 * in whichever instance answers; a connector created, changed and deleted
 * through one instance shows up, changes state and goes away live on
 * dashboards served by the other instance and by the balancer, without a
 * reload and without the dashboard falling back to polling.
 */
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { connectorRow } from '../e2e/support/locators';
import { designFor, seedConnector, settled, tenantRefs } from '../e2e/support/connectors';
import { TEST_USERS } from '../tests/helpers/oidc-env';
import { at, present } from '../tests/helpers/present';

const base = Number(process.env.CLUSTER_BASE_PORT);
const BALANCER = `http://127.0.0.1:${base + 5}`;
const INSTANCE = { a: `http://127.0.0.1:${base + 1}`, b: `http://127.0.0.1:${base + 2}` };
const RUN = Date.now().toString(36);

async function signInThroughBalancer(page: Page) {
  await page.goto(`${BALANCER}/connectors`);
  await expect(page.getByRole('heading', { name: 'Sign in to Connector Studio' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
  // The identity provider's own page.
  await page.locator('input[name="login"]').fill('olivia');
  await page.locator('input[name="password"]').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page).toHaveURL(`${BALANCER}/connectors`);
  await expect(page.getByTestId('signed-in-user')).toContainText(TEST_USERS.olivia.name);
}

/** The API of one instance (or the balancer), as the signed-in browser user: their cookie, and the origin a same-origin page would send. */
async function apiAs(context: BrowserContext, origin: string): Promise<APIRequestContext> {
  const cookie = (await context.cookies(origin)).map((c) => `${c.name}=${c.value}`).join('; ');
  return playwrightRequest.newContext({ baseURL: origin, extraHTTPHeaders: { cookie, origin } });
}

/** A dashboard on `origin`, live (its event stream open), marked so a reload would show. */
async function liveDashboard(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/connectors`);
  await expect(page.getByTestId('signed-in-user')).toContainText(TEST_USERS.olivia.name);
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-mode', 'live');
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
  return page;
}

async function stillTheSamePage(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-mode', 'live');
}

test('signs in through the balancer and stays signed in whichever instance answers', async ({ page, context }) => {
  await signInThroughBalancer(page);
  const answeredBy = new Set<string>();
  for (let i = 0; i < 8; i++) {
    const res = await page.request.get(`${BALANCER}/api/auth/me`);
    expect(res.status()).toBe(200);
    const me = (await res.json()) as { mode: string; user: { name: string } | null };
    expect(me.user?.name).toBe(TEST_USERS.olivia.name);
    answeredBy.add(present(res.headers()['x-served-by'], 'the x-served-by header'));
  }
  // Round robin: both instances answered, and both knew the session.
  expect([...answeredBy].sort()).toEqual(['a', 'b']);
  // Pages too, whichever instance renders them.
  for (let i = 0; i < 2; i++) {
    await page.reload();
    await expect(page.getByTestId('signed-in-user')).toContainText(TEST_USERS.olivia.name);
  }
  // Signing out through one instance ends the session on both.
  const api = await apiAs(context, BALANCER);
  const out = await api.post('/api/auth/logout', { headers: { accept: 'application/json' } });
  expect(out.status()).toBeLessThan(400);
  for (const origin of [INSTANCE.a, INSTANCE.b]) {
    const me = (await (await api.get(`${origin}/api/auth/me`)).json()) as { user: unknown };
    expect(me.user).toBeNull();
  }
  await api.dispose();
});

test('a connector created, changed and deleted through one instance changes live on dashboards served by the other', async ({
  page,
  context,
}) => {
  await signInThroughBalancer(page);
  const onB = await liveDashboard(context, INSTANCE.b);
  const onA = await liveDashboard(context, INSTANCE.a);
  const throughBalancer = page;
  await expect(throughBalancer.getByTestId('live-status')).toHaveAttribute('data-mode', 'live');

  const viaA = await apiAs(context, INSTANCE.a);
  const viaB = await apiAs(context, INSTANCE.b);
  const refs = await tenantRefs(viaA, { minCxps: 2 });

  // Created and provisioned through A: B's dashboard shows the row, then its state changes, all pushed.
  const design = designFor(refs, { name: `cluster-${RUN}`, cxp: refs.cxpName, slot: 5 });
  const created = await seedConnector(viaA, design);
  for (const dashboard of [onB, throughBalancer]) {
    await expect(connectorRow(dashboard, design.name).getByTestId('state-badge')).toHaveText(/PENDING|IN_PROGRESS/);
  }
  for (const dashboard of [onB, throughBalancer, onA]) {
    await expect(connectorRow(dashboard, design.name).getByTestId('state-badge')).toHaveText('SUCCESS');
  }

  // Changed through B (another CXP): A's dashboard follows.
  const changed = await viaB.put(`/api/connectors/${created.id}?provision=true`, {
    data: { ...design, cxp: at(refs.cxpNames, 1) },
  });
  expect(changed.status(), await changed.text()).toBe(200);
  const update = (await changed.json()) as { provisionRequestId: string };
  await expect(connectorRow(onA, design.name)).toContainText(at(refs.cxpNames, 1));
  await expect(connectorRow(onA, design.name).getByTestId('state-badge')).toHaveText(/PENDING|IN_PROGRESS/);
  await expect(connectorRow(onA, design.name).getByTestId('state-badge')).toHaveText('SUCCESS');
  expect((await settled(viaB, update.provisionRequestId)).state).toBe('SUCCESS');
  await expect(connectorRow(onB, design.name)).toContainText(at(refs.cxpNames, 1));

  // Deleted through A: gone from every dashboard.
  const deleted = await viaA.delete(`/api/connectors/${created.id}`);
  expect(deleted.status(), await deleted.text()).toBeLessThan(300);
  for (const dashboard of [onB, throughBalancer, onA]) {
    await expect(connectorRow(dashboard, design.name)).toHaveCount(0);
  }

  // None of it needed a reload or the polling fallback.
  for (const dashboard of [onB, onA]) await stillTheSamePage(dashboard);
  await viaA.dispose();
  await viaB.dispose();
});
