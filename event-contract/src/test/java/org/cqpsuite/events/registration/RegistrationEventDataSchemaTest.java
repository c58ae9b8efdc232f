package org.cqpsuite.events.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cqpsuite.events.registration.Contract.PRODUCER;
import static org.cqpsuite.events.registration.Contract.tree;
import static org.cqpsuite.events.registration.Contract.violations;
import static org.cqpsuite.events.registration.RegistrationEntry.DIRECTORY_RNCP;
import static org.cqpsuite.events.registration.RegistrationEntry.DIRECTORY_RS;
import static org.cqpsuite.events.registration.RegistrationEntry.STATUS_EXPIRED;
import static org.cqpsuite.events.registration.RegistrationEntry.STATUS_REGISTERED;
import static org.cqpsuite.events.registration.RegistrationEntry.STATUS_REPLACED;
import static org.cqpsuite.events.registration.RegistrationEntry.STATUS_WITHDRAWN;
import static org.cqpsuite.events.registration.RegistrationEntry.TYPE_BY_RIGHT;
import static org.cqpsuite.events.registration.RegistrationEntry.TYPE_ON_REQUEST;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SchemaLocation;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegistrationEventDataSchemaTest {

    private static final UUID CERTIFICATION = UUID.fromString("8d0f4c2a-5b1e-4e7a-9c3d-2f6a1b7e9c40");
    private static final UUID REGISTRATION = UUID.fromString("c61e0a57-2f3b-4d8e-a9b4-7e5d1c0f2a63");
    private static final UUID RENEWAL = UUID.fromString("5e9a3b1c-7d2f-4a6e-8b0c-1f3d5a7c9e21");

    /** The official order of the brief: a registration it made is known without its RNCP code. */
    private static final String ORDER = "Arrêté du 20 janvier 2014 (NOR ETSD1401196A)";

    private static final TransmissionState TRANSMISSION = new TransmissionState(LocalDate.of(2019, 3, 1),
            "FC-2019-03-0142", Instant.parse("2019-03-01T14:05:31.402Z"), false);

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    /** The request of the example, before its decision (its second event). */
    static RegistrationEntry requestedEntry() {
        return Entries.requested(REGISTRATION, DIRECTORY_RNCP, day("2019-03-15")).build();
    }

    /** The example's registration. */
    static RegistrationEntry registeredEntry() {
        return Entries.of(requestedEntry())
                .registered("RNCP99001", TYPE_ON_REQUEST, day("2019-06-01"), day("2019-06-15"), day("2024-06-14"), 4,
                        List.of(new BlockState("RNCP99001BC01",
                                "Réaliser les contrôles qualité en cours de production")))
                .build();
    }

    /** The example: a CQP transmitted, then registered in the RNCP (its third event). */
    static RegistrationEventData registered() {
        return new RegistrationEventData(3,
                new RegistrationState(CERTIFICATION, List.of(TRANSMISSION), List.of(registeredEntry())));
    }

    /** A certification's first event: transmitted, no registration yet. */
    static RegistrationEventData transmitted() {
        return new RegistrationEventData(1, new RegistrationState(CERTIFICATION, List.of(TRANSMISSION), List.of()));
    }

    static RegistrationEventData requested() {
        return new RegistrationEventData(2,
                new RegistrationState(CERTIFICATION, List.of(TRANSMISSION), List.of(requestedEntry())));
    }

    /** Renewed in 2024 under a new code, after a new transmission: the old entry REPLACED, the new one REGISTERED. */
    static RegistrationEventData renewed() {
        RegistrationEntry old = Entries.of(registeredEntry()).status(STATUS_REPLACED).successor(RENEWAL, "RNCP99777")
                .build();
        RegistrationEntry renewal = Entries.requested(RENEWAL, DIRECTORY_RNCP, day("2023-11-20"))
                .registered("RNCP99777", TYPE_ON_REQUEST, day("2024-05-20"), day("2024-06-15"), day("2029-06-14"), 4,
                        List.of(new BlockState("RNCP99777BC01", "Réaliser les contrôles qualité"),
                                new BlockState("RNCP99777BC02", "Animer une démarche qualité")))
                .awardDeadline(day("2030-06-14")).predecessor(REGISTRATION, "RNCP99001").build();
        TransmissionState again = new TransmissionState(day("2023-11-02"), null,
                Instant.parse("2023-11-02T10:00:00Z"), false);
        return new RegistrationEventData(6,
                new RegistrationState(CERTIFICATION, List.of(TRANSMISSION, again), List.of(old, renewal)));
    }

    /**
     * Found by the directory importer: a transmission inferred, an RNCP registration decided in 2016 (no level,
     * {@code BC1}-style blocks, no known request day), expired, followed by another certification's code.
     */
    static RegistrationEventData importedLegacy() {
        RegistrationEntry legacy = Entries.requested(UUID.randomUUID(), DIRECTORY_RNCP, null)
                .registered("RNCP1234", TYPE_ON_REQUEST, day("2016-09-12"), day("2016-09-12"), day("2021-09-11"), null,
                        List.of(new BlockState("RNCP1234BC1", "Conduire une ligne de production")))
                .awardDeadline(day("2022-09-11")).status(STATUS_EXPIRED).successor(null, "RNCP35100").build();
        TransmissionState inferred = new TransmissionState(day("2016-09-12"), null,
                Instant.parse("2026-02-10T06:00:00.5Z"), true);
        return new RegistrationEventData(3,
                new RegistrationState(UUID.randomUUID(), List.of(inferred), List.of(legacy)));
    }

    /**
     * An RNCP request refused, another withdrawn before its decision, then an RS registration; and a registration by
     * right without end.
     */
    static RegistrationEventData rs() {
        RegistrationEntry refused = Entries.requested(UUID.randomUUID(), DIRECTORY_RNCP, day("2020-01-06"))
                .refused(day("2020-07-02")).build();
        RegistrationEntry withdrawn = Entries.requested(UUID.randomUUID(), DIRECTORY_RNCP, day("2020-09-01"))
                .withdrawn(day("2020-10-15"), "Demande remplacée par une demande d'enregistrement au RS").build();
        RegistrationEntry inRs = Entries.requested(UUID.randomUUID(), DIRECTORY_RS, day("2020-10-15"))
                .registered("RS5568", TYPE_ON_REQUEST, day("2021-03-25"), day("2021-04-01"), day("2023-03-31"), null,
                        List.of())
                .build();
        RegistrationEntry withdrawnAfterRegistration = Entries.of(inRs).withdrawn(day("2022-01-31"), null).build();
        RegistrationEntry byRight = Entries.requested(UUID.randomUUID(), DIRECTORY_RS, day("2022-02-01"))
                .registered("RS6001", TYPE_BY_RIGHT, day("2022-02-10"), day("2022-02-10"), null, null, List.of())
                .build();
        return new RegistrationEventData(9, new RegistrationState(UUID.randomUUID(), List.of(TRANSMISSION),
                List.of(refused, withdrawn, withdrawnAfterRegistration, byRight)));
    }

    /**
     * A directory certification that is not a CQP (kind OTHER), found by the directory importer: no transmission (its
     * first event is the registration's), an active RNCP registration by right without a known request day, preceded
     * by another certification's code; and an inactive RS registration, withdrawn on the export date.
     */
    static RegistrationEventData importedOtherWithoutTransmission() {
        RegistrationEntry active = Entries.requested(UUID.randomUUID(), DIRECTORY_RNCP, null)
                .registered("RNCP37827", TYPE_BY_RIGHT, day("2023-07-12"), day("2023-09-01"), day("2028-08-31"), 5,
                        List.of(new BlockState("RNCP37827BC01", "Gérer la relation client")))
                .predecessor(null, "RNCP31678").build();
        RegistrationEntry inactive = Entries.requested(UUID.randomUUID(), DIRECTORY_RS, null)
                .registered("RS5568", TYPE_ON_REQUEST, day("2021-03-25"), day("2021-03-25"), day("2026-12-31"), null,
                        List.of())
                .withdrawn(day("2026-08-16"), "Fiche inactive dans l'export du 16/08/2026").build();
        return new RegistrationEventData(2,
                new RegistrationState(UUID.randomUUID(), List.of(), List.of(active, inactive)));
    }

    /** The example after an import changed its end date and its award deadline (a corrected event): same status. */
    static RegistrationEventData corrected() {
        RegistrationEntry entry = Entries.of(registeredEntry()).awardDeadline(day("2025-06-14")).build();
        Entries later = Entries.of(entry);
        later.endsOn = day("2024-12-31");
        return new RegistrationEventData(4,
                new RegistrationState(CERTIFICATION, List.of(TRANSMISSION), List.of(later.build())));
    }

    /**
     * Contract 1.2: registrations known from official orders (arrêtés published in the Journal officiel) that do not
     * give their RNCP code: one of January 2014, expired; one of November 2014, withdrawn from the directory; one
     * renewed in 2019 under a code (REPLACED, without code itself); and a registration with both a code and a known
     * legal basis.
     */
    static RegistrationEventData importedFromOrders() {
        RegistrationEntry expired = Entries.requested(UUID.randomUUID(), DIRECTORY_RNCP, null)
                .registered(null, TYPE_ON_REQUEST, day("2014-01-20"), day("2014-01-31"), day("2019-01-30"), null,
                        List.of())
                .status(STATUS_EXPIRED).legalBasis(ORDER).build();
        RegistrationEntry withdrawn = Entries.requested(UUID.randomUUID(), DIRECTORY_RNCP, null)
                .registered(null, TYPE_ON_REQUEST, day("2014-11-19"), day("2014-11-29"), day("2019-11-28"), null,
                        List.of())
                .withdrawn(day("2018-08-16"), "Fiche inactive dans l'export du 16/08/2018")
                .legalBasis("Arrêté du 19 novembre 2014").build();
        RegistrationEntry replaced = Entries.requested(REGISTRATION, DIRECTORY_RNCP, null)
                .registered(null, TYPE_ON_REQUEST, day("2014-01-20"), day("2014-01-31"), day("2019-01-30"), null,
                        List.of())
                .status(STATUS_REPLACED).successor(RENEWAL, "RNCP34486").legalBasis(ORDER).build();
        RegistrationEntry renewal = Entries.requested(RENEWAL, DIRECTORY_RNCP, day("2018-09-03"))
                .registered("RNCP34486", TYPE_ON_REQUEST, day("2019-01-25"), day("2019-01-31"), day("2024-01-30"), 3,
                        List.of())
                .predecessor(REGISTRATION, null).legalBasis("Décision de France compétences du 25 janvier 2019")
                .build();
        return new RegistrationEventData(5, new RegistrationState(UUID.randomUUID(), List.of(TRANSMISSION),
                List.of(expired, withdrawn, replaced, renewal)));
    }

    static Stream<RegistrationEventData> events() {
        return Stream.of(registered(), transmitted(), requested(), renewed(), importedLegacy(), rs(),
                importedOtherWithoutTransmission(), corrected(), importedFromOrders());
    }

    /**
     * Contract 1.2: {@code code} may be null in a registered status only when {@code legalBasis} is set; without it, a
     * null code still means "not registered".
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredStatuses")
    void aRegisteredEntryWithoutCodeNeedsALegalBasis(String status) {
        ObjectNode withBasis = (ObjectNode) tree(RegistrationEventSchema.exampleRegistered());
        ObjectNode entry = inStatus(orderEntry(withBasis), status);
        assertThat(violations(withBasis)).as("with a legal basis").isEmpty();

        entry.putNull("legalBasis");
        assertThat(violations(withBasis)).as("legal basis null").extracting(Contract.Violation::location)
                .contains(STATUS_WITHDRAWN.equals(status) ? ENTRY + "/decidedOn" : ENTRY + "/code");
        entry.remove("legalBasis");
        assertThat(violations(withBasis)).as("legal basis absent (an event of contract 1.1)")
                .extracting(Contract.Violation::location)
                .contains(STATUS_WITHDRAWN.equals(status) ? ENTRY + "/decidedOn" : ENTRY + "/code");
    }

    static Stream<String> registeredStatuses() {
        return Stream.of(STATUS_REGISTERED, STATUS_EXPIRED, STATUS_REPLACED, STATUS_WITHDRAWN);
    }

    private static ObjectNode inStatus(ObjectNode entry, String status) {
        entry.put("status", status);
        if (STATUS_REPLACED.equals(status)) {
            entry.put("successorId", RENEWAL.toString());
        } else if (STATUS_WITHDRAWN.equals(status)) {
            entry.put("withdrawnOn", "2018-08-16");
        }
        return entry;
    }

    /** Contract 1.2 is additions only: a document of contract 1.1 (no legalBasis property) stays valid. */
    @Test
    void aDocumentWithoutLegalBasisIsStillValidAndReadsAsNull() throws Exception {
        ObjectNode document = (ObjectNode) tree(RegistrationEventSchema.exampleRegistered());
        entry(document).remove("legalBasis");

        assertThat(violations(document)).isEmpty();
        assertThat(Contract.CONSUMER.treeToValue(document, RegistrationEventData.class)).isEqualTo(registered());
        assertThat(Contract.CONSUMER.treeToValue(document, RegistrationEventData.class).state().registrations().get(0)
                .legalBasis()).isNull();
    }

    /** The constructor of contract 1.1 is kept: an entry without legal basis. */
    @Test
    void theConstructorWithoutLegalBasisGivesANullOne() {
        RegistrationEntry entry = registeredEntry();
        RegistrationEntry old = new RegistrationEntry(entry.id(), entry.directory(), entry.code(), entry.status(),
                entry.registrationType(), entry.requestedOn(), entry.decidedOn(), entry.effectiveFrom(),
                entry.endsOn(), entry.awardDeadline(), entry.level(), entry.blocks(), entry.withdrawnOn(),
                entry.withdrawalReason(), entry.predecessorId(), entry.successorId(), entry.predecessorCode(),
                entry.successorCode());

        assertThat(old.legalBasis()).isNull();
        assertThat(old).isEqualTo(entry);
    }

    /** The level rules apply to an entry without code too: required in the RNCP from 2019, none before nor in the RS. */
    @Test
    void theLevelRulesApplyToAnEntryWithoutCode() {
        ObjectNode document = (ObjectNode) tree(RegistrationEventSchema.exampleRegistered());
        ObjectNode entry = orderEntry(document);
        entry.put("decidedOn", "2020-02-20").put("effectiveFrom", "2020-03-01").put("endsOn", "2025-02-28");
        assertThat(violations(document)).extracting(Contract.Violation::location).containsExactly(ENTRY + "/level");
        entry.put("level", 3);
        assertThat(violations(document)).isEmpty();
        entry.put("decidedOn", "2014-01-20");
        assertThat(violations(document)).extracting(Contract.Violation::location).contains(ENTRY + "/decidedOn");
    }

    /**
     * Contract 1.1: a state without transmission is valid (a certification of kind OTHER); the schema cannot tell the
     * kind, so it accepts it for any certification, and producers guarantee that CQPs and CQPIs have one.
     */
    @Test
    void aStateWithoutTransmissionIsValid() {
        ObjectNode document = (ObjectNode) tree(RegistrationEventSchema.exampleRegistered());
        state(document).putArray("transmissions");

        assertThat(violations(document)).isEmpty();
        assertThat(tree(RegistrationEventSchema.json()).at("/$defs/state/properties/transmissions/minItems")
                .isMissingNode()).isTrue();
        assertThat(tree(RegistrationEventSchema.json()).at("/$defs/state/properties/transmissions/description")
                .asText()).contains("OTHER");
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() {
        JsonSchema metaSchema = Contract.FACTORY.getSchema(
                SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), Contract.CONFIG);

        assertThat(metaSchema.validate(tree(RegistrationEventSchema.json()))).isEmpty();
        assertThat(metaSchema.validate(tree("{\"type\": \"object\", \"required\": \"sequence\"}")))
                .as("the meta-schema check itself works").isNotEmpty();
        assertThat(tree(RegistrationEventSchema.json()).get("$id").asText()).isEqualTo(RegistrationEventSchema.ID);
    }

    @ParameterizedTest
    @MethodSource("events")
    void recordsSerializedAsProducersMustValidateAndReadBackEqual(RegistrationEventData event) throws Exception {
        String json = PRODUCER.writeValueAsString(event);

        assertThat(violations(tree(json))).as(json).isEmpty();
        assertThat(Contract.CONSUMER.readValue(json, RegistrationEventData.class)).isEqualTo(event);
        assertThat(PRODUCER.readValue(json, RegistrationEventData.class)).isEqualTo(event);
    }

    @Test
    void datesAreIsoStringsAndNullsAreWritten() throws Exception {
        JsonNode json = tree(PRODUCER.writeValueAsString(registered()));
        JsonNode requested = tree(PRODUCER.writeValueAsString(requested())).at("/state/registrations/0");

        assertThat(json.at("/state/certificationId").asText()).isEqualTo(CERTIFICATION.toString());
        assertThat(json.at("/state/transmissions/0/transmittedOn").asText()).isEqualTo("2019-03-01");
        assertThat(json.at("/state/transmissions/0/recordedAt").asText()).isEqualTo("2019-03-01T14:05:31.402Z");
        assertThat(json.at("/state/registrations/0/endsOn").asText()).isEqualTo("2024-06-14");
        assertThat(json.at("/state/registrations/0/level").isInt()).isTrue();
        for (String property : List.of("code", "registrationType", "decidedOn", "effectiveFrom", "endsOn",
                "awardDeadline", "level", "withdrawnOn", "withdrawalReason", "predecessorId", "successorId",
                "predecessorCode", "successorCode", "legalBasis")) {
            assertThat(requested.has(property) && requested.get(property).isNull()).as(property).isTrue();
        }
        assertThat(requested.get("blocks").isArray()).isTrue();
    }

    @Test
    void theRecordsJsonIsTheExample() throws Exception {
        assertThat(tree(PRODUCER.writeValueAsString(registered())))
                .isEqualTo(tree(RegistrationEventSchema.exampleRegistered()));
    }

    @Test
    void theExampleIsValid() throws Exception {
        JsonNode example = tree(RegistrationEventSchema.exampleRegistered());

        assertThat(violations(example)).isEmpty();
        assertThat(Contract.CONSUMER.treeToValue(example, RegistrationEventData.class)).isEqualTo(registered());
    }

    @Test
    void timestampsInsteadOfIsoDatesAreRejected() throws Exception {
        String json = PRODUCER.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .writeValueAsString(registered());

        assertThat(violations(tree(json))).extracting(Contract.Violation::location)
                .contains("/state/transmissions/0/transmittedOn", "/state/transmissions/0/recordedAt",
                        "/state/registrations/0/decidedOn", "/state/registrations/0/endsOn");
    }

    private static final String ENTRY = "/state/registrations/0";

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                invalid("missing sequence", "", root -> root.remove("sequence")),
                invalid("sequence 0", "/sequence", root -> root.put("sequence", 0)),
                invalid("negative sequence", "/sequence", root -> root.put("sequence", -3)),
                invalid("sequence as text", "/sequence", root -> root.put("sequence", "3")),
                invalid("missing state", "", root -> root.remove("state")),
                invalid("extra property", "", root -> root.put("type", "registered")),
                invalid("extra state property", "/state", root -> state(root).put("certificationCode", "RNCP99001")),
                invalid("certification id not a UUID", "/state/certificationId",
                        root -> state(root).put("certificationId", "CQP-0001")),
                invalid("null transmissions", "/state/transmissions", root -> state(root).putNull("transmissions")),
                invalid("missing transmissions", "/state", root -> state(root).remove("transmissions")),
                invalid("null registrations", "/state/registrations", root -> state(root).putNull("registrations")),
                invalid("empty transmission reference", "/state/transmissions/0/reference",
                        root -> transmission(root).put("reference", "")),
                invalid("inferred as text", "/state/transmissions/0/inferred",
                        root -> transmission(root).put("inferred", "no")),
                invalid("missing inferred", "/state/transmissions/0", root -> transmission(root).remove("inferred")),
                invalid("recordedAt without offset", "/state/transmissions/0/recordedAt",
                        root -> transmission(root).put("recordedAt", "2019-03-01T14:05:31")),
                invalid("impossible transmission date", "/state/transmissions/0/transmittedOn",
                        root -> transmission(root).put("transmittedOn", "2019-02-29")),
                invalid("extra transmission property", "/state/transmissions/0",
                        root -> transmission(root).put("channel", "e-mail")),
                invalid("registration id not a UUID", ENTRY + "/id", root -> entry(root).put("id", "1")),
                invalid("missing registration property", ENTRY, root -> entry(root).remove("awardDeadline")),
                invalid("extra registration property", ENTRY, root -> entry(root).put("active", true)),
                invalid("unknown directory", ENTRY + "/directory", root -> entry(root).put("directory", "RNCPX")),
                invalid("directory in lower case", ENTRY + "/directory", root -> entry(root).put("directory", "rncp")),
                invalid("RS code in the RNCP", ENTRY + "/code", root -> entry(root).put("code", "RS5568")),
                invalid("code in lower case", ENTRY + "/code", root -> entry(root).put("code", "rncp99001")),
                invalid("RNCP code of 6 digits", ENTRY + "/code", root -> entry(root).put("code", "RNCP123456")),
                invalid("RNCP code of 2 digits", ENTRY + "/code", root -> entry(root).put("code", "RNCP12")),
                invalid("RNCP code in the RS", ENTRY + "/code", root -> entry(root).put("directory", "RS")),
                invalid("RS code of 7 digits", ENTRY + "/code",
                        root -> rsEntry(root).put("code", "RS1234567")),
                invalid("level in the RS", ENTRY + "/level", root -> rsEntry(root).put("level", 4)),
                invalid("blocks in the RS", ENTRY + "/blocks",
                        root -> rsEntry(root).putArray("blocks").addObject().put("code", "RNCP99001BC01")
                                .put("title", "t")),
                invalid("unknown status", ENTRY + "/status", root -> entry(root).put("status", "SUSPENDED")),
                invalid("unknown registration type", ENTRY + "/registrationType",
                        root -> entry(root).put("registrationType", "DE_DROIT")),
                invalid("level 9", ENTRY + "/level", root -> entry(root).put("level", 9)),
                invalid("level 0", ENTRY + "/level", root -> entry(root).put("level", 0)),
                invalid("level as text", ENTRY + "/level", root -> entry(root).put("level", "4")),
                invalid("level decided before 2019", ENTRY + "/decidedOn",
                        root -> entry(root).put("decidedOn", "2018-12-31")),
                invalid("no level for an RNCP registration decided in 2019", ENTRY + "/level",
                        root -> entry(root).putNull("level")),
                invalid("block code without BC", ENTRY + "/blocks/0/code",
                        root -> block(root).put("code", "RNCP99001-01")),
                invalid("block code of 3 digits", ENTRY + "/blocks/0/code",
                        root -> block(root).put("code", "RNCP99001BC001")),
                invalid("block code without the directory code", ENTRY + "/blocks/0/code",
                        root -> block(root).put("code", "BC01")),
                invalid("block without title", ENTRY + "/blocks/0", root -> block(root).remove("title")),
                invalid("empty block title", ENTRY + "/blocks/0/title", root -> block(root).put("title", "")),
                invalid("extra block property", ENTRY + "/blocks/0", root -> block(root).put("hours", 35)),
                invalid("duplicate block", ENTRY + "/blocks",
                        root -> ((ArrayNode) entry(root).get("blocks")).add(block(root).deepCopy())),
                invalid("impossible date", ENTRY + "/effectiveFrom",
                        root -> entry(root).put("effectiveFrom", "2019-06-31")),
                invalid("registered without code", ENTRY + "/code", root -> entry(root).putNull("code")),
                invalid("registered without registration type", ENTRY + "/registrationType",
                        root -> entry(root).putNull("registrationType")),
                invalid("registered without decision", ENTRY + "/decidedOn", root -> entry(root).putNull("decidedOn")),
                invalid("registered without first day", ENTRY + "/effectiveFrom",
                        root -> entry(root).putNull("effectiveFrom")),
                invalid("registered on request without end", ENTRY + "/endsOn", root -> entry(root).putNull("endsOn")),
                invalid("requested with a code", ENTRY + "/code",
                        root -> entry(root).put("status", "REQUESTED")),
                invalid("requested without request day", ENTRY + "/requestedOn",
                        root -> requested(root).putNull("requestedOn")),
                invalid("requested with a decision", ENTRY + "/decidedOn",
                        root -> requested(root).put("decidedOn", "2019-06-01")),
                invalid("requested with a type", ENTRY + "/registrationType",
                        root -> requested(root).put("registrationType", "ON_REQUEST")),
                invalid("requested with a first day", ENTRY + "/effectiveFrom",
                        root -> requested(root).put("effectiveFrom", "2019-06-15")),
                invalid("requested with an award deadline", ENTRY + "/awardDeadline",
                        root -> requested(root).put("awardDeadline", "2025-06-14")),
                invalid("requested with blocks", ENTRY + "/blocks",
                        root -> requested(root).putArray("blocks").addObject().put("code", "RNCP99001BC01")
                                .put("title", "t")),
                invalid("refused with a code", ENTRY + "/code",
                        root -> refused(root).put("code", "RNCP99001")),
                invalid("refused by right", ENTRY + "/registrationType",
                        root -> refused(root).put("registrationType", "BY_RIGHT")),
                invalid("refused without decision", ENTRY + "/decidedOn", root -> refused(root).putNull("decidedOn")),
                invalid("withdrawal day while registered", ENTRY + "/withdrawnOn",
                        root -> entry(root).put("withdrawnOn", "2020-01-01")),
                invalid("withdrawal reason while registered", ENTRY + "/withdrawalReason",
                        root -> entry(root).put("withdrawalReason", "none")),
                invalid("withdrawn without day", ENTRY + "/withdrawnOn",
                        root -> entry(root).put("status", "WITHDRAWN")),
                invalid("empty withdrawal reason", ENTRY + "/withdrawalReason",
                        root -> entry(root).put("status", "WITHDRAWN").put("withdrawnOn", "2020-01-01")
                                .put("withdrawalReason", "")),
                invalid("withdrawn before decision but decided", ENTRY + "/decidedOn",
                        root -> requested(root).put("status", "WITHDRAWN").put("withdrawnOn", "2019-04-01")
                                .put("decidedOn", "2019-03-20")),
                invalid("expired without end", ENTRY + "/endsOn",
                        root -> entry(root).put("status", "EXPIRED").put("registrationType", "BY_RIGHT")
                                .putNull("endsOn")),
                invalid("replaced without successor", ENTRY + "/successorId",
                        root -> entry(root).put("status", "REPLACED")),
                invalid("successor while registered", ENTRY + "/successorId",
                        root -> entry(root).put("successorId", RENEWAL.toString())),
                invalid("predecessor id not a UUID", ENTRY + "/predecessorId",
                        root -> entry(root).put("predecessorId", "RNCP98000")),
                invalid("bad predecessor code", ENTRY + "/predecessorCode",
                        root -> entry(root).put("predecessorCode", "RNCP99")),
                invalid("bad successor code", ENTRY + "/successorCode",
                        root -> entry(root).put("successorCode", "99777")),
                invalid("expired without code nor legal basis", ENTRY + "/code",
                        root -> entry(root).put("status", "EXPIRED").putNull("code")),
                invalid("replaced without code nor legal basis", ENTRY + "/code",
                        root -> entry(root).put("status", "REPLACED").put("successorId", RENEWAL.toString())
                                .putNull("code")),
                invalid("registered without code, legal basis absent", ENTRY + "/code",
                        root -> entry(root).putNull("code").remove("legalBasis")),
                invalid("empty legal basis", ENTRY + "/legalBasis", root -> orderEntry(root).put("legalBasis", "")),
                invalid("legal basis of 301 characters", ENTRY + "/legalBasis",
                        root -> orderEntry(root).put("legalBasis", "A".repeat(301))),
                invalid("legal basis as a number", ENTRY + "/legalBasis",
                        root -> orderEntry(root).put("legalBasis", 2014)),
                invalid("requested with a legal basis", ENTRY + "/status",
                        root -> requested(root).put("legalBasis", ORDER)),
                invalid("refused with a legal basis", ENTRY + "/status",
                        root -> refused(root).put("legalBasis", ORDER)),
                invalid("without code, with blocks", ENTRY + "/blocks",
                        root -> orderEntry(root).putArray("blocks").addObject().put("code", "RNCP99001BC01")
                                .put("title", "t")),
                invalid("without code, without type", ENTRY + "/registrationType",
                        root -> orderEntry(root).putNull("registrationType")),
                invalid("without code, without decision", ENTRY + "/decidedOn",
                        root -> orderEntry(root).putNull("decidedOn")),
                invalid("without code, without first day", ENTRY + "/effectiveFrom",
                        root -> orderEntry(root).putNull("effectiveFrom")),
                invalid("without code, on request without end", ENTRY + "/endsOn",
                        root -> orderEntry(root).putNull("endsOn")),
                invalid("without code, expired without end", ENTRY + "/endsOn",
                        root -> orderEntry(root).put("status", "EXPIRED").put("registrationType", "BY_RIGHT")
                                .putNull("endsOn")),
                invalid("without code, withdrawn without day", ENTRY + "/withdrawnOn",
                        root -> orderEntry(root).put("status", "WITHDRAWN")),
                invalid("without code, a level before 2019", ENTRY + "/decidedOn",
                        root -> orderEntry(root).put("level", 4)),
                invalid("without code, in the RS with a level", ENTRY + "/level",
                        root -> orderEntry(root).put("directory", "RS").put("level", 4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDocuments")
    void invalidDocumentsAreRejected(String name, String location, Consumer<ObjectNode> breakIt) {
        ObjectNode document = (ObjectNode) tree(RegistrationEventSchema.exampleRegistered());
        breakIt.accept(document);

        assertThat(violations(document)).as(name).extracting(Contract.Violation::location).contains(location);
    }

    @Test
    void theBaseDocumentsOfTheInvalidOnesAreValid() {
        for (Consumer<ObjectNode> base : List.<Consumer<ObjectNode>>of(root -> { }, RegistrationEventDataSchemaTest::rsEntry,
                RegistrationEventDataSchemaTest::requested, RegistrationEventDataSchemaTest::refused,
                RegistrationEventDataSchemaTest::orderEntry,
                root -> orderEntry(root).put("directory", "RS"),
                root -> entry(root).put("legalBasis", ORDER))) {
            ObjectNode document = (ObjectNode) tree(RegistrationEventSchema.exampleRegistered());
            base.accept(document);
            assertThat(violations(document)).as(document.toString()).isEmpty();
        }
    }

    @Test
    void aDocumentThatIsNotAnObjectIsRejected() {
        assertThat(violations(JsonNodeFactory.instance.arrayNode())).isNotEmpty();
        assertThat(violations(JsonNodeFactory.instance.nullNode())).isNotEmpty();
    }

    @Test
    void theSchemaEnumsPatternsAndBoundsAreTheContractConstants() {
        JsonNode schema = tree(RegistrationEventSchema.json());
        JsonNode registration = schema.at("/$defs/registration/properties");

        assertThat(texts(registration.at("/directory/enum"))).isEqualTo(RegistrationEntry.DIRECTORIES);
        assertThat(texts(registration.at("/status/enum"))).isEqualTo(RegistrationEntry.STATUSES);
        List<String> types = new ArrayList<>(RegistrationEntry.REGISTRATION_TYPES);
        types.add(null);
        assertThat(texts(registration.at("/registrationType/enum"))).isEqualTo(types);
        assertThat(registration.at("/level/minimum").asInt()).isEqualTo(RegistrationEntry.MIN_LEVEL);
        assertThat(registration.at("/level/maximum").asInt()).isEqualTo(RegistrationEntry.MAX_LEVEL);
        assertThat(registration.at("/legalBasis/minLength").asInt()).isEqualTo(1);
        assertThat(registration.at("/legalBasis/maxLength").asInt()).isEqualTo(RegistrationEntry.LEGAL_BASIS_MAX_LENGTH);
        assertThat(schema.at("/$defs/block/properties/code/pattern").asText())
                .isEqualTo(RegistrationEntry.BLOCK_CODE_PATTERN);
        assertThat(schema.at("/$defs/registration/allOf/0/then/properties/code/pattern").asText())
                .isEqualTo(RegistrationEntry.RNCP_CODE_PATTERN);
        assertThat(schema.at("/$defs/registration/allOf/1/then/properties/code/pattern").asText())
                .isEqualTo(RegistrationEntry.RS_CODE_PATTERN);
        assertThat(schema.at("/$defs/directoryCode/pattern").asText()).isEqualTo("^(" + RegistrationEntry.RNCP_CODE_PATTERN
                .substring(1, RegistrationEntry.RNCP_CODE_PATTERN.length() - 1) + "|" + RegistrationEntry.RS_CODE_PATTERN
                        .substring(1, RegistrationEntry.RS_CODE_PATTERN.length() - 1) + ")$");
    }

    @Test
    void theLevelRuleStartsOnTheFirstLevelDecisionDay() {
        ObjectNode document = (ObjectNode) tree(RegistrationEventSchema.exampleRegistered());
        LocalDate first = RegistrationEntry.FIRST_LEVEL_DECISION;

        entry(document).put("decidedOn", first.toString()).put("effectiveFrom", first.toString());
        assertThat(violations(document)).isEmpty();
        entry(document).put("decidedOn", first.minusDays(1).toString());
        assertThat(violations(document)).isNotEmpty();
        entry(document).putNull("level");
        assertThat(violations(document)).as("no level before 2019").isEmpty();
        entry(document).put("decidedOn", "2150-01-01");
        assertThat(violations(document)).as("a level is required later").isNotEmpty();
    }

    @Test
    void everyRecordComponentIsRequiredBySchema() {
        JsonNode schema = tree(RegistrationEventSchema.json());

        assertThat(texts(schema.get("required"))).containsExactlyInAnyOrder(components(RegistrationEventData.class));
        assertThat(texts(schema.at("/$defs/state/required")))
                .containsExactlyInAnyOrder(components(RegistrationState.class));
        assertThat(texts(schema.at("/$defs/transmission/required")))
                .containsExactlyInAnyOrder(components(TransmissionState.class));
        // Contract 1.2 added legalBasis, last, as optional: the events published before do not have it.
        List<String> entry = List.of(components(RegistrationEntry.class));
        assertThat(entry.get(entry.size() - 1)).isEqualTo("legalBasis");
        assertThat(texts(schema.at("/$defs/registration/required")))
                .containsExactlyElementsOf(entry.subList(0, entry.size() - 1));
        List<String> properties = new ArrayList<>();
        schema.at("/$defs/registration/properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).containsExactlyElementsOf(entry);
        assertThat(texts(schema.at("/$defs/block/required"))).containsExactlyInAnyOrder(components(BlockState.class));
    }

    @Test
    void nullListsAreEmptyAndListsAreImmutable() {
        RegistrationState state = new RegistrationState(CERTIFICATION, null, null);
        ArrayList<BlockState> blocks = new ArrayList<>(List.of(new BlockState("RNCP99001BC01", "a")));
        Entries entries = Entries.of(registeredEntry());
        entries.blocks = blocks;
        RegistrationEntry entry = entries.build();
        blocks.add(new BlockState("RNCP99001BC02", "b"));
        entries.blocks = null;

        assertThat(state.transmissions()).isEmpty();
        assertThat(state.registrations()).isEmpty();
        assertThat(entry.blocks()).hasSize(1);
        assertThat(entries.build().blocks()).isEmpty();
        assertThatThrownBy(() -> entry.blocks().add(new BlockState("RNCP99001BC03", "c")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> registered().state().registrations().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static Arguments invalid(String name, String location, Consumer<ObjectNode> breakIt) {
        return Arguments.of(name, location, breakIt);
    }

    private static ObjectNode state(ObjectNode root) {
        return (ObjectNode) root.get("state");
    }

    private static ObjectNode transmission(ObjectNode root) {
        return (ObjectNode) state(root).get("transmissions").get(0);
    }

    private static ObjectNode entry(ObjectNode root) {
        return (ObjectNode) state(root).get("registrations").get(0);
    }

    private static ObjectNode block(ObjectNode root) {
        return (ObjectNode) entry(root).get("blocks").get(0);
    }

    /** Replaces the example's registration by a valid one. */
    private static ObjectNode replaceEntry(ObjectNode root, RegistrationEntry entry) {
        ((ArrayNode) state(root).get("registrations")).set(0, PRODUCER.valueToTree(entry));
        return entry(root);
    }

    /** Makes the example's registration a valid RS one. */
    private static ObjectNode rsEntry(ObjectNode root) {
        Entries rs = Entries.of(registeredEntry());
        rs.directory = DIRECTORY_RS;
        rs.code = "RS5568";
        rs.level = null;
        rs.blocks = List.of();
        return replaceEntry(root, rs.build());
    }

    /**
     * Makes the example's registration a valid one known from an order without its code: REGISTERED, RNCP, on
     * request, decided in January 2014, no level, no blocks.
     */
    private static ObjectNode orderEntry(ObjectNode root) {
        return replaceEntry(root, Entries.requested(REGISTRATION, DIRECTORY_RNCP, null)
                .registered(null, TYPE_ON_REQUEST, day("2014-01-20"), day("2014-01-31"), day("2019-01-30"), null,
                        List.of())
                .legalBasis(ORDER).build());
    }

    /** Makes the example's registration a valid REQUESTED one. */
    private static ObjectNode requested(ObjectNode root) {
        return replaceEntry(root, requestedEntry());
    }

    /** Makes the example's registration a valid REFUSED one. */
    private static ObjectNode refused(ObjectNode root) {
        return replaceEntry(root, Entries.of(requestedEntry()).refused(day("2019-06-01")).build());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        for (Iterator<JsonNode> it = ((ArrayNode) array).elements(); it.hasNext();) {
            JsonNode value = it.next();
            texts.add(value.isNull() ? null : value.asText());
        }
        return texts;
    }

    private static String[] components(Class<? extends Record> type) {
        return Stream.of(type.getRecordComponents()).map(RecordComponent::getName)
                .toArray(String[]::new);
    }
}
