package org.cqpsuite.registration.domain;

/**
 * Where a registration in the RNCP or the RS stands; the transitions are {@link RegistrationLifecycle}'s.
 *
 * <pre>
 *   REQUESTED ──decide──▶ REGISTERED ──withdraw──▶ WITHDRAWN
 *       │                    │  │
 *       └──decide──▶ REFUSED  │  └──expire (the day after endsOn)──▶ EXPIRED
 *                            │                                        │
 *                            └──renew──▶ REPLACED ◀──────renew─────────┘
 * </pre>
 */
public enum RegistrationStatus {

    /** Requested by the CPNE, waiting for France compétences' decision. */
    REQUESTED,

    /** Registered: recorded in the directory from its effective date until its end date. */
    REGISTERED,

    /** Refused: final; the CPNE may file a new request, which is a new registration. */
    REFUSED,

    /** Withdrawn before its end (retrait), from a date and for a reason: final. */
    WITHDRAWN,

    /** Past its end date (the fiche is inactive from the day after it); it may still be renewed. */
    EXPIRED,

    /** Renewed by a successor registration, usually with a new code: final; the successor carries on the chain. */
    REPLACED;

    /**
     * Whether a decision to register was taken, so that the registration carries a code, dates and its decision fields:
     * every status but REQUESTED and REFUSED.
     */
    public boolean wasRegistered() {
        return this != REQUESTED && this != REFUSED;
    }

    /** Whether no transition leaves this status: REFUSED, WITHDRAWN, REPLACED (EXPIRED may still be renewed). */
    public boolean isFinal() {
        return this == REFUSED || this == WITHDRAWN || this == REPLACED;
    }
}
