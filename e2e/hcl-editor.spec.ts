import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { screenshotPath } from './support/screenshots';
import { editorText, failTheEditorChunk } from './support/hcl-file';
import { field } from './support/locators';

/** The provider page's example 4, with its misspelled `iposec_customer_gateway` block. */
const example4 = readFileSync(path.join(__dirname, '../tests/hcl-parse/fixtures/example-4.tf'), 'utf8');

const editor = (page: Page) => page.getByTestId('hcl-editor');
const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import Terraform' });
const prodGatewayName = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.name';
const prodTunnelKey = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key';

async function openDesigner(page: Page) {
  // A dirty form asks before an import replaces it; these tests start from a clean one.
  page.on('dialog', (d) => void d.accept());
  await page.goto('/designer');
  await expect(editor(page).locator('.cm-content')).toBeVisible();
}

/** Names the connector in the form, then breaks its line in the editor (`name = "…" =`): a syntax error. */
async function breakTheNameLine(page: Page, name: string) {
  await field(page, 'name').fill(name);
  await expect.poll(() => editorText(page)).toMatch(new RegExp(`name\\s+= "${name}"`));
  await editor(page)
    .locator('.hcl-tok-string', { hasText: `"${name}"` })
    .click();
  await page.keyboard.press('End');
  await page.keyboard.type(' =');
}

test('import example 4, fix it in the editor, and edit both ways', async ({ page }) => {
  await openDesigner(page);

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = importDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox').fill(example4);

  const resource = dialog.getByTestId('import-resource');
  await expect(resource).toHaveCount(1);
  await expect(resource).toContainText('multi_instance');
  await expect(resource).toContainText('multi-instance-connector');
  await expect(resource).toContainText('line 1');
  await expect(resource).toContainText('19:5');
  await expect(resource).toContainText(
    'Unknown block iposec_customer_gateway in instances (did you mean ipsec_customer_gateway?)',
  );
  await expect(resource).toContainText(
    'requires ipsec_customer_gateway blocks: one for each segment in segment_options',
  );

  await dialog.getByRole('button', { name: 'Load into designer' }).click();
  await expect(dialog).toBeHidden();

  // The form holds the design; the editor shows the file as written, with its problems inline and in the panel.
  await expect(field(page, 'name')).toHaveValue('multi-instance-connector');
  await expect.poll(() => editorText(page)).toBe(example4);
  const summary = page.getByTestId('issue-summary');
  await expect(summary).toContainText('requires ipsec_customer_gateway blocks');
  const panel = page.getByTestId('hcl-diagnostics');
  await expect(panel).toContainText('HCL diagnostics');
  await expect(panel).toContainText('19:5');
  await expect(panel).toContainText('did you mean ipsec_customer_gateway?');

  // Clicking the diagnostic selects the misspelled name in the editor; typing replaces it.
  await panel.getByRole('button', { name: /did you mean ipsec_customer_gateway/ }).click();
  await expect(editor(page).locator('.cm-editor')).toHaveClass(/cm-focused/);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('iposec_customer_gateway');
  // Inline: the underlined name explains itself on hover.
  const misspelled = editor(page).locator('.cm-lintRange-error', { hasText: 'iposec_customer_gateway' });
  await misspelled.hover();
  await expect(page.locator('.cm-tooltip-hover')).toContainText('did you mean ipsec_customer_gateway?');
  await page.screenshot({ path: screenshotPath('hcl-editor.png') });
  await page.keyboard.type('ipsec_customer_gateway');

  await expect(field(page, prodGatewayName)).toHaveValue('prod-gateway');
  await expect(field(page, prodTunnelKey)).toHaveValue('psk-prod-primary-123!');
  await expect(summary).not.toContainText('requires ipsec_customer_gateway blocks');
  await expect(panel).toBeHidden();
  // The editor keeps the user's text: no re-render after its own change.
  expect(await editorText(page)).toBe(example4.replace('iposec_customer_gateway', 'ipsec_customer_gateway'));

  // Form → editor: the file is edited in place — one line changes, the inline keys stay as written.
  await field(page, 'description').fill('Two circuits, edited in the form');
  const fixed = example4.replace('iposec_customer_gateway', 'ipsec_customer_gateway');
  await expect
    .poll(() => editorText(page))
    .toBe(
      fixed.replace('"ExpressRoute connector with multiple circuit instances"', '"Two circuits, edited in the form"'),
    );
});

