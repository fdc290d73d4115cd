#!/usr/bin/env bash
# npm run bench:server: a throwaway PostgreSQL, a production build, then scripts/bench-server.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
source scripts/pg-throwaway.sh
[ -f .next/BUILD_ID ] || npx next build
DATABASE_URL=$PG_TEST_URL npx tsx scripts/bench-server.ts
