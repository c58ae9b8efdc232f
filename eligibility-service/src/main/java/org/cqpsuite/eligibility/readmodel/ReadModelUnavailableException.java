package org.cqpsuite.eligibility.readmodel;

/** The read model's database did not answer: the API answers 503 with {@code Retry-After}, never a 500. */
public class ReadModelUnavailableException extends RuntimeException {

    public ReadModelUnavailableException(Throwable cause) {
        super("The read model's database is unavailable", cause);
    }
}
