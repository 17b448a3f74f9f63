/** The design workspace in the specs: a stored design made through the API, a new version saved through the page. */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { ConnectorDesign } from '../../lib/connector/design';

/** Stores `design` as version 1 of a new workspace design (POST /api/designs); answers its id. */
export async function createStoredDesign(
  request: APIRequestContext,
  design: ConnectorDesign,
  note = 'Start',
): Promise<number> {
  const res = await request.post('/api/designs', { data: { design, note } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

/** Opens the Save dialog of the stored design, types the note and saves. */
export async function saveVersion(page: Page, note: string): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Save a new version' });
  await dialog.getByLabel('Note').fill(note);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
}

/** The stored design as GET /api/designs/{id} answers it. */
export async function storedDesign(request: APIRequestContext, id: number) {
  return (await (await request.get(`/api/designs/${id}`)).json()) as {
    version: number;
    design: ConnectorDesign;
    provisioned_version: number | null;
  };
}
