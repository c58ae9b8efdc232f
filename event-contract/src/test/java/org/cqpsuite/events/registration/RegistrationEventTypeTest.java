package org.cqpsuite.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationEventTypeTest {

    @ParameterizedTest
    @EnumSource(RegistrationEventType.class)
    void everyTypeRoundTripsThroughItsCloudEventsType(RegistrationEventType type) {
        assertThat(RegistrationEventType.fromCeType(type.ceType())).contains(type);
        assertThat(type.ceType()).startsWith("org.cqpsuite.registration.").matches("[a-z.-]+");
        assertThat(type.ceType()).isEqualTo("org.cqpsuite.registration." + type.name().toLowerCase());
    }

    @Test
    void theCloudEventsTypesAreTheContractOnes() {
        assertThat(Arrays.stream(RegistrationEventType.values()).map(RegistrationEventType::ceType)).containsExactly(
                "org.cqpsuite.registration.transmitted", "org.cqpsuite.registration.requested",
                "org.cqpsuite.registration.registered", "org.cqpsuite.registration.refused",
                "org.cqpsuite.registration.withdrawn", "org.cqpsuite.registration.expired",
                "org.cqpsuite.registration.renewed", "org.cqpsuite.registration.corrected");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"org.cqpsuite.registration.suspended", "org.cqpsuite.registration.registered.v2",
        "ORG.CQPSUITE.REGISTRATION.REGISTERED", " org.cqpsuite.registration.registered", "REGISTERED", "registered",
        "org.cqpsuite.certification.published", "org.cqpsuite.registration.", "org.cqpsuite.registration.correct",
        "CORRECTED"})
    void unknownTypesAreDetected(String ceType) {
        assertThat(RegistrationEventType.fromCeType(ceType)).isEmpty();
    }
}
