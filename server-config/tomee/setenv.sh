#!/bin/sh
# MediaHub on TomEE: bin/setenv.sh. Binds the HTTP connector to FDB_HOST (default 127.0.0.1;
# 0.0.0.0 for every interface): it sets the system property fdb.host, which Tomcat substitutes
# into address="${fdb.host:-127.0.0.1}" on the Connector of conf/server.xml (the README's sed
# adds that attribute; without it the connector listens on every interface).
# The database settings are deliberately NOT here: conf/tomee.xml reads FDB_DB_URL, FDB_DB_USER
# and FDB_DB_PASSWORD from TomEE's environment itself. A -D option would put the password on
# the command line, where `ps` shows it to every local user and Tomcat logs it at start-up.
CATALINA_OPTS="$CATALINA_OPTS -Dfdb.host=${FDB_HOST:-127.0.0.1}"
export CATALINA_OPTS
