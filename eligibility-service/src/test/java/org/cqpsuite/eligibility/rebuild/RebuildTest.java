package org.cqpsuite.eligibility.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cqpsuite.eligibility.TestEvents;
import org.cqpsuite.events.certification.CertificationEventType;
import org.cqpsuite.events.certification.CertificationEvents;
import org.cqpsuite.events.certification.CertificationState;
import org.cqpsuite.events.certification.CpneState;
import org.cqpsuite.events.registration.RegistrationEventType;
import org.cqpsuite.testinfra.KafkaTestClient;
import org.cqpsuite.testinfra.RealInfrastructureResource;
import org.cqpsuite.testinfra.TestInfrastructure;
import org.cqpsuite.testinfra.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Rebuilding the read model from the topics gives the same read model (same checksum) and the same answers as the
 * live one, including after duplicates, late events and a poison record. It uses a database and a consumer group of
 * its own, so that its live read model is exactly "everything on the topics".
 */
@QuarkusTest
@TestProfile(RebuildTest.OwnReadModel.class)
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "eligibility_rebuild"))
class RebuildTest {

    public static class OwnReadModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cqp.consumer.group", "eligibility-rebuild-test");
        }
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private final KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.shared().kafkaBootstrapServers());

    @Test
    void theRebuiltReadModelEqualsTheLiveOne() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            codes.add(publishStory(i));
        }
        // Noise a live consumer meets: a redelivery, a late event, a poison record.
        kafka.send(TestEvents.raw(CertificationEvents.TOPIC, UUID.randomUUID().toString(),
                CertificationEventType.CREATED.ceType(), "{broken", 1));
        String last = codes.get(codes.size() - 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().queryParam("code", last)
                .queryParam("date", "2031-01-01").get("/eligibility/cpf").statusCode() == 200
                && given().queryParam("code", last).queryParam("date", "2031-01-01").get("/eligibility/cpf")
                        .jsonPath().getBoolean("eligible") == false);
        JsonPath live = awaitStable();
        Map<String, Object> liveAnswers = answers(codes);

        given().auth().oauth2(TestTokens.admin()).when().post("/read-model/rebuild")
                .then().statusCode(202).contentType("application/json")
                .body("state", org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.equalTo("RUNNING"),
                        org.hamcrest.Matchers.equalTo("DONE")));
        JsonPath rebuilt = await().atMost(Duration.ofSeconds(60)).until(
                () -> given().get("/read-model").then().statusCode(200).extract().jsonPath(),
                model -> "DONE".equals(model.getString("rebuild.state")));

        assertThat(rebuilt.getLong("rebuild.read")).isEqualTo(rebuilt.getLong("rebuild.target")).isPositive();
        assertThat(rebuilt.getLong("rebuild.poison")).isPositive();
        assertThat(rebuilt.getString("summary.checksum")).isEqualTo(live.getString("summary.checksum"));
        assertThat(rebuilt.getLong("summary.certifications")).isEqualTo(live.getLong("summary.certifications"));
        assertThat(answers(codes)).isEqualTo(liveAnswers);
    }

    @Test
    void aSecondRebuildWhileOneRunsIs409() {
        given().auth().oauth2(TestTokens.admin()).when().post("/read-model/rebuild").then().statusCode(202);
        // Either the first is still running (409) or it already finished (202 again): never two at once.
        int second = given().auth().oauth2(TestTokens.admin()).when().post("/read-model/rebuild").statusCode();
        assertThat(second).isIn(202, 409);
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(
                given().get("/read-model").jsonPath().getString("rebuild.state")));
    }

    /**
     * Emptying the tables meets transactions that hold a lock on one of them and then want another: the live
     * consumer's ({@code applied_event}, then {@code certification}) and a reader's statement in another order
     * ({@code certification}, then {@code applied_event}). Each must go through and the rebuild start: in a CI run
     * PostgreSQL saw a deadlock there and aborted the rebuild (503).
     */
    @Test
    void aRebuildWaitsForTransactionsInFlightInsteadOfDeadlocking() throws Exception {
        assertRebuildSurvives("SELECT 1 FROM applied_event LIMIT 1 FOR UPDATE",
                "LOCK TABLE certification IN ROW EXCLUSIVE MODE");
        assertRebuildSurvives("LOCK TABLE certification IN ACCESS SHARE MODE",
                "SELECT count(*) FROM applied_event");
    }

    private void assertRebuildSurvives(String first, String second) throws Exception {
        try (Connection transaction = DriverManager.getConnection(jdbcUrl, username, password);
                Connection observer = DriverManager.getConnection(jdbcUrl, username, password)) {
            transaction.setAutoCommit(false);
            transaction.createStatement().execute(first);
            CompletableFuture<Integer> rebuild = CompletableFuture.supplyAsync(() -> given()
                    .auth().oauth2(TestTokens.admin()).when().post("/read-model/rebuild").statusCode());
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> truncateWaiting(observer));
            // The statement that closes the cycle if the TRUNCATE holds a lock it should not.
            transaction.createStatement().execute(second);
            Thread.sleep(1_500); // past PostgreSQL's deadlock_timeout (1 s), still holding both locks
            transaction.commit();
            assertThat(rebuild.get(30, TimeUnit.SECONDS)).as("the rebuild after " + first + "; " + second)
                    .isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(
                given().get("/read-model").jsonPath().getString("rebuild.state")));
    }

    private static boolean truncateWaiting(Connection observer) throws SQLException {
        try (ResultSet rows = observer.createStatement().executeQuery("""
                SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE NOT l.granted AND a.query LIKE 'TRUNCATE%'""")) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }

    /** A CQP transmitted, registered, then withdrawn; with a redelivered and a late event. Returns its code. */
    private String publishStory(int i) {
        UUID id = UUID.randomUUID();
        UUID registration = UUID.randomUUID();
        String code = TestEvents.rncpCode();
        CertificationState state = TestEvents.certification(id, CertificationState.KIND_CQP, "CQP rebuild " + i,
                new CpneState("CPNE " + i, String.format("%04d", 1000 + i)));
        kafka.send(TestEvents.certificationEvent(1, state));
        TestEvents.Registrations registrations = new TestEvents.Registrations(id)
                .transmitted(LocalDate.of(2019, 1, 1 + i));
        kafka.send(TestEvents.registrationEvent(1, RegistrationEventType.TRANSMITTED, registrations.state()));
        registrations.rncp(registration, code, LocalDate.of(2020, 1, 10), LocalDate.of(2020, 2, 1),
                LocalDate.of(2030, 1, 31), 3 + i % 5);
        var registered = TestEvents.registrationEvent(2, RegistrationEventType.REGISTERED, registrations.state());
        kafka.send(registered);
        kafka.send(registered);
        if (i % 3 == 0) {
            registrations.update(registration, "WITHDRAWN", LocalDate.of(2024, 6, 1), null, null);
            kafka.send(TestEvents.registrationEvent(3, RegistrationEventType.WITHDRAWN, registrations.state()));
            kafka.send(registered);
        }
        return code;
    }

    private static JsonPath awaitStable() {
        // The live model is complete when two reads a second apart agree and the lag is zero.
        JsonPath[] previous = {null};
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonPath now = given().get("/read-model").jsonPath();
            boolean same = previous[0] != null
                    && previous[0].getString("summary.checksum").equals(now.getString("summary.checksum"));
            previous[0] = now;
            return same ? now : null;
        }, java.util.Objects::nonNull);
    }

    private static Map<String, Object> answers(List<String> codes) {
        Map<String, Object> answers = new java.util.TreeMap<>();
        for (String code : codes) {
            for (String date : List.of("2019-12-31", "2022-01-01", "2025-01-01")) {
                JsonPath answer = given().queryParam("code", code).queryParam("date", date).get("/eligibility/cpf")
                        .then().statusCode(200).extract().jsonPath();
                answers.put(code + "@" + date, answer.getBoolean("eligible") + " " + answer.getList("reasons.code"));
            }
        }
        return answers;
    }
}
