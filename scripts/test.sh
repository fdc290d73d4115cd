#!/usr/bin/env bash
# `npm test`: lint, type check, unit + integration tests on PGlite and on a real PostgreSQL, a
# representative part of them through PgBouncer in transaction mode, the production (standalone)
# build, the Playwright suite against `npm start` (with two instances behind HAProxy, PostgreSQL
# restarts and shutdowns), then a grep of every server log for every secret the run used. Ends with
# one summary line. Single-threaded steps run in pairs: lint beside the type check, the PGlite run
# beside the PostgreSQL one, the build beside the PgBouncer subset.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
results=$(mktemp -d)
# Each step's wall time, printed at the end: CI must stay under 30 minutes on two cores.
timings=""; step_name=""; step_start=$SECONDS
end_step() {
  if [ -n "$step_name" ]; then timings+=$(printf '%5ds  %s' $((SECONDS - step_start)) "$step_name")$'\n'; fi
  step_name=""
}
step() { end_step; step_name=$*; step_start=$SECONDS; printf '\n\033[1m== %s\033[0m\n' "$*"; }

# Steps that keep one core busy (tsc beside eslint; the PgBouncer subset beside the build) run two at a
# time on CI's two cores: `background NAME COMMAND…` starts one beside the foreground step, its
# output kept in a log; `await_background NAME` prints the log, adds its own wall time to the
# table and fails the run when it failed. Each runs in a process group of its own, so an early
# exit stops it (on_exit) before the databases it uses go away.
declare -A bg_pid bg_dir bg_start
background() {
  local name=$1; shift
  bg_dir[$name]=$(mktemp -d); bg_start[$name]=$(date +%s)
  printf '\n\033[1m== %s — in the background\033[0m\n' "$name"
  set -m
  ( set +e; "$@" > "${bg_dir[$name]}/log" 2>&1; echo $? > "${bg_dir[$name]}/rc"; date +%s > "${bg_dir[$name]}/end" ) &
  bg_pid[$name]=$!
  set +m
}
await_background() {
  local name=$1 dir=${bg_dir[$1]} start=${bg_start[$1]} rc end
  wait "${bg_pid[$name]}" || true; unset "bg_pid[$name]"
  rc=$(cat "$dir/rc" 2>/dev/null || echo 1); end=$(cat "$dir/end" 2>/dev/null || date +%s)
  timings+=$(printf '%5ds  %s (in the background)' $((end - start)) "$name")$'\n'
  printf '\n\033[1m== %s (in the background): output\033[0m\n' "$name"
  cat "$dir/log"
  if [ "$rc" != 0 ]; then echo "$name failed (output above)" >&2; exit 1; fi
}
# The throwaway servers' scripts install their own EXIT traps; this one replaces them after each
# (and stops whatever they started).
on_exit() {
  end_step; printf '\n== wall time per step\n%s%5ds  total\n' "$timings" "$SECONDS"
  for pid in "${bg_pid[@]}"; do kill -- -"$pid" 2>/dev/null || true; done
  if declare -F pgbouncer_throwaway_stop >/dev/null; then pgbouncer_throwaway_stop; fi
  if declare -F pg_throwaway_stop >/dev/null; then pg_throwaway_stop; fi
}
trap on_exit EXIT

step "system packages"
bash scripts/ensure-system-deps.sh || echo "(continuing; steps that need them will say so)"

background "type check" npx tsc --noEmit
step "lint (layers included), format, unused code"
npx eslint --max-warnings=0 .
node scripts/check-import-cycles.mjs
npx prettier --check . --log-level warn
npx knip
end_step
await_background "type check"

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  PG_TEST_URL=$TEST_DATABASE_URL; PG_E2E_URL=${E2E_DATABASE_URL:-}
elif ! source scripts/pg-throwaway.sh; then
  if [ -n "${CI:-}" ]; then echo "CI needs PostgreSQL" >&2; exit 1; fi
  PG_TEST_URL=""; PG_E2E_URL=""
