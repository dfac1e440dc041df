#!/usr/bin/env bash
# The MediaHub benchmark. Builds nothing: run `mvn -DskipTests package` first.
#   bench/run.sh            full run (about 5 minutes): results into docs/benchmarks/
#   bench/run.sh --quick    every scenario for ~2 s: results into target/bench-quick/
#   bench/run.sh --peer keycloak   also Keycloak (bench/peer-keycloak.sh) in the same run, same
#                           harness and PostgreSQL; side-by-side table in peer-keycloak.md
#   bench/run.sh --rows 1e7 the large-table refresh scenario with 10^7 live rows instead of 10^6
#   bench/run.sh --profile SCENARIO   that one scenario (e.g. refresh, bearer, public) under JFR,
#                           and where the server's CPU goes, per component: target/bench-profile/
#   bench/run.sh --capacity the figures of docs/operations.md's capacity model: CPU per Bearer request
#                           and per refresh, and the server's heap and RSS with 10^3 and with 10^6
#                           live sessions in the table: docs/benchmarks/capacity/
#   (the options combine; CPU ms per request of server, postgres and load generator: cpu.csv)
# Needs PostgreSQL (FDB_TEST_DB_HOST/PORT/USER/PASSWORD, default 127.0.0.1:5432 postgres) with
# psql and pgbench; database mediahub_bench is dropped and re-created.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/.." && pwd)"
quick=false
peer=""
rows=""
profile=""
capacity=false
usage() { echo "usage: bench/run.sh [--quick] [--peer keycloak] [--rows 1e4..1e7] [--profile SCENARIO] [--capacity]" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=true; shift ;;
    --capacity) capacity=true; shift ;;
    --peer|--rows|--profile) [[ $# -ge 2 ]] || usage
      case "$1" in --peer) peer="$2" ;; --rows) rows="$2" ;; --profile) profile="$2" ;; esac
      shift 2 ;;
    *) usage ;;
  esac
done
[[ -z "$peer" || "$peer" == keycloak ]] || { echo "bench/run.sh: the only peer is keycloak" >&2; exit 2; }
# (1e3 is always measured: the large table is compared with it)
[[ -z "$rows" || "$rows" =~ ^1e[4-7]$ ]] || { echo "bench/run.sh: --rows takes 1e4 to 1e7" >&2; exit 2; }

for file in "$project/target/mediahub.war" "$project/target/bench-classpath.txt" "$project/target/test-classes/META-INF/BenchmarkList"; do
  [[ -f "$file" ]] || { echo "bench/run.sh: $file not found; build first: mvn -DskipTests package" >&2; exit 2; }
done

db_host="${FDB_TEST_DB_HOST:-127.0.0.1}"
db_port="${FDB_TEST_DB_PORT:-5432}"
db_user="${FDB_TEST_DB_USER:-postgres}"
export PGPASSWORD="${FDB_TEST_DB_PASSWORD:-}"
database=mediahub_bench
jdbc="jdbc:postgresql://$db_host:$db_port/$database"
admin_password="bench-admin-password"
# Given, like the JWT secret, so that no key is generated into the checked-in bench/bench.toml.
mfa_key="00112233445566778899aabbccddeeff00112233445566778899aabbccddee00"
port="${BENCH_PORT:-18380}"
classpath="$project/target/test-classes:$project/target/classes:$(cat "$project/target/bench-classpath.txt")"

if $quick; then
  out="$project/target/bench-quick"; warmup=1; duration=2; big=refresh-1e4; pgbench_seconds=2; jvm_warmup=0
  # In this JVM, no warm-up: --quick shows that every benchmark runs (BenchmarkQuickIT), not how
  # fast; a fork per benchmark cost 25 of the suite's seconds.
  jmh=(-f 0 -wi 0 -i 1 -r 1s)
else
  out="$project/docs/benchmarks"; warmup=5; duration=10; big=refresh-1e6; pgbench_seconds=10; jvm_warmup=10
  jmh=(-f 1 -wi 2 -i 3 -w 2s -r 2s)
