package com.mediahub.platform.persistence;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an operator should do when the database refuses the application at start-up, by the
 * SQLSTATE it answered with: the second half of the one line that says why MediaHub did not
 * start. The texts name the settings of {@code server-config/} and the sections of
 * {@code docs/operations.md} that explain them.
 */
public enum DatabaseAdvice {
    NO_SUCH_DATABASE("3D000",
            "Create the database (createdb -h HOST -U USER NAME, or CREATE DATABASE name OWNER user), "
            + "or point the datasource (FDB_DB_URL) at one that exists."),
    LOGIN_REFUSED("28",
            "Check the database user and password of the datasource (FDB_DB_USER, FDB_DB_PASSWORD)."),
    NOT_ALLOWED("42501",
            "The database user needs the right to create tables in its schema while migrations run: "
            + "make it the database's owner, or GRANT CREATE ON SCHEMA public TO it "
            + "(docs/operations.md, \"Database rights\")."),
    UNREACHABLE("08",
            "Is PostgreSQL running there? Check the host and port of the datasource (FDB_DB_URL).");

    private final String sqlStatePrefix;
    private final String text;

    DatabaseAdvice(String sqlStatePrefix, String text) {
        this.sqlStatePrefix = sqlStatePrefix;
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The advice for a SQLSTATE, if there is one: a whole code or a class (its first two characters). */
    public static Optional<DatabaseAdvice> forSqlState(String sqlState) {
        if (sqlState == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(advice -> sqlState.startsWith(advice.sqlStatePrefix)).findFirst();
    }
}
