package com.mediahub.auth.entity;

import java.util.logging.Logger;

import com.mediahub.platform.error.DatabaseFailures;

/**
 * One of two forms of a statement, chosen once by asking the database: the preferred form when
 * the probe runs, else the fallback. A database that cannot be reached teaches nothing: it is
 * asked again next time.
 */
final class ProbedSql {

    private static final Logger LOG = Logger.getLogger(ProbedSql.class.getName());

    private final String what;
    private final String preferred;
    private final String fallback;
    private final Runnable probe;
    private volatile String chosen;

    /** @param what the statement's purpose, for the one log line, e.g. "Refresh tokens are consumed" */
    ProbedSql(String what, String preferred, String fallback, Runnable probe) {
        this.what = what;
        this.preferred = preferred;
        this.fallback = fallback;
        this.probe = probe;
    }

    String sql() {
        String known = chosen;
        if (known == null) {
            known = detect();
            chosen = known;
        }
        return known;
    }

    boolean isFallback() {
        return fallback.equals(sql());
    }

    private String detect() {
        try {
            probe.run();
            LOG.info(() -> what + " with the statement: " + preferred);
            return preferred;
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            LOG.info(() -> what + " with the statement: " + fallback);
            return fallback;
        }
    }
}
