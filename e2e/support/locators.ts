/** Locators shared by the specs. */
import type { Page } from '@playwright/test';

/** A designer control by its design path (the form's ids are `field-<path>`). */
export const field = (page: Page, path: string) => page.locator(`[id="field-${path}"]`);

/** A connector's row on the dashboard, by its name. */
export function connectorRow(page: Page, name: string) {
  return page.getByTestId('connector-row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** Opens the designer and waits until its draft is in the form (an edit made earlier would be replaced by the draft). */
export async function gotoDesigner(page: Page, url = '/designer') {
  await page.goto(url);
  await page.locator('form[data-ready="true"]').waitFor();
}
