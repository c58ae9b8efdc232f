package org.cqpsuite.eligibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.cqpsuite.eligibility.consumption.ReadModelChange;
import org.cqpsuite.events.CloudEventHeaders;
import org.cqpsuite.events.certification.CertificationEventData;
import org.cqpsuite.events.certification.CertificationEventType;
import org.cqpsuite.events.certification.CertificationEvents;
import org.cqpsuite.events.certification.CertificationState;
import org.cqpsuite.events.certification.CpneState;
import org.cqpsuite.events.certification.FrameworkVersions;
import org.cqpsuite.events.registration.BlockState;
import org.cqpsuite.events.registration.RegistrationEntry;
import org.cqpsuite.events.registration.RegistrationEventData;
import org.cqpsuite.events.registration.RegistrationEventType;
import org.cqpsuite.events.registration.RegistrationEvents;
import org.cqpsuite.events.registration.RegistrationState;
import org.cqpsuite.events.registration.TransmissionState;

/**
 * Events as certification-service and registration-service publish them (the event-contract records, CloudEvents
 * binary headers), for tests that feed the real broker.
 */
public final class TestEvents {

    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    // Codes unique within a test JVM (the broker and the database are shared by its test classes).
    private static final AtomicInteger NEXT_CODE = new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000, 60_000));

    private TestEvents() {
    }

    /** A fresh RNCP code, e.g. {@code RNCP34486}. */
    public static String rncpCode() {
        return "RNCP" + NEXT_CODE.incrementAndGet();
    }

    /** A fresh RS code. */
    public static String rsCode() {
        return "RS" + NEXT_CODE.incrementAndGet();
    }

    public static CertificationState certification(UUID id, String kind, String title, CpneState... cpnes) {
        List<String> branches = java.util.Arrays.stream(cpnes).map(CpneState::idcc).distinct().sorted().toList();
        return new CertificationState(id, kind, title, CertificationState.STATUS_PUBLISHED,
                CertificationState.SOURCE_API, List.of(cpnes), branches, List.of("200r"), List.of("I1304"),
                LocalDate.of(2019, 6, 1), Instant.parse("2019-06-01T08:00:00Z"), 1,
                new FrameworkVersions(null, null, null));
    }

    public static ProducerRecord<String, String> certificationEvent(long sequence, CertificationState state) {
        return record(CertificationEvents.TOPIC, state.id().toString(), CertificationEventType.CREATED.ceType(),
                sequence, new CertificationEventData(sequence, state));
    }

    public static ProducerRecord<String, String> registrationEvent(long sequence, RegistrationEventType type,
            RegistrationState state) {
        return record(RegistrationEvents.TOPIC, state.certificationId().toString(), type.ceType(), sequence,
                new RegistrationEventData(sequence, state));
    }

    /** A record with the CloudEvents headers of the outbox relay and {@code data} as JSON. */
    public static ProducerRecord<String, String> record(String topic, String key, String type, long sequence,
            Object data) {
        try {
            return raw(topic, key, type, JSON.writeValueAsString(data), sequence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record with any value, e.g. a poison one. */
    public static ProducerRecord<String, String> raw(String topic, String key, String type, String value,
            long sequence) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        header(record, CloudEventHeaders.CE_SPECVERSION, CloudEventHeaders.SPEC_VERSION);
        header(record, CloudEventHeaders.CE_ID, UUID.randomUUID().toString());
        if (type != null) {
            header(record, CloudEventHeaders.CE_TYPE, type);
        }
        header(record, CloudEventHeaders.CE_SOURCE, topic.equals(CertificationEvents.TOPIC)
                ? CertificationEvents.SOURCE : RegistrationEvents.SOURCE);
        if (key != null) {
            header(record, CloudEventHeaders.CE_SUBJECT, key);
        }
        header(record, CloudEventHeaders.CE_TIME, Instant.now().toString());
        header(record, CloudEventHeaders.CE_SEQUENCE, CloudEventHeaders.formatSequence(Math.max(0, sequence)));
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.DATA_CONTENT_TYPE);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The read model's change for a created CQP "CQP Soudeur" of the metallurgy CPNE (branch 3248). */
    public static ReadModelChange certificationChange(UUID id, long sequence) {
        CertificationState state = certification(id, CertificationState.KIND_CQP, "CQP Soudeur",
                new CpneState("CPNE de la métallurgie", "3248"));
        return new ReadModelChange.CertificationChange(CertificationEvents.TOPIC, id, sequence, Instant.now(),
                CertificationEventType.CREATED.ceType(), state);
    }

    /** The read model's change for a certification's registration state. */
    public static ReadModelChange registrationChange(RegistrationState state, long sequence) {
        return new ReadModelChange.RegistrationChange(RegistrationEvents.TOPIC, state.certificationId(), sequence,
                Instant.now(), RegistrationEventType.REGISTERED.ceType(), state);
    }

    /** A certification's registration state, built step by step like registration-service does. */
    public static final class Registrations {
        private final UUID certificationId;
        private final List<TransmissionState> transmissions = new ArrayList<>();
        private final List<RegistrationEntry> entries = new ArrayList<>();

        public Registrations(UUID certificationId) {
            this.certificationId = certificationId;
        }

        public Registrations transmitted(LocalDate on) {
            transmissions.add(new TransmissionState(on, "FC-" + on, Instant.parse(on + "T09:00:00Z"), false));
            return this;
        }

        /** An RNCP registration on request, registered. */
        public Registrations rncp(UUID id, String code, LocalDate decidedOn, LocalDate from, LocalDate to,
                Integer level, String... blocks) {
            return add(new RegistrationEntry(id, RegistrationEntry.DIRECTORY_RNCP, code,
                    RegistrationEntry.STATUS_REGISTERED, RegistrationEntry.TYPE_ON_REQUEST, decidedOn.minusMonths(2),
                    decidedOn, from, to, null, level, blocks(blocks), null, null, null, null, null, null));
        }

        /** An RS registration on request, registered. */
        public Registrations rs(UUID id, String code, LocalDate decidedOn, LocalDate from, LocalDate to) {
            return add(new RegistrationEntry(id, RegistrationEntry.DIRECTORY_RS, code,
                    RegistrationEntry.STATUS_REGISTERED, RegistrationEntry.TYPE_ON_REQUEST, decidedOn.minusMonths(2),
                    decidedOn, from, to, null, null, List.of(), null, null, null, null, null, null));
        }

        /** Replaces entry {@code id} with the same entry in another status, withdrawal or successor. */
        public Registrations update(UUID id, String status, LocalDate withdrawnOn, UUID successorId,
                String successorCode) {
            for (int i = 0; i < entries.size(); i++) {
                RegistrationEntry e = entries.get(i);
                if (e.id().equals(id)) {
                    entries.set(i, new RegistrationEntry(e.id(), e.directory(), e.code(), status,
                            e.registrationType(), e.requestedOn(), e.decidedOn(), e.effectiveFrom(), e.endsOn(),
                            e.awardDeadline(), e.level(), e.blocks(), withdrawnOn,
                            withdrawnOn == null ? null : "retrait", e.predecessorId(), successorId,
                            e.predecessorCode(), successorCode));
                    return this;
                }
            }
            throw new IllegalArgumentException("no entry " + id);
        }

        public Registrations add(RegistrationEntry entry) {
            entries.add(entry);
            return this;
        }

        public RegistrationState state() {
            return new RegistrationState(certificationId, List.copyOf(transmissions), List.copyOf(entries));
        }

        private static List<BlockState> blocks(String... codes) {
            return java.util.Arrays.stream(codes).map(c -> new BlockState(c, "Bloc " + c)).toList();
        }
    }
}
