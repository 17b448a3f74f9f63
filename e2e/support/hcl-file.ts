/** The designer's file in the specs: importing one, reading the editor's text, downloading it, judging it. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The editor's whole text, as Copy and Download would hand it over, read from CodeMirror's own state: its DOM holds
 * only the lines in its window, and Copy and Download refuse a design with errors (and then show every error at its
 * field), so neither can read a file mid-edit. Waits for the editor to load.
 */
export async function editorText(page: Page): Promise<string> {
  return page
    .getByTestId('hcl-editor')
    .locator('.cm-content')
    .evaluate((content) => {
      // EditorView.findFromDOM, as @codemirror/view does it: the content element knows its view (6.4x: through its
      // tile; earlier versions: through its view description).
      type ViewLike = { state: { doc: { toString(): string } } };
      const dom = content as Element & {
        cmTile?: { root?: { view?: ViewLike } };
        cmView?: { rootView?: { view?: ViewLike } };
      };
      const view = dom.cmTile?.root?.view ?? dom.cmView?.rootView?.view;
      if (!view)
        throw new Error(
          'no CodeMirror view behind .cm-content: has @codemirror/view changed how findFromDOM finds it?',
        );
      return view.state.doc.toString();
    });
}

/**
 * Opens the designer and loads `text` through the Import dialog (picking `resource` when the file has
 * several); `inspect` looks at the dialog before the load.
 */
export async function importFile(
  page: Page,
  text: string,
  resource?: string,
  inspect?: (dialog: Locator) => Promise<void>,
): Promise<void> {
  page.on('dialog', (d) => void d.accept());
  await page.goto('/designer');
  await expect(page.getByTestId('hcl-editor').locator('.cm-content')).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import Terraform' });
  await dialog.getByRole('textbox').fill(text);
  if (resource) await dialog.getByTestId('import-resource').filter({ hasText: resource }).getByRole('radio').check();
  await inspect?.(dialog);
  await dialog.getByRole('button', { name: 'Load into designer' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => editorText(page)).toBe(text);
}

/** Clicks "Download .tf" and answers the file's text. */
export async function downloadFile(page: Page): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download .tf' }).click(),
  ]);
  return readFileSync((await file.path())!, 'utf8');
}

/** `terraform fmt -` of the text (the judge of formatting); throws when Terraform rejects it. */
export function terraformFmt(text: string): string {
  return execFileSync('/usr/local/bin/terraform', ['fmt', '-'], {
    input: text,
    env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' },
  }).toString();
}

/**
 * The HCL editor's code cannot be downloaded: the chunk with CodeMirror's lint styles (the editor's) fails, so the
 * page keeps its read-only preview. `page.unrouteAll` ends it (a chunk still loading as the page closes is no failure).
 */
export async function failTheEditorChunk(page: Page): Promise<void> {
  await page.route(/\/_next\/static\/chunks\/.+\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes('cm-lintRange')) await route.abort('failed');
    else await route.fulfill({ response, body });
  });
}
