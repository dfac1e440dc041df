package com.mediahub.platform.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.persistence.PersistenceException;

/**
 * Review item 6: the rule of the error mappers. Whatever a request makes go wrong, what reaches
 * the log at INFO or above is one line, without a stack trace and without the exception's
 * message (which quotes the values a client sent).
 */
class NoStackTraceRuleTest {

    private final Logger logger = Logger.getLogger(UnexpectedExceptionMapper.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stop() {
        logger.removeHandler(capture);
    }

    @Test
    void item06_anUnexpectedFaultIsOneLineWithoutTraceOrMessage() {
        SQLException sql = new SQLException("ERROR: invalid byte sequence; Key (throttle_key)=(user:secret-name)", "22021");
        ErrorCatalogue answer = UnexpectedExceptionMapper.reportAndClassify(new PersistenceException("wrapped: user:secret-name", sql));
        assertEquals(500, answer.status());
        assertFalse(records.isEmpty(), "the fault is reported");
        for (LogRecord record : records) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                assertNull(record.getThrown(), "no stack trace at " + record.getLevel());
                String line = MessageFormat.format(record.getMessage(), record.getParameters());
                assertFalse(line.contains("\n"), line);
                assertFalse(line.contains("secret-name"), "no value from the request: " + line);
                assertTrue(line.contains("SQLSTATE 22021"), "but what kind of fault it was: " + line);
            }
        }
    }

    @Test
    void item07_aBodyThatDidNotArriveInTimeIs408InOneLine() {
        ErrorCatalogue answer = UnexpectedExceptionMapper.reportAndClassify(
                new RuntimeException(new java.io.IOException(new java.net.SocketTimeoutException("Read timed out"))));
        assertEquals(408, answer.status());
        assertTrue(records.stream().allMatch(r -> r.getThrown() == null));
    }

    @Test
    void theSummaryNamesTheChainAndWhereTheRootWasThrown() {
        String summary = FaultSummary.of(new IllegalStateException("secret", new IllegalArgumentException("also secret")));
        assertTrue(summary.startsWith("java.lang.IllegalStateException <- java.lang.IllegalArgumentException at "), summary);
        assertFalse(summary.contains("secret"), summary);
    }
}
