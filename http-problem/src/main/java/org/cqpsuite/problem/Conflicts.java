package org.cqpsuite.problem;

import java.sql.SQLException;
import java.util.Set;

/**
 * Recognises, in a failed commit's cause chain, a conflict with a concurrent change (optimistic lock, unique key,
 * serialization failure), which is the client's to retry (409), not a server fault (500). By class name, so that this
 * module needs no JPA dependency.
 */
final class Conflicts {

    private static final Set<String> OPTIMISTIC_LOCK = Set.of("jakarta.persistence.OptimisticLockException",
            "org.hibernate.StaleObjectStateException", "org.hibernate.StaleStateException");
    /** unique_violation, serialization_failure, deadlock_detected. */
    private static final Set<String> CONFLICT_STATES = Set.of("23505", "40001", "40P01");

    private Conflicts() {
    }

    static boolean isConflict(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (OPTIMISTIC_LOCK.contains(cause.getClass().getName())) {
                return true;
            }
            if (cause instanceof SQLException sql && CONFLICT_STATES.contains(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
