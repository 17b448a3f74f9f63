/**
 * Nothing the user designed is lost, and Terraform expressions are taken as
 * Terraform users write them: the protocol switch keeps the other protocol's
 * values, removals can be undone (toast, button, keyboard), expression boxes
 * take bare HCL, a literal that looks like a reference is pointed out with a
 * one-click fix, and every error at a field is shown there.
 */
import { expect, test, type Page } from '@playwright/test';
import { DESIGN_TEMPLATES } from '../lib/connector/templates';
import type { ConnectorDesign } from '../lib/connector/design';
import { gotoDesigner } from './support/locators';
import { openWithDraft } from './support/drafts';
import { editorText } from './support/hcl-file';
import { gatewayOf, segmentOptionOf } from '../tests/helpers/design-parts';

const field = (page: Page, path: string) => page.locator(`[id="field-${path}"]`);
const MAC = '00:1A:2B:3C:4D:5E';

function template(id: string): ConnectorDesign {
  const found = DESIGN_TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return structuredClone(found.design);
}

test('VXLAN → IPSEC → VXLAN keeps the gateway MACs, which IPSEC neither shows nor renders', async ({ page }) => {
  await gotoDesigner(page);
  await field(page, 'tunnel_protocol').selectOption('VXLAN');
  await field(page, 'instances.0.gateway_mac_address').click();
  await field(page, 'instances.0.gateway_mac_address.0').fill(MAC);
  await expect.poll(() => editorText(page)).toContain(MAC);

  await field(page, 'tunnel_protocol').selectOption('IPSEC');
  await expect(field(page, 'instances.0.gateway_mac_address.0')).toHaveCount(0);
  await expect.poll(() => editorText(page)).not.toContain(MAC);
  await expect(page.getByText('still holds VXLAN gateway settings')).toBeVisible();

  await field(page, 'tunnel_protocol').selectOption('VXLAN');
  await expect(field(page, 'instances.0.gateway_mac_address.0')).toHaveValue(MAC);
  await expect.poll(() => editorText(page)).toContain(MAC);
});

test('removing an instance can be undone from the toast, the Undo button and the keyboard, and redone', async ({
  page,
}) => {
  await gotoDesigner(page);
  await field(page, 'instances.0.name').fill('primary');
  await field(page, 'instances').click();
  await field(page, 'instances.1.name').fill('secondary');
  await expect.poll(() => editorText(page)).toContain('"secondary"');
  const secondCard = page.locator('[data-instance="1"]');

  // Toast.
  await secondCard.getByRole('button', { name: 'Remove' }).click();
  await expect(field(page, 'instances.1.name')).toHaveCount(0);
  await expect.poll(() => editorText(page)).not.toContain('"secondary"');
  const toast = page.getByTestId('undo-toast');
  await expect(toast).toContainText('Instance 2 removed');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(field(page, 'instances.1.name')).toHaveValue('secondary');
  await expect.poll(() => editorText(page)).toContain('"secondary"');

  // Toolbar button.
  await secondCard.getByRole('button', { name: 'Remove' }).click();
  await expect(field(page, 'instances.1.name')).toHaveCount(0);
  await page.getByRole('group', { name: 'History' }).getByRole('button', { name: 'Undo' }).click();
  await expect(field(page, 'instances.1.name')).toHaveValue('secondary');

  // Keyboard (focus outside a text box: the removed button's card is gone, focus is on the page).
  await secondCard.getByRole('button', { name: 'Remove' }).click();
  await expect(field(page, 'instances.1.name')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(field(page, 'instances.1.name')).toHaveValue('secondary');
  await expect(field(page, 'instances.0.name')).toHaveValue('primary');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(field(page, 'instances.1.name')).toHaveCount(0);
  await expect.poll(() => editorText(page)).not.toContain('"secondary"');
});

test('an expression typed the way Terraform users write it appears bare in the HCL', async ({ page }) => {
  await gotoDesigner(page);
  await field(page, 'segment_options.0.segment_id').selectOption({ label: 'Terraform expression…' });
  const box = field(page, 'segment_options.0.segment_id-expression');
  await box.fill('alkira_segment.dmz.id');
  await expect.poll(() => editorText(page)).toMatch(/segment_id\s+= alkira_segment\.dmz\.id\n/);
  await expect.poll(() => editorText(page)).not.toContain('"alkira_segment.dmz.id"');
  await expect(box).toHaveValue('alkira_segment.dmz.id');
  // The same with a function call.
  await box.fill('lookup(var.segments, "dmz")');
  await expect.poll(() => editorText(page)).toMatch(/segment_id\s+= lookup\(var\.segments, "dmz"\)\n/);
});

test('a literal that looks like a reference is pointed out at its field and fixed with one click', async ({ page }) => {
  const design = template('multi-segment-ipsec');
  // As an import of `segment_id = "alkira_segment.dmz.id"` (quoted) would give.
  segmentOptionOf(design).segment_id = 'alkira_segment.dmz.id';
  gatewayOf(design).segment_id = 'alkira_segment.dmz.id';
  await openWithDraft(page, design);
  await expect.poll(() => editorText(page)).toContain('"alkira_segment.dmz.id"');
  const warning = page.getByTestId('warning-segment_options.0.segment_id');
  await expect(warning).toContainText('looks like a Terraform reference');
  await warning.getByRole('button', { name: 'Use as expression' }).click();
  await expect(field(page, 'segment_options.0.segment_id-expression')).toHaveValue('alkira_segment.dmz.id');
  // What may stay at the field is the tenant checks' note that the file does not declare alkira_segment.dmz (external).
  await expect(warning.filter({ hasText: 'looks like a Terraform reference' })).toHaveCount(0);
  await expect.poll(() => editorText(page)).toMatch(/^\s+segment_id\s+= alkira_segment\.dmz\.id$/m);

  // A text field too: the connector name typed as a variable reference.
  await field(page, 'name').fill('var.connector_name');
  const nameWarning = page.getByTestId('warning-name');
  await expect(nameWarning).toContainText('looks like a Terraform reference');
  await nameWarning.getByRole('button', { name: 'Use as expression' }).click();
  await expect.poll(() => editorText(page)).toMatch(/^\s+name\s+= var\.connector_name$/m);
});

test('every error at a field is shown there, and a segment without segment options marks the segment field', async ({
  page,
}) => {
  await openWithDraft(page, template('multi-segment-ipsec'));
  // A /30 inside the vHub prefix breaks two rules at once.
  await field(page, 'instances.0.loopback_subnet').fill('10.132.0.0/30');
  const errors = page.locator('[id="error-instances.0.loopback_subnet"] p');
  await expect(errors).toHaveCount(2);
  await expect(errors.nth(0)).toContainText('must be a /26');
  await expect(errors.nth(1)).toContainText('overlaps vhub_prefix');
  await expect(field(page, 'instances.0.loopback_subnet')).toHaveAttribute('aria-invalid', 'true');

  const segment = 'instances.0.ipsec_customer_gateway.1.segment_id';
  await field(page, `${segment}-expression`).fill('alkira_segment.other.id');
  await expect(page.locator(`[id="error-${segment}"]`)).toContainText('which segment_options does not list');
  await expect(field(page, segment)).toHaveAttribute('aria-invalid', 'true');
});
