#!/usr/bin/env bash
# Runs every test: unit + API (vitest, against the production server it
# starts) and browser (Playwright in Debian's Chromium, against the production
# build). Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p reports
rm -f reports/vitest.json reports/playwright.json reports/playwright-auth.json reports/playwright-demo.json reports/playwright-cluster.json reports/static.json

echo "== static checks (tsc --noEmit, biome lint, biome format)"
static_passed=0; static_failed=0
if npx tsc --noEmit; then static_passed=$((static_passed + 1)); else static_failed=$((static_failed + 1)); fi
if npx biome lint --diagnostic-level=error .; then static_passed=$((static_passed + 1)); else static_failed=$((static_failed + 1)); fi
if npx biome format .; then static_passed=$((static_passed + 1)); else static_failed=$((static_failed + 1)); fi
echo "{\"passed\": $static_passed, \"failed\": $static_failed}" > reports/static.json

echo "== build (production)"
if ! npx next build > reports/build.log 2>&1; then
  cat reports/build.log
  echo "build failed"
  node scripts/test-summary.mjs --build-failed
  exit 1
fi
tail -n 25 reports/build.log

echo "== unit and API tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
unit_rc=$?

echo "== browser tests (Playwright, Chromium)"
npx playwright test
e2e_rc=$?

echo "== browser tests with sign-in (Playwright, a local OpenID Connect provider)"
npx playwright test -c playwright.auth.config.ts
auth_rc=$?

echo "== browser test of npm run demo (Playwright, the demo tenant)"
npx playwright test -c playwright.demo.config.ts
demo_rc=$?

echo "== browser tests of a deployment (Playwright: PostgreSQL, two instances, HAProxy; scripts/cluster.mjs)"
npx playwright test -c playwright.cluster.config.ts
cluster_rc=$?

node scripts/test-summary.mjs
sum_rc=$?
if [ $unit_rc -ne 0 ] || [ $e2e_rc -ne 0 ] || [ $auth_rc -ne 0 ] || [ $demo_rc -ne 0 ] || [ $cluster_rc -ne 0 ] || [ $sum_rc -ne 0 ]; then exit 1; fi
exit 0
