package org.cqpsuite.eligibility.consumption;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cqpsuite.eligibility.TestEvents;
import org.cqpsuite.events.certification.CertificationEventType;
import org.cqpsuite.events.certification.CertificationEvents;
import org.cqpsuite.events.certification.CertificationState;
import org.cqpsuite.events.certification.CpneState;
import org.cqpsuite.events.registration.RegistrationEventType;
import org.cqpsuite.events.registration.RegistrationEvents;
import org.cqpsuite.testinfra.KafkaTestClient;
import org.cqpsuite.testinfra.RealInfrastructureResource;
import org.cqpsuite.testinfra.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The consumers against the real broker and database: what a partner publishing on the topics would see in the
 * answers. Each test works on certifications of its own (the broker and database are shared by the module's tests).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "eligibility"))
class ConsumptionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DEAD_LETTER = "cqp.eligibility.dead-letter";

    private final KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.shared().kafkaBootstrapServers());

    @Test
    void eventsOfBothTopicsAreReflectedInTheAnswers() {
        UUID id = UUID.randomUUID();
        UUID registration = UUID.randomUUID();
        String code = TestEvents.rncpCode();
        kafka.send(TestEvents.certificationEvent(1, TestEvents.certification(id, CertificationState.KIND_CQPI,
                "CQPI Conducteur de ligne", new CpneState("CPNE de la chaussure", "1580"),
                new CpneState("CPNE de la maroquinerie", "2528"))));
        TestEvents.Registrations registrations = new TestEvents.Registrations(id)
                .transmitted(LocalDate.of(2020, 1, 15));
        kafka.send(TestEvents.registrationEvent(1, RegistrationEventType.TRANSMITTED, registrations.state()));
        registrations.rncp(registration, code, LocalDate.of(2020, 2, 20), LocalDate.of(2020, 3, 1),
                LocalDate.of(2025, 3, 1), 4, code + "BC01");
        kafka.send(TestEvents.registrationEvent(2, RegistrationEventType.REGISTERED, registrations.state()));

        JsonPath answer = awaitCpf(code, "2024-01-15", "eligible", true);
        assertThat(answer.getString("certification.id")).isEqualTo(id.toString());
        assertThat(answer.getString("certification.kind")).isEqualTo("CQPI");
        assertThat(answer.getString("basis.code")).isEqualTo(code);
        assertThat(answer.getInt("basis.level")).isEqualTo(4);
        assertThat(answer.getString("basis.endsOn")).isEqualTo("2025-03-01");
        assertThat(answer.getList("reasons.code")).containsExactly("TRANSMITTED", "REGISTERED_RNCP_IN_FORCE",
                "LEVEL_ATTRIBUTED", "CPF_ELIGIBLE");
        assertThat(answer.getString("dataAsOf")).isNotNull();

        given().queryParam("code", code).queryParam("idcc", "1486").queryParam("date", "2024-01-15")
                .when().get("/recognition")
                .then().statusCode(200).body("recognized", equalTo(true)).body("scope", equalTo("ALL_BRANCHES"))
                .body("carryingBranches.idcc", contains("1580", "2528"))
                .body("carryingBranches.label", contains("CPNE de la chaussure", "CPNE de la maroquinerie"));
        given().queryParam("code", code).queryParam("idcc", "1486").queryParam("date", "2026-01-15")
                .when().get("/recognition")
                .then().statusCode(200).body("recognized", equalTo(false))
                .body("scope", equalTo("CARRYING_BRANCHES"));
    }

    @Test
    void aRedeliveredEventChangesNothingEvenIfItsContentDiffers() {
        UUID id = UUID.randomUUID();
        UUID registration = UUID.randomUUID();
        String code = TestEvents.rncpCode();
        publishCertification(id);
        TestEvents.Registrations registrations = registered(id, registration, code, 4);
        kafka.send(TestEvents.registrationEvent(2, RegistrationEventType.REGISTERED, registrations.state()));
        awaitCpf(code, "2024-01-15", "basis.level", 4);
        long ignoredBefore = topicFreshness(RegistrationEvents.TOPIC).getLong("ignored");

        // The same sequence number again, as a redelivery would bring it (here with another level, to be visible).
        TestEvents.Registrations other = registered(id, registration, code, 6);
        kafka.send(TestEvents.registrationEvent(2, RegistrationEventType.REGISTERED, other.state()));
        // Then a marker event of another certification, so that we know the redelivery was consumed.
        String marker = publishMarker();
        awaitCpf(marker, "2024-01-15", "eligible", true);

        assertThat(cpf(code, "2024-01-15").getInt("basis.level")).isEqualTo(4);
        assertThat(topicFreshness(RegistrationEvents.TOPIC).getLong("ignored")).isGreaterThan(ignoredBefore);
    }

    @Test
    void anEventArrivingLateChangesNothing() {
        UUID id = UUID.randomUUID();
        UUID registration = UUID.randomUUID();
        String code = TestEvents.rncpCode();
        publishCertification(id);
        TestEvents.Registrations registrations = registered(id, registration, code, 4);
        TestEvents.Registrations withdrawn = registered(id, registration, code, 4)
                .update(registration, "WITHDRAWN", LocalDate.of(2023, 1, 1), null, null);
        kafka.send(TestEvents.registrationEvent(3, RegistrationEventType.WITHDRAWN, withdrawn.state()));
        awaitCpf(code, "2024-01-15", "eligible", false);

        kafka.send(TestEvents.registrationEvent(2, RegistrationEventType.REGISTERED, registrations.state()));
        String marker = publishMarker();
        awaitCpf(marker, "2024-01-15", "eligible", true);

        JsonPath answer = cpf(code, "2024-01-15");
        assertThat(answer.getBoolean("eligible")).isFalse();
        assertThat(answer.getList("reasons.code")).contains("REGISTRATION_WITHDRAWN");
        // Before the withdrawal it was in force: the dates decide, not the current status.
        assertThat(cpf(code, "2022-06-01").getBoolean("eligible")).isTrue();
    }

    @Test
    void aGapIsAppliedLoggedAndCounted() {
        UUID id = UUID.randomUUID();
        String code = TestEvents.rncpCode();
        publishCertification(id);
        long gapsBefore = topicFreshness(RegistrationEvents.TOPIC).getLong("gaps");

        // Sequence 1 never arrives: the full state of 2 is applied, and the gap is counted.
        kafka.send(TestEvents.registrationEvent(2, RegistrationEventType.REGISTERED,
                registered(id, UUID.randomUUID(), code, 5).state()));

        awaitCpf(code, "2024-01-15", "basis.level", 5);
        assertThat(topicFreshness(RegistrationEvents.TOPIC).getLong("gaps")).isEqualTo(gapsBefore + 1);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("cqp_eligibility_gaps_total{topic=\"cqp.registration.events\""));
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicWithTheirReasonAndConsumptionGoesOn() {
        UUID id = UUID.randomUUID();
        String key = id.toString();
        String tag = "poison-" + id;
        kafka.send(TestEvents.raw(CertificationEvents.TOPIC, key, CertificationEventType.CREATED.ceType(),
                "{not json " + tag, 1));
        kafka.send(TestEvents.raw(RegistrationEvents.TOPIC, key, "org.cqpsuite.registration.teleported",
                "{\"sequence\": 1, \"tag\": \"" + tag + "\"}", 1));
        kafka.send(TestEvents.raw(RegistrationEvents.TOPIC, UUID.randomUUID().toString(),
                RegistrationEventType.TRANSMITTED.ceType(), registeredJson(id, tag), 1));
        kafka.send(TestEvents.raw(RegistrationEvents.TOPIC, key, null, "{\"sequence\": 1, \"tag\": \"" + tag + "\"}",
                1));

        // Consumption goes on: a valid event published after them is applied.
        String marker = publishMarker();
        awaitCpf(marker, "2024-01-15", "eligible", true);

        List<ConsumerRecord<String, String>> dead = kafka.read(DEAD_LETTER, r -> r.value() != null
                && r.value().contains(tag), 4, WAIT);
        assertThat(dead).hasSize(4);
        assertThat(dead).extracting(r -> header(r, "dead-letter-topic")).containsExactlyInAnyOrder(
                CertificationEvents.TOPIC, RegistrationEvents.TOPIC, RegistrationEvents.TOPIC,
                RegistrationEvents.TOPIC);
        assertThat(dead).extracting(r -> header(r, "dead-letter-reason")).anySatisfy(
                reason -> assertThat(reason).contains("unparseable value"))
                .anySatisfy(reason -> assertThat(reason).contains("unknown event type "
                        + "org.cqpsuite.registration.teleported"))
                .anySatisfy(reason -> assertThat(reason).contains("is not the certification id"))
                .anySatisfy(reason -> assertThat(reason).contains("no ce_type header"));
        // The poison never reached the read model.
        given().queryParam("certification", key).when().get("/eligibility/cpf").then().statusCode(404);
    }

    private void publishCertification(UUID id) {
        kafka.send(TestEvents.certificationEvent(1, TestEvents.certification(id, CertificationState.KIND_CQP,
                "CQP Opérateur qualité", new CpneState("CPNEFP textile", "0018"))));
    }

    private static TestEvents.Registrations registered(UUID id, UUID registration, String code, int level) {
        return new TestEvents.Registrations(id).transmitted(LocalDate.of(2020, 1, 15))
                .rncp(registration, code, LocalDate.of(2020, 2, 20), LocalDate.of(2020, 3, 1),
                        LocalDate.of(2025, 3, 1), level);
    }

    private static String registeredJson(UUID id, String tag) {
        try {
            return TestEvents.JSON.writeValueAsString(new org.cqpsuite.events.registration.RegistrationEventData(1,
                    new TestEvents.Registrations(id).transmitted(LocalDate.of(2020, 1, 15)).state()))
                    .replace("}", ",\"tag\":\"" + tag + "\"}");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certification registered in the RNCP, published after the events under test: same partition, later. */
    private String publishMarker() {
        UUID id = UUID.randomUUID();
        String code = TestEvents.rncpCode();
        publishCertification(id);
        kafka.send(TestEvents.registrationEvent(1, RegistrationEventType.REGISTERED,
                registered(id, UUID.randomUUID(), code, 4).state()));
        return code;
    }

    private static JsonPath cpf(String code, String date) {
        return given().queryParam("code", code).queryParam("date", date).when().get("/eligibility/cpf")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitCpf(String code, String date, String path, Object expected) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = given().queryParam("code", code).queryParam("date", date).when().get("/eligibility/cpf");
            return response.statusCode() == 200 ? response.jsonPath() : null;
        }, answer -> answer != null && expected.equals(answer.get(path)));
    }

    private static JsonPath topicFreshness(String topic) {
        JsonPath freshness = given().when().get("/freshness").then().statusCode(200).extract().jsonPath();
        return new JsonPath(TestEvents.JSON.valueToTree(freshness.getList("topics").stream()
                .filter(t -> topic.equals(((java.util.Map<?, ?>) t).get("topic"))).findFirst().orElseThrow())
                .toString());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
