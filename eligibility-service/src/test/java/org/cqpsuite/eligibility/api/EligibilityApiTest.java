package org.cqpsuite.eligibility.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cqpsuite.eligibility.ReadModelSeed;
import org.cqpsuite.eligibility.TestEvents;
import org.cqpsuite.events.certification.CertificationState;
import org.cqpsuite.events.certification.CpneState;
import org.cqpsuite.testinfra.RealInfrastructureResource;
import org.cqpsuite.testinfra.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API as a training platform calls it: answers, reasons, and a problem+json naming the parameter for every
 * bad question.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class,
        initArgs = @ResourceArg(name = "database", value = "eligibility"))
class EligibilityApiTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    ReadModelSeed seed;

    /** A CQPI of branches 1580 and 2528: transmitted 2020-01-15, RNCP 2020-03-01..2025-03-01 level 4 with 2 blocks,
     *  replaced by a renewal under a new code from 2025-03-02; also registered in the RS. */
    UUID cqpi;
    UUID renewal;
    UUID first;
    UUID rsRegistration;
    String rncp;
    String renewed;
    String rs;
    String tag;

    @BeforeEach
    void seed() {
        cqpi = UUID.randomUUID();
        renewal = UUID.randomUUID();
        rncp = TestEvents.rncpCode();
        renewed = TestEvents.rncpCode();
        rs = TestEvents.rsCode();
        tag = "zq" + UUID.randomUUID().toString().substring(0, 8);
        seed.certification(1, TestEvents.certification(cqpi, CertificationState.KIND_CQPI,
                "CQPI Opérateur de fabrication " + tag, new CpneState("CPNE de la chaussure", "1580"),
                new CpneState("CPNE de la maroquinerie", "2528")));
        first = UUID.randomUUID();
        rsRegistration = UUID.randomUUID();
        seed.registrations(3, registrations().state());
    }

    private TestEvents.Registrations registrations() {
        return new TestEvents.Registrations(cqpi).transmitted(LocalDate.of(2020, 1, 15))
                .rncp(first, rncp, LocalDate.of(2020, 2, 20), LocalDate.of(2020, 3, 1), LocalDate.of(2025, 3, 1), 4,
                        rncp + "BC01", rncp + "BC02")
                .rncp(renewal, renewed, LocalDate.of(2025, 2, 10), LocalDate.of(2025, 3, 2),
                        LocalDate.of(2030, 3, 1), 4, renewed + "BC01")
                .update(first, "REPLACED", null, renewal, renewed)
                .rs(rsRegistration, rs, LocalDate.of(2021, 5, 1), LocalDate.of(2021, 6, 1), LocalDate.of(2023, 6, 1));
    }

    @Test
    void anRncpRegistrationInForceIsEligibleWithItsLevel() {
        given().queryParam("code", rncp.toLowerCase()).queryParam("date", "2024-01-15")
                .when().get("/eligibility/cpf")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("eligible", equalTo(true)).body("asOf", equalTo("2024-01-15"))
                .body("certification.id", equalTo(cqpi.toString())).body("certification.code", equalTo(rncp))
                .body("certification.kind", equalTo("CQPI"))
                .body("basis.directory", equalTo("RNCP")).body("basis.code", equalTo(rncp))
                .body("basis.effectiveFrom", equalTo("2020-03-01")).body("basis.endsOn", equalTo("2025-03-01"))
                .body("basis.level", equalTo(4))
                // Renewed later under a new code: the answer points to it already.
                .body("successor.code", equalTo(renewed))
                .body("reasons.code", contains("TRANSMITTED", "REGISTERED_RNCP_IN_FORCE", "LEVEL_ATTRIBUTED",
                        "REPLACED_BY_SUCCESSOR", "CPF_ELIGIBLE"))
                .body("reasons[0].legalReference", equalTo("Code du travail, art. L6113-4"));
    }

    @Test
    void aRepeatedQuestionGetsTheSameAnswerUntilTheCertificationChanges() {
        String asked = cpfText(rs, "2022-01-15");
        assertThat(JsonPath.from(asked).getBoolean("eligible")).isTrue();
        // The second time from memory (CpfAnswerCache): the same bytes, dataAsOf included.
        double hits = answerCacheHits("eligibility-cpf-answers");
        assertThat(cpfText(rs, "2022-01-15")).isEqualTo(asked);
        assertThat(answerCacheHits("eligibility-cpf-answers")).isGreaterThan(hits);
        assertThat(cpfText(rs.toLowerCase(), "2022-01-15")).isEqualTo(asked);
        assertThat(JsonPath.from(cpfText(rs, "2021-05-31")).getBoolean("eligible")).isFalse();

        // The RS registration is withdrawn from 2022-01-01: the same question gets the new answer at once.
        seed.registrations(4, registrations().update(rsRegistration, "WITHDRAWN", LocalDate.of(2022, 1, 1), null, null)
                .state());

        JsonPath after = JsonPath.from(cpfText(rs, "2022-01-15"));
        assertThat(after.getBoolean("eligible")).isFalse();
        assertThat(after.getList("reasons.code", String.class)).contains("REGISTRATION_WITHDRAWN");
        assertThat(after.getString("dataAsOf")).isNotEqualTo(JsonPath.from(asked).getString("dataAsOf"));
        assertThat(JsonPath.from(cpfText(rs, "2021-12-31")).getBoolean("eligible")).isTrue();
    }

    /** {@code cache_gets_total} of an answer cache, result hit, from the service's Prometheus metrics. */
    private static double answerCacheHits(String cache) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher hit = Pattern.compile("(?m)^cache_gets_total\\{(?=[^}]*cache=\"" + Pattern.quote(cache)
                + "\")(?=[^}]*result=\"hit\")[^}]*} (\\S+)$").matcher(metrics);
        return hit.find() ? Double.parseDouble(hit.group(1)) : 0;
    }

    private static String cpfText(String code, String date) {
        return given().queryParam("code", code).queryParam("date", date).when().get("/eligibility/cpf")
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();
    }

    @Test
    void reasonsAreInFrenchWithTheirLegalReference() {
        JsonPath answer = cpf("code", rncp, "2024-01-15");
        assertThat(answer.getList("reasons.legalReference")).contains("Code du travail, art. L6113-4",
                "Code du travail, art. L6113-5", "Code du travail, art. L6323-6");
        assertThat(answer.getString("reasons.find { it.code == 'CPF_ELIGIBLE' }.message"))
                .isEqualTo("Éligible au compte personnel de formation le 15/01/2024.");
    }

    @Test
    void theBoundaryDaysOfTheRegistrationCount() {
        assertThat(cpf("code", rncp, "2020-02-29").getBoolean("eligible")).isFalse();
        assertThat(cpf("code", rncp, "2020-03-01").getBoolean("eligible")).isTrue();
        assertThat(cpf("code", rncp, "2025-03-01").getBoolean("eligible")).isTrue();
        JsonPath after = cpf("code", rncp, "2025-03-02");
        assertThat(after.getBoolean("eligible")).isFalse();
        assertThat(after.getString("successor.code")).isEqualTo(renewed);
        assertThat(after.getString("successor.id")).isEqualTo(renewal.toString());
        assertThat(after.getList("reasons.code")).contains("REGISTRATION_ENDED", "REPLACED_BY_SUCCESSOR",
                "CPF_NOT_ELIGIBLE");
    }

    @Test
    void askedByCertificationAnyRegistrationInForceCounts() {
        JsonPath answer = cpf("certification", cqpi.toString(), "2026-01-15");
        assertThat(answer.getBoolean("eligible")).isTrue();
        assertThat(answer.getString("basis.code")).isEqualTo(renewed);
        assertThat(answer.getString("certification.code")).isEqualTo(renewed);
    }

    @Test
    void aSkillsBlockIsEligibleWhenTheRegistrationInForceListsIt() {
        JsonPath listed = cpf("code", rncp + "bc02", "2024-01-15");
        assertThat(listed.getBoolean("eligible")).isTrue();
        assertThat(listed.getString("basis.block")).isEqualTo(rncp + "BC02");
        assertThat(listed.getList("reasons.code")).contains("BLOCK_LISTED");

        JsonPath notListed = cpf("code", rncp + "BC07", "2024-01-15");
        assertThat(notListed.getBoolean("eligible")).isFalse();
        assertThat(notListed.getList("reasons.code")).contains("BLOCK_NOT_LISTED");
    }

    @Test
    void anRsRegistrationIsEligibleWithoutLevel() {
        JsonPath answer = cpf("code", rs, "2022-01-15");
        assertThat(answer.getBoolean("eligible")).isTrue();
        assertThat(answer.getString("basis.directory")).isEqualTo("RS");
        assertThat(answer.getMap("basis")).containsEntry("level", null);
        assertThat(answer.getList("reasons.code")).contains("REGISTERED_RS_IN_FORCE", "NO_LEVEL_IN_RS");
    }

    @Test
    void theDateDefaultsToTodayInParis() {
        given().queryParam("code", rncp).when().get("/eligibility/cpf")
                .then().statusCode(200).body("asOf", equalTo(LocalDate.now(ZoneId.of("Europe/Paris")).toString()));
    }

    @Test
    void anUnknownCodeIs404ProblemJson() {
        given().queryParam("code", "RNCP99999").queryParam("date", "2024-01-15").when().get("/eligibility/cpf")
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:cqp-suite:problem:unknown-code"))
                .body("detail", containsString("RNCP99999"));
        given().queryParam("certification", UUID.randomUUID()).when().get("/eligibility/cpf")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badQuestionsAre400NamingTheParameterAndTheRule() {
        badCpf("code", "pattern", "code", "RNCP12");
        badCpf("code", "pattern", "code", "RNCP34486BC");
        badCpf("code", "pattern", "code", "' OR 1=1 --");
        badCpf("code", "pattern", "code", "../../etc/passwd");
        badCpf("code", "required", "date", "2024-01-15");
        badCpf("date", null, "code", rncp, "date", "2024-02-30");
        badCpf("date", null, "code", rncp, "date", "15/01/2024");
        badCpf("certification", null, "certification", "not-a-uuid");
        badCpf("code", "exclusive", "code", rncp, "certification", cqpi.toString());
    }

    @Test
    void aBatchAnswersEachCodeInOrderWithErrorEntries() {
        given().contentType(ContentType.JSON)
                .body("{\"date\": \"2024-01-15\", \"codes\": [\"" + rncp + "\", \"RS99999\", \"nonsense\", \""
                        + rncp + "BC01\", \"" + rs + "\"]}")
                .when().post("/eligibility/cpf/batch")
                .then().statusCode(200).body("asOf", equalTo("2024-01-15")).body("results", hasSize(5))
                .body("results.code", contains(rncp, "RS99999", "nonsense", rncp + "BC01", rs))
                .body("results[0].answer.eligible", equalTo(true))
                .body("results[1].error.status", equalTo(404))
                .body("results[1].error.type", equalTo("urn:cqp-suite:problem:unknown-code"))
                .body("results[2].error.status", equalTo(400))
                .body("results[2].error.errors[0].field", equalTo("codes"))
                .body("results[3].answer.basis.block", equalTo(rncp + "BC01"))
                .body("results[4].answer.eligible", equalTo(false));
    }

    @Test
    void aBatchAnswersTheSameAsSingleQuestions() {
        List<String> codes = List.of(rncp, rncp + "BC02", rs, renewed);
        JsonPath batch = given().contentType(ContentType.JSON)
                .body("{\"date\": \"2025-06-01\", \"codes\": " + json(codes) + "}")
                .when().post("/eligibility/cpf/batch").then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < codes.size(); i++) {
            JsonPath single = cpf("code", codes.get(i), "2025-06-01");
            assertThat(batch.getMap("results[" + i + "].answer")).isEqualTo(single.getMap(""));
        }
    }

    @Test
    void aBadBatchIs400NamingTheField() {
        badBatch("{\"codes\": []}", "codes");
        badBatch("{}", "codes");
        badBatch("{\"codes\": [\"RNCP1234\"], \"date\": \"2024-13-01\"}", "date");
        badBatch("{\"codes\": [\"RNCP1234\"], \"colour\": \"blue\"}", "colour");
        badBatch("{\"codes\": \"RNCP1234\"}", "codes");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add("RNCP" + (10000 + i));
        }
        badBatch("{\"codes\": " + json(tooMany) + "}", "codes");
        given().contentType(ContentType.JSON).body("{\"codes\": [").when().post("/eligibility/cpf/batch")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.TEXT).body("RNCP1234").when().post("/eligibility/cpf/batch")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void recognitionFollowsTheRegistrationsAndTheCarryingBranches() {
        recognition("1486", "2024-01-15", null).body("recognized", equalTo(true))
                .body("scope", equalTo("ALL_BRANCHES"))
                .body("carryingBranches.idcc", contains("1580", "2528"))
                .body("carryingBranches.label", contains("CPNE de la chaussure", "CPNE de la maroquinerie"));
        // Before the RNCP registration, transmitted only: its carrying branches.
        recognition("1486", "2020-02-01", null).body("recognized", equalTo(false))
                .body("scope", equalTo("CARRYING_BRANCHES"))
                .body("reasons.code", contains("TRANSMITTED", "NOT_RECOGNISED_OUTSIDE_CARRYING_BRANCHES"));
        recognition("2528", "2020-02-01", null).body("recognized", equalTo(true))
                .body("reasons.code", contains("TRANSMITTED", "RECOGNISED_CARRYING_BRANCH"));
        // Before the transmission: nobody.
        recognition("1580", "2020-01-14", null).body("recognized", equalTo(false)).body("scope", equalTo("NONE"));
        // The IDCC may be given without its leading zeros.
        recognition("18", "2024-01-15", null).body("idcc", equalTo("0018"));
    }

    @Test
    void aRepeatedRecognitionQuestionGetsTheSameAnswerUntilTheCertificationChanges() {
        String asked = recognition("1486", "2024-01-15", null).extract().asString();
        assertThat(JsonPath.from(asked).getString("scope")).isEqualTo("ALL_BRANCHES");
        // The second time from memory: the same bytes, dataAsOf included; another branch or award date is another
        // question.
        double hits = answerCacheHits("eligibility-recognition-answers");
        assertThat(recognition("1486", "2024-01-15", null).extract().asString()).isEqualTo(asked);
        assertThat(answerCacheHits("eligibility-recognition-answers")).isGreaterThan(hits);
        assertThat(JsonPath.from(recognition("1486", "2024-01-15", "2020-02-01").extract().asString())
                .getString("scope")).isEqualTo("CARRYING_BRANCHES");
        assertThat(JsonPath.from(recognition("2528", "2024-01-15", null).extract().asString()).getString("idcc"))
                .isEqualTo("2528");

        // The RNCP registration is withdrawn from 2022-01-01: transmitted only on 2024-01-15, at once.
        seed.registrations(4, registrations().update(first, "WITHDRAWN", LocalDate.of(2022, 1, 1), null, null)
                .state());

        JsonPath after = JsonPath.from(recognition("1486", "2024-01-15", null).extract().asString());
        assertThat(after.getString("scope")).isEqualTo("CARRYING_BRANCHES");
        assertThat(after.getBoolean("recognized")).isFalse();
        assertThat(after.getString("dataAsOf")).isNotEqualTo(JsonPath.from(asked).getString("dataAsOf"));
    }

    @Test
    void aHolderKeepsTheScopeOfTheAwardDate() {
        // Awarded while registered in the RNCP (every branch); asked about in 2031, when nothing is in force.
        recognition("1486", "2031-01-15", null).body("scope", equalTo("CARRYING_BRANCHES"))
                .body("recognized", equalTo(false));
        recognition("1486", "2031-01-15", "2022-06-30").body("scope", equalTo("ALL_BRANCHES"))
                .body("recognized", equalTo(true)).body("asOf", equalTo("2031-01-15"))
                .body("scopeDate", equalTo("2022-06-30")).body("reasons[0].code", equalTo("SCOPE_AS_AWARDED"));
    }

    @Test
    void badRecognitionQuestionsAre400NamingTheParameter() {
        badRecognition("idcc", "required", "code", rncp);
        badRecognition("idcc", "pattern", "code", rncp, "idcc", "12345");
        badRecognition("idcc", "pattern", "code", rncp, "idcc", "1580; DROP TABLE registration");
        badRecognition("awardedOn", "not-after-date", "code", rncp, "idcc", "1580", "date", "2024-01-15",
                "awardedOn", "2024-01-16");
        badRecognition("awardedOn", null, "code", rncp, "idcc", "1580", "awardedOn", "yesterday");
        badRecognition("code", "pattern", "code", "CQP-12", "idcc", "1580");
    }

    @Test
    void theCatalogueListsWhatIsEligibleOnTheDateWithFilters() {
        catalogue("2024-01-15", "q", tag).body("total", equalTo(1)).body("items[0].id", equalTo(cqpi.toString()))
                .body("items[0].basis.code", equalTo(rncp)).body("items[0].basis.level", equalTo(4))
                .body("items[0].carryingBranches", contains("1580", "2528"));
        catalogue("2031-01-15", "q", tag).body("total", equalTo(0)).body("items", hasSize(0));
        catalogue("2024-01-15", "q", tag, "level", "4").body("total", equalTo(1));
        catalogue("2024-01-15", "q", tag, "level", "5").body("total", equalTo(0));
        catalogue("2024-01-15", "q", tag, "idcc", "9999").body("total", equalTo(1));
        catalogue("2024-01-15", "q", tag, "rome", "i1304").body("total", equalTo(1));
        catalogue("2024-01-15", "q", tag, "rome", "A1101").body("total", equalTo(0));
        catalogue("2024-01-15", "q", rncp).body("total", equalTo(1));
        catalogue("2024-01-15", "q", "OPERATEUR DE FABRICATION " + tag.toUpperCase()).body("total", equalTo(1));
        // RS only in force on 2022-01-15? No: the RNCP one is, and it is preferred.
        catalogue("2022-01-15", "q", tag).body("items[0].basis.directory", equalTo("RNCP"));
    }

    @Test
    void badCatalogueQuestionsAre400() {
        given().queryParam("level", "9").when().get("/eligible-certifications").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", containsString("level"));
        given().queryParam("size", "many").when().get("/eligible-certifications").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("size"));
        given().queryParam("idcc", "15800").when().get("/eligible-certifications").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", containsString("idcc"));
        given().queryParam("q", "%").queryParam("date", "2024-01-15").when().get("/eligible-certifications")
                .then().statusCode(200);
    }

    @Test
    void freshnessSaysWhenTheLastEventWasApplied() {
        given().when().get("/freshness").then().statusCode(200)
                .body("topics.topic", contains("cqp.certification.events", "cqp.registration.events"))
                .body("dataAsOf", org.hamcrest.Matchers.notNullValue());
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'eligibility-read-model' }.data.dataAsOf",
                        org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void onlyAnAdminMayRebuildTheReadModel() {
        given().when().post("/read-model/rebuild").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.certifier("1580")).when().post("/read-model/rebuild")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.expired("admin")).when().post("/read-model/rebuild")
                .then().statusCode(401).contentType(PROBLEM);
        given().when().get("/read-model").then().statusCode(200)
                .body("summary.checksum", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{32}"));
    }

    private static JsonPath cpf(String parameter, String value, String date) {
        return given().queryParam(parameter, value).queryParam("date", date).when().get("/eligibility/cpf")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void badCpf(String field, String rule, String... parameters) {
        var request = given();
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.queryParam(parameters[i], parameters[i + 1]);
        }
        var response = request.when().get("/eligibility/cpf").then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400)).body("errors[0].field", equalTo(field));
        if (rule != null) {
            response.body("errors[0].rule", equalTo(rule));
        }
    }

    private static void badRecognition(String field, String rule, String... parameters) {
        var request = given();
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.queryParam(parameters[i], parameters[i + 1]);
        }
        var response = request.when().get("/recognition").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(field));
        if (rule != null) {
            response.body("errors[0].rule", equalTo(rule));
        }
    }

    private static void badBatch(String body, String field) {
        given().contentType(ContentType.JSON).body(body).when().post("/eligibility/cpf/batch")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", org.hamcrest.Matchers.hasItem(
                        containsString(field)));
    }

    private io.restassured.response.ValidatableResponse recognition(String idcc, String date, String awardedOn) {
        var request = given().queryParam("code", rncp).queryParam("idcc", idcc).queryParam("date", date);
        if (awardedOn != null) {
            request = request.queryParam("awardedOn", awardedOn);
        }
        return request.when().get("/recognition").then().statusCode(200).contentType(ContentType.JSON);
    }

    private static io.restassured.response.ValidatableResponse catalogue(String date, String... parameters) {
        var request = given().queryParam("date", date);
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.when().get("/eligible-certifications").then().statusCode(200).contentType(ContentType.JSON);
    }

    private static String json(List<String> codes) {
        return "[" + String.join(",", codes.stream().map(c -> "\"" + c + "\"").toList()) + "]";
    }
}
