/** Locators shared by the specs. */
import type { Page } from '@playwright/test';

/** A designer control by its design path (the form's ids are `field-<path>`). */
export const field = (page: Page, path: string) => page.locator(`[id="field-${path}"]`);

/** A connector's row on the dashboard, by its name. */
export function connectorRow(page: Page, name: string) {
  return page.getByTestId('connector-row').filter({ has: page.getByRole('link', { name, exact: true }) });
}
