package com.mediahub.platform.error;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database that cannot be reached (connection refused, pool exhausted, SQLSTATE class 08)
 * or is going away or coming back from a bug, so that callers can answer 503 instead of 500.
 */
public final class DatabaseFailures {

    /**
     * PostgreSQL's SQLSTATEs of a server that is stopping, restarting or ending idle connections:
     * a statement on a connection that a restart ends fails with 57P01 (admin_shutdown), not a
     * class-08 state; 57P02 is the same after another backend crashed, 57P03 a server starting
     * up or shutting down, 57P05 a connection ended by idle_session_timeout, 53300 every
     * connection slot taken (which also means the pools are larger than max_connections: see
     * docs/operations.md). The cluster drill (issue 20) met 57P01 as a 500.
     */
    private static final Set<String> GOING_AWAY = Set.of("57P01", "57P02", "57P03", "57P05", "53300");

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || GOING_AWAY.contains(sql.getSQLState()))) {
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
