package org.cqpsuite.certification.certification;

import static io.restassured.RestAssured.given;
import static org.cqpsuite.certification.certification.Certifications.ACTIVITIES;
import static org.cqpsuite.certification.certification.Certifications.CQPI;
import static org.cqpsuite.certification.certification.Certifications.EVALUATION;
import static org.cqpsuite.certification.certification.Certifications.SKILLS;
import static org.cqpsuite.certification.certification.Certifications.createCqpi;
import static org.cqpsuite.certification.certification.Certifications.putFramework;
import static org.cqpsuite.certification.certification.Certifications.textileAndClothing;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** DRAFT → PUBLISHED (with the three frameworks) → RETIRED, and what each status refuses. */
@QuarkusTest
class PublicationTest {

    @Test
    void aCqpiIsPublishedOnlyWithItsThreeFrameworks() {
        String id = createCqpi();
        publish(id).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:cqp-suite:problem:frameworks-missing"))
                .body("detail", containsString("activities")).body("detail", containsString("evaluation"));

        putFramework(textileAndClothing(), id, "activities", ACTIVITIES).statusCode(201);
        putFramework(textileAndClothing(), id, "skills", SKILLS).statusCode(201);
        publish(id).statusCode(409).body("detail", containsString("evaluation"));
        putFramework(textileAndClothing(), id, "evaluation", EVALUATION).statusCode(201);

        publish(id).statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("frameworks.activities.number", equalTo(1))
                .body("frameworks.skills.number", equalTo(1))
                .body("frameworks.evaluation.number", equalTo(1));
        publish(id).statusCode(409).body("type", equalTo("urn:cqp-suite:problem:already-published"))
                .body("detail", containsString("PUBLISHED"));
    }

    @Test
    void aPublishedCertificationKeepsItsKindAndARetiredOneNoLongerChanges() {
        String id = Certifications.publishedCqpi();
        String etag = given().when().get("/certifications/" + id).then().extract().header("ETag");
        given().auth().oauth2(textileAndClothing()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(CQPI.replace("\"CQPI\"", "\"CQP\"")).when().put("/certifications/" + id)
                .then().statusCode(409).body("type", equalTo("urn:cqp-suite:problem:kind-frozen"));

        given().auth().oauth2(textileAndClothing()).when().post("/certifications/" + id + "/retirement")
                .then().statusCode(200).body("status", equalTo("RETIRED"));
        String retiredTag = given().when().get("/certifications/" + id).then().extract().header("ETag");
        given().auth().oauth2(textileAndClothing()).header("If-Match", retiredTag).contentType(ContentType.JSON)
                .body(CQPI).when().put("/certifications/" + id)
                .then().statusCode(409).body("type", equalTo("urn:cqp-suite:problem:retired"));
        putFramework(textileAndClothing(), id, "skills", SKILLS).statusCode(409);
        given().auth().oauth2(textileAndClothing()).when().post("/certifications/" + id + "/retirement")
                .then().statusCode(409).body("type", equalTo("urn:cqp-suite:problem:already-retired"));
        given().when().get("/certifications/" + id + "/frameworks/skills").then().statusCode(200);
    }

    @Test
    void lifecycleWritesNeedATokenOfTheBranches() {
        String id = createCqpi();
        given().when().post("/certifications/" + id + "/publication").then().statusCode(401);
        given().auth().oauth2(org.cqpsuite.testinfra.TestTokens.certifier("1580"))
                .when().post("/certifications/" + id + "/retirement").then().statusCode(403);
        given().when().get("/certifications/" + id).then().body("status", equalTo("DRAFT"));
    }

    private static io.restassured.response.ValidatableResponse publish(String id) {
        return given().auth().oauth2(textileAndClothing()).when().post("/certifications/" + id + "/publication").then();
    }
}
