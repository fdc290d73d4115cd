#!/usr/bin/env bash
# A throwaway PostgreSQL for tests: `source scripts/pg-throwaway.sh` starts one on PG_PORT
# (default 54329) in a temp folder, exports PG_TEST_URL, and stops it when the shell exits.
# Returns non-zero when no PostgreSQL server binaries are installed.

pg_bin=""
for candidate in "$(pg_config --bindir 2>/dev/null)" /usr/lib/postgresql/*/bin; do
  if [ -n "$candidate" ] && [ -x "$candidate/initdb" ]; then pg_bin=$candidate; fi
done
if [ -z "$pg_bin" ]; then
  echo "PostgreSQL server binaries not found." >&2
  return 1 2>/dev/null || exit 1
fi

PG_PORT=${PG_PORT:-54329}
PG_TMP=$(mktemp -d)
as_pg() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = "0" ] && chown postgres: "$PG_TMP"
as_pg "$pg_bin/initdb" -D "$PG_TMP/data" -U app --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/log" -w -t 30 \
  -o "-p $PG_PORT -k $PG_TMP -c listen_addresses=localhost -c fsync=off -c max_connections=200" start >/dev/null
as_pg "$pg_bin/createdb" -h localhost -p "$PG_PORT" -U app app
as_pg "$pg_bin/createdb" -h localhost -p "$PG_PORT" -U app e2e
export PG_TEST_URL="postgres://app@localhost:$PG_PORT/app"
export PG_E2E_URL="postgres://app@localhost:$PG_PORT/e2e"
pg_throwaway_stop() { as_pg "$pg_bin/pg_ctl" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1; rm -rf "$PG_TMP"; }
trap pg_throwaway_stop EXIT
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $PG_PORT"
