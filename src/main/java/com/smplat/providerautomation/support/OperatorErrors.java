package com.smplat.providerautomation.support;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import org.slf4j.Logger;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * What an operator sees of an unexpected failure (a history row's {@code summary.error}, a failed entry): a short
 * category and a reference, such as {@code database error (reference 3f2a…)}. The exception itself, which may hold
 * SQL text, PostgreSQL messages or URLs, goes to the log only, under the same reference.
 */
public final class OperatorErrors {
    private OperatorErrors() {
    }

    /** Logs {@code what} with the error and its reference at ERROR; returns the category and reference. */
    public static String logged(Logger log, String what, Throwable error) {
        String reference = UUID.randomUUID().toString();
        log.error("{} (reference {})", what, reference, error);
        return category(error) + " (reference " + reference + ")";
    }

    /** The database itself is away (no connection, connection lost, server shutting down), not one statement refused. */
    public static boolean databaseAway(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    static String category(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof SQLException) {
                return "database error";
            }
            if (cause instanceof SocketTimeoutException) {
                return "timeout";
            }
            if (cause instanceof ConnectException) {
                return "connection error";
            }
        }
        return "internal error";
    }
}
