/**
 * The editor holds the whole file and form edits change only their lines:
 * the reference page's example 3 keeps its comments, inline keys and
 * `enabled = true` through two form edits and a download; a file with two
 * connectors stays whole and the form edits the one the user picks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { field } from './support/locators';
import { screenshotPath } from './support/screenshots';
import { downloadFile as download, editorText, importFile } from './support/hcl-file';

const example3 = readFileSync(path.join(__dirname, '../tests/hcl-parse/fixtures/example-3.tf'), 'utf8');

test('two form edits of example 3 change exactly their two lines of the downloaded file', async ({ page }) => {
  await importFile(page, example3);

  await field(page, 'name').fill('multi-segment-ipsec-v2');
  await field(page, 'instances.0.loopback_subnet').fill('192.168.23.0/26');
  const expected = example3
    .replace('  name            = "multi-segment-ipsec"', '  name            = "multi-segment-ipsec-v2"')
    .replace('    loopback_subnet         = "192.168.22.0/26"', '    loopback_subnet         = "192.168.23.0/26"');
  expect(expected).not.toBe(example3);
  await expect.poll(() => editorText(page)).toBe(expected);

  const downloaded = await download(page);
  expect(downloaded).toBe(expected);
  // Line by line: the same count, and only those two differ.
  const before = example3.split('\n');
  const changed = downloaded.split('\n').flatMap((line, i) => (line === before[i] ? [] : [i + 1]));
  expect(changed).toEqual([2, 15]);
  expect(downloaded).toContain('# Using IPsec for tunnel protocol');
  expect(downloaded).toContain('pre_shared_key    = "psk-dmz-primary-123!"');
});

test('a file with two connectors stays whole; the form edits the chosen one', async ({ page }) => {
  const second = example3.replace('"multi_segment"', '"second_site"').replace('"multi-segment-ipsec"', '"second-site"');
  const file = `# Two sites\n${example3}\n${second}`;
  await importFile(page, file, 'second_site');

  const select = page.getByTestId('hcl-resource-select');
  await expect(select).toHaveValue('second_site');
  await expect(field(page, 'name')).toHaveValue('second-site');
  await field(page, 'description').fill('The second site');
  const secondEdited = second.replace(
    '"ExpressRoute connector with multiple segments and IPsec tunnels"',
    '"The second site"',
  );
  await expect.poll(() => editorText(page)).toBe(`# Two sites\n${example3}\n${secondEdited}`);

  // Switch: the form now shows the first connector; its edit leaves the second as just edited.
  await select.selectOption('multi_segment');
  await expect(field(page, 'name')).toHaveValue('multi-segment-ipsec');
  await field(page, 'size').selectOption('5LARGE');
  const firstEdited = example3.replace('size            = "2LARGE"', 'size            = "5LARGE"');
  await expect.poll(() => editorText(page)).toBe(`# Two sites\n${firstEdited}\n${secondEdited}`);
  await page.screenshot({ path: screenshotPath('hcl-two-connectors.png') });
  expect(await download(page)).toBe(`# Two sites\n${firstEdited}\n${secondEdited}`);
});
