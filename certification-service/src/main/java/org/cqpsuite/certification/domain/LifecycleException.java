package org.cqpsuite.certification.domain;

import java.util.Objects;

/**
 * An action the certification's status does not allow; resources answer 409 naming the current status and the reason
 * code.
 */
public class LifecycleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CertificationStatus currentStatus;
    private final LifecycleAction attempted;
    private final String reason;

    /**
     * @param reason a stable kebab-case code: {@code already-published}, {@code already-retired}, {@code retired},
     *        {@code frameworks-missing}, {@code kind-frozen}
     */
    public LifecycleException(CertificationStatus currentStatus, LifecycleAction attempted, String reason,
            String message) {
        super(message);
        this.currentStatus = Objects.requireNonNull(currentStatus, "currentStatus");
        this.attempted = Objects.requireNonNull(attempted, "attempted");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public CertificationStatus currentStatus() {
        return currentStatus;
    }

    public LifecycleAction attempted() {
        return attempted;
    }

    public String reason() {
        return reason;
    }
}
