// What the dashboard browser benchmark keeps on `window` between Playwright calls
// (scripts/bench-dashboard-browser.ts): set by its init and evaluate scripts, read back by the runner.
interface Window {
  __firstRowAt?: number;
  __longTasks?: number[];
}
