package com.mediahub.platform.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;

/**
 * One of two forms of a statement, chosen once by asking the database: the preferred form when
 * the probe runs, the fallback when the database answers it with a syntax error (SQLSTATE class
 * 42). Any other failure (unreachable, a timeout, a read-only standby) teaches nothing: it is
 * asked again next time.
 */
public final class ProbedSql {

    private static final Logger LOG = Logger.getLogger(ProbedSql.class.getName());

    /** Any valid time for a probe's parameters: a probe touches no row, so the value never matters. */
    public static final OffsetDateTime PROBE_TIME = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final String what;
    private final String preferred;
    private final String fallback;
    private final Runnable probe;
    private volatile String chosen;

    /** @param what the statement's purpose, for the one log line, e.g. "Refresh tokens are consumed" */
    public ProbedSql(String what, String preferred, String fallback, Runnable probe) {
        this.what = what;
        this.preferred = preferred;
        this.fallback = fallback;
        this.probe = probe;
    }

    public String sql() {
        String known = chosen;
        if (known == null) {
            known = detect();
            chosen = known;
        }
        return known;
    }

    private String detect() {
        try {
            probe.run();
            LOG.info(() -> what + " with the statement: " + preferred);
            return preferred;
        } catch (RuntimeException e) {
            if (!isSyntaxError(e)) {
                throw e;
            }
            LOG.info(() -> what + " with the statement: " + fallback);
            return fallback;
        }
    }

    /** SQLSTATE class 42 (syntax error or access rule violation): the database does not speak this form. */
    private static boolean isSyntaxError(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("42")) {
                return true;
            }
        }
        return false;
    }
}