fi
[[ -n "$rows" ]] && big="refresh-$rows"
[[ -n "$profile" ]] && out="$project/target/bench-profile"
$capacity && out="$project/docs/benchmarks/capacity"
mkdir -p "$out"
rm -f "$out/results.csv" "$out/profiled.csv" "$out/pgbench.txt" "$out/jmh.json" "$out/cpu.csv" "$out/peer-keycloak.csv" "$out/peer-keycloak-cpu.csv"

server_pid=""
stop_server() {
  if [[ -n "$server_pid" ]]; then
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 -- "-$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
trap stop_server EXIT

start_server() { # CONFIG_FILE LOG
  FDB_PORT="$port" FDB_DB_URL="$jdbc" FDB_DB_USER="$db_user" FDB_DB_PASSWORD="${FDB_TEST_DB_PASSWORD:-}" \
  FDB_JWT_SECRET="benchmark-secret-0123456789abcdef-0123456789" FDB_MFA_KEY="$mfa_key" FDB_ADMIN_PASSWORD="$admin_password" FDB_CONFIG="$1" \
    setsid "$project/server-config/payara/run.sh" "$project/target/mediahub.war" >"$2" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 180); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/health")" == 200 ]] && return 0
    sleep 1
  done
  echo "bench/run.sh: the server did not start; see $2" >&2
  exit 1
}

# The server's JVM: run.sh was started as a session leader (setsid), the JVM is in its session.
jvm_of() { pgrep -s "$1" java | head -1 || echo 0; }

harness() { # SCENARIOS [CSV [WARMUP DURATION]]
  java -cp "$classpath" com.mediahub.bench.LoadHarness run --base "http://127.0.0.1:$port" \
    --admin-password "$admin_password" --jdbc "$jdbc" --db-user "$db_user" --db-password "${FDB_TEST_DB_PASSWORD:-}" \
    --warmup "${3:-$warmup}" --duration "${4:-$duration}" --csv "${2:-$out/results.csv}" --scenarios "$1" \
    --server-pid "$(jvm_of "$server_pid")" --cpu-csv "${cpu_csv:-$out/cpu.csv}"
}

# Rotation churns rows and autovacuum may be off (toolchain notes): each product starts clean.
vacuum() { psql -h "$db_host" -p "$db_port" -U "$db_user" -d "$1" -qX -c "VACUUM (ANALYZE)" >/dev/null; }

# A freshly started JVM runs the first scenario half-compiled: one unrecorded round first, so that
# every recorded scenario meets a JIT-compiled server (the per-scenario warm-up then settles it).
warm_up_jvm() {
  if [[ "$jvm_warmup" -gt 0 ]]; then
    echo "(JVM warm-up round, not recorded)"
    cpu_csv=/dev/null harness "$1" "$out/jvm-warmup.csv" 0 "$jvm_warmup" >/dev/null
    rm -f "$out/jvm-warmup.csv"
  fi
}

psql -h "$db_host" -p "$db_port" -U "$db_user" -d postgres -qX \
  -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database" >/dev/null

if [[ -n "$profile" ]]; then
  echo "== profile of $profile (JFR: the profile settings, one sample per millisecond)"
  start_server "$here/bench.toml" "$out/server.log"
  warm_up_jvm "$profile"
  vacuum "$database"
  harness "$profile" "$out/results.csv" # first without the profiler: the rate and CPU to quote
  vacuum "$database"
  jvm="$(jvm_of "$server_pid")"
  # (jcmd 0 would address every JVM of this user)
  [[ "$jvm" -gt 0 ]] || { echo "bench/run.sh: the server's JVM is gone; see $out/server.log" >&2; exit 1; }
  # JFR's "profile" settings, but a Java sample every millisecond (instead of 10): enough samples
  # in one 10-second scenario to tell components apart.
  java_home="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')"
  sed -E 's#(control="method-sampling-java-interval">)[^<]*#\11 ms#' "$java_home/lib/jfr/profile.jfc" >"$out/sampling.jfc"
  grep -q '>1 ms<' "$out/sampling.jfc" || { echo "bench/run.sh: could not set JFR's sampling interval" >&2; exit 1; }
  jcmd "$jvm" JFR.configure stackdepth=256 >/dev/null # Payara's stacks are deeper than the default 64
  jcmd "$jvm" JFR.start name=bench settings="$out/sampling.jfc" filename="$out/$profile.jfr" >/dev/null
  cpu_csv=/dev/null harness "$profile" "$out/profiled.csv"
  jcmd "$jvm" JFR.stop name=bench >/dev/null
  java -cp "$classpath" com.mediahub.bench.ProfileSummary "$out/$profile.jfr" | tee "$out/$profile-profile.md"
  exit 0
