/**
 * A megabyte pasted into the editor: the page keeps answering while the file
 * is read, the editor holds exactly what was pasted (coloured where it shows),
 * and the diagnostics list every connector of it with the form on the first.
 * How fast is measured by `npm run bench:browser` (scenario paste), not here:
 * the time from the click to its answer is attached to the test's results.
 */
import { expect, test } from '@playwright/test';
import { pasteFile } from '../scripts/bench-designer-paste';
import { field, gotoDesigner } from './support/locators';
import { editorText } from './support/hcl-file';

test('paste 1 MB into the editor: a click is answered while it is read, and the file and its connectors all arrive', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const file = pasteFile();
  expect(file.text.length).toBeGreaterThan(1_000_000);
  await gotoDesigner(page);
  const content = page.getByTestId('hcl-editor').locator('.cm-content');
  await expect(content).toBeVisible();
  // The pasted file replaces the starting one, as a user selecting all and pasting does.
  await content.click();
  await page.keyboard.press('ControlOrMeta+A');

  await content.evaluate((element, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, file.text);
  // Straight after the paste: "Validate all" is answered (the summary takes the focus) while the file is still read.
  const clicked = Date.now();
  await page.getByRole('button', { name: 'Validate all' }).click();
  await expect(page.locator('#error-summary')).toBeFocused();
  test.info().annotations.push({
    type: 'click answered after paste (ms, not asserted)',
    description: String(Date.now() - clicked),
  });

  // Every connector of the file is offered, and the form shows the first.
  await expect(page.getByTestId('hcl-resource-select').locator('option')).toHaveCount(file.connectors, {
    timeout: 60_000,
  });
  await expect(field(page, 'name')).toHaveValue(file.firstName);
  // The editor holds the pasted bytes exactly, and the lines on screen (the end of the file) are coloured.
  expect(await editorText(page)).toBe(file.text);
  await expect(page.getByTestId('hcl-editor').locator('.hcl-tok-block').first()).toBeVisible();
  // The file's key variables (one per tunnel of every connector): the first few by name, the rest on request.
  const variables = [...new Set(file.text.match(/\bvar\.[A-Za-z0-9_-]+/g) ?? [])];
  expect(variables.length).toBeGreaterThan(100);
  const keyList = page.getByTestId('psk-variables');
  await expect(keyList.locator('li')).toHaveCount(48);
  await keyList
    .getByRole('button', { name: new RegExp(`Show all ${variables.length.toLocaleString('en-US')} variables`) })
    .click();
  await expect(keyList.locator('li')).toHaveCount(variables.length);
  await keyList.getByRole('button', { name: 'Show fewer' }).click();
  await expect(keyList.locator('li')).toHaveCount(48);

  // The draft of a file this large is prepared in a worker; a reload brings back the same bytes.
  await expect(page.getByTestId('autosave-status')).toContainText('Draft saved', { timeout: 30_000 });
  await page.reload();
  await expect(field(page, 'name')).toHaveValue(file.firstName, { timeout: 60_000 });
  await expect.poll(() => editorText(page), { timeout: 30_000 }).toBe(file.text);
});
