/**
 * Terraform as real repositories write it: a file with a `dynamic
 * "segment_options"` block and a one-line `instances {}` stub imports, the
 * stub is filled in the form, and the downloaded file parses, is
 * `terraform fmt`-clean and keeps the dynamic block byte for byte.
 */
import { expect, test } from '@playwright/test';
import { field } from './support/locators';
import { screenshotPath } from './support/screenshots';
import { downloadFile, editorText, importFile, terraformFmt } from './support/hcl-file';

const DYNAMIC = `  dynamic "segment_options" {
    for_each = var.segments
    content {
      segment_id   = segment_options.value.id
      customer_asn = segment_options.value.asn
    }
  }
`;

const SOURCE = `# Segments come from a variable.
resource "alkira_connector_azure_expressroute" "edge" {
  name            = "edge"
  size            = "SMALL"
  vhub_prefix     = "10.253.0.0/23"
  cxp             = "USWEST-AZURE-1"
  billing_tag_ids = var.billing_tags
  instances {}

${DYNAMIC}}
`;

test('a dynamic block and a one-line stub: fill the stub, download a file Terraform reads, the dynamic block untouched', async ({
  page,
}) => {
  await importFile(page, SOURCE, undefined, async (dialog) => {
    // No "dynamic blocks cannot be imported", no "add at least one segment_options", no "only a written-out list".
    await expect(dialog).not.toContainText('cannot be imported');
    await expect(dialog).not.toContainText('only a written-out list');
  });

  // The form shows what Terraform evaluates, read-only, with its source text.
  await expect(page.locator('[data-dynamic-blocks="segment_options"]')).toContainText('for_each = var.segments');
  await expect(page.locator('[data-expression-list="billing_tag_ids"]')).toHaveText('var.billing_tags');
  await expect(page.getByText('Add at least one segment_options block')).toHaveCount(0);

  await field(page, 'instances.0.name').fill('primary');
  await field(page, 'instances.0.loopback_subnet').fill('172.31.253.0/26');
  // Exactly what was typed goes into the stub, opened onto lines: two attributes, aligned as fmt aligns them.
  await expect
    .poll(() => editorText(page))
    .toContain('  instances {\n    name            = "primary"\n    loopback_subnet = "172.31.253.0/26"\n  }\n');
  await page.screenshot({ path: screenshotPath('hcl-dynamic-blocks.png'), fullPage: true });

  // The export waits for a valid design: the instance's two other required values (the credential as an expression,
  // so no catalog data block joins the file).
  await field(page, 'instances.0.expressroute_circuit_id').fill(
    '/subscriptions/3f2b8c1e-5a4d-4e2f-9b1a-7c6d5e4f3a2b/resourceGroups/network-rg/providers/Microsoft.Network/expressRouteCircuits/primary-circuit',
  );
  await field(page, 'instances.0.credential_id').selectOption({ label: 'Terraform expression…' });
  await field(page, 'instances.0.credential_id-expression').fill('var.credential_id');
  await expect(page.getByText(/errors? to fix before export/)).toHaveCount(0);

  const downloaded = await downloadFile(page);
  // Terraform's own parser reads it, and fmt would not change a byte.
  expect(terraformFmt(downloaded)).toBe(downloaded);
  expect(downloaded).toContain(`\n\n${DYNAMIC}}\n`);
  expect(downloaded).toContain('  billing_tag_ids = var.billing_tags\n');
  expect(downloaded).toMatch(/ {2}instances \{\n {4}name += "primary"\n/);
  expect(downloaded).toMatch(/\n {4}credential_id += var\.credential_id\n/);
  expect(downloaded.startsWith('# Segments come from a variable.\n')).toBe(true);
});
