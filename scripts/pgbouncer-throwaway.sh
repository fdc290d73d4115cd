#!/usr/bin/env bash
# PgBouncer in transaction mode in front of the throwaway PostgreSQL (source scripts/pg-throwaway.sh
# first, in the same shell): `source scripts/pgbouncer-throwaway.sh` starts Debian's pgbouncer on
# PGBOUNCER_PORT (default 54339) for a database of its own ("pooled"), exports PGBOUNCER_TEST_URL
# (through the pooler) and PGBOUNCER_DIRECT_URL (the same database, direct: migrations take a
# session-level advisory lock, which a transaction-mode pooler cannot hold for a session), and
# stops it when the shell exits. Returns non-zero when pgbouncer is not installed.

pgbouncer_bin=$(command -v pgbouncer || echo /usr/sbin/pgbouncer)
if [ ! -x "$pgbouncer_bin" ] || [ -z "${PG_TMP:-}" ]; then
  echo "PgBouncer not found (apt-get install pgbouncer), or no throwaway PostgreSQL started." >&2
  return 1 2>/dev/null || exit 1
fi

PGBOUNCER_PORT=${PGBOUNCER_PORT:-54339}
# PG_PORT does not outlive `PG_PORT=… source scripts/pg-throwaway.sh`; the URL does.
PG_PORT=${PG_PORT:-$(echo "$PG_TEST_URL" | sed -E 's#.*:([0-9]+)/.*#\1#')}
PGBOUNCER_TMP=$(mktemp -d)
as_pg "$pg_bin/createdb" -h localhost -p "$PG_PORT" -U app pooled
echo '"app" ""' > "$PGBOUNCER_TMP/users.txt"
cat > "$PGBOUNCER_TMP/pgbouncer.ini" <<INI
[databases]
pooled = host=127.0.0.1 port=$PG_PORT dbname=pooled user=app
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGBOUNCER_PORT
unix_socket_dir =
auth_type = trust
auth_file = $PGBOUNCER_TMP/users.txt
; What Neon, Supabase (port 6543) and most managed poolers run: a server connection per transaction.
pool_mode = transaction
default_pool_size = 20
max_client_conn = 500
logfile = $PGBOUNCER_TMP/pgbouncer.log
pidfile = $PGBOUNCER_TMP/pgbouncer.pid
INI
[ "$(id -u)" = "0" ] && chown -R postgres: "$PGBOUNCER_TMP"
# PgBouncer refuses to run as root.
as_pg "$pgbouncer_bin" -d "$PGBOUNCER_TMP/pgbouncer.ini"
for _ in $(seq 1 50); do
  (echo > "/dev/tcp/127.0.0.1/$PGBOUNCER_PORT") 2>/dev/null && break
  sleep 0.1
done
export PGBOUNCER_TEST_URL="postgres://app@127.0.0.1:$PGBOUNCER_PORT/pooled"
export PGBOUNCER_DIRECT_URL="postgres://app@localhost:$PG_PORT/pooled"
pgbouncer_throwaway_stop() {
  [ -f "$PGBOUNCER_TMP/pgbouncer.pid" ] && kill "$(cat "$PGBOUNCER_TMP/pgbouncer.pid")" 2>/dev/null
  rm -rf "$PGBOUNCER_TMP"
}
# After the PostgreSQL stop that pg-throwaway.sh registered.
trap 'pgbouncer_throwaway_stop; pg_throwaway_stop' EXIT
echo "PgBouncer $("$pgbouncer_bin" --version | head -1 | awk '{print $2}') (transaction mode) on port $PGBOUNCER_PORT"
