#!/usr/bin/env bash
# Installs the system packages the full test suite needs — Chromium and zbar-tools (e2e), the
# PostgreSQL server (integration against a real Postgres), HAProxy (two instances behind a load
# balancer), PgBouncer (the integration subset through a transaction-mode pooler) and wrk (the
# API bench) — from Debian
# when they are missing and we may use apt-get. Elsewhere it only says what is missing.
set -uo pipefail

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || missing+=(postgresql)
# zbarimg decodes the authenticator QR code in e2e, as a phone's camera would.
command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
# wrk loads GET /api/me and its floor in npm run bench (scripts/bench-api.ts).
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} with apt-get…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit $?
fi
echo "Missing system packages: ${missing[*]} (Debian/Ubuntu: sudo apt-get install ${missing[*]})." >&2
exit 1
