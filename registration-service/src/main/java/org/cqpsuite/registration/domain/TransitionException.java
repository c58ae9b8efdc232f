package org.cqpsuite.registration.domain;

import java.util.Objects;

/**
 * A transition the registration's status does not allow; resources answer 409 (problem+json) naming the current status
 * and the reason code. The message always contains {@code "registration is <STATUS>"}.
 */
public class TransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RegistrationStatus currentStatus;
    private final RegistrationAction attempted;
    private final String reason;

    /**
     * @param currentStatus the status that forbids the action (for {@link RegistrationAction#REQUEST}, the status of
     *        the registration already open in the directory)
     * @param reason a stable kebab-case code, one of the constants of {@link RegistrationLifecycle}
     */
    public TransitionException(RegistrationStatus currentStatus, RegistrationAction attempted, String reason,
            String message) {
        super(message);
        this.currentStatus = Objects.requireNonNull(currentStatus, "currentStatus");
        this.attempted = Objects.requireNonNull(attempted, "attempted");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RegistrationStatus currentStatus() {
        return currentStatus;
    }

    public RegistrationAction attempted() {
        return attempted;
    }

    public String reason() {
        return reason;
    }
}
