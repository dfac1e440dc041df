#!/usr/bin/env bash
# N MediaHub instances behind HAProxy on this machine (issue 20, docs/adr/0025-…).
#   server-config/cluster/run-local.sh [N]      (N = 3 by default, 1 to 9)
# Builds nothing: run `mvn -DskipTests package` first. Needs Debian's haproxy and PostgreSQL.
# Environment (all optional):
#   CLUSTER_PORT (8080): where HAProxy listens; the instances take CLUSTER_FIRST_PORT (18101) on
#   FDB_DB_URL, FDB_DB_USER, FDB_DB_PASSWORD: the one PostgreSQL they share; by default database
#     mediahub_cluster on FDB_TEST_DB_HOST/PORT (127.0.0.1:5432), created if missing
#   FDB_JWT_SECRET, FDB_MFA_KEY: shared by every instance; generated once into
#     target/cluster/shared-secrets.env (mode 600) when not given
#   FDB_ADMIN_PASSWORD: the first admin's password on an empty database (else the first
#     instance generates one and logs it)
# Instance i's log is target/cluster/instance-i.log; HAProxy's runtime API is the socket
# target/cluster/haproxy.sock (a rolling restart: docs/operations.md). Ctrl-C stops HAProxy and
# every instance.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/../.." && pwd)"
n="${1:-3}"
[[ "$n" =~ ^[1-9]$ ]] || { echo "run-local.sh: N must be 1 to 9" >&2; exit 2; }
command -v haproxy >/dev/null || { echo "run-local.sh: haproxy not found: apt-get install haproxy" >&2; exit 2; }
war="$project/target/mediahub.war"
[[ -f "$war" ]] || { echo "run-local.sh: $war not found; build first: mvn -DskipTests package" >&2; exit 2; }

port="${CLUSTER_PORT:-8080}"
first="${CLUSTER_FIRST_PORT:-18101}"
work="$project/target/cluster"
mkdir -p "$work"
db_host="${FDB_TEST_DB_HOST:-127.0.0.1}"
db_port="${FDB_TEST_DB_PORT:-5432}"
if [[ -z "${FDB_DB_URL:-}" ]]; then
  export PGPASSWORD="${FDB_DB_PASSWORD:-}"
  if ! psql -h "$db_host" -p "$db_port" -U "${FDB_DB_USER:-postgres}" -d postgres -tAXc \
      "SELECT 1 FROM pg_database WHERE datname = 'mediahub_cluster'" | grep -q 1; then
    psql -h "$db_host" -p "$db_port" -U "${FDB_DB_USER:-postgres}" -d postgres -qXc "CREATE DATABASE mediahub_cluster"
  fi
  export FDB_DB_URL="jdbc:postgresql://$db_host:$db_port/mediahub_cluster"
fi

# One signing secret and one MFA key for all: a token signed by one instance is checked by another.
secrets="$work/shared-secrets.env"
if [[ -z "${FDB_JWT_SECRET:-}" || -z "${FDB_MFA_KEY:-}" ]]; then
  if [[ ! -f "$secrets" ]]; then
    (umask 077 && printf 'FDB_JWT_SECRET=%s\nFDB_MFA_KEY=%s\n' "$(openssl rand -hex 32)" "$(openssl rand -hex 32)" >"$secrets")
  fi
  [[ -n "${FDB_JWT_SECRET:-}" ]] || FDB_JWT_SECRET="$(sed -n 's/^FDB_JWT_SECRET=//p' "$secrets")"
  [[ -n "${FDB_MFA_KEY:-}" ]] || FDB_MFA_KEY="$(sed -n 's/^FDB_MFA_KEY=//p' "$secrets")"
  export FDB_JWT_SECRET FDB_MFA_KEY
fi

pids=()
haproxy_pid=""
stop_all() {
  trap - INT TERM EXIT
  [[ -n "$haproxy_pid" ]] && kill -TERM "$haproxy_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 60); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  echo "run-local.sh: stopped HAProxy and ${#pids[@]} instance(s)" >&2
}
trap stop_all INT TERM EXIT

start_instance() { # I
  local i="$1"
  FDB_PORT=$((first + i - 1)) FDB_DATA_DIR="$work/instance-$i" \
    setsid "$project/server-config/payara/run.sh" "$war" >"$work/instance-$i.log" 2>&1 &
  pids+=($!)
}
await_instance() { # I
  local i="$1"
  local url="http://127.0.0.1:$((first + i - 1))/api/health"
  for _ in $(seq 1 180); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" == 200 ]] && return 0
    kill -0 "${pids[$((i - 1))]}" 2>/dev/null || break
    sleep 1
  done
  echo "run-local.sh: instance $i did not start; the end of $work/instance-$i.log:" >&2
  tail -5 "$work/instance-$i.log" >&2
  exit 1
}

# The first instance alone: it migrates the schema and creates the first admin; then the rest.
start_instance 1
await_instance 1
for i in $(seq 2 "$n"); do start_instance "$i"; done
for i in $(seq 2 "$n"); do await_instance "$i"; done

servers=""
for i in $(seq 1 "$n"); do servers+="    server instance-$i 127.0.0.1:$((first + i - 1)) check"$'\n'; done
config="$work/haproxy.cfg"
sed -e "s|@BIND@|127.0.0.1:$port|" -e "s|@SOCKET@|$work/haproxy.sock|g" -e "s|@ERRORS@|$here/errors|g" \
  "$here/haproxy.cfg.template" | awk -v servers="$servers" '$0 == "@SERVERS@" {printf "%s", servers; next} {print}' >"$config"
haproxy -c -q -f "$config"
haproxy -db -f "$config" &
haproxy_pid=$!
echo "run-local.sh: MediaHub at http://127.0.0.1:$port/ through HAProxy, $n instance(s) on ports $first-$((first + n - 1)) (logs in $work); Ctrl-C stops everything" >&2
wait "$haproxy_pid"
