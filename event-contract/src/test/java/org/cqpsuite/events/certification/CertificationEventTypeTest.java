package org.cqpsuite.events.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CertificationEventTypeTest {

    @ParameterizedTest
    @EnumSource(CertificationEventType.class)
    void everyTypeRoundTripsThroughItsCloudEventsType(CertificationEventType type) {
        assertThat(CertificationEventType.fromCeType(type.ceType())).contains(type);
        assertThat(type.ceType()).startsWith("org.cqpsuite.certification.").matches("[a-z.-]+");
    }

    @Test
    void theCloudEventsTypesAreTheContractOnes() {
        assertThat(Arrays.stream(CertificationEventType.values()).map(CertificationEventType::ceType)).containsExactly(
                "org.cqpsuite.certification.created", "org.cqpsuite.certification.updated",
                "org.cqpsuite.certification.published", "org.cqpsuite.certification.retired",
                "org.cqpsuite.certification.framework-version-added");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"org.cqpsuite.certification.deleted", "org.cqpsuite.certification.published.v2",
        "ORG.CQPSUITE.CERTIFICATION.PUBLISHED", " org.cqpsuite.certification.published", "PUBLISHED", "published",
        "org.cqpsuite.registration.registered"})
    void unknownTypesAreDetected(String ceType) {
        assertThat(CertificationEventType.fromCeType(ceType)).isEmpty();
    }
}
