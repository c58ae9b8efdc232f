package org.cqpsuite.events.registration;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The event types of {@value RegistrationEvents#TOPIC}, as CloudEvents {@code type} strings (header
 * {@value org.cqpsuite.events.CloudEventHeaders#CE_TYPE}). Every type carries the same data, {@link RegistrationEventData}: the type
 * says what changed, the data is the certification's full registration state after the change.
 *
 * <p>A CQP's or CQPI's first event is always {@link #TRANSMITTED} (a CQP that was never transmitted to France
 * compétences has no legal existence and no registration: nothing is published for it). A certification of kind
 * {@code OTHER} (a directory certification that is not a CQP: the transmission of article L6113-4 of the Code du
 * travail applies to CQPs only) has no transmission: its first event is the one of its first registration found by the
 * directory importer, {@link #REGISTERED} (an active fiche) or {@link #EXPIRED} / {@link #WITHDRAWN} (an inactive one).
 *
 * <p>A consumer reads the type with {@link #fromCeType(String)}: an empty result is a type this version of the contract
 * does not know (a newer producer, or a record that is not a registration event), which the consumer should
 * dead-letter rather than guess.
 */
public enum RegistrationEventType {

    /**
     * The certification was transmitted to France compétences: one more {@link TransmissionState} at the end of
     * {@link RegistrationState#transmissions()} (a first transmission, a new one after a change of the CQP, or one
     * inferred from a directory import).
     */
    TRANSMITTED("org.cqpsuite.registration.transmitted"),

    /**
     * A registration in the RNCP or the RS was requested: one more {@link RegistrationEntry} at the end of
     * {@link RegistrationState#registrations()}, status {@code REQUESTED}; for a renewal, its
     * {@link RegistrationEntry#predecessorId()} is the registration it renews.
     */
    REQUESTED("org.cqpsuite.registration.requested"),

    /**
     * A registration was granted: an entry without predecessor REQUESTED → REGISTERED (code, type, dates, level and
     * blocks set), or a registration found active by the directory importer, appended as REGISTERED. A renewal granted
     * is {@link #RENEWED}.
     */
    REGISTERED("org.cqpsuite.registration.registered"),

    /** France compétences refused a requested registration: REQUESTED → REFUSED. */
    REFUSED("org.cqpsuite.registration.refused"),

    /**
     * A request was abandoned, or a registration withdrawn before its end: REQUESTED or REGISTERED → WITHDRAWN; or a
     * registration found by the directory importer on an inactive fiche whose end date has not passed, appended as
     * WITHDRAWN (its {@code withdrawnOn} is then the date of the first export that showed the fiche inactive).
     */
    WITHDRAWN("org.cqpsuite.registration.withdrawn"),

    /**
     * A registration reached its end: REGISTERED → EXPIRED, published on or after the day after its end date; or a
     * registration found by the directory importer on an inactive fiche past its end date, appended as EXPIRED.
     */
    EXPIRED("org.cqpsuite.registration.expired"),

    /**
     * A renewal was granted, in one change: the renewing entry (its {@code predecessorId} set) REQUESTED →
     * REGISTERED, and its predecessor (REGISTERED or EXPIRED) → REPLACED, with {@code successorId} set.
     */
    RENEWED("org.cqpsuite.registration.renewed"),

    /**
     * A registration's directory data (dates, level, blocks, type, predecessor/successor codes) changed in an import
     * from France compétences' directory, without a change of status: the entry keeps its id and its status, its other
     * components are those of the newer export. Added in version 1.1 of the contract: a consumer built on an older
     * version does not know it and dead-letters it (see {@link #fromCeType(String)}).
     */
    CORRECTED("org.cqpsuite.registration.corrected");

    private final String ceType;

    RegistrationEventType(String ceType) {
        this.ceType = ceType;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code org.cqpsuite.registration.registered}. */
    public String ceType() {
        return ceType;
    }

    /**
     * The event type of a CloudEvents {@code type} attribute; exact match only.
     *
     * @return empty for {@code null} and for any type this contract does not define
     */
    public static Optional<RegistrationEventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(type -> Objects.equals(type.ceType, ceType)).findFirst();
    }
}
