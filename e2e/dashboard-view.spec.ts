/**
 * The dashboard at tenant scale (issue 12), in real Chromium against the
 * production build and the emulator: the view lives in the URL (shareable,
 * Back restores it), the state column survives a phone-width screen, and
 * provision states arrive over the event stream without the list being
 * fetched again (with polling of in-flight requests only when the stream is
 * down). The failed-row error and history link are in dashboard.spec.ts.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { designFor, seedConnector, settled, tenantRefs, type Seeded } from './support/connectors';
import { connectorRow } from './support/locators';
import { at } from '../tests/helpers/present';

const RUN = Date.now().toString(36).slice(-5);
const NEEDS = { minSegments: 2, minCxps: 2 };

/** The paged list requests (`GET /api/connectors?…`) the page makes from now on. */
function listRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (r.method() === 'GET' && url.pathname === '/api/connectors') seen.push(r);
  });
  return seen;
}

test.describe('dashboard view', () => {
  let east: Seeded;
  let west: Seeded;
  let tunnel: Seeded;
  let cxps: string[];

  test.beforeAll(async ({ request }) => {
    const refs = await tenantRefs(request, NEEDS);
    cxps = refs.cxpNames;
    east = await seedConnector(request, designFor(refs, { name: `view-${RUN}-east`, cxp: at(cxps, 0), slot: 40 }));
    west = await seedConnector(request, designFor(refs, { name: `view-${RUN}-west`, cxp: at(cxps, 1), slot: 41 }));
    tunnel = await seedConnector(
      request,
      designFor(refs, { name: `view-${RUN}-tunnel`, cxp: at(cxps, 0), slot: 42, ipsec: { psk: `psk-${RUN}` } }),
    );
    await Promise.all([east, west, tunnel].map((s) => settled(request, s.provisionRequestId)));
  });

  test('a shared URL opens the filtered, sorted view; Back restores the previous filter', async ({ page }) => {
    await page.goto(`/connectors?q=view-${RUN}&cxp=${at(cxps, 0)}&sort=name&order=desc`);
    const names = page.getByTestId('connector-row').getByRole('link', { name: new RegExp(`^view-${RUN}`) });
    await expect(names).toHaveText([tunnel.name, east.name]);
    await expect(page.getByLabel('Search name or id')).toHaveValue(`view-${RUN}`);
    await expect(page.getByLabel('CXP', { exact: true })).toHaveValue(at(cxps, 0));
    await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByTestId('row-count')).toHaveText(/^2 of \d+ connectors$/);

    // A further filter is a new history entry…
    await page.getByLabel('Tunnel protocol').selectOption('IPSEC');
    await expect(page).toHaveURL(/[?&]protocol=IPSEC/);
    await expect(names).toHaveText([tunnel.name]);

    // …and Back returns to the view before it, filters and rows alike.
    await page.goBack();
    await expect(page).not.toHaveURL(/protocol=/);
    await expect(page.getByLabel('Tunnel protocol')).toHaveValue('');
    await expect(names).toHaveText([tunnel.name, east.name]);

    // A summary tile filters by state, and Back undoes it too.
    await page.getByLabel('CXP', { exact: true }).selectOption('');
    await expect(names).toHaveText([west.name, tunnel.name, east.name]);
    await page.getByTestId('summary-failed').click();
    await expect(page).toHaveURL(/[?&]state=FAILED/);
    await expect(page.getByTestId('summary-failed')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByLabel('Provision state')).toHaveValue('FAILED');
    await expect(page.getByText('No connector matches the filter.')).toBeVisible();
    await page.goBack();
    await expect(page.getByLabel('Provision state')).toHaveValue('');
    await expect(names).toHaveText([west.name, tunnel.name, east.name]);

    // Reloading the URL gives the same view (nothing lives only in memory).
    await page.reload();
    await expect(names).toHaveText([west.name, tunnel.name, east.name]);
    await expect(page.getByLabel('Search name or id')).toHaveValue(`view-${RUN}`);
  });

  test('the scroll position is part of the URL: a reload opens at the same row', async ({ page, request }) => {
    const refs = await tenantRefs(request, NEEDS);
    // Fifteen connectors that are never provisioned (quick to create), named so they sort in creation order.
    // (How few rows the DOM holds at tenant scale is measured by `npm run bench:browser`.)
    const names = Array.from({ length: 15 }, (_, i) => `scroll-${RUN}-${String(i).padStart(2, '0')}`);
    for (const [i, name] of names.entries()) {
      const res = await request.post('/api/connectors?provision=false', {
        data: designFor(refs, { name, cxp: at(cxps, 0), slot: 45 + i }),
      });
      expect(res.status(), await res.text()).toBe(201);
    }
    await page.setViewportSize({ width: 1280, height: 560 });
    await page.goto(`/connectors?q=scroll-${RUN}`);
    const links = page.getByTestId('connector-row').getByRole('link');
    await expect(links.first()).toHaveText(at(names, 0));
    await expect(page.getByTestId('row-count')).toHaveText(/^15 of /);
    await page.getByTestId('connector-scroll').evaluate((el) => {
      el.scrollTop = 8 * 56;
    });
    await expect(page).toHaveURL(/[?&]row=9(&|$)/);
    await expect(page.getByTestId('connector-row').getByRole('link', { name: at(names, 14) })).toBeAttached();

    await page.reload();
    await expect(page.getByTestId('connector-row').getByRole('link', { name: at(names, 14) })).toBeAttached();
    const top = await page.getByTestId('connector-scroll').evaluate((el) => el.scrollTop);
    expect(top).toBeGreaterThan(0);
    await expect(page.getByTestId('connector-row').getByRole('link', { name: at(names, 8) })).toBeInViewport();
  });

  test('at 390 px wide each row still shows the name and the provision state', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/connectors?q=view-${RUN}`);
    const row = connectorRow(page, east.name);
    await expect(row.getByRole('link', { name: east.name })).toBeInViewport();
    await expect(row.getByTestId('state-badge')).toHaveText('SUCCESS');
    await expect(row.getByTestId('state-badge')).toBeInViewport({ ratio: 1 });
    // The secondary columns step aside rather than push the state off screen.
    await expect(page.getByRole('columnheader', { name: /CXP/ })).toBeHidden();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('a provision started elsewhere changes state in this tab without the list being fetched again', async ({
    page,
    request,
  }) => {
    const refs = await tenantRefs(request, NEEDS);
    // "Another tab": the create goes through the API, before this tab opens.
    const live = await seedConnector(
      request,
      designFor(refs, { name: `view-${RUN}-live`, cxp: at(cxps, 1), slot: 43 }),
    );
    const lists = listRequests(page);
    await page.goto(`/connectors?q=view-${RUN}-live`);
    const badge = connectorRow(page, live.name).getByTestId('state-badge');
    await expect(badge).toHaveText(/PENDING|IN_PROGRESS/);
    await expect(page.getByTestId('live-status')).toHaveAttribute('data-mode', 'live');
    // (The first page may have come with the HTML; whatever was fetched so far is the first load.)
    const afterLoad = lists.length;

    await expect(badge).toHaveText('SUCCESS', { timeout: 15_000 });
    // The tenant-wide counts moved with it, still without a list request.
    expect(lists.slice(afterLoad).map((r) => r.url())).toEqual([]);
    expect((await settled(request, live.provisionRequestId)).state).toBe('SUCCESS');
  });

  test('with the event stream down, only the in-flight request is polled', async ({ page, request }) => {
    const refs = await tenantRefs(request, NEEDS);
    await page.route('**/api/connectors/events', (route) => route.abort());
    const doomed = await seedConnector(
      request,
      designFor(refs, {
        name: `view-${RUN}-polled`,
        cxp: at(cxps, 0),
        slot: 44,
        circuit: `fail-provision-${RUN}-polled`,
      }),
    );
    const lists = listRequests(page);
    const polls: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/provision-requests/')) polls.push(new URL(r.url()).pathname);
    });
    await page.goto(`/connectors?q=view-${RUN}-polled`);
    const row = connectorRow(page, doomed.name);
    await expect(row.getByTestId('state-badge')).toHaveText(/PENDING|IN_PROGRESS/);
    await expect(page.getByTestId('live-status')).toHaveAttribute('data-mode', 'polling');
    const afterLoad = lists.length;

    await expect(row.getByTestId('state-badge')).toHaveText('FAILED', { timeout: 15_000 });
    await expect(row.getByTestId('row-error')).toContainText('ExpressRoute circuit');
    expect(lists.length).toBe(afterLoad);
    expect(new Set(polls)).toEqual(new Set([`/api/provision-requests/${doomed.provisionRequestId}`]));
    // Nothing in flight any more: the polling stops.
    const settledPolls = polls.length;
    await page.waitForTimeout(3_500);
    expect(polls.length).toBe(settledPolls);
  });
});
