/**
 * Rows of catalog pickers (billing tags) in the designer: a row's
 * "Terraform expression…" mode belongs to that row, so removing a row never
 * hands its mode to the row that moves up into its place.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { editorText } from './support/hcl-file';
import { field, gotoDesigner } from './support/locators';
import { take } from '../tests/helpers/present';

const EXPRESSION = '${alkira_billing_tag.production.id}';

async function billingTagIds(request: APIRequestContext): Promise<string[]> {
  const res = await request.get('/api/catalog/billing-tags');
  expect(res.status()).toBe(200);
  const items = ((await res.json()) as { items: { id: number | string }[] }).items;
  expect(items.length).toBeGreaterThan(0);
  return items.map((t) => String(t.id));
}

const expressionBox = (page: Page, i: number) => page.locator(`[id="field-billing_tag_ids.${i}-expression"]`);
const tagSelect = (page: Page, i: number) => field(page, `billing_tag_ids.${i}`);

/** Adds `count` billing tag rows and sets the first to a Terraform expression. */
async function rowsWithExpressionFirst(page: Page, count: number) {
  await gotoDesigner(page);
  for (let i = 0; i < count; i++) await field(page, 'billing_tag_ids').click();
  await expect(tagSelect(page, count - 1)).toBeVisible();
  await tagSelect(page, 0).selectOption({ label: 'Terraform expression…' });
  await expressionBox(page, 0).fill(EXPRESSION);
}

test('removing a billing tag row in expression mode leaves the picked tag below it as a picked tag', async ({
  page,
  request,
}) => {
  const [tagId] = take(await billingTagIds(request), 1);
  await rowsWithExpressionFirst(page, 2);
  // Wait for the catalog, then pick the second row's tag from it.
  await expect(tagSelect(page, 1).locator(`option[value="${tagId}"]`)).toHaveCount(1);
  await tagSelect(page, 1).selectOption(tagId);
  await expect(expressionBox(page, 1)).toHaveCount(0);

  await page.getByRole('button', { name: 'Remove Billing tag 1' }).click();

  await expect(tagSelect(page, 1)).toHaveCount(0);
  await expect(tagSelect(page, 0)).toHaveJSProperty('tagName', 'SELECT');
  await expect(tagSelect(page, 0)).toHaveValue(tagId);
  await expect(expressionBox(page, 0)).toHaveCount(0);
  // Picked by name (the default): the file refers to the tag's data source.
  await expect.poll(() => editorText(page)).toMatch(/billing_tag_ids = \[data\.alkira_billing_tag\.\w+\.id\]/);
});

test('removing a billing tag row in expression mode leaves an empty row below it as an empty picker', async ({
  page,
}) => {
  await rowsWithExpressionFirst(page, 3);
  // The middle row is still being chosen; the last stays in expression mode with an empty box.
  await tagSelect(page, 2).selectOption({ label: 'Terraform expression…' });
  await expect(expressionBox(page, 2)).toBeVisible();

  await page.getByRole('button', { name: 'Remove Billing tag 1' }).click();

  await expect(tagSelect(page, 2)).toHaveCount(0);
  await expect(tagSelect(page, 0)).toHaveValue('');
  await expect(expressionBox(page, 0)).toHaveCount(0);
  // The row chosen as an expression keeps its (still empty) expression box.
  await expect(tagSelect(page, 1)).toHaveValue('__terraform_expression__');
  await expect(expressionBox(page, 1)).toBeVisible();
  await expect(expressionBox(page, 1)).toHaveValue('');
});
