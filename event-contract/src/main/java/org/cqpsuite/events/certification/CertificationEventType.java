package org.cqpsuite.events.certification;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The event types of {@value CertificationEvents#TOPIC}, as CloudEvents {@code type} strings (header
 * {@value org.cqpsuite.events.CloudEventHeaders#CE_TYPE}). Every type carries the same data, {@link CertificationEventData}: the type
 * says what changed, the data is the certification's full state after the change.
 *
 * <p>A consumer reads the type with {@link #fromCeType(String)}: an empty result is a type this version of the contract
 * does not know (a newer producer, or a record that is not a certification event), which the consumer should
 * dead-letter rather than guess.
 */
public enum CertificationEventType {

    /** A certification was created (as a DRAFT through the API, or by the directory importer). */
    CREATED("org.cqpsuite.certification.created"),

    /** Its definition changed: title, kind (drafts only), CPNEs, NSF or ROME codes. */
    UPDATED("org.cqpsuite.certification.updated"),

    /** DRAFT → PUBLISHED. */
    PUBLISHED("org.cqpsuite.certification.published"),

    /** DRAFT or PUBLISHED → RETIRED (final). */
    RETIRED("org.cqpsuite.certification.retired"),

    /** A new version of one of its three frameworks (activities, skills, evaluation) was added. */
    FRAMEWORK_VERSION_ADDED("org.cqpsuite.certification.framework-version-added");

    private final String ceType;

    CertificationEventType(String ceType) {
        this.ceType = ceType;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code org.cqpsuite.certification.published}. */
    public String ceType() {
        return ceType;
    }

    /**
     * The event type of a CloudEvents {@code type} attribute; exact match only.
     *
     * @return empty for {@code null} and for any type this contract does not define
     */
    public static Optional<CertificationEventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(type -> Objects.equals(type.ceType, ceType)).findFirst();
    }
}
