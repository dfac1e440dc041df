#!/bin/sh
# MediaHub on TomEE: bin/setenv.sh. Maps the environment to the jdbc/mediahub resource of
# conf/tomee.xml (TomEE lets "-D<resource id>.<property>=value" override a resource property)
# and binds the HTTP connector to FDB_HOST through Tomcat's property substitution.
if [ -n "${FDB_DB_URL:-}" ]; then
  CATALINA_OPTS="$CATALINA_OPTS -Djdbc/mediahub.JdbcUrl=$FDB_DB_URL"
fi
if [ -n "${FDB_DB_USER:-}" ]; then
  CATALINA_OPTS="$CATALINA_OPTS -Djdbc/mediahub.UserName=$FDB_DB_USER"
fi
if [ -n "${FDB_DB_PASSWORD:-}" ]; then
  CATALINA_OPTS="$CATALINA_OPTS -Djdbc/mediahub.Password=$FDB_DB_PASSWORD"
fi
export CATALINA_OPTS
