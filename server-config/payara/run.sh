#!/usr/bin/env bash
# Starts an already-built MediaHub WAR on Payara Micro, in the foreground.
#   server-config/payara/run.sh [path/to/mediahub.war]
# Environment (all optional; docs/configuration.md#environment-of-runsh has the whole list):
#   FDB_PORT (8080)  FDB_HOST (127.0.0.1)
#   FDB_DB_URL, FDB_DB_USER (postgres), FDB_DB_PASSWORD: PostgreSQL; without FDB_DB_URL the
#     embedded H2 database in FDB_DATA_DIR (./data) is used
#   FDB_JWT_SECRET, FDB_CONFIG, FDB_ADMIN_PASSWORD, FDB_ADMIN_PASSWORD_HASH_FILE,
#     FDB_ADMIN_PASSWORD_RESET, FDB_COOKIE_SECURE: read by the application
#   PAYARA_MICRO_JAR, POSTGRESQL_JAR: override the jars copied to target/ by `mvn package`
#   JAVA_OPTS: extra JVM options
# Downloads nothing. SIGTERM/SIGINT stop the server cleanly.
#
# The server's log goes to standard output as it comes. run.sh watches it: once the application
# has started it says "run.sh: MediaHub is up at ..." on standard error; if the deployment fails
# (no such database, a refused login, no right to create tables, an unreachable host...), it
# stops the server and exits 1, its last line saying what failed and what to do. Payara Micro
# itself would stay up with nothing deployed and answer 404 everywhere.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/../.." && pwd)"
war="${1:-$project/target/mediahub.war}"
micro="${PAYARA_MICRO_JAR:-$project/target/payara-micro.jar}"
driver="${POSTGRESQL_JAR:-$project/target/postgresql.jar}"

for file in "$war" "$micro" "$driver"; do
  if [[ ! -f "$file" ]]; then
    echo "run.sh: $file not found; build first with: mvn -DskipTests package" >&2
    exit 2
  fi
done

export FDB_HOST="${FDB_HOST:-127.0.0.1}"
port="${FDB_PORT:-8080}"
if [[ -n "${FDB_DB_URL:-}" ]]; then
  datasource="$here/datasource-postgresql.asadmin"
  # An empty password must be absent, so that the command file's default "()" applies.
  [[ -n "${FDB_DB_PASSWORD:-}" ]] || unset FDB_DB_PASSWORD
  echo "run.sh: database PostgreSQL at ${FDB_DB_URL%%\?*} as user ${FDB_DB_USER:-postgres}" >&2
else
  data_dir="${FDB_DATA_DIR:-$PWD/data}"
  mkdir -p "$data_dir"
  data_dir="$(cd "$data_dir" && pwd)"
  # LEGACY mode lets EclipseLink read generated identity values from H2 2.x; TRACE_LEVEL_FILE=0
  # keeps H2 from writing a mediahub.trace.db next to the database.
  export MEDIAHUB_H2_URL="jdbc:h2:file:$data_dir/mediahub;MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0"
  datasource="$here/datasource-embedded.asadmin"
  echo "run.sh: embedded database in $data_dir (set FDB_DB_URL for PostgreSQL)" >&2
fi

# The server writes into a pipe that the loop below reads, so that run.sh sees every log line.
fifo="$(mktemp -u "${TMPDIR:-/tmp}/mediahub-run.XXXXXX")"
mkfifo "$fifo"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$micro" \
  --nohazelcast --disablephonehome \
  --port "$port" \
  --addlibs "$driver" \
  --logproperties "$here/logging.properties" \
  --prebootcommandfile "$here/preboot.asadmin" \
  --postbootcommandfile "$datasource" \
  --deploy "$war" --contextroot / >"$fifo" 2>&1 &
server=$!
exec 3<"$fifo"
rm -f "$fifo"
trap 'kill -TERM "$server" 2>/dev/null || true' TERM INT HUP