fi
trap on_exit EXIT
step "unit + integration tests (PGlite)"
env -u DATABASE_URL npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest-pglite.json"
# The PostgreSQL run after the PGlite one, not beside it: side by side on two cores (PGlite's
# in-process database against the server's backends) the pair took 625 s where the two one after
# the other take about 420 s (CI runs of 2026-12-01).
if [ -n "$PG_TEST_URL" ]; then
  step "integration tests (PostgreSQL)"
  # Each file on a clone of a migrated template database (tests/support/global-setup.ts), two at a time.
  DATABASE_URL=$PG_TEST_URL TEST_DATABASE_PER_FILE=1 npx vitest run tests/integration --reporter=default --reporter=json --outputFile.json="$results/vitest-postgres.json"
else
  echo "Skipping the PostgreSQL run: no server binaries (apt-get install postgresql)."
fi

# Through a transaction-mode pooler (what Neon, Supabase and Vercel Postgres hand out as the pooled
# URL): the statements every request and sign-in runs (session lookup, sign-in, rate limits under
# races), the single-use guarantees that rest on row locks and atomic updates inside transactions
# (tokens, links, recovery codes, pending sign-ins, TOTP steps), the outbox's FOR UPDATE SKIP
# LOCKED claim, passkey challenges, and why DATABASE_PREPARE=false is needed. Runs beside the build.
POOLED_TESTS=(
  tests/integration/pooler.transaction-mode.test.ts
  tests/integration/session.revocation.test.ts
  tests/integration/login.password.test.ts
  tests/integration/rate-limit.counts-exactly.test.ts
  tests/integration/reset-token.single-use.test.ts
  tests/integration/magic-link.single-use.test.ts
  tests/integration/recovery-codes.single-use.test.ts
  tests/integration/pending-login.one-per-browser.test.ts
  tests/integration/two-factor.code-windows-and-replay.test.ts
  tests/integration/outbox.delivery-never-fails-a-flow.test.ts
  tests/integration/passkeys.sign-in.test.ts
  tests/integration/refresh-token.single-use-and-replay-ends-the-family.test.ts
)
pooled=""
if [ -n "$PG_TEST_URL" ] && [ -z "${TEST_DATABASE_URL:-}" ] && source scripts/pgbouncer-throwaway.sh; then
  trap on_exit EXIT
  pooled="integration tests through PgBouncer (transaction mode, DATABASE_PREPARE=false)"
  # One worker: the build beside it gets the other core.
  background "$pooled" env DATABASE_URL="$PGBOUNCER_TEST_URL" DATABASE_MIGRATION_URL="$PGBOUNCER_DIRECT_URL" DATABASE_PREPARE=false \
    npx vitest run "${POOLED_TESTS[@]}" --maxWorkers=1 --reporter=default --reporter=json --outputFile.json="$results/vitest-pgbouncer.json"
elif [ -n "${CI:-}" ]; then
  echo "CI needs PgBouncer (apt-get install pgbouncer)" >&2; exit 1
else
  echo "Skipping the PgBouncer run: no pgbouncer (apt-get install pgbouncer)."
fi

step "build (standalone)"
# Type-checked by the lint step above: the build skips its own pass (next.config.mjs).
GATEHOUSE_TEST_BUILD=1 npx tsx scripts/with-e2e-server-env.ts npm run build
end_step
if [ -n "$pooled" ]; then await_background "$pooled"; fi

step "end-to-end (Playwright, $([ -n "$PG_E2E_URL" ] && echo PostgreSQL || echo PGlite))"
rm -rf .data/e2e-pglite .data/e2e-logs
E2E_DATABASE_URL=$PG_E2E_URL PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" \
  npx playwright test --reporter=list,json

step "logs carry no secret"
log_rc=0; node scripts/check-log-secrets.mjs .data/e2e-logs || log_rc=$?

node scripts/summarize-results.mjs "$results"
exit "$log_rc"
