/** axe-core (WCAG 2.0/2.1 A and AA) in the light and the dark theme: serious and critical findings as readable lines. */
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** `within`: CSS selectors of the parts to check (default: the whole page). */
export async function seriousAxeViolations(page: Page, within: readonly string[] = []): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    // Let theme transitions settle before measuring contrast.
    await page.waitForTimeout(200);
    const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
    for (const selector of within) builder.include(selector);
    const results = await builder.analyze();
    for (const v of results.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      found.push(
        `[${colorScheme}] ${v.id} (${v.impact}): ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
      );
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}
