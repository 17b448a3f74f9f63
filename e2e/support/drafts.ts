/** Opening the designer on a saved draft. */
import { expect, type Page } from '@playwright/test';
import type { ConnectorDesign } from '../../lib/connector/design';
import { editorText } from './hcl-file';
import { gotoDesigner } from './locators';

/** Opens the designer with `design` as the autosaved draft (as if the user had built it earlier); resolves once the HCL editor shows it. */
export async function openWithDraft(page: Page, design: ConnectorDesign, timeout = 5_000) {
  await page.addInitScript((json) => {
    // Only the first load: a reload must keep what the test changed since.
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('connector-studio:draft:v1', json);
      sessionStorage.setItem('seeded', '1');
    }
  }, JSON.stringify(design));
  await gotoDesigner(page);
  await expect.poll(() => editorText(page), { timeout }).toContain(`"${design.name}"`);
}