test('an editor edit after a form edit reaches the form', async ({ page }) => {
  await openDesigner(page);
  await field(page, 'description').fill('Edited in the form');
  await expect.poll(() => editorText(page)).toMatch(/description\s+= "Edited in the form"/);
  await editor(page).locator('.cm-line', { hasText: 'description' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(' (and in HCL)"');
  await expect(field(page, 'description')).toHaveValue('Edited in the form (and in HCL)');
});

// With the imported example 4 (inline keys), an editor edit after a form edit applied in place reaches the form.
test('after importing example 4, an editor edit after a form edit reaches the form', async ({ page }) => {
  await openDesigner(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await importDialog(page)
    .getByRole('textbox')
    .fill(example4.replace('iposec_customer_gateway', 'ipsec_customer_gateway'));
  await importDialog(page).getByRole('button', { name: 'Load into designer' }).click();
  await field(page, 'description').fill('Two circuits, edited in the form');
  await expect.poll(() => editorText(page)).toMatch(/description\s+= "Two circuits, edited in the form"/);
  await editor(page).locator('.cm-line', { hasText: 'description' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(' (and in HCL)"');
  await expect(field(page, 'description')).toHaveValue('Two circuits, edited in the form (and in HCL)');
  await expect(field(page, prodTunnelKey)).toHaveValue('psk-prod-primary-123!');
});

test('a syntax error in the editor leaves the form alone until it is fixed', async ({ page }) => {
  await openDesigner(page);
  await breakTheNameLine(page, 'alpha-connector');

  const note = page.getByTestId('hcl-sync-note');
  await expect(note).toContainText('HCL has errors — the form keeps the last valid design');
  await expect(editor(page).locator('.cm-lintRange-error').first()).toBeVisible();
  await expect(page.getByTestId('hcl-diagnostics')).toContainText(
    'Syntax error: "=" follows the value of name: an argument ends with its line',
  );
  await expect(field(page, 'name')).toHaveValue('alpha-connector');

  // The form changes meanwhile: the editor keeps the broken text and offers the form's HCL instead.
  await field(page, 'vhub_prefix').fill('10.140.0.0/23');
  await expect(page.getByRole('button', { name: "Replace editor text with the form's HCL" })).toBeVisible();
  expect(await editorText(page)).toMatch(/"alpha-connector" =\n/);
  await page.getByRole('button', { name: "Replace editor text with the form's HCL" }).click();
  await expect(note).toBeHidden();
  await expect.poll(() => editorText(page)).toMatch(/vhub_prefix\s+= "10\.140\.0\.0\/23"/);

  // Break it again, then fix it with a new name: the form follows.
  await editor(page).locator('.hcl-tok-string', { hasText: '"alpha-connector"' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' =');
  await expect(note).toContainText('HCL has errors');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('-v2"');
  await expect(field(page, 'name')).toHaveValue('alpha-connector-v2');
  await expect(note).toBeHidden();
  await expect(field(page, 'vhub_prefix')).toHaveValue('10.140.0.0/23');
});

test('a file reopened with a syntax error is marked in the editor, even when the editor loads after the file was read', async ({
  page,
}) => {
  await openDesigner(page);
  await breakTheNameLine(page, 'alpha-connector');
  await expect(editor(page).locator('.cm-lintRange-error').first()).toBeVisible();
  await page.waitForFunction(() => {
    const draft = JSON.parse(localStorage.getItem('connector-studio:draft:v1') ?? '{}') as { text?: string };
    return draft.text?.includes('"alpha-connector" =') ?? false;
  });

  // The editor's code (the chunk with CodeMirror's lint styles) is held back until the page has read the file.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/_next\/static\/chunks\/.+\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes('cm-lintRange')) await released;
    await route.fulfill({ response, body });
  });
  await page.reload();
  await expect(page.getByTestId('hcl-diagnostics')).toContainText('Syntax error');
  await expect(editor(page)).toHaveCount(0);
  release();
  await expect(editor(page).locator('.cm-lintRange-error').first()).toBeVisible();
  expect(await editorText(page)).toMatch(/"alpha-connector" =\n/);
});

test('when the editor cannot be loaded, the page says so and the form still edits the file it shows', async ({
  page,
}) => {
  await failTheEditorChunk(page);
  await page.goto('/designer');
  await expect(page.getByRole('alert').filter({ hasText: 'The HCL editor could not be loaded' })).toBeVisible();
  await expect(editor(page)).toHaveCount(0);
  await field(page, 'name').fill('read-only-preview');
  await expect(page.getByTestId('hcl-preview')).toContainText('"read-only-preview"');
  // The check of the design (its own worker) still runs.
  await expect(page.getByText('name (the connector name) is required')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('editor-failed-to-load.png') });
  // Chunks still on their way when the page closes are no failure of this test.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('import from a .tf file: chosen with the file input or dropped on the page', async ({ page }) => {
  await openDesigner(page);

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = importDialog(page);
  await dialog
    .getByTestId('import-file')
    .setInputFiles({ name: 'example-4.tf', mimeType: 'text/plain', buffer: Buffer.from(example4) });
  await expect(dialog).toContainText('from example-4.tf');
  await expect(dialog.getByRole('textbox')).toHaveValue(example4);
  await expect(dialog.getByTestId('import-resource')).toContainText('multi_instance');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // Drag a file over the page: an overlay invites the drop, which opens the dialog with the file.
  const dataTransfer = await page.evaluateHandle(
    (text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.tf', { type: 'text/plain' }));
      return dt;
    },
    example4.replace('multi_instance', 'dropped_connector'),
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByTestId('import-drop-overlay')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByTestId('import-drop-overlay')).toBeHidden();
  await expect(dialog).toContainText('from dropped.tf');
  await expect(dialog.getByTestId('import-resource')).toContainText('dropped_connector');
  await dialog.getByRole('button', { name: 'Load into designer' }).click();
  await expect(field(page, 'resource_name')).toHaveValue('dropped_connector');
  await expect
    .poll(() => editorText(page))
    .toContain('resource "alkira_connector_azure_expressroute" "dropped_connector" {');
});
