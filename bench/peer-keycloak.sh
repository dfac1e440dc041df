#!/usr/bin/env bash
# Keycloak as the benchmark's peer (issue 17): what a MediaHub user would otherwise run.
#   bench/peer-keycloak.sh start   fetch (once), build, start on PostgreSQL, create the realm; prints
#                                  "keycloak: up at http://127.0.0.1:PORT pid PID"
#   bench/peer-keycloak.sh stop
# Keycloak 26 (org.keycloak:keycloak-quarkus-dist from Maven Central) in production mode on the
# same PostgreSQL as MediaHub (database keycloak_bench, dropped and re-created), realm "bench":
# revokeRefreshToken=true, refreshTokenMaxReuse=0 (rotation, as MediaHub), 300-second access
# tokens, RS256, public client "bench" with direct access grants. Needs Java 21 or newer: the
# newest JDK under /usr/lib/jvm, or KEYCLOAK_JAVA_HOME. Not part of mvn verify.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/.." && pwd)"
version="${KEYCLOAK_VERSION:-26.7.3}"
home="$project/target/peer/keycloak-$version"
port="${KEYCLOAK_PORT:-18480}"
admin_password="${KEYCLOAK_ADMIN_PASSWORD:-bench-keycloak-admin-1}"
db_host="${FDB_TEST_DB_HOST:-127.0.0.1}"
db_port="${FDB_TEST_DB_PORT:-5432}"
db_user="${FDB_TEST_DB_USER:-postgres}"
export PGPASSWORD="${FDB_TEST_DB_PASSWORD:-}"
pid_file="$project/target/peer/keycloak.pid"
base="http://127.0.0.1:$port"

java_home() {
  if [[ -n "${KEYCLOAK_JAVA_HOME:-}" ]]; then echo "$KEYCLOAK_JAVA_HOME"; return; fi
  for jdk in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    local v
    v=$("$jdk/bin/java" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p')
    if [[ -n "$v" && "$v" -ge 21 ]]; then echo "${jdk%/}"; return; fi
  done
  echo "peer-keycloak.sh: Keycloak needs Java 21 or newer; none under /usr/lib/jvm (set KEYCLOAK_JAVA_HOME)" >&2
  exit 2
}

fetch() {
  [[ -x "$home/bin/kc.sh" ]] && return
  mkdir -p "$project/target/peer"
  mvn -q -B dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" \
    -DoutputDirectory="$project/target/peer" -f "$project/pom.xml"
  (cd "$project/target/peer" && unzip -q -o "keycloak-quarkus-dist-$version.zip")
  chmod +x "$home"/bin/*.sh
}

json_field() { # FIELD: reads JSON on stdin
  python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"
}

start() {
  fetch
  local jh; jh="$(java_home)"
  psql -h "$db_host" -p "$db_port" -U "$db_user" -d postgres -qX \
    -c "DROP DATABASE IF EXISTS keycloak_bench WITH (FORCE)" -c "CREATE DATABASE keycloak_bench" >/dev/null
  JAVA_HOME="$jh" "$home/bin/kc.sh" build --db=postgres --health-enabled=true >"$project/target/peer/keycloak-build.log" 2>&1
  JAVA_HOME="$jh" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
    setsid "$home/bin/kc.sh" start --optimized \
      --db-url="jdbc:postgresql://$db_host:$db_port/keycloak_bench" --db-username="$db_user" \
      --db-password="${FDB_TEST_DB_PASSWORD:-}" --http-enabled=true --http-host=127.0.0.1 --http-port="$port" \
      --hostname-strict=false --log-level=warn >"$project/target/peer/keycloak.log" 2>&1 &
  echo $! >"$pid_file"
  for _ in $(seq 1 180); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/realms/master")" == 200 ]] && break
    sleep 1
  done
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/realms/master")" == 200 ]] \
    || { echo "peer-keycloak.sh: Keycloak did not start; see target/peer/keycloak.log" >&2; exit 1; }
  local token
  token=$(curl -sf "$base/realms/master/protocol/openid-connect/token" -d grant_type=password -d client_id=admin-cli \
    -d username=admin --data-urlencode "password=$admin_password" | json_field access_token)
  curl -sf -X POST "$base/admin/realms" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{
    "realm": "bench", "enabled": true, "revokeRefreshToken": true, "refreshTokenMaxReuse": 0,
    "accessTokenLifespan": 300, "ssoSessionIdleTimeout": 86400, "ssoSessionMaxLifespan": 2592000,
    "defaultSignatureAlgorithm": "RS256", "bruteForceProtected": false}'
  curl -sf -X POST "$base/admin/realms/bench/clients" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{
    "clientId": "bench", "publicClient": true, "directAccessGrantsEnabled": true, "standardFlowEnabled": false}'
  echo "keycloak: up at $base pid $(server_pid) (admin password in KEYCLOAK_ADMIN_PASSWORD or the default)"
}

# The Keycloak JVM (kc.sh execs java, so the pid started is the JVM's; pgrep covers a wrapper).
server_pid() {
  local pid; pid=$(cat "$pid_file")
  pgrep -f "keycloak.*quarkus|quarkus-run.jar" -s "$pid" 2>/dev/null | head -1 || echo "$pid"
}

stop() {
  [[ -f "$pid_file" ]] || return 0
  local pid; pid=$(cat "$pid_file")
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$pid_file"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  pid) server_pid ;;
  version) echo "$version" ;;
  *) echo "usage: bench/peer-keycloak.sh start|stop|pid|version" >&2; exit 2 ;;
esac
