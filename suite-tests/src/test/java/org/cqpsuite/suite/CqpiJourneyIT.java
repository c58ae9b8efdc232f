package org.cqpsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.cqpsuite.infra.SuiteTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The end-to-end story, with the three real services started by {@code ./suite up} (real PostgreSQL, real Kafka):
 * a CQPI of two branches is created, published, transmitted, registered in the RNCP, expires, is renewed under a new
 * code and then withdrawn; after each change the eligibility-service's CPF and recognition answers follow. Midway the
 * eligibility-service is killed (SIGKILL) while a change is made, then restarted: nothing is lost. At the end the read
 * model is rebuilt from the topics ({@code ./suite rebuild}) and gives the same checksum and answers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CqpiJourneyIT {

    /** Generous for a loaded CI machine; {@link #waited} records how long each change took to show. */
    private static final Duration PROPAGATION = Duration.ofSeconds(20);

    private static LocalSuite suite;
    private static String certifier;
    private static String registrar;
    private static String id;
    private static String registration;
    private static String code;
    private static String renewedCode;
    private static String renewal;
    private static final List<String> waited = new ArrayList<>();

    @BeforeAll
    static void up() throws Exception {
        suite = new LocalSuite("journey-home");
        // The expiry job runs every two seconds instead of every hour, so that the story reaches the expiry.
        suite.env.put("CQP_EXPIRY_EVERY", "2s");
        suite.env.put("CQP_EXPIRY_FIRST_DELAY", "1s");
        LocalSuite.Result up = suite.suite("up");
        assertThat(up.exitCode()).as(up.output()).isZero();
        KeyPair keys = SuiteTokens.loadOrCreate(suite.home.resolve(SuiteTokens.KEYS_DIR));
        certifier = SuiteTokens.token(keys.getPrivate(), "certifier", List.of("1580", "2528"), "cpne@journey",
                Duration.ofHours(1));
        registrar = SuiteTokens.token(keys.getPrivate(), "registrar", List.of(), "fc@journey", Duration.ofHours(1));
        long suffix = System.nanoTime() % 90_000 + 10_000;
        code = "RNCP" + suffix;
        renewedCode = "RNCP" + (suffix + 1 > 99_999 ? 10_000 : suffix + 1);
    }

    @AfterAll
    static void down() throws Exception {
        if (suite != null) {
            System.out.println("Propagation times (write answered → eligibility answer changed): " + waited);
            suite.suite("down");
        }
    }

    @Test
    @Order(1)
    void aDraftCqpiIsKnownButNeitherEligibleNorRecognised() throws Exception {
        LocalSuite.Answer created = suite.send("certification", "POST", "/certifications", certifier, """
                {"kind": "CQPI", "title": "CQPI Conducteur de ligne automatisée",
                 "cpnes": [{"name": "CPNE de l'industrie de la chaussure", "idcc": "1580"},
                           {"name": "CPNE de la maroquinerie", "idcc": "2528"}],
                 "nsfCodes": ["200r"], "romeCodes": ["H2102"]}""");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        id = created.json().get("id").asText();

        JsonNode cpf = awaitJson("/eligibility/cpf?certification=" + id + "&date=2022-01-15", a -> a.status() == 200);
        assertThat(cpf.get("eligible").asBoolean()).isFalse();
        assertThat(codes(cpf)).containsExactly("NOT_TRANSMITTED", "CPF_NOT_ELIGIBLE");
        assertThat(cpf.at("/certification/kind").asText()).isEqualTo("CQPI");
        JsonNode recognition = json("/recognition?certification=" + id + "&idcc=1580&date=2022-01-15");
        assertThat(recognition.get("scope").asText()).isEqualTo("NONE");
        assertThat(recognition.get("recognized").asBoolean()).isFalse();
    }

    @Test
    @Order(2)
    void publishedAndTransmittedItIsRecognisedByItsBranchesOnly() throws Exception {
        for (String[] framework : List.of(
                new String[] {"activities", """
                        {"workSituations": ["Conduite de ligne"], "activities": ["Conduire une ligne automatisée"],
                         "targetedJobs": [{"title": "Conducteur de ligne", "romeCode": "H2102"}]}"""},
                new String[] {"skills", """
                        {"blocks": [{"code": "BC01", "title": "Conduire la ligne",
                          "skills": [{"label": "Régler la ligne", "transversal": false}]}]}"""},
                new String[] {"evaluation", """
                        {"items": [{"target": "BC01", "criteria": ["La ligne est réglée"],
                          "methods": ["Mise en situation professionnelle"], "tests": "Réglage d'une ligne, 2 heures"}]}"""})) {
            LocalSuite.Answer added = suite.send("certification", "PUT",
                    "/certifications/" + id + "/frameworks/" + framework[0], certifier, framework[1]);
            assertThat(added.status()).as(added.text()).isEqualTo(201);
        }
        LocalSuite.Answer published = suite.send("certification", "POST", "/certifications/" + id + "/publication",
                certifier, null);
        assertThat(published.status()).as(published.text()).isEqualTo(200);

        LocalSuite.Answer transmitted = suite.send("registration", "PUT", "/certifications/" + id + "/transmission",
                registrar, "{\"transmittedOn\": \"2019-03-01\", \"reference\": \"FC-2019-03-0142\"}");
        assertThat(transmitted.status()).as(transmitted.text()).isEqualTo(200);

        JsonNode inItsBranch = awaitJson("/recognition?certification=" + id + "&idcc=2528&date=2019-04-01",
                a -> a.status() == 200 && a.json().get("recognized").asBoolean());
        assertThat(inItsBranch.get("scope").asText()).isEqualTo("CARRYING_BRANCHES");
        assertThat(codes(inItsBranch)).containsExactly("TRANSMITTED", "RECOGNISED_CARRYING_BRANCH");
        JsonNode elsewhere = json("/recognition?certification=" + id + "&idcc=1486&date=2019-04-01");
        assertThat(elsewhere.get("recognized").asBoolean()).isFalse();
        assertThat(codes(elsewhere)).containsExactly("TRANSMITTED", "NOT_RECOGNISED_OUTSIDE_CARRYING_BRANCHES");
        JsonNode beforeTransmission = json("/recognition?certification=" + id + "&idcc=2528&date=2019-02-28");
        assertThat(beforeTransmission.get("scope").asText()).isEqualTo("NONE");
        JsonNode cpf = json("/eligibility/cpf?certification=" + id + "&date=2019-04-01");
        assertThat(cpf.get("eligible").asBoolean()).isFalse();
        assertThat(codes(cpf)).containsExactly("TRANSMITTED", "NOT_REGISTERED", "CPF_NOT_ELIGIBLE");
    }

    @Test
    @Order(3)
    void registeredInTheRncpItIsEligibleWithItsLevelAndRecognisedEverywhere() throws Exception {
        LocalSuite.Answer requested = suite.send("registration", "POST", "/certifications/" + id + "/registrations",
                certifier, "{\"directory\": \"RNCP\", \"requestedOn\": \"2019-03-10\"}");
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        registration = requested.json().at("/registration/id").asText();
        LocalSuite.Answer decided = suite.send("registration", "POST", "/registrations/" + registration + "/decision",
                registrar, """
                        {"outcome": "REGISTERED", "code": "%s", "registrationType": "ON_REQUEST",
                         "decidedOn": "2019-06-01", "effectiveFrom": "2019-06-15", "endsOn": "2024-06-14",
                         "level": 4, "blocks": [{"code": "%sBC01", "title": "Conduire la ligne"}]}"""
                        .formatted(code, code));
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);

        JsonNode cpf = awaitJson("/eligibility/cpf?code=" + code + "&date=2022-01-15",
                a -> a.status() == 200 && a.json().get("eligible").asBoolean());
        assertThat(cpf.at("/basis/directory").asText()).isEqualTo("RNCP");
        assertThat(cpf.at("/basis/level").asInt()).isEqualTo(4);
        assertThat(cpf.at("/basis/endsOn").asText()).isEqualTo("2024-06-14");
        assertThat(codes(cpf)).containsExactly("TRANSMITTED", "REGISTERED_RNCP_IN_FORCE", "LEVEL_ATTRIBUTED",
                "CPF_ELIGIBLE");
        assertThat(json("/eligibility/cpf?code=" + code + "BC01&date=2022-01-15").get("eligible").asBoolean())
                .isTrue();
        assertThat(json("/eligibility/cpf?code=" + code + "&date=2019-06-14").get("eligible").asBoolean())
                .isFalse();
        JsonNode recognition = json("/recognition?code=" + code + "&idcc=1486&date=2022-01-15");
        assertThat(recognition.get("scope").asText()).isEqualTo("ALL_BRANCHES");
        assertThat(recognition.get("recognized").asBoolean()).isTrue();
    }

    @Test
    @Order(4)
    void afterItsEndDateItExpiresAndAHolderKeepsWhatWasAwarded() throws Exception {
        // The end date (2024-06-14) is past: the expiry job expires it and publishes the expiry.
        await().atMost(PROPAGATION).until(() -> "EXPIRED".equals(
                suite.get("registration", "/registrations/" + registration).json().at("/registration/status")
                        .asText()));
        JsonNode cpf = json("/eligibility/cpf?code=" + code + "&date=2025-01-15");
        assertThat(cpf.get("eligible").asBoolean()).isFalse();
        assertThat(codes(cpf)).containsExactly("TRANSMITTED", "REGISTRATION_ENDED", "CPF_NOT_ELIGIBLE");
        JsonNode recognition = json("/recognition?code=" + code + "&idcc=1486&date=2025-01-15");
        assertThat(recognition.get("scope").asText()).isEqualTo("CARRYING_BRANCHES");
        assertThat(recognition.get("recognized").asBoolean()).isFalse();
        JsonNode awarded = json("/recognition?code=" + code + "&idcc=1486&date=2025-01-15&awardedOn=2022-01-15");
        assertThat(awarded.get("scope").asText()).isEqualTo("ALL_BRANCHES");
        assertThat(awarded.get("recognized").asBoolean()).isTrue();
        // The dates decide, not the status: in 2022 it was eligible, and still is, looking back.
        assertThat(json("/eligibility/cpf?code=" + code + "&date=2022-01-15").get("eligible").asBoolean()).isTrue();
        // The expiry event was applied (the freshness counts it).
        JsonNode freshness = json("/freshness");
        assertThat(freshness.get("dataAsOf").isNull()).isFalse();
    }

    @Test
    @Order(5)
    void aChangeMadeWhileTheEligibilityServiceIsDeadIsAppliedAfterItsRestart() throws Exception {
        long eligibility = suite.pid("eligibility");
        ProcessHandle.of(eligibility).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !LocalSuite.running(eligibility));

        LocalSuite.Answer renewed = suite.send("registration", "POST", "/registrations/" + registration + "/renewal",
                registrar, """
                        {"outcome": "REGISTERED", "code": "%s", "registrationType": "ON_REQUEST",
                         "decidedOn": "2024-06-01", "effectiveFrom": "2024-06-15", "endsOn": "2029-06-14",
                         "level": 5, "blocks": [{"code": "%sBC01", "title": "Conduire la ligne"}]}"""
                        .formatted(renewedCode, renewedCode));
        assertThat(renewed.status()).as(renewed.text()).isEqualTo(201);
        renewal = renewed.json().at("/registration/id").asText();

        LocalSuite.Result up = suite.suite("up");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(suite.pid("eligibility")).isNotEqualTo(eligibility);

        JsonNode old = awaitJson("/eligibility/cpf?code=" + code + "&date=2025-01-15",
                a -> a.status() == 200 && !a.json().get("successor").isNull());
        assertThat(old.get("eligible").asBoolean()).isFalse();
        assertThat(old.at("/successor/code").asText()).isEqualTo(renewedCode);
        assertThat(codes(old)).contains("REPLACED_BY_SUCCESSOR");
        JsonNode successor = json("/eligibility/cpf?code=" + renewedCode + "&date=2025-01-15");
        assertThat(successor.get("eligible").asBoolean()).isTrue();
        assertThat(successor.at("/basis/level").asInt()).isEqualTo(5);
        JsonNode byCertification = json("/eligibility/cpf?certification=" + id + "&date=2025-01-15");
        assertThat(byCertification.at("/basis/code").asText()).isEqualTo(renewedCode);
        assertThat(json("/recognition?code=" + code + "&idcc=1486&date=2025-01-15").get("scope").asText())
                .isEqualTo("ALL_BRANCHES");
    }

    @Test
    @Order(6)
    void withdrawnItIsNoLongerEligibleFromTheWithdrawalDay() throws Exception {
        LocalSuite.Answer withdrawn = suite.send("registration", "POST", "/registrations/" + renewal + "/withdrawal",
                registrar, "{\"effectiveOn\": \"2026-01-01\", \"reason\": \"Retrait à la demande de la CPNE\"}");
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);

        JsonNode cpf = awaitJson("/eligibility/cpf?code=" + renewedCode + "&date=2026-01-01",
                a -> a.status() == 200 && !a.json().get("eligible").asBoolean());
        assertThat(codes(cpf)).containsExactly("TRANSMITTED", "REGISTRATION_WITHDRAWN", "CPF_NOT_ELIGIBLE");
        assertThat(json("/eligibility/cpf?code=" + renewedCode + "&date=2025-12-31").get("eligible").asBoolean())
                .isTrue();
        JsonNode catalogue = json("/eligible-certifications?date=2025-12-31&q=" + renewedCode);
        assertThat(catalogue.get("total").asInt()).isEqualTo(1);
        assertThat(json("/eligible-certifications?date=2026-01-01&q=" + renewedCode).get("total").asInt())
                .isZero();
        JsonNode batch = suite.send("eligibility", "POST", "/eligibility/cpf/batch", null,
                "{\"date\": \"2025-01-15\", \"codes\": [\"" + code + "\", \"" + renewedCode + "\", \"RS1\"]}").json();
        assertThat(batch.at("/results/0/answer/eligible").asBoolean()).isFalse();
        assertThat(batch.at("/results/1/answer/eligible").asBoolean()).isTrue();
        assertThat(batch.at("/results/2/error/status").asInt()).isEqualTo(404);
    }

    @Test
    @Order(7)
    void rebuildingTheReadModelGivesTheSameAnswers() throws Exception {
        String before = json("/read-model").at("/summary/checksum").asText();
        List<String> answersBefore = answers();

        LocalSuite.Result rebuild = suite.suite("rebuild");
        assertThat(rebuild.exitCode()).as(rebuild.output()).isZero();
        assertThat(rebuild.output()).contains("DONE").contains("checksum " + before);

        assertThat(json("/read-model").at("/summary/checksum").asText()).isEqualTo(before);
        assertThat(answers()).isEqualTo(answersBefore);
        assertThat(LocalDate.now(ZoneId.of("Europe/Paris"))).isAfter(LocalDate.of(2024, 6, 14));
    }

    private static List<String> answers() throws Exception {
        List<String> answers = new ArrayList<>();
        for (String date : List.of("2019-04-01", "2022-01-15", "2025-01-15", "2026-06-01")) {
            for (String c : List.of(code, renewedCode, code + "BC01")) {
                answers.add(json("/eligibility/cpf?code=" + c + "&date=" + date).toString()
                        .replaceAll("\"dataAsOf\":\"[^\"]*\"", ""));
            }
            answers.add(json("/recognition?certification=" + id + "&idcc=1486&date=" + date).toString()
                    .replaceAll("\"dataAsOf\":\"[^\"]*\"", ""));
        }
        return answers;
    }

    private static JsonNode json(String path) throws Exception {
        LocalSuite.Answer answer = suite.get("eligibility", path);
        assertThat(answer.status()).as(path + ": " + answer.text()).isEqualTo(200);
        return answer.json();
    }

    /** Polls the eligibility-service until its answer satisfies {@code done}; records how long it took. */
    private static JsonNode awaitJson(String path, Predicate<LocalSuite.Answer> done) {
        long start = System.nanoTime();
        LocalSuite.Answer answer = await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(50))
                .until(() -> suite.get("eligibility", path), done::test);
        waited.add(path.replaceAll("\\?.*", "") + " " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return answer.json();
    }

    private static List<String> codes(JsonNode answer) {
        List<String> codes = new ArrayList<>();
        answer.get("reasons").forEach(r -> codes.add(r.get("code").asText()));
        return codes;
    }
}
