/**
 * The floor under the designer's "interaction (INP-style) p95" on this
 * machine and browser: a bare page with one input whose handler does a fixed
 * amount of work per keystroke (0, 2, 5 ms) and shows the value, typed like
 * the typical form scenario (30 keys, 150 ms apart) and measured the same way
 * (Event Timing, per interaction the longest entry, entries under 16 ms not
 * reported). What a keystroke costs here beyond the page's own work — input
 * to the next painted frame — is what this shows.
 */
import type { Browser } from '@playwright/test';
import { keyInteractions, quantile, sleep } from './bench-designer-page';

export interface InputFloor {
  /** Work per keystroke (ms) → interaction p95 (ms). */
  p95ByWork: Map<number, number>;
}

const WORK_MS = [0, 2, 5] as const;

export async function benchInputFloor(browser: Browser, keys = 30, gapMs = 150): Promise<InputFloor> {
  const p95ByWork = new Map<number, number>();
  for (const work of WORK_MS) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    try {
      const page = await context.newPage();
      await page.setContent(`<!doctype html><input id="field" aria-label="Name"><pre id="shown"></pre>`);
      await page.evaluate((workMs) => {
        const events: { name: string; start: number; duration: number; interactionId: number }[] = [];
        (window as unknown as { floorEvents: typeof events }).floorEvents = events;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            const interactionId = (e as PerformanceEventTiming).interactionId ?? 0;
            events.push({ name: e.name, start: e.startTime, duration: e.duration, interactionId });
          }
        }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
        const field = document.getElementById('field') as HTMLInputElement;
        const shown = document.getElementById('shown') as HTMLElement;
        field.addEventListener('input', () => {
          const until = performance.now() + workMs;
          while (performance.now() < until) {
            // The page's own work for this keystroke.
          }
          shown.textContent = field.value;
        });
        field.focus();
      }, work);
      const from = await page.evaluate(() => performance.now());
      for (let i = 0; i < keys; i++) {
        await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
        await sleep(gapMs);
      }
      const events = await page.evaluate(
        () => (window as unknown as { floorEvents: Parameters<typeof keyInteractions>[0] }).floorEvents,
      );
      p95ByWork.set(work, quantile(keyInteractions(events, from, keys), 0.95));
    } finally {
      await context.close();
    }
  }
  return { p95ByWork };
}

export function printInputFloor(floor: InputFloor): void {
  // As the designer's rows show it: nothing reported means every interaction was under 16 ms.
  const cells = [...floor.p95ByWork].map(([work, p95]) => `${p95 > 0 ? `${p95} ms` : '< 16 ms'} (${work} ms of work)`);
  console.log(
    `\n  input floor — a bare page's one input, typed like the typical form: interaction p95 ${cells.join(', ')}`,
  );
}
