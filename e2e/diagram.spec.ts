import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { UPDATE_SCREENSHOTS } from './support/screenshots';

const DEMO = '/diagram-demo?template=multi-instance-ipsec';

async function openDemo(page: Page, url = DEMO) {
  await page.goto(url);
  // The diagram is lazy-loaded and laid out asynchronously; the vHub node appears last of all.
  await expect(page.getByTestId('diagram-node-vhub')).toBeVisible({ timeout: 20_000 });
}

test.describe('topology diagram', () => {
  test('draws one gateway and one tunnel per circuit of the multi-instance template', async ({ page }) => {
    await openDemo(page);
    await expect(page.getByTestId('diagram-node-circuit')).toHaveCount(2);
    await expect(page.getByTestId('diagram-node-gateway')).toHaveCount(2);
    await expect(page.getByTestId('diagram-node-tunnel')).toHaveCount(2);
    await expect(page.getByRole('button', { name: 'ExpressRoute circuit backup-circuit' })).toBeVisible();
    await expect(page.getByTestId('segment-legend')).toContainText('alkira_segment.prod.id');
  });

  test('follows design changes: an added instance appears as a new circuit', async ({ page }) => {
    await openDemo(page);
    await page.getByRole('button', { name: 'Add instance' }).click();
    await expect(page.getByTestId('diagram-node-circuit')).toHaveCount(3);
    await expect(page.getByRole('button', { name: 'ExpressRoute circuit added-instance-1' })).toBeVisible();
    await expect(page.getByTestId('diagram-node-tunnel')).toHaveCount(3);
  });

  test('clicking a tunnel reports its form path and highlights it; Enter does the same', async ({ page }) => {
    await openDemo(page);
    const tunnel = page.getByRole('button', { name: 'IPsec tunnel backup-tunnel' });
    await tunnel.click();
    await expect(page.getByTestId('clicked-path')).toHaveText(
      'instances.1.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0',
    );
    await expect(tunnel).toHaveAttribute('aria-current', 'true');

    const gateway = page.getByRole('button', { name: 'Customer gateway prod-gateway' });
    await gateway.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('clicked-path')).toHaveText(
      'instances.0.ipsec_customer_gateway.0.customer_gateway.0',
    );
  });

  test('a node with a validation error is marked and explains the error', async ({ page }) => {
    await openDemo(page, `${DEMO}&errors=1`);
    const tunnel = page.getByRole('button', { name: 'IPsec tunnel backup-tunnel' });
    await expect(tunnel).toHaveAttribute('data-errors', '1');
    await expect(tunnel).toHaveAttribute('title', /IKEv2/);
    await expect(tunnel).toHaveAccessibleDescription(/IKEv2/);
    const healthy = page.getByRole('button', { name: 'IPsec tunnel prod-tunnel' });
    await expect(healthy).toHaveAttribute('data-errors', '0');
  });

  test('Export SVG downloads a standalone SVG with the instance names and no pre-shared keys', async ({ page }) => {
    await openDemo(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export SVG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('multi_instance-topology.svg');
    const svg = await readFile(await download.path(), 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('primary-circuit');
    expect(svg).toContain('backup-circuit');
    expect(svg).toContain('prod-gateway');
    expect(svg).not.toContain('psk-');
  });

  test('Export PNG downloads a PNG image', async ({ page }) => {
    await openDemo(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('multi_instance-topology.png');
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(5_000);
  });

  test('the provisioning state tints the vHub and circuits', async ({ page }) => {
    await openDemo(page, `${DEMO}&state=FAILED`);
    await expect(page.getByTestId('provision-state')).toHaveText('FAILED');
    await expect(page.getByTestId('diagram-node-vhub')).toHaveClass(/border-red-500/);
    await expect(page.getByTestId('diagram-node-gateway').first()).not.toHaveClass(/border-red-500/);
  });

  test('has no serious or critical accessibility violations', async ({ page }) => {
    await openDemo(page, `${DEMO}&errors=1`);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).include('[data-diagram-root="true"]').analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        bad.map(
          (v) =>
            `${colorScheme} ${v.id}: ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
        ),
      ).toEqual([]);
    }
    // The whole demo page too (template links, clicked-path readout), in the default scheme.
    await page.emulateMedia({ colorScheme: 'light' });
    const wholePage = await new AxeBuilder({ page }).analyze();
    expect(
      wholePage.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
  });

  test('a 10×8×4×2 design opens readable around the vHub, with tunnels folded into gateways', async ({ page }) => {
    // The most node cards the page ever holds while it opens (its 426 nodes are mostly off screen).
    await page.addInitScript(() => {
      const w = window as unknown as { mostNodes: number };
      w.mostNodes = 0;
      new MutationObserver(() => {
        w.mostNodes = Math.max(w.mostNodes, document.querySelectorAll('.react-flow__node').length);
      }).observe(document, { childList: true, subtree: true });
    });
    const started = Date.now();
    await page.goto('/diagram-demo?template=large');
    await expect(page.getByTestId('diagram-node-vhub')).toBeInViewport({ timeout: 30_000 });
    console.log(`[diagram] large design (10×8×4×2) on screen after ${Date.now() - started} ms`);
    await expect(page.getByTestId('diagram-node-tunnel')).toHaveCount(0);
    await expect(page.getByTestId('segment-legend')).toContainText('tunnels are listed inside their gateway');
    // Readable: node titles are drawn at (close to) full size, not fitted down to a sliver.
    const box = await page.getByTestId('diagram-node-vhub').boundingBox();
    expect(box!.width).toBeGreaterThan(150);

    // Only the cards on screen are ever drawn, from the first frame on (not all 426 to be measured, then dropped).
    const drawn = await page.locator('.react-flow__node').count();
    expect(drawn).toBeGreaterThan(5);
    expect(await page.evaluate(() => (window as unknown as { mostNodes: number }).mostNodes)).toBeLessThan(80);
    // The edges' ends the layout gives React Flow are where each card's handles are drawn: the middle of its left
    // and right borders (a card whose border changed would have edges ending beside it).
    const offsets = await page.locator('.react-flow__node').evaluateAll((cards) => {
      const viewport = document.querySelector('.react-flow__viewport') as HTMLElement;
      const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
      return cards.map((card) => {
        const c = card.getBoundingClientRect();
        const centre = (selector: string) => {
          const h = card.querySelector(selector)!.getBoundingClientRect();
          return [(h.left + h.width / 2 - c.left) / zoom, (h.top + h.height / 2 - c.top) / zoom].map((v) =>
            Math.round(v * 10),
          );
        };
        const size = [c.width / zoom, c.height / zoom].map((v) => Math.round(v * 10));
        return { size, target: centre('.react-flow__handle.target'), source: centre('.react-flow__handle.source') };
      });
    });
    expect(offsets.length).toBe(drawn);
    for (const { size, target, source } of offsets) {
      const [width, height] = size as [number, number];
      expect(target).toEqual([20, height / 2]);
      expect(source).toEqual([width - 20, height / 2]);
    }
  });

  // Refreshes public/diagram.png and reports/diagram/*.png; opt-in so test runs do not rewrite tracked files.
  test('screenshots', async ({ page }) => {
    test.skip(!UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to refresh the README screenshots');
    await page.setViewportSize({ width: 1440, height: 900 });
    await openDemo(page, '/diagram-demo?template=multi-segment-ipsec');
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'public/diagram.png' });

    await openDemo(page, `${DEMO}&errors=1&state=IN_PROGRESS`);
    await page.getByRole('button', { name: 'Customer gateway prod-gateway' }).click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'reports/diagram/errors-provisioning.png' });

    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    await png.saveAs('reports/diagram/export-errors.png');

    await page.emulateMedia({ colorScheme: 'dark' });
    await openDemo(page, '/diagram-demo?template=ha-vxlan');
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'reports/diagram/dark-ha-vxlan.png' });
    await page.emulateMedia({ colorScheme: 'light' });

    await openDemo(page, '/diagram-demo?template=large');
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'reports/diagram/large.png' });
  });
});
