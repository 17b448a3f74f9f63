/**
 * Accessibility of the dashboard, the connector detail page, the designer and
 * the diagram demo: axe-core (WCAG 2.0/2.1 A and AA) finds no serious or
 * critical violation in the light or the dark theme, and every control of the
 * dashboard and the detail page is reachable with Tab.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { seedConnector, seedDesign, settled, tenantRefs, type Seeded } from './support/connectors';

const RUN = Date.now().toString(36).slice(-5);
const SCHEMES = ['light', 'dark'] as const;

/** Serious and critical axe findings in both colour schemes, as readable lines (empty = pass). */
async function axeViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // Let theme transitions and the diagram's colour mode settle before measuring contrast.
    await page.waitForTimeout(200);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    for (const v of results.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      const targets = v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.split('\n').slice(1).join(' ').trim()})` : ''}`);
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

test.describe('accessibility', () => {
  let ipsec: Seeded;
  let vxlan: Seeded;

  test.beforeAll(async ({ request }) => {
    const refs = await tenantRefs(request);
    ipsec = await seedConnector(request, seedDesign(refs, { name: `a11y-${RUN}-ipsec`, slot: 1, ipsecTunnels: [2, 1] }));
    vxlan = await seedConnector(request, seedDesign(refs, { name: `a11y-${RUN}-vxlan`, slot: 2 }));
    await Promise.all([settled(request, ipsec.provisionRequestId), settled(request, vxlan.provisionRequestId)]);
  });

  test('the dashboard has no serious violations in light and dark', async ({ page }) => {
    await page.goto('/connectors');
    await expect(page.getByRole('link', { name: ipsec.name, exact: true })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the connector detail page, with its diagram and delete dialog, has no serious violations', async ({ page }) => {
    await page.goto(`/connectors/${ipsec.id}`);
    await expect(page.getByTestId('diagram-node-vhub')).toBeVisible({ timeout: 20_000 });
    expect(await axeViolations(page)).toEqual([]);

    // The confirmation dialog is a separate surface with its own colours.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the designer has no serious violations, empty, with a template and on the Topology tab', async ({ page }) => {
    page.on('dialog', (d) => void d.accept());
    await page.goto('/designer');
    await expect(page.getByRole('heading', { name: 'Connector designer' })).toBeVisible();
    const empty = await axeViolations(page);

    await page.getByRole('button', { name: 'Templates' }).click();
    await page.locator('[data-template="multi-segment-ipsec"]').click();
    await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('multi-segment-ipsec');
    const withTemplate = await axeViolations(page);

    // The third preview view: the live topology diagram of the form.
    await page.getByRole('tab', { name: 'Topology' }).click();
    await expect(page.getByTestId('diagram-node-vhub')).toBeVisible({ timeout: 20_000 });
    const topology = await axeViolations(page);

    expect({ empty, withTemplate, topology }).toEqual({ empty: [], withTemplate: [], topology: [] });
  });

  test('the diagram demo has no serious violations', async ({ page }) => {
    await page.goto('/diagram-demo?template=multi-instance-ipsec');
    await expect(page.getByTestId('diagram-node-vhub')).toBeVisible({ timeout: 20_000 });
    expect(await axeViolations(page)).toEqual([]);
  });

  test('Tab reaches every dashboard control: filter, state select, sortable headers, row links, New connector', async ({ page }) => {
    await page.goto('/connectors');
    await expect(page.getByRole('link', { name: vxlan.name, exact: true })).toBeVisible();
    const headers = await page.locator('thead th button').allTextContents();
    expect(headers.length).toBe(6);

    const reached = await tabThrough(page, 80);
    const reachedText = reached.join('\n');
    expect(reachedText).toContain('input#connector-filter-text');
    expect(reachedText).toContain('select#connector-filter-state');
    for (const header of headers) {
      expect(reached.some((c) => c.startsWith('button#') && c.endsWith(header.replace(/[▲▼]/g, '').trim())), `sort header ${header}`).toBe(true);
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
    expect(reached.some((c) => /^button# Export/.test(c)), 'an Export button').toBe(true);
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
