#!/usr/bin/env bash
# npm run bench: a throwaway PostgreSQL, a production build with the bench's control routes
# (GATEHOUSE_BENCH_ROUTES=1: /bench/floor/…, into .next-bench; a normal build has none of them),
# then scripts/bench.ts and scripts/bench-api.ts on it. BENCH_REBUILD=1 builds again.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# Both scripts start server/start.mjs on that build, one server process unless a measurement asks for more.
export GATEHOUSE_BENCH_ROUTES=1 SERVER_PROCESSES=1
bash scripts/ensure-system-deps.sh
source scripts/pg-throwaway.sh
# Built with the settings the bench's server runs with (MAIL_TRANSPORT=outbox offers text codes), so
# the prerendered anonymous pages are the ones it serves (decision 067), with their CSP hashes.
if [ ! -f .next-bench/BUILD_ID ] || [ "${BENCH_REBUILD:-}" = 1 ]; then MAIL_TRANSPORT=outbox npx next build && node scripts/prerendered-pages.mjs; fi
BENCH_THROWAWAY_DATABASE=1 DATABASE_URL=$PG_TEST_URL npx tsx --import ./scripts/support/server-only.mjs scripts/bench.ts
[ "${BENCH_PARTS:-all}" = all ] || exit 0
BENCH_THROWAWAY_DATABASE=1 DATABASE_URL=$PG_TEST_URL npx tsx --import ./scripts/support/server-only.mjs scripts/bench-api.ts
