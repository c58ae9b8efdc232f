package org.cqpsuite.eligibility.consumption;

/** The read model could not be written (database unavailable, ...): a transient failure, retried. */
public class ReadModelException extends RuntimeException {

    public ReadModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
