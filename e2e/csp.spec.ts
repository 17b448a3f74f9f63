/**
 * The nonce-based Content-Security-Policy in real Chromium: every page's
 * scripts run (each carries the response's nonce), the designer's Web Worker
 * (the design check) starts, and the browser reports no policy violation; injected inline
 * script (an event-handler attribute) is blocked.
 */
import { expect, test, type Page } from '@playwright/test';
import { field } from './support/locators';

/** Collects CSP violations the page reports. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return violations;
}

test('pages run under the nonce policy without violations', async ({ page }) => {
  const violations = await watchViolations(page);

  const response = await page.goto('/designer');
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // Interactive (hydrated): a template fills the form.
  page.on('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.locator('[data-template="multi-instance-ipsec"]').click();
  await expect(field(page, 'name')).toHaveValue('multi-instance-connector');
  // The topology view draws the design (its styles and scripts under the policy too).
  await page.getByRole('tab', { name: 'Topology' }).click();
  await expect(page.getByTestId('diagram-node-vhub')).toBeVisible({ timeout: 20_000 });

  await page.goto('/connectors');
  await expect(page.getByRole('heading', { name: 'Connectors' })).toBeVisible();
  await expect(page.getByTestId('backend-badge')).toContainText('Emulator');

  expect(violations).toEqual([]);
});

test('injected markup cannot run script without the nonce', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/designer');
  // What an HTML injection would try: an inline event handler.
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.innerHTML = '<img src="/missing.png" onerror="document.body.dataset.injected = \'ran\'">';
    document.body.appendChild(div);
  });
  await expect.poll(() => violations.join('\n')).toMatch(/script-src-attr|script-src/);
  expect(await page.evaluate(() => document.body.dataset.injected ?? null)).toBeNull();
});
