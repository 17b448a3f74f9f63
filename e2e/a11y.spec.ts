/**
 * Accessibility of every view: axe-core (WCAG 2.0/2.1 A and AA) finds no
 * serious or critical violation on any of them — the dashboard, a connector's
 * page (healthy, with its delete dialog, and failed with a long circuit id),
 * the designer (empty, with a design, on the Topology tab, with the Import
 * dialog open), the workspace list, a design linked to a live connector,
 * Activity, the API reference and the diagram demo — in the light and the dark theme, at 1440 and
 * at 390 px. At 390 px no view scrolls sideways and every header link is on
 * screen. Every control of the dashboard and the detail page is reachable
 * with Tab.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { seedConnector, seedDesign, settled, tenantRefs, type Seeded } from './support/connectors';
import { instanceOf } from '../tests/helpers/design-parts';

const RUN = Date.now().toString(36).slice(-5);
const SCHEMES = ['light', 'dark'] as const;

/**
 * Serious and critical axe findings in both colour schemes, as readable lines (empty = pass); `shot` names a
 * screenshot of the view per scheme (test-results/, for looking at).
 */
async function axeViolations(page: Page, shot?: (scheme: string) => string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // Let theme transitions and the diagram's colour mode settle before measuring contrast.
    await page.waitForTimeout(200);
    if (shot) await page.screenshot({ path: shot(colorScheme) });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    for (const v of results.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      const targets = v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.split('\n').slice(1).join(' ').trim()})` : ''}`,
        );
      found.push(`[${colorScheme}] ${v.id} (${v.impact}, ${v.nodes.length} nodes): ${targets.join(' | ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/** A short description of the focused element: its role-ish tag and accessible text. */
async function focusedControl(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const text = (el.getAttribute('aria-label') || el.textContent || '').replace(/[▲▼▾]/g, '').trim();
    return `${el.tagName.toLowerCase()}#${el.id || ''} ${text}`;
  });
}

/** Tabs from the top of the page and returns every control that received focus, in order. */
async function tabThrough(page: Page, maxTabs: number): Promise<string[]> {
  await page.locator('body').click({ position: { x: 2, y: 200 } });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const seen: string[] = [];
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const control = await focusedControl(page);
    if (control && seen.includes(control) && seen.length > 5) break; // wrapped around
    if (control) seen.push(control);
  }
  return seen;
}

/** A file with findings in the Import dialog: a misspelled attribute and block, and a block the designer ignores. */
const IMPORT_TEXT = `provider "alkira" {}

resource "alkira_connector_azure_expressroute" "edge" {
  name        = "edge"
  sizee       = "SMALL"
  vhub_prefix = "10.1.0.0/23"
  cxp         = "US-WEST"

  instances {
    name                    = "primary"
    expressroute_circuit_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/c"
    loopback_subnet         = "192.168.20.0/26"
    credential_id           = "1"
    iposec_customer_gateway {}
  }
}
`;

const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

interface View {
  name: string;
  open(page: Page): Promise<void>;
}

