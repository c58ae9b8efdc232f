package org.cqpsuite.registration.domain;

/**
 * What a client, or the expiry job, asks to do with a registration; {@link RegistrationLifecycle} says from which status
 * it may. Each action that succeeds is one entry of the registration's history.
 */
public enum RegistrationAction {

    /**
     * File a new request in a directory. Checked against the existing registrations of the same certification in that
     * directory: a request is refused while one is REQUESTED or REGISTERED.
     */
    REQUEST("requested"),

    /** Record France compétences' decision: REQUESTED → REGISTERED or REFUSED. */
    DECIDE("decided"),

    /** Withdraw (retrait) before the end date: REGISTERED → WITHDRAWN. */
    WITHDRAW("withdrawn"),

    /** Record the end of the registration, the day after its end date: REGISTERED → EXPIRED. */
    EXPIRE("expired"),

    /** Renew with a successor registration: REGISTERED or EXPIRED → REPLACED, the successor REGISTERED. */
    RENEW("renewed");

    private final String participle;

    RegistrationAction(String participle) {
        this.participle = participle;
    }

    /** For messages: "it cannot be {@code participle}". */
    public String participle() {
        return participle;
    }
}
