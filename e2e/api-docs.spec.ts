/**
 * The API reference (`/api-docs`): Swagger UI shows every operation of the
 * OpenAPI document the server publishes (read from /api/openapi.json here, so
 * the test follows the document), loads nothing from another origin and runs
 * under the app's nonce CSP without a violation. "Try it out" sends a read to
 * this server and answers; a write has no "Try it out". The page reads in the
 * light and the dark theme and does not scroll sideways at 390 or 1440 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { operationKey } from '@/components/api-docs/operation-key';
import { readOnlyOperations } from '@/components/api-docs/read-only-operations';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
}

/** Every request the page makes to an origin other than the app's, and every CSP violation it reports. */
function watchPage(page: Page, appOrigin: string) {
  const foreign: string[] = [];
  const sameOrigin: string[] = [];
  const violations: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    (url.origin === appOrigin ? sameOrigin : foreign).push(request.url());
  });
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { foreign, sameOrigin, violations };
}

async function openApiDocument(page: Page): Promise<OpenApiDocument> {
  const res = await page.request.get('/api/openapi.json');
  expect(res.status()).toBe(200);
  const doc = (await res.json()) as OpenApiDocument;
  expect(doc.openapi).toMatch(/^3\.1\./);
  return doc;
}

/** Every (method, path) of the document. */
function operationsOf(doc: OpenApiDocument): Array<{ method: string; path: string }> {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => m in item).map((method) => ({ method, path })),
  );
}

/** The operation's block on the page: its method colour class and its path. */
function operationBlock(page: Page, method: string, path: string) {
  return page
    .locator(`.opblock.opblock-${method}`)
    .filter({ has: page.locator(`.opblock-summary-path[data-path="${path}"]`) });
}

test('every operation of the OpenAPI document is on the page, from this origin only, without a CSP violation', async ({
  page,
  baseURL,
}) => {
  const appOrigin = new URL(baseURL ?? '').origin;
  const watched = watchPage(page, appOrigin);
  const doc = await openApiDocument(page);
  const operations = operationsOf(doc);
  expect(operations.length).toBeGreaterThan(0);

  const response = await page.goto('/api-docs');
  // The page keeps the strict policy every page has (nothing loosened for the viewer).
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(policy).toContain("connect-src 'self'");

  await expect(page.getByRole('heading', { name: 'API reference', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API', exact: true }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('.swagger-ui .opblock').first()).toBeVisible({ timeout: 30_000 });

  for (const { method, path } of operations) {
    const block = operationBlock(page, method, path);
    await expect(block, `${method.toUpperCase()} ${path}`).toHaveCount(1);
    await expect(block.locator('.opblock-summary-method'), `${method.toUpperCase()} ${path}`).toHaveText(
      method.toUpperCase(),
    );
  }
  // Nothing the document lacks: as many operation blocks as operations.
  await expect(page.locator('.swagger-ui .opblock')).toHaveCount(operations.length);

  expect(watched.sameOrigin.some((url) => new URL(url).pathname === '/api/openapi.json')).toBe(true);
  expect(watched.foreign).toEqual([]);
  expect(watched.violations).toEqual([]);
});

test('Try it out sends a read to this server with the session and shows the answer; a write has no Try it out', async ({
  page,
  baseURL,
}) => {
  const appOrigin = new URL(baseURL ?? '').origin;
  const watched = watchPage(page, appOrigin);
  const doc = await openApiDocument(page);
  const tryable = new Set(readOnlyOperations());
  const operations = operationsOf(doc);
  // The documented health check: a read with no parameters.
  expect(operations).toContainEqual({ method: 'get', path: '/api/health' });
  const write = operations.find(({ method, path }) => !tryable.has(operationKey(method, path)) && method !== 'get');
  expect(write, 'the document has a write operation').toBeDefined();

  await page.goto('/api-docs');
  const health = operationBlock(page, 'get', '/api/health');
  await health.locator('.opblock-summary-control').click();
  await health.getByRole('button', { name: 'Try it out' }).click();
  const answer = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/health' && r.request().method() === 'GET',
  );
  await health.getByRole('button', { name: 'Execute' }).click();
  expect((await answer).status()).toBe(200);
  await expect(health.locator('.live-responses-table tr.response .response-col_status')).toHaveText('200');
  await expect(health.locator('.live-responses-table')).toContainText('"ok"');

  if (write) {
    const block = operationBlock(page, write.method, write.path);
    await block.locator('.opblock-summary-control').click();
    // Expanded (its parameters or request body are shown) but without the button.
    await expect(block.locator('.opblock-body')).toBeVisible();
    await expect(block.getByRole('button', { name: 'Try it out' })).toHaveCount(0);
  }
  expect(watched.foreign).toEqual([]);
  expect(watched.violations).toEqual([]);
});

for (const size of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const) {
  test(`at ${size.width} px the reference fits the screen in the light and the dark theme`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/api-docs');
    await expect(page.locator('.swagger-ui .opblock').first()).toBeVisible({ timeout: 30_000 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      // Swagger UI's own dark theme follows the system's, as the app's does.
      await expect(page.locator('html')).toHaveClass(colorScheme === 'dark' ? /\bdark-mode\b/ : /^(?!.*\bdark-mode\b)/);
      await page.screenshot({
        path: `test-results/api-docs/${size.width}-${colorScheme}.png`,
        fullPage: size.width === 390,
      });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
    }
    // Leaving the page takes its dark-mode class away (other pages style by media query only).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
    await expect(page.locator('html')).not.toHaveClass(/\bdark-mode\b/);
  });
}
