#!/usr/bin/env bash
# `npm run bench:mail-timing`: a throwaway PostgreSQL, the production build, then the timing bench.
set -euo pipefail
cd "$(dirname "$0")/.."
PG_PORT=${PG_PORT:-54328} source scripts/pg-throwaway.sh
[ -f .next/BUILD_ID ] || npx next build
DATABASE_URL=$PG_TEST_URL npx tsx --import ./scripts/support/server-only.mjs scripts/bench-mail-timing.ts
