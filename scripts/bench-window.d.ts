// What the browser benchmarks keep on `window` between Playwright calls (scripts/bench-browser.ts,
// scripts/bench-dashboard-browser.ts): set by their init and evaluate scripts, read back by the runner.
interface Window {
  __bench?: { longTasks: number[]; events: { id: number; duration: number }[] };
  __result?: Promise<{ latency: number; interactionId: number }>;
  __topologyAt?: number;
  __firstRowAt?: number;
  __longTasks?: number[];
}
