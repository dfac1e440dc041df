#!/usr/bin/env bash
# One table per server (issue 17): the same WAR on Payara Micro, Payara Server, WildFly and TomEE,
# each started by server-config/test-all-servers.sh (which smoke-tests it first), then public,
# Bearer and refresh measured with the benchmark's harness. Builds nothing: run
# `mvn -DskipTests package` first. Results: docs/benchmarks/servers.md (and servers.csv).
#   SERVERS="payara wildfly" bench/servers.sh   a subset; BENCH_DURATION (10) seconds per scenario
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/.." && pwd)"
out="$project/docs/benchmarks"
export BENCH_OUT="$out" BENCH_CLASSPATH="$project/target/test-classes:$project/target/classes:$(cat "$project/target/bench-classpath.txt")"
rm -f "$out/servers.csv" "$out/servers-cpu.csv"

if [[ "${1:-}" == measure ]]; then # called by test-all-servers.sh: measure SERVER BASE DATABASE PORT
  server="$2"; base="$3"; database="$4"; port="$5"
  jvm=$(ss -ltnpH "sport = :$port" | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -1)
  export PGPASSWORD="${FDB_TEST_DB_PASSWORD:-}"
  psql -h "${FDB_TEST_DB_HOST:-127.0.0.1}" -p "${FDB_TEST_DB_PORT:-5432}" -U "${FDB_TEST_DB_USER:-postgres}" -d "$database" \
    -qX -c "VACUUM (ANALYZE)" >/dev/null
  run() { # CSV CPU_CSV WARMUP DURATION
    java -cp "$BENCH_CLASSPATH" com.mediahub.bench.LoadHarness run --base "$base" --admin-password "$SMOKE_ADMIN_PASSWORD" \
      --jdbc "jdbc:postgresql://${FDB_TEST_DB_HOST:-127.0.0.1}:${FDB_TEST_DB_PORT:-5432}/$database" \
      --db-user "${FDB_TEST_DB_USER:-postgres}" --db-password "${FDB_TEST_DB_PASSWORD:-}" \
      --warmup "$3" --duration "$4" --csv "$1" --cpu-csv "$2" --scenarios public,bearer,refresh --server-pid "${jvm:-0}"
  }
  run /dev/null /dev/null 0 "${BENCH_JVM_WARMUP:-10}" >/dev/null # an unrecorded JIT warm-up round
  run "$BENCH_OUT/servers-$server.csv" "$BENCH_OUT/servers-$server-cpu.csv" 3 "${BENCH_DURATION:-10}" \
    | sed "s/^/[$server] /"
  exit 0
fi

rm -f "$out"/servers-*.csv
AFTER_SMOKE="$here/servers.sh measure" "$project/server-config/test-all-servers.sh" >&2
{
  echo "| server | public req/s | Bearer req/s | refresh req/s | Bearer / public | CPU ms per Bearer (server) | CPU ms per refresh (server + postgres) |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for csv in "$out"/servers-*[!u].csv; do
    [[ "$csv" == *-cpu.csv ]] && continue
    server="$(basename "$csv" .csv)"; server="${server#servers-}"
    rate() { awk -F, -v s="$1" '$1 == s {print $3}' "$csv"; }
    cpu="$out/servers-$server-cpu.csv"
    echo "| $server | $(rate public) | $(rate bearer) | $(rate refresh) | $(awk -v a="$(rate bearer)" -v b="$(rate public)" 'BEGIN {printf "%.2f", a / b}') | $(awk -F, '$1 == "bearer" {printf "%.3f", $2}' "$cpu") | $(awk -F, '$1 == "refresh" {printf "%.3f + %.3f", $2, $3}' "$cpu") |"
  done
  echo
  echo "\`bench/servers.sh\` on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ): each server started and smoke-tested by \`server-config/test-all-servers.sh\`, one unrecorded warm-up round, then ${BENCH_DURATION:-10} s per scenario, 8 clients, the same PostgreSQL."
} >"$out/servers.md"
cat "$out/servers.md"