test.describe('accessibility of every view', () => {
  let ipsec: Seeded;
  let vxlan: Seeded;
  let failed: Seeded;
  let designId: number;

  test.beforeAll(async ({ request }) => {
    const refs = await tenantRefs(request);
    ipsec = await seedConnector(
      request,
      seedDesign(refs, { name: `a11y-${RUN}-ipsec`, slot: 1, ipsecTunnels: [2, 1] }),
    );
    vxlan = await seedConnector(request, seedDesign(refs, { name: `a11y-${RUN}-vxlan`, slot: 2 }));
    // A circuit id the emulator fails, long enough to test the failure box at phone width.
    const failing = seedDesign(refs, { name: `a11y-${RUN}-failed`, slot: 3 });
    instanceOf(failing).expressroute_circuit_id =
      `${instanceOf(failing).expressroute_circuit_id}-fail-provision-expressroute-circuit-with-a-very-long-resource-name`;
    failed = await seedConnector(request, failing);
    // A stored design provisioned to a live connector: its banner links to it.
    const stored = await request.post('/api/designs', {
      data: { design: seedDesign(refs, { name: `a11y-${RUN}-stored`, slot: 4 }), note: 'First cut' },
    });
    expect(stored.status()).toBe(201);
    designId = ((await stored.json()) as { id: number }).id;
    const sent = await request.post(`/api/designs/${designId}/provision`, { data: { version: 1 } });
    expect(sent.status(), await sent.text()).toBeLessThan(300);
    const { provisionRequestId } = (await sent.json()) as { provisionRequestId: string };
    await Promise.all(
      [ipsec, vxlan, failed]
        .map((c) => settled(request, c.provisionRequestId))
        .concat(settled(request, provisionRequestId)),
    );
  });

  const views: View[] = [
    {
      name: 'dashboard',
      open: async (page) => {
        await page.goto('/connectors');
        await expect(page.getByRole('link', { name: ipsec.name, exact: true })).toBeVisible();
      },
    },
    {
      name: 'connector',
      open: async (page) => {
        await page.goto(`/connectors/${ipsec.id}`);
        await expect(page.getByTestId('diagram-node-vhub')).toBeVisible({ timeout: 20_000 });
      },
    },
    {
      name: 'connector-delete-dialog',
      open: async (page) => {
        await page.goto(`/connectors/${vxlan.id}`);
        await expect(page.getByTestId('diagram-node-vhub')).toBeVisible({ timeout: 20_000 });
        await page.getByRole('button', { name: 'Delete', exact: true }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
      },
    },
    {
      name: 'connector-failed',
      open: async (page) => {
        await page.goto(`/connectors/${failed.id}`);
        await expect(page.getByRole('alert').filter({ hasText: 'Provisioning failed' })).toBeVisible();
      },
    },
    {
      name: 'designer-empty',
      open: async (page) => {
        await page.goto('/designer');
        await expect(page.getByRole('heading', { name: 'Connector designer' })).toBeVisible();
        await expect(page.getByTestId('export-checklist')).toBeVisible();
      },
    },
    {
      name: 'designer-template',
      open: async (page) => {
        await page.goto('/designer');
        await page.getByRole('button', { name: 'Templates' }).click();
        await page.locator('[data-template="multi-segment-ipsec"]').click();
        await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('multi-segment-ipsec');
      },
    },
    {
      name: 'designer-topology',
      open: async (page) => {
        await page.goto('/designer');
        await page.getByRole('button', { name: 'Templates' }).click();
        await page.locator('[data-template="multi-instance-ipsec"]').click();
        await page.getByRole('tab', { name: 'Topology' }).click();
        await expect(page.getByTestId('diagram-node-vhub')).toBeVisible({ timeout: 20_000 });
      },
    },
    {
      name: 'designer-import-dialog',
      open: async (page) => {
        await page.goto('/designer');
        await expect(page.getByTestId('hcl-editor').locator('.cm-content')).toBeVisible();
        await page.getByRole('button', { name: 'Import', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Import Terraform' });
        await dialog.getByRole('textbox').fill(IMPORT_TEXT);
        await expect(dialog.getByRole('list', { name: 'Diagnostics of edge' })).toBeVisible();
      },
    },
    {
      name: 'designs',
      open: async (page) => {
        await page.goto('/designs');
        await expect(page.getByRole('link', { name: `a11y-${RUN}-stored` }).first()).toBeVisible();
      },
    },
    {
      name: 'design-linked',
      open: async (page) => {
        await page.goto(`/designs/${designId}`);
        await expect(page.getByText(/Live connector #\d+/)).toBeVisible();
      },
    },
    {
      name: 'activity',
      open: async (page) => {
        await page.goto('/activity');
        await expect(page.getByTestId('activity-entry').first()).toBeVisible();
      },
    },
    {
      name: 'api-docs',
      open: async (page) => {
        await page.goto('/api-docs');
        await expect(page.locator('.swagger-ui .opblock').first()).toBeVisible({ timeout: 30_000 });
      },
    },
    {
      name: 'diagram-demo',
      open: async (page) => {
        await page.goto('/diagram-demo?template=multi-instance-ipsec');
        await expect(page.getByTestId('diagram-node-vhub')).toBeVisible({ timeout: 20_000 });
      },
    },
  ];

  for (const size of WIDTHS) {
    for (const view of views) {
      test(`${view.name} at ${size.width} px: no serious or critical axe finding in light or dark, nothing wider than the screen`, async ({
        page,
      }) => {
        test.setTimeout(240_000);
        page.on('dialog', (d) => void d.accept());
        await page.setViewportSize(size);
        await view.open(page);
        expect(
          await axeViolations(page, (scheme) => `test-results/views/${size.width}/${view.name}-${scheme}.png`),
        ).toEqual([]);
        // The page never scrolls sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
          0,
        );
      });
    }
  }

  test('at 390 px every header link is on screen, none under the mode badge', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/designer');
    const badge = await page.getByText('Local mode', { exact: true }).boundingBox();
    expect(badge).not.toBeNull();
    for (const name of ['Connectors', 'Designs', 'Designer', 'Activity', 'API']) {
      const box = await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name, exact: true })
        .boundingBox();
      expect(box, name).not.toBeNull();
      if (!box || !badge) continue;
      expect(box.x, name).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, name).toBeLessThanOrEqual(390);
      const overlaps =
        box.x < badge.x + badge.width &&
        badge.x < box.x + box.width &&
        box.y < badge.y + badge.height &&
        badge.y < box.y + box.height;
      expect(overlaps, `${name} under the badge`).toBe(false);
    }
  });

  test('Tab reaches every dashboard control: filter, state select, sortable headers, row links, New connector', async ({
    page,
  }) => {
    // This run's connectors only: a tenant with more rows than the screen would not render the others' links.
    await page.goto(`/connectors?q=a11y-${RUN}`);
    await expect(page.getByRole('link', { name: vxlan.name, exact: true })).toBeVisible();
    const headers = await page.locator('thead th button').allTextContents();
    expect(headers.length).toBe(6);

    const reached = await tabThrough(page, 160);
    const reachedText = reached.join('\n');
    expect(reachedText).toContain('input#connector-filter-text');
    expect(reachedText).toContain('select#connector-filter-state');
    for (const header of headers) {
      expect(
        reached.some((c) => c.startsWith('button#') && c.endsWith(header.replace(/[▲▼]/g, '').trim())),
        `sort header ${header}`,
      ).toBe(true);
    }
    for (const name of [ipsec.name, vxlan.name]) {
      expect(reached, `row link ${name}`).toContain(`a# ${name}`);
    }
    expect(reached).toContain('a# New connector');

    // A header reached by keyboard sorts with Enter.
    const nameHeader = page.getByRole('columnheader', { name: 'Name' });
    await nameHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  });

  test('Tab reaches the detail page actions and the diagram toolbar', async ({ page }) => {
    await page.goto(`/connectors/${ipsec.id}`);
    await expect(page.getByTestId('diagram-node-vhub')).toBeVisible({ timeout: 20_000 });
    const reached = await tabThrough(page, 60);
    expect(reached).toContain('a# ← All connectors');
    expect(reached).toContain('a# Edit in designer');
    expect(
      reached.some((c) => /^button# Export/.test(c)),
      'an Export button',
    ).toBe(true);
    expect(reached).toContain('button# Delete');
    expect(reached).toContain('button# Fit to view');

    // Delete opens its dialog from the keyboard and Escape closes it again.
    await page.getByRole('button', { name: 'Delete', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.getByLabel('Connector name')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  });
});
