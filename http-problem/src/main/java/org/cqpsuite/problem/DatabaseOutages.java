package org.cqpsuite.problem;

import java.sql.SQLException;
import java.util.Set;

/**
 * Recognises, in a failure's cause chain, a database that cannot be reached or is shutting down: the request was not
 * carried out (its transaction could not commit), and the client may retry it later (503 with {@code Retry-After}),
 * which a 500 would not tell it. By class name and SQLState, so that this module needs no JDBC pool or JPA dependency.
 */
final class DatabaseOutages {

    /** Hibernate's and the JDK's wrappers of a lost or refused connection, Agroal's pool timeout. */
    private static final Set<String> CONNECTION_FAILURES = Set.of("org.hibernate.exception.JDBCConnectionException",
            "java.sql.SQLTransientConnectionException", "java.sql.SQLNonTransientConnectionException",
            "java.net.ConnectException");
    /** admin_shutdown, crash_shutdown, cannot_connect_now (class 08, connection exception, is checked apart). */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutages() {
    }

    static boolean isOutage(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (CONNECTION_FAILURES.contains(cause.getClass().getName())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            // Agroal: "Sorry, acquisition timeout!" when no connection could be had (the server is unreachable).
            if (cause instanceof SQLException && String.valueOf(cause.getMessage()).contains("acquisition timeout")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
