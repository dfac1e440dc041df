#!/usr/bin/env bash
# Deploys the SAME target/mediahub.war on Payara Micro, Payara Server, WildFly and TomEE, each
# configured with its server-config/<server>/ files against PostgreSQL (Payara Server with
# server-config/payara/, step by step as its README.md tells operators), runs
# server-config/smoke.sh against each, and prints a server x check table. Exits non-zero if any
# check fails. Builds nothing: run `mvn -DskipTests package` first. Downloads the servers from
# Maven Central (into ~/.m2, once).
#
# Environment (all optional):
#   FDB_TEST_DB_HOST (127.0.0.1), FDB_TEST_DB_PORT (5432), FDB_TEST_DB_USER (postgres),
#   FDB_TEST_DB_PASSWORD (empty): the PostgreSQL server; databases mediahub_smoke_<server> ("-"
#   as "_") are dropped and re-created on it.
#   PAYARA_VERSION (6.2025.10: Micro and Server), WILDFLY_VERSION (39.0.1.Final), TOMEE_VERSION (9.0.0)
#   SMOKE_PORT_BASE (18180): HTTP ports are base+1..4 (Payara Micro, WildFly, TomEE, Payara
#   Server), WildFly management base+10..12, Payara Server admin base+20 and its other ports
#   base+21..30.
#   SERVERS ("payara payara-server wildfly tomee"): which servers to run.
#   AFTER_SMOKE: a command run on each server that started, after its smoke suite, with the
#   server's name, base URL, database and HTTP port (bench/servers.sh measures there).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/.." && pwd)"
war="$project/target/mediahub.war"
driver="$project/target/postgresql.jar"
work="$project/target/all-servers"
payara_version="${PAYARA_VERSION:-6.2025.10}"
wildfly_version="${WILDFLY_VERSION:-39.0.1.Final}"
tomee_version="${TOMEE_VERSION:-9.0.0}"
port_base="${SMOKE_PORT_BASE:-18180}"
servers=(${SERVERS:-payara payara-server wildfly tomee})

db_host="${FDB_TEST_DB_HOST:-127.0.0.1}"
db_port="${FDB_TEST_DB_PORT:-5432}"
db_user="${FDB_TEST_DB_USER:-postgres}"
db_password="${FDB_TEST_DB_PASSWORD:-}"
export SMOKE_ADMIN_PASSWORD="smoke-admin-password"
export SMOKE_JWT_SECRET="smoke-test-secret-0123456789abcdef-0123"

for file in "$war" "$driver"; do
  [[ -f "$file" ]] || { echo "test-all-servers.sh: $file not found; build first: mvn -DskipTests package" >&2; exit 2; }
done

