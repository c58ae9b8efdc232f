package org.cqpsuite.registration.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.cqpsuite.events.CloudEventHeaders;
import org.cqpsuite.events.registration.RegistrationEventSchema;
import org.cqpsuite.events.registration.RegistrationEvents;
import org.cqpsuite.registration.certification.CertificationServiceStub;
import org.cqpsuite.registration.registration.ExpiryJob;
import org.cqpsuite.testinfra.KafkaTestClient;
import org.cqpsuite.testinfra.TestInfrastructure;
import org.cqpsuite.testinfra.TestTokens;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /directory-imports/registrations} against a real PostgreSQL and Kafka, certification-service being the
 * stub: what each kind of fiche records and publishes (validated against the contract's schema), idempotence, the
 * state machine's limits, rejected items beside good ones, security and batch limits, and the expiry job, the HTTP
 * feed and the history with imported entries.
 */
@QuarkusTest
@QuarkusTestResource(value = CertificationServiceStub.class, restrictToAnnotatedClass = true)
class DirectoryImportTest {

    private static final Logger LOG = Logger.getLogger(DirectoryImportTest.class);
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(RegistrationEventSchema.json(),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    private static final ObjectMapper JSON = new ObjectMapper();
    // Four-digit RNCP codes and six-digit RS codes: the other tests use five-digit RNCP codes.
    private static final AtomicInteger RNCP = new AtomicInteger(1_000 + new Random().nextInt(4_000));
    private static final AtomicInteger RS = new AtomicInteger(900_000 + new Random().nextInt(50_000));

    private static final String TRANSMITTED = "org.cqpsuite.registration.transmitted";
    private static final String REGISTERED = "org.cqpsuite.registration.registered";
    private static final String EXPIRED = "org.cqpsuite.registration.expired";
    private static final String WITHDRAWN = "org.cqpsuite.registration.withdrawn";
    private static final String CORRECTED = "org.cqpsuite.registration.corrected";

    @Inject
    ExpiryJob expiry;

    @Inject
    MeterRegistry meters;

    // ------------------------------------------------------------------------------------------------------ helpers

    static String certification(String kind) {
        String id = UUID.randomUUID().toString();
        CertificationServiceStub.certification(id, "PUBLISHED", kind);
        return id;
    }

    static String rncpCode() {
        return "RNCP" + RNCP.incrementAndGet();
    }

    static String rsCode() {
        return "RS" + RS.incrementAndGet();
    }

    /** An active RNCP fiche on request, decided in 2025, ending in 2030, level 4, one block. */
    static Map<String, Object> fiche(String certification, String kind, String code) {
        Map<String, Object> fiche = new LinkedHashMap<>();
        fiche.put("certificationId", certification);
        fiche.put("kind", kind);
        fiche.put("directory", code.startsWith("RNCP") ? "RNCP" : "RS");
        fiche.put("code", code);
        fiche.put("active", true);
        fiche.put("registrationType", "ON_REQUEST");
        fiche.put("decidedOn", "2025-02-20");
        fiche.put("effectiveFrom", "2025-03-01");
        fiche.put("endsOn", "2030-02-28");
        fiche.put("awardDeadline", null);
        fiche.put("level", code.startsWith("RNCP") ? 4 : null);
        fiche.put("blocks", code.startsWith("RNCP")
                ? List.of(Map.of("code", code + "BC01", "title", "Préparer les postes de travail")) : List.of());
        fiche.put("predecessorCodes", List.of());
        fiche.put("successorCodes", List.of());
        return fiche;
    }

    /** An order of the Journal officiel that registered CQPs in the RNCP without giving their codes. */
    static final String ORDER = "Arrêté du 20 janvier 2014 (NOR ETSD1401196A)";

    /**
     * A registration known from an official order only: no code, its legal basis; active, on request, decided on
     * 2014-01-20 (before 2019: the level the directory shows is not recorded), 2014-01-31 → 2019-01-30, no blocks.
     */
    static Map<String, Object> orderFiche(String certification, String kind, String legalBasis) {
        Map<String, Object> fiche = fiche(certification, kind, "RNCP1000");
        fiche.put("code", null);
        fiche.put("legalBasis", legalBasis);
        fiche.put("decidedOn", "2014-01-20");
        fiche.put("effectiveFrom", "2014-01-31");
        fiche.put("endsOn", "2019-01-30");
        fiche.put("level", 4);
        fiche.put("blocks", List.of());
        return fiche;
    }

    /**
     * The fiche that {@code renewal} renewed, of the same certification, under a new code: inactive, 2019-12-02 →
     * 2024-12-01, its successors the renewal and {@code otherSuccessors}; {@code renewal} now names it as predecessor.
     */
    static Map<String, Object> renewed(String certification, Map<String, Object> renewal, String... otherSuccessors) {
        Map<String, Object> old = fiche(certification, "CQP", rncpCode());
        old.put("active", false);
        old.put("decidedOn", "2019-12-02");
        old.put("effectiveFrom", "2019-12-02");
        old.put("endsOn", "2024-12-01");
        List<Object> successors = new ArrayList<>(List.of(renewal.get("code")));
        successors.addAll(List.of(otherSuccessors));
        old.put("successorCodes", successors);
        renewal.put("predecessorCodes", List.of(old.get("code")));
        return old;
    }

    @SafeVarargs
    static ValidatableResponse importAs(String token, String exportDate, Map<String, Object>... fiches) {
        return importAs(token, exportDate, List.of(fiches));
    }

    static ValidatableResponse importAs(String token, String exportDate, List<Map<String, Object>> fiches) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("exportDate", exportDate);
        body.put("items", fiches);
        try {
            return given().auth().oauth2(token).contentType(ContentType.JSON).body(JSON.writeValueAsString(body))
                    .when().post("/directory-imports/registrations").then();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SafeVarargs
    static ValidatableResponse importing(String exportDate, Map<String, Object>... fiches) {
        return importAs(TestTokens.admin(), exportDate, fiches).statusCode(200);
    }

    /** The certification's events on the topic: up to {@code atMost}, waiting at most {@code seconds}. */
    static List<ConsumerRecord<String, String>> events(String certification, int atMost, int seconds) {
        return new KafkaTestClient(TestInfrastructure.shared().kafkaBootstrapServers())
                .readKey(RegistrationEvents.TOPIC, certification, atMost, Duration.ofSeconds(seconds));
    }

    static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> header(r, CloudEventHeaders.CE_TYPE)).toList();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Each event valid against the contract's schema, numbered 1, 2, 3… */
    static void assertValidAndNumbered(List<ConsumerRecord<String, String>> records) throws Exception {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            assertThat(SCHEMA.validate(JSON.readTree(record.value()))).as(record.value()).isEmpty();
            assertThat(CloudEventHeaders.parseSequence(header(record, CloudEventHeaders.CE_SEQUENCE)))
                    .isEqualTo(i + 1L);
            assertThat(JSON.readTree(record.value()).path("sequence").asLong()).isEqualTo(i + 1L);
            assertThat(header(record, CloudEventHeaders.CE_SOURCE)).isEqualTo(RegistrationEvents.SOURCE);
        }
    }

    static JsonNode state(ConsumerRecord<String, String> record) throws Exception {
        return JSON.readTree(record.value()).path("state");
    }

    /** How many chunks of items were applied in one transaction, or retried item by item, so far. */
    double chunks(String outcome) {
        return meters.counter("cqp.directory-import.chunks", "outcome", outcome).count();
    }

    // -------------------------------------------------------------------------------------------------------- tests

    @Test
    void aFirstImportOfAnActiveCqpInfersItsTransmissionThenRegistersIt() throws Exception {
        String certification = certification("CQP");
        String code = rncpCode();
        Map<String, Object> fiche = fiche(certification, "CQP", code);
        fiche.put("code", code.toLowerCase() + " ");
        fiche.put("predecessorCodes", List.of("rncp18119", "RNCP17000"));

        String rid = importing("2026-08-16", fiche)
                .body("results", hasSize(1))
                .body("results[0].code", equalTo(code))
                .body("results[0].certificationId", equalTo(certification))
                .body("results[0].outcome", equalTo("CREATED"))
                .body("results[0].events", contains(TRANSMITTED, REGISTERED))
                .body("results[0].errors", empty())
                .extract().path("results[0].registrationId");

        List<ConsumerRecord<String, String>> events = events(certification, 2, 30);
        assertThat(types(events)).containsExactly(TRANSMITTED, REGISTERED);
        assertValidAndNumbered(events);
        JsonNode transmitted = state(events.get(0));
        assertThat(transmitted.path("transmissions")).hasSize(1);
        assertThat(transmitted.at("/transmissions/0/inferred").asBoolean()).isTrue();
        assertThat(transmitted.at("/transmissions/0/reference").isNull()).isTrue();
        assertThat(transmitted.at("/transmissions/0/transmittedOn").asText()).as("the earliest registration date")
                .isEqualTo("2025-02-20");
        assertThat(transmitted.path("registrations")).isEmpty();
        JsonNode entry = state(events.get(1)).at("/registrations/0");
        assertThat(entry.path("id").asText()).isEqualTo(rid);
        assertThat(entry.path("code").asText()).isEqualTo(code);
        assertThat(entry.path("status").asText()).isEqualTo("REGISTERED");
        assertThat(entry.path("requestedOn").isNull()).isTrue();
        assertThat(entry.path("decidedOn").asText()).isEqualTo("2025-02-20");
        assertThat(entry.path("effectiveFrom").asText()).isEqualTo("2025-03-01");
        assertThat(entry.path("level").asInt()).isEqualTo(4);
        assertThat(entry.at("/blocks/0/code").asText()).isEqualTo(code + "BC01");
        assertThat(entry.path("predecessorCode").asText()).as("the first code").isEqualTo("RNCP18119");
        assertThat(entry.path("predecessorId").isNull()).isTrue();

        given().when().get("/certifications/" + certification + "/registrations").then().statusCode(200)
                .body("transmissions[0].inferred", equalTo(true))
                .body("registrations[0].status", equalTo("REGISTERED"))
                .body("history.action", contains("IMPORT"))
                .body("history[0].details.exportDate", equalTo("2026-08-16"))
                .body("history[0].recordedBy", notNullValue());
        given().queryParam("code", code).when().get("/registrations").then().statusCode(200)
                .body("registration.id", contains(rid));
        assertTheFeedHas(certification, TRANSMITTED, REGISTERED);
    }

    @Test
    void aRegistrationKnownFromAnOrderWithoutCodeIsRecordedUnderItsLegalBasisAndReImportedUnchanged()
            throws Exception {
        String certification = certification("CQP");
        Map<String, Object> fiche = orderFiche(certification, "CQP", ORDER);

        String rid = importing("2018-06-01", fiche)
                .body("results[0].code", nullValue())
                .body("results[0].legalBasis", equalTo(ORDER))
                .body("results[0].certificationId", equalTo(certification))
                .body("results[0].outcome", equalTo("CREATED"))
                .body("results[0].events", contains(TRANSMITTED, REGISTERED))
                .body("results[0].errors", empty())
                .extract().path("results[0].registrationId");

        List<ConsumerRecord<String, String>> events = events(certification, 2, 30);
        assertThat(types(events)).containsExactly(TRANSMITTED, REGISTERED);
        assertValidAndNumbered(events);
        JsonNode transmitted = state(events.get(0));
        assertThat(transmitted.at("/transmissions/0/inferred").asBoolean()).isTrue();
        assertThat(transmitted.at("/transmissions/0/transmittedOn").asText()).isEqualTo("2014-01-20");
        JsonNode entry = state(events.get(1)).at("/registrations/0");
        assertThat(entry.path("id").asText()).isEqualTo(rid);
        assertThat(entry.path("code").isNull()).isTrue();
        assertThat(entry.path("legalBasis").asText()).isEqualTo(ORDER);
        assertThat(entry.path("status").asText()).isEqualTo("REGISTERED");
        assertThat(entry.path("requestedOn").isNull()).isTrue();
        assertThat(entry.path("decidedOn").asText()).isEqualTo("2014-01-20");
        assertThat(entry.path("effectiveFrom").asText()).isEqualTo("2014-01-31");
        assertThat(entry.path("endsOn").asText()).isEqualTo("2019-01-30");
        assertThat(entry.path("level").isNull()).as("decided before 2019").isTrue();
        assertThat(entry.path("blocks")).isEmpty();

        given().when().get("/registrations/" + rid).then().statusCode(200)
                .body("certificationId", equalTo(certification))
                .body("registration.code", nullValue())
                .body("registration.legalBasis", equalTo(ORDER))
                .body("history.action", contains("IMPORT"))
                .body("history[0].details.fiche.legalBasis", equalTo(ORDER));
        given().when().get("/certifications/" + certification + "/registrations").then().statusCode(200)
                .body("registrations.legalBasis", contains(ORDER))
                .body("registrations[0].code", nullValue());

        // The same order again, its spaces aside: keyed by certification, directory and legal basis.
        fiche.put("legalBasis", "  " + ORDER + " ");
        importing("2018-06-01", fiche)
                .body("results[0].outcome", equalTo("UNCHANGED"))
                .body("results[0].registrationId", equalTo(rid))
                .body("results[0].legalBasis", equalTo(ORDER))
                .body("results[0].events", empty());
        assertThat(events(certification, 3, 5)).as("the re-import published nothing").hasSize(2);
        assertTheFeedHas(certification, TRANSMITTED, REGISTERED);
    }

    @Test
    void inactiveOrderRegistrationsEndedBeforeTheExportAreExpiredEachUnderItsOwnOrder() throws Exception {
        String certification = certification("CQPI");
        Map<String, Object> january = orderFiche(certification, "CQPI", ORDER);
        january.put("active", false);
        Map<String, Object> november = orderFiche(certification, "CQPI", "Arrêté du 19 novembre 2014");
        november.put("active", false);
        november.put("decidedOn", "2014-11-19");
        november.put("effectiveFrom", "2014-11-29");
        november.put("endsOn", "2019-11-28");

        String[] ids = importing("2026-08-16", january, november)
                .body("results.outcome", contains("CREATED", "CREATED"))
                .body("results[0].events", contains(TRANSMITTED, EXPIRED))
                .body("results[1].events", contains(EXPIRED))
                .extract().jsonPath().getList("results.registrationId", String.class).toArray(String[]::new);
        assertThat(ids[0]).isNotEqualTo(ids[1]);

        List<ConsumerRecord<String, String>> events = events(certification, 3, 30);
        assertThat(types(events)).containsExactly(TRANSMITTED, EXPIRED, EXPIRED);
        assertValidAndNumbered(events);
        JsonNode last = state(events.get(2));
        assertThat(last.at("/transmissions/0/transmittedOn").asText()).isEqualTo("2014-01-20");
        assertThat(last.at("/registrations/0/status").asText()).isEqualTo("EXPIRED");
        assertThat(last.at("/registrations/0/code").isNull()).isTrue();
        assertThat(last.at("/registrations/0/legalBasis").asText()).isEqualTo(ORDER);
        assertThat(last.at("/registrations/1/status").asText()).isEqualTo("EXPIRED");
        assertThat(last.at("/registrations/1/legalBasis").asText()).isEqualTo("Arrêté du 19 novembre 2014");
        assertThat(last.at("/registrations/1/withdrawnOn").isNull()).isTrue();

        importing("2026-08-16", january, november).body("results.outcome", contains("UNCHANGED", "UNCHANGED"));
        november.put("endsOn", "2019-11-30");
        importing("2026-09-16", january, november)
                .body("results.outcome", contains("UNCHANGED", "UPDATED"))
                .body("results[1].registrationId", equalTo(ids[1]))
                .body("results[1].events", contains(CORRECTED));
        List<ConsumerRecord<String, String>> after = events(certification, 4, 30);
        assertThat(types(after)).containsExactly(TRANSMITTED, EXPIRED, EXPIRED, CORRECTED);
        assertValidAndNumbered(after);
    }

    @Test
    void aFicheWithACodeAndALegalBasisIsKeyedByItsCodeAndStoresTheLegalBasis() throws Exception {
        String certification = certification("CQP");
        String code = rncpCode();
        Map<String, Object> fiche = fiche(certification, "CQP", code);
        fiche.put("legalBasis", "Décision de France compétences du 20 février 2025");

        String rid = importing("2026-08-16", fiche)
                .body("results[0].code", equalTo(code))
                .body("results[0].outcome", equalTo("CREATED"))
                .extract().path("results[0].registrationId");
        fiche.put("legalBasis", ORDER);
        importing("2026-08-16", fiche)
                .body("results[0].outcome", equalTo("UPDATED"))
                .body("results[0].registrationId", equalTo(rid))
                .body("results[0].events", contains(CORRECTED));

        List<ConsumerRecord<String, String>> events = events(certification, 3, 30);
        assertThat(types(events)).containsExactly(TRANSMITTED, REGISTERED, CORRECTED);
        assertValidAndNumbered(events);
        assertThat(state(events.get(2)).at("/registrations/0/code").asText()).isEqualTo(code);
        assertThat(state(events.get(2)).at("/registrations/0/legalBasis").asText()).isEqualTo(ORDER);
        given().queryParam("code", code).when().get("/registrations").then().statusCode(200)
                .body("registration.id", contains(rid))
                .body("registration.legalBasis", contains(ORDER));
    }

    @Test
    void anItemWithoutCodeNeedsALegalBasisOfAtMost300CharactersAndNoBlocks() {
        String certification = certification("CQP");
        Map<String, Object> noBasis = orderFiche(certification, "CQP", null);
        Map<String, Object> blank = orderFiche(certification, "CQP", "   ");
        Map<String, Object> tooLong = orderFiche(certification, "CQP", "A".repeat(301));
        Map<String, Object> withBlocks = orderFiche(certification, "CQP", ORDER);
        withBlocks.put("blocks", List.of(Map.of("code", "RNCP1000BC01", "title", "Préparer les postes de travail")));

        importing("2026-08-16", noBasis, blank, tooLong, withBlocks)
                .body("results.outcome", contains("REJECTED", "REJECTED", "REJECTED", "REJECTED"))
                .body("results.registrationId", contains(nullValue(), nullValue(), nullValue(), nullValue()))
                .body("results[0].errors.field", contains("items[0].code"))
                .body("results[0].errors.rule", contains("required"))
                .body("results[1].errors.field", contains("items[1].code"))
                .body("results[1].errors.rule", contains("required"))
                .body("results[2].errors.field", contains("items[2].legalBasis"))
                .body("results[2].errors.rule", contains("max-length"))
                .body("results[3].errors.field", contains("items[3].blocks"))
                .body("results[3].errors.rule", contains("not-allowed"));
        given().when().get("/certifications/" + certification + "/registrations").then().statusCode(404);
        assertThat(events(certification, 1, 3)).isEmpty();
    }

    @Test
    void anOtherCertificationIsRegisteredWithoutTransmissionAndTheApiStillNeedsOne() throws Exception {
        String certification = certification("OTHER");
        String code = rsCode();
        Map<String, Object> fiche = fiche(certification, "OTHER", code);
        fiche.put("registrationType", "BY_RIGHT");
        fiche.put("decidedOn", null);
        fiche.put("effectiveFrom", "2021-04-01");
        fiche.put("endsOn", null);

        importing("2026-08-16", fiche)
                .body("results[0].outcome", equalTo("CREATED"))
                .body("results[0].events", contains(REGISTERED));

        List<ConsumerRecord<String, String>> events = events(certification, 1, 30);
        assertThat(types(events)).containsExactly(REGISTERED);
        assertValidAndNumbered(events);
        JsonNode state = state(events.get(0));
        assertThat(state.path("transmissions")).isEmpty();
        assertThat(state.at("/registrations/0/decidedOn").asText()).as("DATE_EFFET stands in").isEqualTo("2021-04-01");
        assertThat(state.at("/registrations/0/endsOn").isNull()).isTrue();
        assertThat(state.at("/registrations/0/level").isNull()).isTrue();

        // Only the import records a registration without transmission: a request through the API still needs one.
        given().auth().oauth2(TestTokens.certifier("1979")).contentType(ContentType.JSON)
                .body("{\"directory\": \"RNCP\", \"requestedOn\": \"2026-09-01\"}")
                .when().post("/certifications/" + certification + "/registrations").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].rule", equalTo("transmission-required"));
    }

    @Test
    void reImportingTheSameExportChangesNothingAndAChangedEndDateIsOneCorrection() throws Exception {
        String cqp = certification("CQP");
        String other = certification("OTHER");
        Map<String, Object> first = fiche(cqp, "CQP", rncpCode());
        Map<String, Object> second = fiche(other, "OTHER", rncpCode());
        String rid = importing("2026-08-16", first, second)
                .body("results.outcome", contains("CREATED", "CREATED"))
                .extract().path("results[0].registrationId");
        int asked = CertificationServiceStub.requests(cqp) + CertificationServiceStub.requests(other);

        importing("2026-08-16", first, second)
                .body("results.outcome", contains("UNCHANGED", "UNCHANGED"))
                .body("results[0].registrationId", equalTo(rid))
                .body("results[0].events", empty())
                .body("results[1].events", empty());
        assertThat(CertificationServiceStub.requests(cqp) + CertificationServiceStub.requests(other))
                .as("a re-import asks certification-service nothing").isEqualTo(asked);

        first.put("endsOn", "2030-06-30");
        importing("2026-09-16", first, second)
                .body("results.outcome", contains("UPDATED", "UNCHANGED"))
                .body("results[0].registrationId", equalTo(rid))
                .body("results[0].events", contains(CORRECTED));

        // Had the re-import published anything, it would come before the correction.
        List<ConsumerRecord<String, String>> events = events(cqp, 3, 30);
        assertThat(types(events)).containsExactly(TRANSMITTED, REGISTERED, CORRECTED);
        assertValidAndNumbered(events);
        assertThat(state(events.get(2)).at("/registrations/0/endsOn").asText()).isEqualTo("2030-06-30");
        assertThat(state(events.get(2)).at("/registrations/0/status").asText()).isEqualTo("REGISTERED");
        assertThat(events(other, 2, 5)).as("the OTHER certification: its creation only").hasSize(1);
        given().when().get("/registrations/" + rid).then().statusCode(200)
                .body("history.action", contains("IMPORT", "IMPORT_CORRECT"));
    }

    @Test
    void aFicheTurnedInactiveExpiresAfterItsEndAndIsWithdrawnBeforeIt() throws Exception {
        String ending = certification("CQPI");
        Map<String, Object> ended = fiche(ending, "CQPI", rncpCode());
        ended.put("endsOn", "2026-03-31");
        String cut = certification("CQP");
        Map<String, Object> withdrawn = fiche(cut, "CQP", rncpCode());
        importing("2026-02-01", ended, withdrawn).body("results.outcome", contains("CREATED", "CREATED"));

        ended.put("active", false);
        withdrawn.put("active", false);
        String rid = importing("2026-08-16", ended, withdrawn)
                .body("results.outcome", contains("UPDATED", "UPDATED"))
                .body("results[0].events", contains(EXPIRED))
                .body("results[1].events", contains(WITHDRAWN))
                .extract().path("results[1].registrationId");

        List<ConsumerRecord<String, String>> endingEvents = events(ending, 3, 30);
        assertThat(types(endingEvents)).containsExactly(TRANSMITTED, REGISTERED, EXPIRED);
        assertValidAndNumbered(endingEvents);
        List<ConsumerRecord<String, String>> cutEvents = events(cut, 3, 30);
        assertThat(types(cutEvents)).containsExactly(TRANSMITTED, REGISTERED, WITHDRAWN);
        assertValidAndNumbered(cutEvents);
        JsonNode entry = state(cutEvents.get(2)).at("/registrations/0");
        assertThat(entry.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(entry.path("withdrawnOn").asText()).isEqualTo("2026-08-16");
        assertThat(entry.path("withdrawalReason").asText()).isEqualTo("Fiche inactive dans l'export du 16/08/2026");

        // A later export, the fiche still inactive: the withdrawal stays as first seen.
        importing("2026-11-01", withdrawn).body("results[0].outcome", equalTo("UNCHANGED"));
        given().when().get("/registrations/" + rid).then()
                .body("registration.withdrawnOn", equalTo("2026-08-16"))
                .body("history.action", contains("IMPORT", "IMPORT_WITHDRAW"));

        // Active again: the state machine keeps a withdrawal final.
        withdrawn.put("active", true);
        importing("2026-11-01", withdrawn)
                .body("results[0].outcome", equalTo("REJECTED"))
                .body("results[0].registrationId", nullValue())
                .body("results[0].events", empty())
                .body("results[0].errors[0].field", equalTo("items[0].active"))
                .body("results[0].errors[0].rule", equalTo("no-longer-registered"));
        assertThat(events(cut, 4, 5)).hasSize(3);
    }

    @Test
    void anItemRefusedWhileAppliedAmongManyIsRejectedAloneAndTheOthersAreWrittenWithTheirEventsOnce()
            throws Exception {
        // More items per lane than a transaction applies (4 lanes): several chunks, one of them rolled back.
        int count = 5 * DirectoryImportService.APPLY_CHUNK;
        List<Map<String, Object>> fiches = new ArrayList<>();
        List<String> certifications = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String certification = certification("CQP");
            certifications.add(certification);
            fiches.add(fiche(certification, "CQP", rncpCode()));
        }
        // Refused only inside its transaction: its code is the one item 7 registers first.
        int duplicateAt = count / 2;
        String duplicate = certification("CQP");
        fiches.add(duplicateAt, fiche(duplicate, "CQP", (String) fiches.get(7).get("code")));
        certifications.add(duplicateAt, duplicate);

        double retried = chunks("retried-item-by-item");
        List<String> outcomes = importAs(TestTokens.admin(), "2026-08-16", fiches).statusCode(200)
                .body("results[" + duplicateAt + "].errors[0].field", equalTo("items[" + duplicateAt + "].code"))
                .body("results[" + duplicateAt + "].errors[0].rule", equalTo("duplicate-code"))
                .extract().path("results.outcome");
        for (int i = 0; i < fiches.size(); i++) {
            assertThat(outcomes.get(i)).as("items[%d]", i).isEqualTo(i == duplicateAt ? "REJECTED" : "CREATED");
        }
        assertThat(chunks("retried-item-by-item") - retried).as("the duplicate's chunk alone").isEqualTo(1);
        given().when().get("/certifications/" + duplicate + "/registrations").then().statusCode(404);
        assertThat(events(duplicate, 1, 3)).isEmpty();
        // The items of the chunk rolled back and applied again have their events once, not twice.
        for (int i : List.of(0, 7, duplicateAt - 1, duplicateAt + 1, fiches.size() - 1)) {
            assertThat(types(events(certifications.get(i), 2, 30))).as("events of items[%d]", i)
                    .containsExactly(TRANSMITTED, REGISTERED);
        }
        // Imported again: the duplicate is refused again, nothing else changes and nothing is published.
        List<String> again = importAs(TestTokens.admin(), "2026-08-16", fiches).statusCode(200)
                .extract().path("results.outcome");
        for (int i = 0; i < fiches.size(); i++) {
            assertThat(again.get(i)).as("items[%d]", i).isEqualTo(i == duplicateAt ? "REJECTED" : "UNCHANGED");
        }
        assertThat(types(events(certifications.get(0), 2, 30))).containsExactly(TRANSMITTED, REGISTERED);
    }

    @Test
    void rejectedItemsWriteNothingAndTheOthersGoOn() throws Exception {
        String good = certification("CQP");
        String goodCode = rncpCode();
        String unknown = UUID.randomUUID().toString();
        String mismatch = certification("OTHER");
        String unreachable = certification("CQP");
        CertificationServiceStub.failing(unreachable, 503);
        String duplicate = certification("CQP");
        String invalid = certification("CQP");
        Map<String, Object> badCode = fiche(invalid, "CQP", rncpCode());
        badCode.put("code", "RNCP1");
        badCode.put("level", 12);
        String other = certification("OTHER");

        importing("2026-08-16",
                fiche(good, "CQP", goodCode),
                fiche(unknown, "CQP", rncpCode()),
                badCode,
                fiche(mismatch, "CQP", rncpCode()),
                fiche(unreachable, "CQP", rncpCode()),
                fiche(duplicate, "CQP", goodCode),
                fiche(other, "OTHER", rsCode()))
                .body("results.outcome", contains("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED",
                        "REJECTED", "CREATED"))
                .body("results[1].errors[0].field", equalTo("items[1].certificationId"))
                .body("results[1].errors[0].rule", equalTo("unknown-certification"))
                .body("results[2].errors.field", contains("items[2].code", "items[2].level"))
                .body("results[2].errors.rule", contains("pattern", "range"))
                .body("results[3].errors[0].field", equalTo("items[3].kind"))
                .body("results[3].errors[0].rule", equalTo("kind-mismatch"))
                .body("results[4].errors[0].rule", equalTo("certification-service-unavailable"))
                .body("results[5].errors[0].field", equalTo("items[5].code"))
                .body("results[5].errors[0].rule", equalTo("duplicate-code"))
                .body("results[6].events", contains(REGISTERED));

        for (String nothing : List.of(unknown, invalid, mismatch, unreachable, duplicate)) {
            given().when().get("/certifications/" + nothing + "/registrations").then().statusCode(404);
        }
        assertThat(types(events(good, 2, 30))).containsExactly(TRANSMITTED, REGISTERED);
        assertThat(events(duplicate, 1, 3)).isEmpty();
    }

    @Test
    void aRenewalChainWithinOneCertificationIsLinkedWhicheverComesFirst() throws Exception {
        String certification = certification("CQP");
        String newCode = rncpCode();
        Map<String, Object> renewal = fiche(certification, "CQP", newCode);
        Map<String, Object> old = renewed(certification, renewal, "RNCP40000");

        String[] ids = importing("2026-08-16", renewal, old)
                .body("results.outcome", contains("CREATED", "CREATED"))
                .body("results[0].events", contains(TRANSMITTED, REGISTERED))
                .body("results[1].events", contains(EXPIRED))
                .extract().jsonPath().getList("results.registrationId", String.class).toArray(String[]::new);

        List<ConsumerRecord<String, String>> events = events(certification, 3, 30);
        assertThat(types(events)).containsExactly(TRANSMITTED, REGISTERED, EXPIRED);
        assertValidAndNumbered(events);
        JsonNode last = state(events.get(2));
        assertThat(last.at("/transmissions/0/transmittedOn").asText()).as("the earliest date known then")
                .isEqualTo("2025-02-20");
        assertThat(last.at("/registrations/0/predecessorId").asText()).isEqualTo(ids[1]);
        assertThat(last.at("/registrations/1/successorCode").asText()).isEqualTo(newCode);
        assertThat(last.at("/registrations/1/successorId").isNull()).isTrue();
        given().when().get("/registrations/" + ids[0]).then()
                .body("registration.predecessorId", equalTo(ids[1]))
                .body("history.action", contains("IMPORT", "IMPORT_LINK"));

        importing("2026-08-16", renewal, old).body("results.outcome", contains("UNCHANGED", "UNCHANGED"));
    }

    @Test
    void theExpiryJobExpiresAnImportedRegistrationAndTheSameExportThenChangesNothing() throws Exception {
        String certification = certification("CQP");
        Map<String, Object> fiche = fiche(certification, "CQP", rncpCode());
        fiche.put("endsOn", "2026-01-31");
        String rid = importing("2026-01-15", fiche).body("results[0].outcome", equalTo("CREATED"))
                .extract().path("results[0].registrationId");

        assertThat(expiry.run()).isPositive();
        given().when().get("/registrations/" + rid).then()
                .body("registration.status", equalTo("EXPIRED"))
                .body("history.action", contains("IMPORT", "EXPIRE"));
        importing("2026-01-15", fiche).body("results[0].outcome", equalTo("UNCHANGED"));

        List<ConsumerRecord<String, String>> events = events(certification, 3, 30);
        assertThat(types(events)).containsExactly(TRANSMITTED, REGISTERED, EXPIRED);
        assertValidAndNumbered(events);
        assertTheFeedHas(certification, TRANSMITTED, REGISTERED, EXPIRED);
    }

    @Test
    void onlyAnAdminImports() {
        String certification = certification("CQP");
        Map<String, Object> fiche = fiche(certification, "CQP", rncpCode());
        given().contentType(ContentType.JSON).body(Map.of("exportDate", "2026-08-16", "items", List.of(fiche)))
                .when().post("/directory-imports/registrations").then().statusCode(401)
                .contentType("application/problem+json");
        importAs(TestTokens.registrar(), "2026-08-16", fiche).statusCode(403).contentType("application/problem+json");
        importAs(TestTokens.certifier("1979"), "2026-08-16", fiche).statusCode(403)
                .contentType("application/problem+json");
        given().when().get("/certifications/" + certification + "/registrations").then().statusCode(404);
    }

    @Test
    void emptyOversizeUndatedOrFutureBatchesAre400AndWriteNothing() {
        String certification = certification("CQP");
        Map<String, Object> fiche = fiche(certification, "CQP", rncpCode());
        importAs(TestTokens.admin(), "2026-08-16", List.of()).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("items")).body("errors[0].rule", equalTo("size"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(fiche);
        }
        importAs(TestTokens.admin(), "2026-08-16", tooMany).statusCode(400)
                .body("errors[0].field", equalTo("items")).body("errors[0].rule", equalTo("size"));
        importAs(TestTokens.admin(), null, List.of(fiche)).statusCode(400)
                .body("errors[0].field", equalTo("exportDate"));
        importAs(TestTokens.admin(), "2099-01-01", List.of(fiche)).statusCode(400)
                .body("errors[0].field", equalTo("exportDate")).body("errors[0].rule", equalTo("future-date"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"exportDate\": ")
                .when().post("/directory-imports/registrations").then().statusCode(400)
                .body("type", equalTo("urn:cqp-suite:problem:malformed-json"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"exportDate\": \"2026-08-16\", \"items\": [{\"certificationId\": \"" + certification
                        + "\", \"actif\": true}]}")
                .when().post("/directory-imports/registrations").then().statusCode(400)
                .body("errors[0].rule", equalTo("unknown-field"));
        given().when().get("/certifications/" + certification + "/registrations").then().statusCode(404);
    }

    @Test
    void eachCertificationsLastEventCarriesTheStateTheApiShowsAfterAChunkChangedItSeveralTimes() throws Exception {
        // One chunk: a CQP renewed (its new fiche first, then the old one, which links back to it), a CQP registered
        // in the RNCP and the RS, and an other certification: several items and events per certification.
        String renewed = certification("CQP");
        Map<String, Object> renewal = fiche(renewed, "CQP", rncpCode());
        Map<String, Object> old = renewed(renewed, renewal);
        String both = certification("CQPI");
        String other = certification("OTHER");
        double applied = chunks("applied");
        importing("2026-08-16", renewal, fiche(both, "CQPI", rncpCode()), old, fiche(both, "CQPI", rsCode()),
                fiche(other, "OTHER", rsCode()))
                .body("results.outcome", everyItem(equalTo("CREATED")));
        assertThat(chunks("applied")).as("in chunks of one transaction").isGreaterThan(applied);

        Map<String, Integer> eventCount = Map.of(renewed, 3, both, 3, other, 1);
        for (Map.Entry<String, Integer> certification : eventCount.entrySet()) {
            List<ConsumerRecord<String, String>> events = events(certification.getKey(), certification.getValue(), 30);
            assertThat(events).hasSize(certification.getValue());
            assertValidAndNumbered(events);
            JsonNode last = state(events.get(events.size() - 1));
            JsonNode api = JSON.readTree(given().when().get("/certifications/" + certification.getKey()
                    + "/registrations").then().statusCode(200).extract().asString());
            assertThat(last.path("transmissions")).as("transmissions of %s", certification.getKey())
                    .isEqualTo(api.path("transmissions"));
            assertThat(last.path("registrations")).as("registrations of %s", certification.getKey())
                    .isEqualTo(api.path("registrations"));
        }
    }

    @Test
    void fullBatchesOf500AreImportedThenReImportedWithoutAnyChange() {
        for (int round = 1; round <= 2; round++) {
            List<Map<String, Object>> fiches = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String kind = i % 3 == 0 ? "OTHER" : "CQP";
                Map<String, Object> fiche = fiche(certification(kind), kind, i % 2 == 0 ? rncpCode() : rsCode());
                fiche.put("active", i % 5 != 0);
                fiches.add(fiche);
            }
            double applied = chunks("applied");
            double retried = chunks("retried-item-by-item");
            long start = System.nanoTime();
            importAs(TestTokens.admin(), "2026-08-16", fiches).statusCode(200)
                    .body("results", hasSize(500))
                    .body("results.findAll { it.outcome == 'CREATED' }", hasSize(500));
            long first = System.nanoTime();
            // Nothing refused: every chunk (500 items in 4 lanes: 50, 50 and 25 each) is one transaction.
            assertThat(chunks("applied") - applied).isEqualTo(12);
            assertThat(chunks("retried-item-by-item") - retried).isZero();
            importAs(TestTokens.admin(), "2026-08-16", fiches).statusCode(200)
                    .body("results.findAll { it.outcome == 'UNCHANGED' }", hasSize(500));
            long second = System.nanoTime();
            LOG.infof("Directory import, round %d: 500 new fiches in %d ms; re-imported, unchanged, in %d ms", round,
                    (first - start) / 1_000_000, (second - first) / 1_000_000);
        }
    }

    /** The HTTP feed (GET /events) has the certification's events, in this order. */
    static void assertTheFeedHas(String certification, String... types) {
        List<String> mine = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            mine.clear();
            long cursor = 0;
            while (true) {
                var page = given().queryParam("after", cursor).queryParam("limit", 1000).when().get("/events")
                        .then().statusCode(200).extract().jsonPath();
                List<Map<String, Object>> events = page.getList("events");
                if (events.isEmpty()) {
                    break;
                }
                events.stream().filter(e -> certification.equals(e.get("key")))
                        .forEach(e -> mine.add((String) e.get("type")));
                cursor = page.getLong("nextCursor");
            }
            return mine.size() >= types.length;
        });
        assertThat(mine).containsExactly(types);
    }
}
