/**
 * Reviewable references: a catalog pick is written as a data source by name
 * (`segment_id = data.alkira_segment.<label>.id` with its `data` block), the
 * picker keeps showing the picked item, "literal ids" writes the id instead and
 * releases the block nothing needs any more; "Download module (.zip)" in the
 * designer and on a workspace design hands over a module with the design.
 */
import { expect, test, type APIRequestContext, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { catalog } from './support/connectors';
import { editorText } from './support/hcl-file';
import { field, gotoDesigner } from './support/locators';
import { screenshotPath } from './support/screenshots';
import { take } from '../tests/helpers/present';

const RUN = Date.now().toString(36).slice(-5);

interface Named {
  id: string;
  name: string;
}

/** The catalog's items of `kind` with string ids; there is at least one. */
async function named(request: APIRequestContext, kind: string): Promise<Named[]> {
  const items = await catalog<{ id: string | number; name: string }>(request, kind);
  expect(items.length).toBeGreaterThan(0);
  return items.map((i) => ({ id: String(i.id), name: i.name }));
}

/** The label the designer derives from a name (lower case, `_` for anything else). */
const labelOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');

async function zipEntries(download: Download): Promise<Record<string, string>> {
  const path = await download.path();
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

async function basicTemplate(page: Page, name: string) {
  await gotoDesigner(page);
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('button', { name: 'Basic (VXLAN_GPE)' }).click();
  await field(page, 'name').fill(name);
}

test('a catalog pick is a data source by name in the preview; literal ids on request', async ({ page, request }) => {
  const [segment, other] = take(await named(request, 'segments'), 2);
  const [credential] = take(await named(request, 'credentials'), 1);
  await basicTemplate(page, `e2e-${RUN}-refs`);
  await expect(page.getByTestId('reference-mode')).toHaveValue('names');

  await field(page, 'segment_options.0.segment_id').selectOption(segment.id);
  const label = labelOf(segment.name);
  await expect.poll(() => editorText(page)).toContain(`data "alkira_segment" "${label}" {`);
  await expect.poll(() => editorText(page)).toContain(`name = "${segment.name}"`);
  await expect
    .poll(() => editorText(page))
    .toMatch(new RegExp(`segment_id\\s+= data\\.alkira_segment\\.${label}\\.id`));
  // The form reads the file: the picker shows the segment of that name as picked.
  await expect(field(page, 'segment_options.0.segment_id')).toHaveValue(segment.id);
  // The topology names the segment picked by name.
  await page.getByRole('tab', { name: 'Topology' }).click();
  await expect(page.getByTestId('segment-legend').first()).toContainText(segment.name);
  await page.getByRole('tab', { name: 'HCL' }).click();

  await field(page, 'instances.0.credential_id').selectOption(credential.id);
  await expect
    .poll(() => editorText(page))
    .toMatch(new RegExp(`credential_id\\s+= data\\.alkira_credential\\.${labelOf(credential.name)}\\.credential_id`));
  await expect(field(page, 'instances.0.credential_id')).toHaveValue(credential.id);
  await page.screenshot({ path: screenshotPath('designer-references.png') });

  // Literal ids: the next pick writes the id, and the segment's data block, no longer referred to, goes.
  await page.getByTestId('reference-mode').selectOption('ids');
  await field(page, 'segment_options.0.segment_id').selectOption(other.id);
  await expect.poll(() => editorText(page)).toMatch(new RegExp(`segment_id\\s+= "${other.id}"`));
  await expect.poll(() => editorText(page)).not.toContain('data "alkira_segment"');
  await expect.poll(() => editorText(page)).toContain(`data "alkira_credential" "${labelOf(credential.name)}"`);
  await expect(field(page, 'segment_options.0.segment_id')).toHaveValue(other.id);

  // The choice is this user's: it is still "literal ids" after a reload.
  await page.reload();
  await page.locator('form[data-ready="true"]').waitFor();
  await expect(page.getByTestId('reference-mode')).toHaveValue('ids');
  await expect(field(page, 'instances.0.credential_id')).toHaveValue(credential.id);
  await page.getByTestId('reference-mode').selectOption('names');
});

test('Download module (.zip) in the designer and on a workspace design holds the design with its data sources', async ({
  page,
  request,
}) => {
  const [segment] = take(await named(request, 'segments'), 1);
  const name = `e2e-${RUN}-module`;
  await basicTemplate(page, name);
  await field(page, 'resource_name').fill(`mod_${RUN}`);
  await field(page, 'segment_options.0.segment_id').selectOption(segment.id);
  const label = labelOf(segment.name);
  await expect.poll(() => editorText(page)).toContain(`data "alkira_segment" "${label}" {`);

  const [fromDesigner] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download module (.zip)' }).click(),
  ]);
  expect(fromDesigner.suggestedFilename()).toBe(`mod_${RUN}-module.zip`);
  const files = await zipEntries(fromDesigner);
  expect(Object.keys(files).sort()).toEqual(['main.tf', 'providers.tf', 'terraform.tfvars.example', 'variables.tf']);
  expect(files['main.tf']).toContain(`data "alkira_segment" "${label}" {\n  name = "${segment.name}"\n}`);
  expect(files['main.tf']).toContain(`resource "alkira_connector_azure_expressroute" "mod_${RUN}" {`);
  expect(files['main.tf']).toMatch(new RegExp(`\\n  name\\s+= "${name}"\\n`));
  expect(files['main.tf']).toMatch(new RegExp(`segment_id\\s+= data\\.alkira_segment\\.${label}\\.id`));

  // Saved to the workspace, the design page offers the saved version's module from the server.
  await page.getByRole('button', { name: 'Save to workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save to the workspace' });
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveURL(/\/designs\/\d+$/);
  const id = Number(/\/designs\/(\d+)$/.exec(page.url())?.[1]);
  await expect(page.getByTestId('save-state')).toHaveText('Saved · version 1');
  await expect(page.getByText('No errors', { exact: true })).toBeVisible();
  await page.screenshot({ path: screenshotPath('workspace-module.png') });
  const [fromWorkspace] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-module').click(),
  ]);
  expect(fromWorkspace.suggestedFilename()).toBe(`design-${id}-module.zip`);
  const stored = await zipEntries(fromWorkspace);
  expect(stored['main.tf']).toContain(`data "alkira_segment" "${label}" {\n  name = "${segment.name}"\n}`);
  expect(stored['main.tf']).toContain(`resource "alkira_connector_azure_expressroute" "mod_${RUN}" {`);
  expect(stored['main.tf']).toMatch(new RegExp(`segment_id\\s+= data\\.alkira_segment\\.${label}\\.id`));
  expect(stored['providers.tf']).toContain('source  = "alkiranet/alkira"');
});
