package com.mediahub.platform.error;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One log line for a fault met while answering a request from outside (security review item 6):
 * the exception types down the cause chain, SQLSTATEs, and where the innermost one was thrown.
 * Never a stack trace (one request must not be able to write kilobytes of log) and never a
 * message: messages carry values, and values carry usernames, tokens and whatever a client sent.
 */
public final class FaultSummary {

    private static final int MAX_CHAIN = 8;

    private FaultSummary() {
    }

    public static String of(Throwable failure) {
        List<String> chain = new ArrayList<>();
        Throwable root = failure;
        for (Throwable t = failure; t != null && chain.size() < MAX_CHAIN; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                name += "[SQLSTATE " + sql.getSQLState() + "]";
            }
            chain.add(name);
            root = t;
        }
        StackTraceElement[] trace = root.getStackTrace();
        String where = trace.length == 0 ? "unknown location" : trace[0].getClassName() + "." + trace[0].getMethodName()
                + ":" + trace[0].getLineNumber();
        return String.join(" <- ", chain) + " at " + where;
    }
}
