/**
 * The designer's inputs follow the resource description: for every attribute
 * a design can set, the control at its `field-<path>` id is the kind the
 * description gives (`inputKindOf`) — a select with exactly the enum values,
 * a checkbox, a masked secret, a tenant picker, a numeric or text input, or a
 * list's add button. Walked over the whole description, so an attribute
 * added there without a matching input fails here.
 */
import { expect, test, type Page } from '@playwright/test';
import { allAttributes, inputKindOf, isDesignAttribute, locate, type AttributeSpec } from '../lib/connector/resource';
import { field, gotoDesigner } from './support/locators';

/** `instances.ipsec_customer_gateway.segment_id` → `instances.0.ipsec_customer_gateway.0.segment_id`. */
function firstItemPath(schemaPath: string): string {
  const parts = schemaPath.split('.');
  return parts
    .map((part, i) =>
      i < parts.length - 1 && locate(parts.slice(0, i + 1).join('.'))?.kind === 'block' ? `${part}.0` : part,
    )
    .join('.');
}

async function expectKind(page: Page, path: string, spec: AttributeSpec) {
  const control = field(page, path);
  const kind = inputKindOf(spec);
  switch (kind) {
    case 'select':
      await expect(control, path).toHaveJSProperty('tagName', 'SELECT');
      await expect(control.locator('option'), path).toHaveText([...(spec.enum ?? [])]);
      break;
    case 'reference':
      await expect(control, path).toHaveJSProperty('tagName', 'SELECT');
      await expect(control.locator('option', { hasText: 'Terraform expression…' }), path).toHaveCount(1);
      break;
    case 'checkbox':
      await expect(control, path).toHaveAttribute('type', 'checkbox');
      break;
    case 'secret':
      await expect(control, path).toHaveAttribute('type', 'password');
      break;
    case 'list':
      // A list's id is on its add button; rows are `<path>.<i>`.
      await expect(control, path).toHaveJSProperty('tagName', 'BUTTON');
      break;
    case 'number':
      await expect(control, path).toHaveAttribute('type', 'text');
      await expect(control, path).toHaveAttribute('inputmode', 'numeric');
      break;
    case 'text':
      await expect(control, path).toHaveAttribute('type', 'text');
      await expect(control, path).not.toHaveAttribute('inputmode', 'numeric');
      break;
  }
}

const settable = allAttributes().filter((a) => isDesignAttribute(a.spec));

test('every attribute of the description has the input its kind calls for', async ({ page }) => {
  await gotoDesigner(page);
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('button', { name: 'Multiple segments over IPsec' }).click();
  await expect(field(page, 'tunnel_protocol')).toHaveValue('IPSEC');

  const byProtocol = (protocol: string) =>
    settable.filter((a) => !a.spec.onlyWithProtocol || a.spec.onlyWithProtocol === protocol);
  for (const { path, spec } of byProtocol('IPSEC')) await expectKind(page, firstItemPath(path), spec);

  await field(page, 'tunnel_protocol').selectOption('VXLAN');
  const vxlanOnly = settable.filter((a) => a.spec.onlyWithProtocol === 'VXLAN');
  expect(vxlanOnly.length).toBeGreaterThan(0);
  for (const { path, spec } of vxlanOnly) await expectKind(page, firstItemPath(path), spec);
});

test('a sensitive attribute is masked in the form, with a show toggle', async ({ page }) => {
  await gotoDesigner(page);
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('button', { name: 'Multiple segments over IPsec' }).click();
  const sensitive = settable.filter((a) => a.spec.sensitive);
  expect(sensitive.map((a) => a.name).sort()).toEqual(['pre_shared_key', 'remote_auth_value']);
  for (const { path, spec } of sensitive) {
    const control = field(page, firstItemPath(path));
    await expect(control).toHaveAttribute('type', 'password');
    await page
      .getByRole('button', { name: `Show ${spec.label}` })
      .first()
      .click();
    await expect(control).toHaveAttribute('type', 'text');
  }
});
