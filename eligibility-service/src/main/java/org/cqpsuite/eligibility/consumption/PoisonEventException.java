package org.cqpsuite.eligibility.consumption;

/**
 * An event that can never be applied, however often it is retried: unparseable, of an unknown type, or breaking the
 * event contract. It goes to the dead-letter topic with this message as its reason, and consumption goes on.
 */
public class PoisonEventException extends Exception {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
