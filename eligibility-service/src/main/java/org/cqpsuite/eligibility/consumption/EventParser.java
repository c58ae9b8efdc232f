package org.cqpsuite.eligibility.consumption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.cqpsuite.events.CloudEventHeaders;
import org.cqpsuite.events.certification.CertificationEventData;
import org.cqpsuite.events.certification.CertificationEventType;
import org.cqpsuite.events.certification.CertificationEvents;
import org.cqpsuite.events.certification.CertificationState;
import org.cqpsuite.events.certification.CpneState;
import org.cqpsuite.events.registration.RegistrationEntry;
import org.cqpsuite.events.registration.RegistrationEventData;
import org.cqpsuite.events.registration.RegistrationEventType;
import org.cqpsuite.events.registration.RegistrationEvents;
import org.cqpsuite.events.registration.RegistrationState;
import org.cqpsuite.events.registration.TransmissionState;

/**
 * Turns a Kafka record of either topic into a {@link ReadModelChange}, or refuses it as poison. It checks what the
 * read model relies on (type, key, sequence, the values the rules read); unknown JSON properties are accepted, so that
 * a producer may add fields without stopping this consumer (the contract evolves by addition).
 */
public final class EventParser {

    private static final Pattern IDCC = Pattern.compile("\\d{4}");

    private static final ObjectMapper EVENTS = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventParser() {
    }

    /** The change a record carries. */
    public static ReadModelChange parse(ConsumerRecord<String, String> record) throws PoisonEventException {
        String topic = record.topic();
        String type = header(record, CloudEventHeaders.CE_TYPE);
        if (type == null || type.isBlank()) {
            throw new PoisonEventException("no " + CloudEventHeaders.CE_TYPE + " header");
        }
        if (record.value() == null) {
            throw new PoisonEventException("no value (a tombstone): every event carries the full state");
        }
        Instant time = time(record);
        return switch (topic) {
            case CertificationEvents.TOPIC -> certification(record, type, time);
            case RegistrationEvents.TOPIC -> registration(record, type, time);
            default -> throw new PoisonEventException("unexpected topic " + topic);
        };
    }

    private static ReadModelChange certification(ConsumerRecord<String, String> record, String type, Instant time)
            throws PoisonEventException {
        if (CertificationEventType.fromCeType(type).isEmpty()) {
            throw new PoisonEventException("unknown event type " + type + " on " + record.topic());
        }
        CertificationEventData data = read(record.value(), CertificationEventData.class);
        CertificationState state = require(data.certification(), "certification");
        UUID id = require(state.id(), "certification.id");
        checkKey(record, id);
        checkSequence(data.sequence());
        if (!CertificationState.KINDS.contains(state.kind())) {
            throw new PoisonEventException("certification.kind: not one of " + CertificationState.KINDS + ": " + state.kind());
        }
        if (state.title() == null || state.title().isBlank()) {
            throw new PoisonEventException("certification.title: missing");
        }
        if (!CertificationState.STATUSES.contains(state.status())) {
            throw new PoisonEventException("certification.status: not one of " + CertificationState.STATUSES + ": "
                    + state.status());
        }
        for (String idcc : state.carryingBranches()) {
            if (idcc == null || !IDCC.matcher(idcc).matches()) {
                throw new PoisonEventException("certification.carryingBranches: not a 4-digit IDCC: " + idcc);
            }
        }
        for (CpneState cpne : state.cpnes()) {
            if (cpne == null || cpne.idcc() == null || !IDCC.matcher(cpne.idcc()).matches()) {
                throw new PoisonEventException("certification.cpnes: a CPNE without a 4-digit IDCC");
            }
        }
        return new ReadModelChange.CertificationChange(record.topic(), id, data.sequence(), time, type, state);
    }

    private static ReadModelChange registration(ConsumerRecord<String, String> record, String type, Instant time)
            throws PoisonEventException {
        if (RegistrationEventType.fromCeType(type).isEmpty()) {
            throw new PoisonEventException("unknown event type " + type + " on " + record.topic());
        }
        RegistrationEventData data = read(record.value(), RegistrationEventData.class);
        RegistrationState state = require(data.state(), "state");
        UUID id = require(state.certificationId(), "state.certificationId");
        checkKey(record, id);
        checkSequence(data.sequence());
        List<TransmissionState> transmissions = state.transmissions();
        for (int i = 0; i < transmissions.size(); i++) {
            require(require(transmissions.get(i), "state.transmissions[" + i + "]").transmittedOn(),
                    "state.transmissions[" + i + "].transmittedOn");
        }
        List<RegistrationEntry> entries = state.registrations();
        for (int i = 0; i < entries.size(); i++) {
            String at = "state.registrations[" + i + "]";
            RegistrationEntry entry = require(entries.get(i), at);
            require(entry.id(), at + ".id");
            if (!RegistrationEntry.DIRECTORIES.contains(entry.directory())) {
                throw new PoisonEventException(at + ".directory: not one of " + RegistrationEntry.DIRECTORIES + ": "
                        + entry.directory());
            }
            if (!RegistrationEntry.STATUSES.contains(entry.status())) {
                throw new PoisonEventException(at + ".status: not one of " + RegistrationEntry.STATUSES + ": "
                        + entry.status());
            }
            if (entry.level() != null && (entry.level() < 1 || entry.level() > 8)) {
                throw new PoisonEventException(at + ".level: not between 1 and 8: " + entry.level());
            }
        }
        return new ReadModelChange.RegistrationChange(record.topic(), id, data.sequence(), time, type, state);
    }

    private static <T> T read(String value, Class<T> type) throws PoisonEventException {
        try {
            T data = EVENTS.readValue(value, type);
            if (data == null) {
                throw new PoisonEventException("the value is JSON null");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("unparseable value: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T require(T value, String field) throws PoisonEventException {
        if (value == null) {
            throw new PoisonEventException(field + ": missing");
        }
        return value;
    }

    private static void checkKey(ConsumerRecord<String, String> record, UUID id) throws PoisonEventException {
        // The key decides the partition and so the order of a certification's events: a record whose key is not its
        // certification could be applied out of order.
        if (!Objects.equals(record.key(), id.toString())) {
            throw new PoisonEventException("the key " + record.key() + " is not the certification id " + id);
        }
    }

    private static void checkSequence(long sequence) throws PoisonEventException {
        if (sequence < 1) {
            throw new PoisonEventException("sequence: must be 1 or more, got " + sequence);
        }
    }

    private static Instant time(ConsumerRecord<String, String> record) throws PoisonEventException {
        String time = header(record, CloudEventHeaders.CE_TIME);
        if (time == null) {
            // Every event of this suite has one; the record's timestamp is the best other answer.
            return Instant.ofEpochMilli(record.timestamp());
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("the " + CloudEventHeaders.CE_TIME + " header is not an RFC 3339 time: "
                    + time, e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
