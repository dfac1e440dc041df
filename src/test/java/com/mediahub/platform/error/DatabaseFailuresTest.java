package com.mediahub.platform.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jakarta.persistence.PersistenceException;

/** Which database failures are "try again" (503) and which are bugs (500). */
class DatabaseFailuresTest {

    /** As JPA wraps a statement that failed on a connection: the SQLSTATE decides. */
    private static Throwable statementFailed(String sqlState) {
        return new PersistenceException(new SQLException("the server said no", sqlState));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "08006", // connection failure
            "08001", // could not connect
            "57P01", // a restart ends the connection: "terminating connection due to administrator command"
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now: starting up or shutting down
            "57P05", // idle_session_timeout ended the pooled connection
            "53300"  // too_many_connections
    })
    void aDatabaseThatIsGoneGoingOrComingBackIsUnavailable(String sqlState) {
        assertTrue(DatabaseFailures.isUnavailable(statementFailed(sqlState)), sqlState);
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "42P01", "22001", "40001", "57014"})
    void aStatementThePlatformGotWrongIsNot(String sqlState) {
        assertFalse(DatabaseFailures.isUnavailable(statementFailed(sqlState)), sqlState);
    }

    @org.junit.jupiter.api.Test
    void aRefusedConnectionIsUnavailableWhereverItIsInTheChain() {
        assertTrue(DatabaseFailures.isUnavailable(new IllegalStateException(new PersistenceException(new ConnectException("refused")))));
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("a bug")));
    }
}
