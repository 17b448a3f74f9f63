// Sums vitest's and Playwright's JSON reports into one machine-readable line:
// "N passed, N failed". A missing report counts as one failure: a suite that
// did not run must not look green.
import { readFileSync, existsSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const notes = [];

if (process.argv.includes('--build-failed')) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// The type check and the linter count as one test each: a red static check is a failed run.
if (existsSync('reports/static.json')) {
  const st = JSON.parse(readFileSync('reports/static.json', 'utf8'));
  passed += st.passed ?? 0;
  failed += st.failed ?? 0;
  notes.push(`static checks: ${st.passed} passed, ${st.failed} failed`);
} else {
  failed += 1;
  notes.push('static checks: no report');
}

if (existsSync('reports/vitest.json')) {
  const v = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += (v.numFailedTests ?? 0) + (v.numFailedTestSuites && !v.numFailedTests ? v.numFailedTestSuites : 0);
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  notes.push(`vitest: ${v.numPassedTests} passed, ${v.numFailedTests} failed`);
} else {
  failed += 1;
  notes.push('vitest: no report');
}

// The main browser suite, the one with sign-in on (playwright.auth.config.ts), `npm run demo` (playwright.demo.config.ts)
// and the deployment's (playwright.cluster.config.ts).
for (const [label, file] of [
  ['playwright', 'reports/playwright.json'],
  ['playwright (sign-in)', 'reports/playwright-auth.json'],
  ['playwright (demo)', 'reports/playwright-demo.json'],
  ['playwright (two instances)', 'reports/playwright-cluster.json'],
]) {
  if (!existsSync(file)) {
    failed += 1;
    notes.push(`${label}: no report`);
    continue;
  }
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const s = p.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
  if ((p.errors ?? []).length > 0 && !s.unexpected) failed += 1;
  notes.push(`${label}: ${(s.expected ?? 0) + (s.flaky ?? 0)} passed, ${s.unexpected ?? 0} failed`);
}

console.log(notes.join('; '));
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed > 0 ? 1 : 0);
