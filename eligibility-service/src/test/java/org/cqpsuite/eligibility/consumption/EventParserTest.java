package org.cqpsuite.eligibility.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.cqpsuite.eligibility.TestEvents;
import org.cqpsuite.events.CloudEventHeaders;
import org.cqpsuite.events.certification.CertificationEventType;
import org.cqpsuite.events.certification.CertificationEvents;
import org.cqpsuite.events.certification.CertificationState;
import org.cqpsuite.events.certification.CpneState;
import org.cqpsuite.events.registration.RegistrationEventType;
import org.cqpsuite.events.registration.RegistrationEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the consumer accepts and what it sends to the dead-letter topic, record by record. */
class EventParserTest {

    private static final UUID ID = UUID.fromString("5f0c1e0e-3c1a-4a39-9d55-1c7a9a6c2a11");

    @Test
    void aCertificationEventGivesItsStateSequenceTypeAndTime() throws Exception {
        CertificationState state = TestEvents.certification(ID, "CQPI", "CQPI Conducteur de ligne",
                new CpneState("CPNE chaussure", "1580"), new CpneState("CPNE maroquinerie", "2528"));
        ConsumerRecord<String, String> record = consumed(TestEvents.certificationEvent(7, state));

        ReadModelChange change = EventParser.parse(record);

        assertThat(change).isInstanceOf(ReadModelChange.CertificationChange.class);
        assertThat(change.topic()).isEqualTo(CertificationEvents.TOPIC);
        assertThat(change.certificationId()).isEqualTo(ID);
        assertThat(change.sequence()).isEqualTo(7);
        assertThat(change.type()).isEqualTo(CertificationEventType.CREATED.ceType());
        assertThat(((ReadModelChange.CertificationChange) change).state()).isEqualTo(state);
        assertThat(change.time()).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void aRegistrationEventGivesItsState() throws Exception {
        var registrations = new TestEvents.Registrations(ID).transmitted(LocalDate.of(2020, 1, 15))
                .rncp(UUID.randomUUID(), "RNCP34486", LocalDate.of(2020, 2, 20), LocalDate.of(2020, 3, 1),
                        LocalDate.of(2025, 3, 1), 4, "RNCP34486BC01");
        ReadModelChange change = EventParser.parse(consumed(TestEvents.registrationEvent(2,
                RegistrationEventType.REGISTERED, registrations.state())));

        assertThat(change).isInstanceOf(ReadModelChange.RegistrationChange.class);
        assertThat(((ReadModelChange.RegistrationChange) change).state()).isEqualTo(registrations.state());
    }

    @Test
    void everyRegistrationEventTypeOfTheContractIsAcceptedIncludingImportCorrections() throws Exception {
        var registrations = new TestEvents.Registrations(ID).transmitted(LocalDate.of(2020, 1, 15));
        for (RegistrationEventType type : RegistrationEventType.values()) {
            ReadModelChange change = EventParser.parse(consumed(TestEvents.registrationEvent(3, type,
                    registrations.state())));
            assertThat(change.type()).isEqualTo(type.ceType());
        }
        assertThat(RegistrationEventType.fromCeType("org.cqpsuite.registration.corrected")).isPresent();
    }

    @Test
    void aCertificationOfKindOtherMayHaveNoTransmission() throws Exception {
        var state = new org.cqpsuite.events.registration.RegistrationState(ID, java.util.List.of(), java.util.List.of());
        ReadModelChange change = EventParser.parse(consumed(TestEvents.registrationEvent(1,
                RegistrationEventType.REGISTERED, state)));
        assertThat(((ReadModelChange.RegistrationChange) change).state().transmissions()).isEmpty();
    }

    @Test
    void unknownPropertiesAreAcceptedSoThatTheContractCanGrow() throws Exception {
        String value = "{\"sequence\": 1, \"addedLater\": true, \"state\": {\"certificationId\": \"" + ID
                + "\", \"transmissions\": [{\"transmittedOn\": \"2020-01-15\", \"inferred\": false, "
                + "\"channel\": \"portal\"}], \"registrations\": []}}";
        ReadModelChange change = EventParser.parse(consumed(TestEvents.raw(RegistrationEvents.TOPIC, ID.toString(),
                RegistrationEventType.TRANSMITTED.ceType(), value, 1)));
        assertThat(change.sequence()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON|{not json|unparseable value",
        "JSON null|null|the value is JSON null",
        "no state|{\"sequence\": 1}|state: missing",
        "sequence 0|{\"sequence\": 0, \"state\": {\"certificationId\": \"" + "5f0c1e0e-3c1a-4a39-9d55-1c7a9a6c2a11"
                + "\"}}|sequence: must be 1 or more",
        "bad uuid|{\"sequence\": 1, \"state\": {\"certificationId\": \"nope\"}}|unparseable value",
        "bad date|{\"sequence\": 1, \"state\": {\"certificationId\": \"5f0c1e0e-3c1a-4a39-9d55-1c7a9a6c2a11\", "
                + "\"transmissions\": [{\"transmittedOn\": \"2020-02-30\"}]}}|unparseable value",
        "transmission without date|{\"sequence\": 1, \"state\": {\"certificationId\": "
                + "\"5f0c1e0e-3c1a-4a39-9d55-1c7a9a6c2a11\", \"transmissions\": [{}]}}"
                + "|state.transmissions[0].transmittedOn: missing",
        "unknown directory|{\"sequence\": 1, \"state\": {\"certificationId\": \"5f0c1e0e-3c1a-4a39-9d55-1c7a9a6c2a11\", "
                + "\"registrations\": [{\"id\": \"5f0c1e0e-3c1a-4a39-9d55-1c7a9a6c2a12\", \"directory\": \"XYZ\", "
                + "\"status\": \"REGISTERED\"}]}}|state.registrations[0].directory: not one of",
        "unknown status|{\"sequence\": 1, \"state\": {\"certificationId\": \"5f0c1e0e-3c1a-4a39-9d55-1c7a9a6c2a11\", "
                + "\"registrations\": [{\"id\": \"5f0c1e0e-3c1a-4a39-9d55-1c7a9a6c2a12\", \"directory\": \"RS\", "
                + "\"status\": \"LOST\"}]}}|state.registrations[0].status: not one of",
        "level 9|{\"sequence\": 1, \"state\": {\"certificationId\": \"5f0c1e0e-3c1a-4a39-9d55-1c7a9a6c2a11\", "
                + "\"registrations\": [{\"id\": \"5f0c1e0e-3c1a-4a39-9d55-1c7a9a6c2a12\", \"directory\": \"RNCP\", "
                + "\"status\": \"REGISTERED\", \"level\": 9}]}}|state.registrations[0].level: not between 1 and 8"})
    void aRegistrationEventBreakingTheContractIsPoison(String name, String value, String reason) {
        assertThatThrownBy(() -> EventParser.parse(consumed(TestEvents.raw(RegistrationEvents.TOPIC, ID.toString(),
                RegistrationEventType.REGISTERED.ceType(), value, 1))))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown kind|CQPX|Titre|0018|certification.kind: not one of",
        "blank title|CQP| |0018|certification.title: missing",
        "bad IDCC|CQP|Titre|18|a CPNE without a 4-digit IDCC"})
    void aCertificationEventBreakingTheContractIsPoison(String name, String kind, String title, String idcc,
            String reason) {
        CertificationState state = new CertificationState(ID, kind, title, "PUBLISHED", "API",
                java.util.List.of(new CpneState("CPNE", idcc)), java.util.List.of(), null, null, null, null, 1, null);
        assertThatThrownBy(() -> EventParser.parse(consumed(TestEvents.certificationEvent(1, state))))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining(reason);
    }

    @Test
    void anUnknownTypeIsPoison() {
        assertThatThrownBy(() -> EventParser.parse(consumed(TestEvents.raw(CertificationEvents.TOPIC, ID.toString(),
                "org.cqpsuite.certification.teleported", "{}", 1))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessage("unknown event type org.cqpsuite.certification.teleported on cqp.certification.events");
    }

    @Test
    void aTypeOfTheOtherTopicIsPoison() {
        assertThatThrownBy(() -> EventParser.parse(consumed(TestEvents.raw(CertificationEvents.TOPIC, ID.toString(),
                RegistrationEventType.REGISTERED.ceType(), "{}", 1))))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("unknown event type");
    }

    @Test
    void aRecordWithoutTypeIsPoison() {
        assertThatThrownBy(() -> EventParser.parse(consumed(TestEvents.raw(CertificationEvents.TOPIC, ID.toString(),
                null, "{}", 1))))
                .isInstanceOf(PoisonEventException.class).hasMessage("no ce_type header");
    }

    @Test
    void aTombstoneIsPoison() {
        assertThatThrownBy(() -> EventParser.parse(consumed(TestEvents.raw(CertificationEvents.TOPIC, ID.toString(),
                CertificationEventType.CREATED.ceType(), null, 1))))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("tombstone");
    }

    @Test
    void aKeyThatIsNotTheCertificationIsPoisonBecauseItWouldBreakTheOrder() {
        CertificationState state = TestEvents.certification(ID, "CQP", "CQP", new CpneState("CPNE", "0018"));
        ProducerRecord<String, String> record = TestEvents.certificationEvent(1, state);
        ProducerRecord<String, String> rekeyed = new ProducerRecord<>(record.topic(), null, "another-key",
                record.value(), record.headers());
        assertThatThrownBy(() -> EventParser.parse(consumed(rekeyed)))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("is not the certification id");
    }

    @Test
    void aBadTimeHeaderIsPoisonAndAMissingOneFallsBackToTheRecordTimestamp() throws Exception {
        CertificationState state = TestEvents.certification(ID, "CQP", "CQP", new CpneState("CPNE", "0018"));
        ProducerRecord<String, String> record = TestEvents.certificationEvent(1, state);
        record.headers().remove(CloudEventHeaders.CE_TIME).add(CloudEventHeaders.CE_TIME, "yesterday".getBytes());
        assertThatThrownBy(() -> EventParser.parse(consumed(record)))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("not an RFC 3339 time");

        record.headers().remove(CloudEventHeaders.CE_TIME);
        assertThat(EventParser.parse(consumed(record)).time()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    }

    private static ConsumerRecord<String, String> consumed(ProducerRecord<String, String> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, 42, 1_700_000_000_000L, TimestampType.CREATE_TIME,
                -1, -1, sent.key(), sent.value(), new RecordHeaders(sent.headers().toArray()), Optional.empty());
    }
}
