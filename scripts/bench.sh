#!/usr/bin/env bash
# npm run bench: a throwaway PostgreSQL, a production build, then scripts/bench.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/ensure-system-deps.sh
source scripts/pg-throwaway.sh
[ -f .next/BUILD_ID ] || npx next build
BENCH_THROWAWAY_DATABASE=1 DATABASE_URL=$PG_TEST_URL npx tsx --import ./scripts/support/server-only.mjs scripts/bench.ts
BENCH_THROWAWAY_DATABASE=1 DATABASE_URL=$PG_TEST_URL npx tsx --import ./scripts/support/server-only.mjs scripts/bench-api.ts
