#!/usr/bin/env bash
# `npm test`: lint, type check, unit + integration tests on PGlite and on a real PostgreSQL,
# production build, then the Playwright suite against `next start`. Ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
results=$(mktemp -d)
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "system packages"
bash scripts/ensure-system-deps.sh || echo "(continuing; steps that need them will say so)"

step "lint (layers included), format, unused code"
npx eslint --max-warnings=0 .
npx prettier --check . --log-level warn
npx knip
step "type check"
npx tsc --noEmit

step "unit + integration tests (PGlite)"
env -u DATABASE_URL npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest-pglite.json"

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  PG_TEST_URL=$TEST_DATABASE_URL; PG_E2E_URL=${E2E_DATABASE_URL:-}
elif ! source scripts/pg-throwaway.sh; then
  if [ -n "${CI:-}" ]; then echo "CI needs PostgreSQL" >&2; exit 1; fi
  PG_TEST_URL=""; PG_E2E_URL=""
fi
if [ -n "$PG_TEST_URL" ]; then
  step "integration tests (PostgreSQL)"
  DATABASE_URL=$PG_TEST_URL npx vitest run tests/integration --reporter=default --reporter=json --outputFile.json="$results/vitest-postgres.json"
else
  echo "Skipping the PostgreSQL run: no server binaries (apt-get install postgresql)."
fi

step "build"
npx next build

step "end-to-end (Playwright, $([ -n "$PG_E2E_URL" ] && echo PostgreSQL || echo PGlite))"
rm -rf .data/e2e-pglite
E2E_DATABASE_URL=$PG_E2E_URL PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" \
  npx playwright test --reporter=list,json

node scripts/summarize-results.mjs "$results"