# The application says "MediaHub started" when its start-up is complete (Payara says "deployed"
# before that). Why the deployment failed, in one line: the application's own verdict when it
# got as far as saying one ("MediaHub did not start: <what>. <what to do>"), else the message of
# an exception of the application's, else the database driver's message that stopped the
# persistence unit; Payara logs both as a "Caused by".
application_verdict=""
application_message=""
driver_message=""
network_message=""
started=""
first_admin=""
outcome=""
while IFS= read -r line <&3; do
  printf '%s\n' "$line"
  case "$line" in
    *"MediaHub started: "*) started=yes ;;
    *"Created user 'admin' with the generated password: "*)
      first_admin="${line#*generated password: }"; first_admin="${first_admin%% *}" ;;
    *"MediaHub did not start: "*) application_verdict="${line#*MediaHub did not start: }" ;;
    *"Caused by: com.mediahub."*"Exception: "*) application_message="${line#*Exception: }" ;;
    *"Caused by: org.postgresql.util.PSQLException: "*) driver_message="${line#*PSQLException: }" ;;
    *"Caused by: java.net."*"Exception: "*) network_message="${line#*Caused by: java.net.}" ;;
    *"Payara Micro "*" ready in "*)
      if [[ -n "$started" ]]; then outcome=up; else outcome=failed; fi
      break ;;
  esac
done
driver_message="${driver_message:-$network_message}"

# What to do about a database driver's message (PostgreSQL's own words, in English).
advice_for() {
  case "$1" in
    *"database \""*"\" does not exist"*)
      echo "Create the database (createdb -h HOST -U USER NAME, or CREATE DATABASE name OWNER user), or set FDB_DB_URL to one that exists." ;;
    *"password authentication failed"* | *"role \""*"\" does not exist"* | *"no password was provided"*)
      echo "Check FDB_DB_USER and FDB_DB_PASSWORD." ;;
    *"no pg_hba.conf entry"*)
      echo "PostgreSQL's pg_hba.conf does not let this user in from this host; ask its administrator." ;;
    *"Connection to "*" refused"* | *"UnknownHostException"* | *"timed out"* | *"connection attempt failed"* | *"No route to host"*)
      echo "Is PostgreSQL running there? Check the host and port in FDB_DB_URL." ;;
    *) echo "The server log above has the details." ;;
  esac
}

stop_server() {
  kill -TERM "$server" 2>/dev/null || true
  cat <&3 >/dev/null || true   # Payara's shutdown lines would bury the verdict
  wait "$server" 2>/dev/null || true
}

case "$outcome" in
  up)
    echo "run.sh: MediaHub is up at http://$FDB_HOST:$port/ (stop it with Ctrl-C or SIGTERM)" >&2
    if [[ -n "$first_admin" ]]; then
      # Repeated here, last, because the log line is easy to miss among the server's.
      echo "run.sh: first start: sign in as admin with the generated password $first_admin (shown once)" >&2
    fi
    cat <&3 &
    copier=$!
    status=0
    # wait returns early when a signal arrives (the trap forwards it); wait again for the exit.
    while kill -0 "$server" 2>/dev/null; do
      wait "$server" && status=0 || status=$?
    done
    wait "$copier" 2>/dev/null || true
    exit "$status"
    ;;
  failed)
    stop_server
    if [[ -n "$application_verdict" ]]; then
      echo "run.sh: MediaHub did not start: $application_verdict" >&2
    elif [[ -n "$application_message" ]]; then
      echo "run.sh: MediaHub did not start: $application_message" >&2
    elif [[ -n "$driver_message" ]]; then
      case "$driver_message" in
        FATAL:* | Connection* | *Exception*) what="the database connection failed" ;;
        *) what="the database refused a start-up statement" ;;
      esac
      echo "run.sh: MediaHub did not start: $what: ${driver_message%.}. $(advice_for "$driver_message")" >&2
    else
      echo "run.sh: MediaHub did not start: the deployment of $(basename "$war") failed. The server log above has the details." >&2
    fi
    exit 1
    ;;
  *)
    status=0
    wait "$server" || status=$?
    echo "run.sh: the server stopped before MediaHub was deployed (exit status $status). The server log above has the details." >&2
    exit $(( status == 0 ? 1 : status ))
    ;;
esac
