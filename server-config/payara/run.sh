#!/usr/bin/env bash
# Starts an already-built MediaHub WAR on Payara Micro, in the foreground.
#   server-config/payara/run.sh [path/to/mediahub.war]
# Environment:
#   FDB_PORT (8080)  FDB_HOST (127.0.0.1)
#   FDB_DB_URL, FDB_DB_USER, FDB_DB_PASSWORD: PostgreSQL; without FDB_DB_URL the embedded H2
#     database in FDB_DATA_DIR (./data) is used
#   FDB_JWT_SECRET, FDB_CONFIG, FDB_ADMIN_PASSWORD, FDB_ADMIN_PASSWORD_HASH_FILE: see docs/configuration.md
#   PAYARA_MICRO_JAR, POSTGRESQL_JAR: override the jars copied to target/ by `mvn package`
#   JAVA_OPTS: extra JVM options
# Downloads nothing. SIGTERM/SIGINT stop the server cleanly.
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
if [[ -n "${FDB_DB_URL:-}" ]]; then
  datasource="$here/datasource-postgresql.asadmin"
  # An empty password must be absent, so that the command file's default "()" applies.
  [[ -n "${FDB_DB_PASSWORD:-}" ]] || unset FDB_DB_PASSWORD
  echo "run.sh: database PostgreSQL at ${FDB_DB_URL%%\?*}" >&2
else
  data_dir="${FDB_DATA_DIR:-$PWD/data}"
  mkdir -p "$data_dir"
  data_dir="$(cd "$data_dir" && pwd)"
  # LEGACY mode lets EclipseLink read generated identity values from H2 2.x.
  export MEDIAHUB_H2_URL="jdbc:h2:file:$data_dir/mediahub;MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE"
  datasource="$here/datasource-embedded.asadmin"
  echo "run.sh: embedded database in $data_dir" >&2
fi

# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar "$micro" \
  --nohazelcast --disablephonehome \
  --port "${FDB_PORT:-8080}" \
  --addlibs "$driver" \
  --prebootcommandfile "$here/preboot.asadmin" \
  --postbootcommandfile "$datasource" \
  --deploy "$war" --contextroot /