pids=()
# asadmin start-domain returns once the domain is up and leaves its server running on its own,
# in none of the process groups in pids: a started Payara Server domain is stopped with
# asadmin stop-domain (payara_domain: asadmin's path, then --domaindir DIR NAME).
payara_domain=()
cleanup() {
  if (( ${#payara_domain[@]} )); then
    "${payara_domain[0]}" stop-domain "${payara_domain[@]:1}" >/dev/null 2>&1 ||
      "${payara_domain[0]}" stop-domain --kill=true "${payara_domain[@]:1}" >/dev/null 2>&1
    payara_domain=()
  fi
  for pid in "${pids[@]+"${pids[@]}"}"; do
    kill -TERM -- "-$pid" 2>/dev/null
  done
  for pid in "${pids[@]+"${pids[@]}"}"; do
    for _ in $(seq 1 60); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null
  done
  pids=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "[test-all-servers] $*" >&2; }

fetch() { # GROUP:ARTIFACT:VERSION[:TYPE[:CLASSIFIER]] -> path in ~/.m2
  local coordinates="$1"
  mvn -q -B dependency:get -Dartifact="$coordinates" -Dtransitive=false >&2 || return 1
  IFS=: read -r group artifact version type classifier <<<"$coordinates"
  printf '%s/.m2/repository/%s/%s/%s/%s-%s%s.%s' "$HOME" "${group//.//}" "$artifact" "$version" \
    "$artifact" "$version" "${classifier:+-$classifier}" "${type:-jar}"
}

recreate_db() {
  PGPASSWORD="$db_password" psql -h "$db_host" -p "$db_port" -U "$db_user" -d postgres -qX \
    -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" >/dev/null
}

wait_http() { # URL SECONDS
  for _ in $(seq 1 "$2"); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" == 200 ]] && return 0
    sleep 1
  done
  return 1
}

# Starts "$@" in its own process group (so that stopping it stops all its children).
start_group() {
  local logfile="$1"; shift
  setsid "$@" >"$logfile" 2>&1 &
  pids+=($!)
}

app_env() { # the environment every server gets: database and application settings
  export FDB_DB_URL="jdbc:postgresql://$db_host:$db_port/$1"
  export FDB_DB_USER="$db_user"
  if [[ -n "$db_password" ]]; then export FDB_DB_PASSWORD="$db_password"; else unset FDB_DB_PASSWORD; fi
  export FDB_JWT_SECRET="$SMOKE_JWT_SECRET"
  export FDB_ADMIN_PASSWORD="$SMOKE_ADMIN_PASSWORD"
  export FDB_CONFIG="$2/config.toml"
}

# Each run_<server> starts and configures its server and sets $base to the application's URL.
run_payara() {
  local dir="$work/payara" port=$((port_base + 1)) jar
  jar=$(fetch "fish.payara.extras:payara-micro:$payara_version") || return 1
  app_env mediahub_smoke_payara "$dir"
  pushd "$dir" >/dev/null || return 1
  FDB_PORT=$port PAYARA_MICRO_JAR="$jar" start_group "$dir/server.log" "$here/payara/run.sh" "$war"
  popd >/dev/null || return 1
  wait_http "http://127.0.0.1:$port/api/health" 180 || return 1
  base="http://127.0.0.1:$port"
}

# Payara Server: a fresh domain, set up with the commands of server-config/payara/README.md
# ("Payara Server (asadmin)"), in its order; the README's plain `asadmin` is `asadmin --port`
# here, as the test domain's admin port is not 4848.
run_payara_server() {
  local dir="$work/payara-server" port=$((port_base + 4)) admin=$((port_base + 20)) zip home domains
  zip=$(fetch "fish.payara.distributions:payara:$payara_version:zip") || return 1
  unzip -q -o "$zip" -d "$dir" || return 1
  home="$dir/payara6"
  domains="$dir/domains"
  local asadmin=("$home/bin/asadmin" --port "$admin")
  # Every port of the domain off its default (4848, 8080, 8181, 3700, 7676, 8686, 4900...), so
  # that nothing clashes with another server on this machine: base+21..30 in this order. No
  # admin password (a local test).
  local properties="" name number=21
  for name in http.ssl.port orb.listener.port orb.ssl.port orb.mutualauth.port jms.port \
      domain.jmxPort osgi.shell.telnet.port java.debugger.port hazelcast.das.port hazelcast.start.port; do
    properties+="${properties:+:}$name=$((port_base + number++))"
  done
  "$home/bin/asadmin" create-domain --domaindir "$domains" --nopassword --adminport "$admin" \
    --instanceport "$port" --domainproperties "$properties" mediahub >>"$dir/asadmin.log" 2>&1 || return 1
  ln -s domains/mediahub/logs/server.log "$dir/server.log"
  # 1. the PostgreSQL driver in the domain's lib/ before it starts
  cp "$driver" "$domains/mediahub/lib/"
  # 2. the environment the domain starts with, then the datasource
  app_env mediahub_smoke_payara_server "$dir"
  payara_domain=("$home/bin/asadmin" --domaindir "$domains" mediahub)
  "${asadmin[@]}" start-domain --domaindir "$domains" mediahub >>"$dir/asadmin.log" 2>&1 || return 1
  "${asadmin[@]}" multimode --file "$here/payara/datasource-postgresql.asadmin" >>"$dir/asadmin.log" 2>&1 || return 1
  # 3. the hardening, then a restart
  "${asadmin[@]}" multimode --file "$here/payara/payara-server.asadmin" >>"$dir/asadmin.log" 2>&1 || return 1
  "${asadmin[@]}" restart-domain --domaindir "$domains" mediahub >>"$dir/asadmin.log" 2>&1 || return 1
  # 4. the WAR at "/", as on Payara Micro
  "${asadmin[@]}" deploy --contextroot / --name mediahub "$war" >>"$dir/asadmin.log" 2>&1 || return 1
  wait_http "http://127.0.0.1:$port/api/health" 60 || return 1
  base="http://127.0.0.1:$port"
}

run_wildfly() {
  local dir="$work/wildfly" port=$((port_base + 2)) mgmt=$((port_base + 10)) zip home cli
  zip=$(fetch "org.wildfly:wildfly-dist:$wildfly_version:zip") || return 1
  unzip -q -o "$zip" -d "$dir" || return 1
  home="$dir/wildfly-$wildfly_version"
  cli=("$home/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$mgmt")
  app_env mediahub_smoke_wildfly "$dir"
  start_group "$dir/server.log" "$home/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.http.port="$port" -Djboss.https.port=$((port_base + 11)) \
    -Djboss.management.http.port="$mgmt" -Djboss.management.https.port=$((port_base + 12))
  for _ in $(seq 1 120); do
    "${cli[@]}" --command=":read-attribute(name=server-state)" 2>/dev/null | grep -q running && break
    sleep 1
  done
  "${cli[@]}" --command="deploy $driver --name=postgresql.jar" >>"$dir/cli.log" 2>&1 || return 1
  "${cli[@]}" --file="$here/wildfly/configure.cli" >>"$dir/cli.log" 2>&1 || return 1
  "${cli[@]}" --command="deploy $war" >>"$dir/cli.log" 2>&1 || return 1
  wait_http "http://127.0.0.1:$port/mediahub/api/health" 120 || return 1
  base="http://127.0.0.1:$port/mediahub"
}

run_tomee() {
  local dir="$work/tomee" port=$((port_base + 3)) zip home
  zip=$(fetch "org.apache.tomee:apache-tomee:$tomee_version:zip:plume") || return 1
  unzip -q -o "$zip" -d "$dir" || return 1
  home="$dir/apache-tomee-plume-$tomee_version"
  chmod +x "$home"/bin/*.sh
  cp "$here/tomee/tomee.xml" "$home/conf/tomee.xml"
  cp "$here/tomee/setenv.sh" "$home/bin/setenv.sh"
  cp "$driver" "$home/lib/"
  # HTTP on loopback and the test port; no shutdown port (stopped with SIGTERM).
  sed -i "s/port=\"8080\"/port=\"$port\" address=\"127.0.0.1\"/; s/port=\"8005\"/port=\"-1\"/" "$home/conf/server.xml"
  # Security review (issue 12), as server-config/tomee/README.md tells operators: no Server header,
  # a stalled request body cut off after 10 s (408), and TomEE's own MicroProfile OpenAPI and
  # Metrics endpoints (/<context>/openapi, /<context>/metrics) not registered at all.
  sed -i 's/ server="Apache TomEE"//g; s/connectionTimeout="20000"/connectionTimeout="20000" disableUploadTimeout="false" connectionUploadTimeout="${fdb.http.bodyTimeout:-10000}"/' "$home/conf/server.xml"
  sed -i 's/<Context>/<Context containerSciFilter="org\\.apache\\.tomee\\.microprofile\\.(openapi\\.MicroProfileOpenApiRegistration|metrics\\.MicroProfileMetricsRegistration)">/' "$home/conf/context.xml"
  cp "$war" "$home/webapps/mediahub.war"
  app_env mediahub_smoke_tomee "$dir"
  start_group "$dir/server.log" "$home/bin/catalina.sh" run
  wait_http "http://127.0.0.1:$port/mediahub/api/health" 180 || return 1
  base="http://127.0.0.1:$port/mediahub"
}

rm -rf "$work"
declare -A result seen
checks=()
status=0
for server in "${servers[@]}"; do
  mkdir -p "$work/$server"
  log "$server: preparing database and server"
  database="mediahub_smoke_${server//-/_}"   # "-" is no character of an unquoted database name
  recreate_db "$database" || { log "cannot reach PostgreSQL at $db_host:$db_port"; exit 2; }
  base=""
  if "run_${server//-/_}"; then
    log "$server: up at $base, running the smoke suite"
    printf 'server starts, WAR deploys\tPASS\n' >"$work/$server/smoke.txt"
    "$here/smoke.sh" "$base" "$database" >>"$work/$server/smoke.txt"
    if [[ -n "${AFTER_SMOKE:-}" ]]; then
      $AFTER_SMOKE "$server" "$base" "$database" "$(echo "$base" | sed -E 's#^https?://[^:/]+:([0-9]+).*#\1#')" || status=1
    fi
  else
    log "$server: did not start; see $work/$server/"
    printf 'server starts, WAR deploys\tFAIL see %s\n' "$work/$server/server.log" >"$work/$server/smoke.txt"
  fi
  while IFS=$'\t' read -r check outcome; do
    [[ -n "${seen[$check]:-}" ]] || { seen[$check]=1; checks+=("$check"); }
    result["$server|$check"]="${outcome%% *}"
    [[ "$outcome" == PASS ]] || status=1
  done <"$work/$server/smoke.txt"
  cleanup
done

printf '\n%-52s' "check"; for server in "${servers[@]}"; do printf '%-15s' "$server"; done; echo
for check in "${checks[@]}"; do
  printf '%-52s' "$check"
  for server in "${servers[@]}"; do
    outcome="${result["$server|$check"]:-FAIL}"
    [[ "$outcome" == PASS ]] || status=1
    printf '%-15s' "$outcome"
  done
  echo
done
echo
[[ $status == 0 ]] && echo "ALL CHECKS PASSED" || echo "SOME CHECKS FAILED (details under $work/<server>/)"
exit $status