fi

machine() {
  {
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(free -g | awk '/Mem:/ {print $2}') GiB"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "postgresql: $(psql -h "$db_host" -p "$db_port" -U "$db_user" -d postgres -tAX -c 'SHOW server_version')"
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  } >"$out/machine.txt"
  cat "$out/machine.txt"
}

if $capacity; then
  echo "== capacity: CPU per request, and the server's memory at 10^3 and at 10^6 live sessions"
  start_server "$here/bench.toml" "$out/server.log"
  warm_up_jvm "bearer,refresh"
  vacuum "$database"
  # After a full collection: what the instance keeps alive, next to what the process holds (RSS).
  memory() {
    local jvm live heap rss
    jvm="$(jvm_of "$server_pid")"
    jcmd "$jvm" GC.run >/dev/null
    heap="$(jcmd "$jvm" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')"
    rss="$(ps -o rss= -p "$jvm" | tr -d ' ')"
    live="$(psql -h "$db_host" -p "$db_port" -U "$db_user" -d "$database" -tAX -c 'SELECT COUNT(*) FROM refresh_tokens WHERE expiry > now()')"
    echo "$live,$((heap / 1024)),$((rss / 1024))" >>"$out/memory.csv"
  }
  echo "live_sessions,heap_after_gc_mb,rss_mb" >"$out/memory.csv"
  harness "bearer,refresh-1e3"
  memory
  harness "refresh-1e6"
  memory
  stop_server
  machine
  column -s, -t "$out/cpu.csv"
  column -s, -t "$out/memory.csv"
  exit 0
fi

echo "== HTTP scenarios (warm-up ${warmup}s, ${duration}s each)"
start_server "$here/bench.toml" "$out/server.log"
warm_up_jvm "public,bearer,basic-app-password,refresh"
vacuum "$database"
harness "public,bearer,basic-app-password,basic,refresh,login,refresh-1e3,$big"
stop_server

if [[ "$peer" == keycloak ]]; then
  echo "== the same scenarios against Keycloak (bench/peer-keycloak.sh)"
  kc_password="${KEYCLOAK_ADMIN_PASSWORD:-bench-keycloak-admin-1}"
  KEYCLOAK_ADMIN_PASSWORD="$kc_password" "$here/peer-keycloak.sh" start
  trap '"$here/peer-keycloak.sh" stop; stop_server' EXIT
  kc_pid="$("$here/peer-keycloak.sh" pid)"
  kc_port="${KEYCLOAK_PORT:-18480}"
  peer_harness() { # SCENARIOS CSV WARMUP DURATION CPU_CSV
    java -cp "$classpath" com.mediahub.bench.LoadHarness run --product keycloak --base "http://127.0.0.1:$kc_port" \
      --admin-password "$kc_password" --warmup "$3" --duration "$4" --csv "$2" --scenarios "$1" \
      --server-pid "$kc_pid" --cpu-csv "$5"
  }
  if ! $quick; then # Keycloak's JIT needs about 45 s before it is measured (toolchain notes)
    echo "(Keycloak warm-up round, not recorded)"
    peer_harness "public,bearer,refresh,login" "$out/peer-warmup.csv" 0 12 "$out/peer-warmup-cpu.csv" >/dev/null
    rm -f "$out/peer-warmup.csv" "$out/peer-warmup-cpu.csv"
  fi
  vacuum keycloak_bench
  peer_harness "public,bearer,refresh,login" "$out/peer-keycloak.csv" "$warmup" "$duration" "$out/peer-keycloak-cpu.csv"
  "$here/peer-keycloak.sh" stop
  trap stop_server EXIT
fi

start_server "$here/bench-basic-cache.toml" "$out/server-basic-cache.log"
warm_up_jvm "bearer,basic-cached"
harness "bearer-cache-server,basic-cached"
stop_server

