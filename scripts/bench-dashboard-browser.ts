/**
 * The dashboard at tenant scale, in real Chromium (part of `npm run bench:browser`):
 * `/connectors` over a tenant of 10,000 connectors written straight into a
 * fresh emulator store before its server starts.
 *
 *   first row after navigation   (target ≤ 1000 ms; from the navigation's start)
 *   long tasks while scrolling   (target: none over 50 ms; wheel steps, then jumps to the middle and the end)
 *   max rows in the DOM          (target ≤ ~100; sampled after every scroll step)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { seedDemoTenantIn } from '../lib/emulator/demo-tenant';
import { freePort, startServer } from './next-server';
import { itemAt, lastItem } from '../lib/util/indexing';

export interface DashboardBenchResult {
  connectors: number;
  firstRowMs: number[];
  longTasks: number[];
  /** The long tasks of the wheel phase alone (the rest came with the jumps). */
  wheelLongTasks: number[];
  maxRowsInDom: number;
  scrollSteps: number;
}

/** Rows of the table body in the DOM (data and loading rows; not the two spacers). */
const ROWS_SELECTOR = 'tbody tr:not([data-spacer])';

async function firstRowAfterNavigation(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForSelector('[data-testid="connector-row"]', { state: 'attached', timeout: 120_000 });
  return page.evaluate(() => window.__firstRowAt ?? Number.NaN);
}

async function scrollAndMeasure(
  page: Page,
): Promise<{ longTasks: number[]; wheelTasks: number; maxRows: number; steps: number }> {
  await page.evaluate(() => {
    const longTasks: number[] = [];
    window.__longTasks = longTasks;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration))).observe({
      type: 'longtask',
    });
  });
  // The table's own scroller; a build without one (the unvirtualized table, for "before" numbers) scrolls the page.
  const virtualized = (await page.getByTestId('connector-scroll').count()) > 0;
  const scroller = virtualized ? page.getByTestId('connector-scroll') : page.locator('html');
  const box = (virtualized ? await scroller.boundingBox() : null) ?? { x: 0, y: 0, width: 1440, height: 900 };
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  let maxRows = 0;
  let steps = 0;
  const sample = async () => {
    steps++;
    maxRows = Math.max(maxRows, await page.locator(ROWS_SELECTOR).count());
  };
  // A reader scrolling with the wheel: 80 notches of 400 px, ~30 per second.
  for (let i = 0; i < 80; i++) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(33);
    if (i % 4 === 0) await sample();
  }
  const wheelTasks = await page.evaluate(() => window.__longTasks?.length ?? 0);
  // Dragging the scrollbar: jumps far down, each landing on rows not fetched yet.
  for (const fraction of [0.25, 0.5, 0.75, 1]) {
    await scroller.evaluate((el, f) => {
      el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
    }, fraction);
    await page
      .waitForSelector('[data-testid="connector-row-loading"]', { state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
    await page.waitForTimeout(200);
    await sample();
  }
  await page.waitForTimeout(300);
  const longTasks = await page.evaluate(() => window.__longTasks ?? []);
  return { longTasks, wheelTasks, maxRows, steps };
}

export async function benchDashboardBrowser(
  browser: Browser,
  appDir: string,
  count = 10_000,
): Promise<DashboardBenchResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cs-bench-dashboard-'));
  seedDemoTenantIn(dataDir, { count });
  const port = await freePort();
  const server = await startServer(appDir, port, dataDir);
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // tsx keeps function names with a `__name` helper that the page does not have.
    await context.addInitScript('window.__name = (f) => f');
    await context.addInitScript(() => {
      const check = () => {
        if (document.querySelector('[data-testid="connector-row"]')) window.__firstRowAt = performance.now();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    const page = await context.newPage();
    // One warm-up load (server caches, compiled code in the browser cache), then measured loads.
    await firstRowAfterNavigation(page, `${baseURL}/connectors`);
    const firstRowMs: number[] = [];
    for (let i = 0; i < 5; i++)
      firstRowMs.push(await firstRowAfterNavigation(page, `${baseURL}/connectors${i % 2 ? '?sort=state' : ''}`));
    await page.goto(`${baseURL}/connectors`);
    await page.waitForSelector('[data-testid="connector-row"]');
    await page.waitForTimeout(500);
    const { longTasks, wheelTasks, maxRows, steps } = await scrollAndMeasure(page);
    await context.close();
    return {
      connectors: count,
      firstRowMs,
      longTasks,
      wheelLongTasks: longTasks.slice(0, wheelTasks),
      maxRowsInDom: maxRows,
      scrollSteps: steps,
    };
  } finally {
    server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const ms = (v: number) => `${v.toFixed(0)} ms`;

export function printDashboardBench(r: DashboardBenchResult): void {
  const sorted = [...r.firstRowMs].sort((a, b) => a - b);
  const median = itemAt(sorted, Math.floor(sorted.length / 2), 'sample');
  const over50 = r.longTasks.filter((d) => d > 50);
  const longest = r.longTasks.length ? Math.max(...r.longTasks) : 0;
  console.log(`  dashboard (${r.connectors.toLocaleString('en-US')} connectors)`);
  console.log(
    `    first row after navigation   p50 ${ms(median).padStart(8)}  max ${ms(lastItem(sorted, 'sample')).padStart(8)}   (target ≤ 1000 ms)`,
  );
  console.log(
    `    long tasks while scrolling   ${String(over50.length).padStart(3)} over 50 ms; longest ${longest ? ms(longest) : 'none'}   (target: none over 50 ms)`,
  );
  const wheelOver50 = r.wheelLongTasks.filter((d) => d > 50);
  console.log(
    `      of which while wheeling    ${String(wheelOver50.length).padStart(3)} over 50 ms; longest ${wheelOver50.length ? ms(Math.max(...wheelOver50)) : 'none'}`,
  );
  console.log(
    `    max rows in the DOM          ${String(r.maxRowsInDom).padStart(8)}   (target ≤ ~100; ${r.scrollSteps} samples while scrolling)`,
  );
}
