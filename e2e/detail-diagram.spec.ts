/**
 * The connector detail page draws the live connector's topology and follows
 * its provisioning: the vHub and circuit tint moves from "running" (amber) to
 * SUCCESS (emerald) while the page stays open, without a reload.
 */
import { expect, test } from '@playwright/test';
import { seedConnector, seedDesign, settled, tenantRefs } from './support/connectors';
import { UPDATE_SCREENSHOTS } from './support/screenshots';

// What this spec leaves on the page's window to read back.
declare global {
  interface Window {
    vhubTones?: string[];
    loadMarker?: string;
  }
}

const RUN = Date.now().toString(36).slice(-5);

test('the detail page shows the IPsec topology and its provisioning tint turns to SUCCESS without reload', async ({
  page,
  request,
}) => {
  const refs = await tenantRefs(request);
  // Warm the lazily loaded diagram chunk, so the page can draw it within the
  // emulator's provisioning time (3 s in the e2e server).
  await page.goto('/diagram-demo?template=multi-instance-ipsec');
  await expect(page.getByTestId('diagram-node-vhub')).toBeVisible({ timeout: 20_000 });

  // Record every tone the vHub node shows, from the first render on, so a
  // brief running state is not missed between two assertions.
  await page.addInitScript(() => {
    const tones: string[] = [];
    window.vhubTones = tones;
    const record = () => {
      const vhub = document.querySelector('[data-testid="diagram-node-vhub"]');
      if (!vhub) return;
      const tone = /border-amber-500/.test(vhub.className)
        ? 'running'
        : /border-emerald-500/.test(vhub.className)
          ? 'success'
          : 'other';
      if (tones[tones.length - 1] !== tone) tones.push(tone);
    };
    new MutationObserver(record).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['class'],
    });
  });

  const seeded = await seedConnector(
    request,
    seedDesign(refs, { name: `detail-${RUN}-ipsec`, slot: 20, ipsecTunnels: [2, 1] }),
  );
  await page.goto(`/connectors/${seeded.id}`);
  await page.evaluate(() => (window.loadMarker = 'same page'));

  const topology = page.getByTestId('connector-topology');
  await expect(topology.getByRole('heading', { name: 'Topology' })).toBeVisible();
  await expect(topology.getByTestId('diagram-node-vhub')).toBeVisible({ timeout: 10_000 });
  await expect(topology.getByTestId('diagram-node-circuit')).toHaveCount(1);
  await expect(topology.getByTestId('diagram-node-gateway')).toHaveCount(2);
  await expect(topology.getByTestId('diagram-node-tunnel')).toHaveCount(3);
  await expect(topology.getByRole('button', { name: 'Customer gateway gw-1' })).toBeVisible();
  await expect(topology.getByRole('button', { name: 'IPsec tunnel gw1-tunnel-2' })).toBeVisible();
  // The design comes from the API, which masks pre-shared keys: none reaches the diagram.
  await expect(topology).not.toContainText('secret');

  // Provisioning finishes on the server; the page notices by polling.
  expect((await settled(request, seeded.provisionRequestId)).state).toBe('SUCCESS');
  await expect(topology.getByTestId('provision-state')).toHaveText('SUCCESS', { timeout: 10_000 });
  await expect(topology.getByTestId('diagram-node-vhub')).toHaveClass(/border-emerald-500/);
  await expect(topology.getByTestId('diagram-node-circuit')).toHaveClass(/border-emerald-500/);
  await expect(page.getByTestId('state-badge').first()).toHaveText('SUCCESS');

  const tones = await page.evaluate(() => window.vhubTones ?? []);
  expect(tones, 'the vHub was first drawn as running, then as succeeded').toEqual(['running', 'success']);
  expect(await page.evaluate(() => window.loadMarker)).toBe('same page');
});

test('screenshots of the dark dashboard and the connector detail', async ({ page, request }) => {
  test.skip(!UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to refresh the README screenshots');
  const refs = await tenantRefs(request);
  // A small, realistic fleet: three provisioned connectors and one still provisioning.
  const done = await Promise.all([
    seedConnector(request, seedDesign(refs, { name: 'er-westus-prod', slot: 21, ipsecTunnels: [2, 1] })),
    seedConnector(request, seedDesign(refs, { name: 'er-eastus-core', slot: 22 })),
    seedConnector(request, seedDesign(refs, { name: 'er-emea-branch', slot: 23, ipsecTunnels: [1] })),
  ]);
  await Promise.all(done.map((s) => settled(request, s.provisionRequestId)));
  await seedConnector(request, seedDesign(refs, { name: 'er-westus-dr', slot: 24 }));

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/connectors');
  await expect(page.getByRole('link', { name: 'er-westus-dr', exact: true })).toBeVisible();
  await page.screenshot({ path: 'public/dashboard-dark.png' });

  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`/connectors/${done[0].id}`);
  await expect(page.getByTestId('diagram-node-vhub')).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'public/connector-detail.png' });
});
