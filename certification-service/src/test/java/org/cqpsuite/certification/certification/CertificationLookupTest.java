package org.cqpsuite.certification.certification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.cqpsuite.testinfra.TestTokens;
import org.junit.jupiter.api.Test;

/** {@code POST /certifications/lookups}: many certifications by id in one request, as registration-service asks. */
@QuarkusTest
class CertificationLookupTest {

    private static final String PATH = "/certifications/lookups";

    @Test
    void theCertificationsFoundComeInTheOrderAskedAndTheOthersAreUnknown() {
        int code = 60_000 + ThreadLocalRandom.current().nextInt(30_000);
        List<String> ids = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"items\": [{\"directoryCode\": \"RNCP" + code + "\", \"kind\": \"OTHER\", \"title\": \"Titre A\","
                        + " \"cpnes\": []}, {\"directoryCode\": \"RNCP" + (code + 1) + "\", \"kind\": \"CQP\", "
                        + "\"title\": \"CQP B\", \"cpnes\": [{\"name\": \"CPNE\", \"idcc\": \"3248\"}]}]}")
                .when().post("/directory-imports/certifications").then().statusCode(200)
                .extract().path("results.id");
        String unknown = UUID.randomUUID().toString();

        // No token: a read like GET /certifications/{id}.
        given().contentType(ContentType.JSON)
                .body("{\"ids\": [\"" + ids.get(1) + "\", \"" + unknown + "\", \"" + ids.get(0) + "\", \"" + ids.get(1)
                        + "\"]}")
                .when().post(PATH).then().statusCode(200).contentType(ContentType.JSON)
                .body("found.id", contains(ids.get(1), ids.get(0)))
                .body("found.kind", contains("CQP", "OTHER"))
                .body("found.status", contains("PUBLISHED", "PUBLISHED"))
                .body("found[0].carryingBranches", contains("3248"))
                .body("unknown", contains(unknown));
    }

    @Test
    void aMissingEmptyOversizeOrMalformedListIs400ProblemJson() {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= CertificationLookupResource.MAX_IDS; i++) {
            tooMany.add("\"" + UUID.randomUUID() + "\"");
        }
        for (String body : List.of("{}", "{\"ids\": []}", "{\"ids\": [" + String.join(",", tooMany) + "]}",
                "{\"ids\": [null]}")) {
            given().contentType(ContentType.JSON).body(body).when().post(PATH).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers
                            .startsWith("ids"));
        }
        given().contentType(ContentType.JSON).body("{\"ids\": [\"not-a-uuid\"]}").when().post(PATH).then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"ids\": [], \"other\": 1}").when().post(PATH).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("other"));
    }
}
