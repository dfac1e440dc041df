package com.mediahub.platform.error;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached (connection refused, pool exhausted, SQLSTATE class 08)
 * from a bug, so that callers can answer 503 instead of 500.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            String name = t.getClass().getName();
            // Pool implementations signal "no connection" with their own resource exceptions.
            if (name.endsWith("PoolingException") || name.endsWith("ResourceException")) {
                return true;
            }
        }
        return false;
    }
}
