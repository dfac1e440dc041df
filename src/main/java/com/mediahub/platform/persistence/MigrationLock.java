package com.mediahub.platform.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.mediahub.platform.error.FaultSummary;

/**
 * The lock that makes instances starting together on one PostgreSQL database migrate it one
 * after the other. Flyway's own lock covers applying migrations but not creating its history
 * table: two instances on an empty database both saw the table missing, and the second failed
 * with "Unable to baseline schema history table ... as it already exists, and is empty".
 *
 * <p>A transaction-level advisory lock, taken with {@code pg_try_advisory_xact_lock} every half
 * second rather than a blocking call: no statement waits long enough to meet a socket or
 * statement timeout, the wait is logged every 30 seconds, and it ends after 15 minutes with an
 * error instead of hanging the deployment. Ending the transaction releases it, also when the
 * connection breaks; a session lock could have stayed held on a pooled connection. Not PostgreSQL
 * (H2 embedded has one instance), or a database that cannot be reached: no lock, and Flyway
 * reports the failure in its own words.
 */
final class MigrationLock implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MigrationLock.class.getName());

    /** "MediaHub" in ASCII, unlikely to be another application's key. */
    static final long KEY = 0x4D65646961487562L;
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(15);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);

    private final Connection connection;

    private MigrationLock(Connection connection) {
        this.connection = connection;
    }

    static MigrationLock acquire(DataSource dataSource, Clock clock) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException unreachable) {
            return new MigrationLock(null);
        }
        try {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return new MigrationLock(null);
            }
            connection.setAutoCommit(false);
            waitFor(connection, clock);
            return new MigrationLock(connection);
        } catch (SQLException failed) {
            release(connection);
            LOG.log(Level.WARNING, "Schema migration lock not taken ({0}); migrating under Flyway''s lock alone",
                    FaultSummary.of(failed));
            return new MigrationLock(null);
        } catch (RuntimeException timedOutOrInterrupted) {
            release(connection);
            throw timedOutOrInterrupted;
        }
    }

    private static void waitFor(Connection connection, Clock clock) throws SQLException {
        Instant start = clock.instant();
        Instant reported = start.minus(REPORT_EVERY);
        while (!tryLock(connection)) {
            Instant now = clock.instant();
            if (Duration.between(start, now).compareTo(GIVE_UP_AFTER) > 0) {
                throw new TimedOut("Another instance has been migrating the database schema for " + GIVE_UP_AFTER.toMinutes()
                        + " minutes (it holds PostgreSQL advisory lock " + KEY + "); stop it or wait for it, then start again");
            }
            if (Duration.between(reported, now).compareTo(REPORT_EVERY) >= 0) {
                long waited = Duration.between(start, now).toSeconds();
                LOG.info(() -> "Waiting for another instance to finish migrating the database schema (" + waited + " s so far)");
                reported = now;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the schema migration lock", interrupted);
            }
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_try_advisory_xact_lock(" + KEY + ")")) {
            return row.next() && row.getBoolean(1);
        }
    }

    /** Ends the lock's transaction, which releases the lock, and returns the connection. */
    @Override
    public void close() {
        if (connection != null) {
            release(connection);
        }
    }

    private static void release(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // A broken connection: the database ended its transaction, and the lock with it.
            LOG.log(Level.WARNING, "Ending the schema migration lock's transaction failed: {0}", FaultSummary.of(e));
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Closing the schema migration lock's connection failed", e);
        }
    }

    /** The lock was not free within {@link #GIVE_UP_AFTER}. */
    static final class TimedOut extends RuntimeException {
        TimedOut(String message) {
            super(message);
        }
    }
}
