/**
 * The file is the design: the form and the editor edit one document, so what
 * the user typed in either is what Copy and Download hand over, a reload
 * brings back the same bytes, and undo restores the exact text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { field } from './support/locators';
import { downloadFile, editorText, importFile, terraformFmt } from './support/hcl-file';

const example3 = readFileSync(path.join(__dirname, '../tests/hcl-parse/fixtures/example-3.tf'), 'utf8');
const TUNNEL_KEY = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key';

async function chooseExpression(page: Page, at: string) {
  await field(page, at).selectOption({ label: 'Terraform expression…' });
  return page.locator(`[id="field-${at}-expression"]`);
}

test('an expression typed at human speed, then a name: the file holds both and terraform fmt accepts it', async ({
  page,
}) => {
  // A complete design (an empty one is not exported), whose group is then typed anew.
  await importFile(page, example3);
  const group = await chooseExpression(page, 'group');
  await group.fill('');
  await group.pressSequentially('alkira_group.security.name', { delay: 120 });
  await field(page, 'name').fill('edge-west');
  await expect.poll(() => editorText(page)).toMatch(/\n {2}name += "edge-west"\n/);
  await expect.poll(() => editorText(page)).toMatch(/\n {2}group += alkira_group\.security\.name\n/);
  const downloaded = await downloadFile(page);
  expect(downloaded).toMatch(/\n {2}group += alkira_group\.security\.name\n/);
  expect(downloaded).toContain('"edge-west"');
  expect(terraformFmt(downloaded)).toBe(downloaded);
});

test('an unfinished expression is an error at its field; the file keeps its last good text, marked, and the download refuses until it is finished', async ({
  page,
}) => {
  await importFile(page, example3);
  const group = await chooseExpression(page, 'group');
  await group.fill('alkira_group.');
  await expect(page.locator('[id="error-group"]')).toContainText('Not a complete expression yet');
  // The summary counts it; the editor and the HCL diagnostics mark the value the file keeps meanwhile.
  await expect(page.getByTestId('error-list')).toContainText('Not a complete expression yet');
  const held = page
    .getByTestId('hcl-diagnostics')
    .getByText("The form's Group is not complete yet; the file keeps its last complete value");
  await expect(held).toBeVisible();
  expect(await editorText(page)).toContain('  group           = alkira_group.security.name\n');
  await field(page, 'name').fill('edge-east');
  await expect.poll(() => editorText(page)).toContain('"edge-east"');
  expect(await editorText(page)).not.toContain('alkira_group.\n');
  await page.getByRole('button', { name: 'Download .tf' }).click();
  await expect(page.getByTestId('export-refused')).toContainText('Not a complete expression yet');
  await expect(page.getByRole('button', { name: 'Provision', exact: true })).toBeDisabled();

  await group.fill('alkira_group.security.id');
  await expect(page.locator('[id="error-group"]')).toHaveCount(0);
  await expect(page.getByTestId('export-refused')).toHaveCount(0);
  await expect(held).toHaveCount(0);
  const downloaded = await downloadFile(page);
  expect(downloaded).toBe(
    example3
      .replace('"multi-segment-ipsec"', '"edge-east"')
      .replace('group           = alkira_group.security.name', 'group           = alkira_group.security.id'),
  );
  expect(terraformFmt(downloaded)).toBe(downloaded);
});

test('a pre-shared key changed alone reaches the download', async ({ page }) => {
  await importFile(page, example3);
  await field(page, TUNNEL_KEY).fill('rotated-key-2026');
  await expect.poll(() => editorText(page)).toContain('pre_shared_key    = "rotated-key-2026"');
  const downloaded = await downloadFile(page);
  expect(downloaded).toBe(
    example3.replace('pre_shared_key    = "psk-dmz-primary-123!"', 'pre_shared_key    = "rotated-key-2026"'),
  );
});

test('example 3 imported, two fields edited, reloaded: the same bytes', async ({ page }) => {
  await importFile(page, example3);
  await field(page, 'description').fill('Two segments, reviewed');
  await field(page, 'instances.0.loopback_subnet').fill('192.168.40.0/26');
  await expect.poll(() => editorText(page)).toContain('"192.168.40.0/26"');
  const before = await editorText(page);
  expect(before).toContain('# First ipsec customer gateway with primary gateway');
  // Autosave runs after a short pause; the page going away flushes it too.
  await page.waitForFunction(() =>
    (localStorage.getItem('connector-studio:draft:v1') ?? '').includes('192.168.40.0/26'),
  );
  await page.reload();
  await page.locator('form[data-ready="true"]').waitFor();
  await expect.poll(() => editorText(page)).toBe(before);
  await expect(field(page, 'description')).toHaveValue('Two segments, reviewed');
  // The keys written inline came back from this tab's session, never from localStorage.
  expect(await page.evaluate(() => localStorage.getItem('connector-studio:draft:v1') ?? '')).not.toContain(
    'psk-dmz-primary-123!',
  );
});

test('removing an instance and undoing it gives the file back byte for byte', async ({ page }) => {
  const second = example3.replace(
    '  # Global segment options for DMZ',
    '  # A second circuit\n  instances {\n    name                    = "second-circuit"\n    expressroute_circuit_id = "/subscriptions/1/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/second"\n    loopback_subnet         = "192.168.24.0/26"\n    credential_id           = alkira_credential_azure_vnet.security.id\n  }\n\n  # Global segment options for DMZ',
  );
  await importFile(page, second);
  await page.locator('[data-instance="0"]').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect.poll(() => editorText(page)).not.toContain('multi-segment-instance');
  expect(await editorText(page)).toContain('# A second circuit');
  await page.getByTestId('undo-toast').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => editorText(page)).toBe(second);
});

test('IPSEC → VXLAN → IPSEC gives the file back byte for byte', async ({ page }) => {
  await importFile(page, example3);
  await field(page, 'tunnel_protocol').selectOption('VXLAN');
  await expect.poll(() => editorText(page)).toContain('tunnel_protocol = "VXLAN"');
  expect(await editorText(page)).not.toContain('ipsec_customer_gateway');
  await field(page, 'tunnel_protocol').selectOption('IPSEC');
  await expect.poll(() => editorText(page)).toBe(example3);
});

test('a design saved to the workspace reopens as its file: comments and layout kept, keys moved into variables', async ({
  page,
}) => {
  await importFile(page, example3);
  await page.getByRole('button', { name: 'Save to workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save to the workspace' });
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await page.waitForURL(/\/designs\/\d+$/);
  await page.locator('form[data-ready="true"]').waitFor();
  await expect.poll(() => editorText(page)).toContain('# First ipsec customer gateway with primary gateway');
  const reopened = await editorText(page);
  expect(reopened).toContain('tunnel_protocol = "IPSEC" # Using IPsec for tunnel protocol');
  expect(reopened).not.toContain('psk-dmz-primary-123!');
  expect(reopened).toMatch(/pre_shared_key += var\.multi_segment_psk_\d+/);
  expect(terraformFmt(reopened)).toBe(reopened);
  // A reload of the stored design shows the same file again.
  await page.reload();
  await page.locator('form[data-ready="true"]').waitFor();
  await expect.poll(() => editorText(page)).toBe(reopened);
});

test('VXLAN → IPSEC → VXLAN gives the file back byte for byte (the gateway MACs and VNIs return as written)', async ({
  page,
}) => {
  const example2 = readFileSync(path.join(__dirname, '../tests/hcl-parse/fixtures/example-2.tf'), 'utf8');
  await importFile(page, example2);
  await field(page, 'tunnel_protocol').selectOption('IPSEC');
  await expect.poll(() => editorText(page)).toContain('tunnel_protocol = "IPSEC"');
  expect(await editorText(page)).not.toContain('gateway_mac_address');
  await field(page, 'tunnel_protocol').selectOption('VXLAN');
  await expect.poll(() => editorText(page)).toBe(example2);
});