echo "== pgbench: the SQL of one rotation, same database, 8 clients"
psql -h "$db_host" -p "$db_port" -U "$db_user" -d "$database" -qX >/dev/null <<'SQL'
INSERT INTO users (username, password_hash, roles, created_at) VALUES ('pgbench', 'x', 'user', now()) ON CONFLICT (username) DO NOTHING;
INSERT INTO refresh_tokens (user_id, token_hash, expiry, created_at, family_id, family_created_at, family_expiry, generation, user_agent, token_version)
  SELECT (SELECT id FROM users WHERE username = 'pgbench'), encode(sha256(('pgbench-' || g)::bytea), 'hex'), now() + interval '1 day', now(), g, now(), now() + interval '30 days', 0, 'pgbench', 0
  FROM generate_series(1, 10000) g ON CONFLICT (token_hash) DO NOTHING;
ANALYZE refresh_tokens;
SQL
pgbench -h "$db_host" -p "$db_port" -U "$db_user" -n -c 8 -j 2 -T "$pgbench_seconds" -D tokens=10000 \
  -f "$here/rotation.sql" "$database" >"$out/pgbench.log" 2>&1
sed -nE 's/^tps = ([0-9.]+) .*/\1/p' "$out/pgbench.log" | head -1 >"$out/pgbench.txt"
echo "pgbench: $(cat "$out/pgbench.txt") tx/s"

echo "== JMH micro-benchmarks"
java -cp "$classpath" org.openjdk.jmh.Main com.mediahub.bench.CryptoBenchmarks "${jmh[@]}" \
  -rf json -rff "$out/jmh.json" >"$out/jmh.log" 2>&1
grep -E "^CryptoBenchmarks" "$out/jmh.log" || true

machine

java -cp "$classpath" com.mediahub.bench.LoadHarness report --csv "$out/results.csv" --pgbench "$out/pgbench.txt" \
  --jmh "$out/jmh.json" --out "$out" --peer-csv "$out/peer-keycloak.csv"

if [[ "$peer" == keycloak ]]; then
  {
    echo "| work | MediaHub req/s | Keycloak req/s | ratio | MediaHub CPU ms/req (server + postgres) | Keycloak CPU ms/req (server + postgres) |"
    echo "|---|---:|---:|---:|---:|---:|"
    for pair in "login:password login (4 clients)" "refresh:refresh with rotation (chained, 8)" \
                "bearer:Bearer check: /api/users/me vs userinfo (8)" "public:unauthenticated: /api/info vs realm document (8)"; do
      s="${pair%%:*}"; label="${pair#*:}"
      ours=$(awk -F, -v s="$s" '$1 == s {print $3}' "$out/results.csv")
      theirs=$(awk -F, -v s="$s" '$1 == s {print $3}' "$out/peer-keycloak.csv")
      our_cpu=$(awk -F, -v s="$s" '$1 == s {printf "%.3f + %.3f", $2, $3}' "$out/cpu.csv" | tail -1)
      their_cpu=$(awk -F, -v s="$s" '$1 == s {printf "%.3f + %.3f", $2, $3}' "$out/peer-keycloak-cpu.csv")
      ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN {if (b > 0) printf "%.2f×", a / b; else print "-"}')
      echo "| $label | $ours | $theirs | $ratio | $our_cpu | $their_cpu |"
    done
    echo
    options="--peer keycloak"
    if [[ -n "$rows" ]]; then options+=" --rows $rows"; fi
    if $quick; then options+=" --quick"; fi
    echo "One run of \`bench/run.sh $options\` on $(cat "$out/machine.txt" | head -1 | sed 's/^machine: //'); Keycloak $("$here/peer-keycloak.sh" version 2>/dev/null || echo 26), errors: MediaHub $(awk -F, 'NR > 1 {e += $6} END {print e + 0}' "$out/results.csv"), Keycloak $(awk -F, 'NR > 1 {e += $6} END {print e + 0}' "$out/peer-keycloak.csv")."
  } >"$out/peer-keycloak.md"
  cat "$out/peer-keycloak.md"
fi
