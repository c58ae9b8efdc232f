package org.cqpsuite.certification.certification;

import static io.restassured.RestAssured.given;
import static org.cqpsuite.certification.certification.Certifications.CQPI;
import static org.cqpsuite.certification.certification.Certifications.create;
import static org.cqpsuite.certification.certification.Certifications.createCqpi;
import static org.cqpsuite.certification.certification.Certifications.textileAndClothing;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.cqpsuite.testinfra.TestTokens;
import org.junit.jupiter.api.Test;

/** Creating, reading, changing and listing certifications, with every error a client can meet. */
@QuarkusTest
class CertificationResourceTest {

    @Test
    void aCqpiOfTwoBranchesIsCreatedAsADraftAndReadBack() {
        String location = create(textileAndClothing(), CQPI)
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("kind", equalTo("CQPI"))
                .body("status", equalTo("DRAFT"))
                .body("source", equalTo("API"))
                .body("carryingBranches", equalTo(java.util.List.of("0018", "0247")))
                .body("frameworks.skills", nullValue())
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        given().when().get(location)
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo(id))
                .body("title", equalTo("Opérateur qualité"))
                .body("cpnes[1].idcc", equalTo("0247"))
                .body("nsfCodes", equalTo(java.util.List.of("200r")))
                .body("romeCodes", equalTo(java.util.List.of("H1502")));
    }

    @Test
    void codesAreNormalisedBeforeTheyAreChecked() {
        create(textileAndClothing(), CQPI.replace("\"200r\"", "\" 200R \"").replace("\"H1502\"", "\"h1502\""))
                .statusCode(201)
                .body("nsfCodes[0]", equalTo("200r"))
                .body("romeCodes[0]", equalTo("H1502"));
    }

    @Test
    void aCqpiWithOneBranchIs400NamingTheRule() {
        create(textileAndClothing(), """
                {"kind": "CQPI", "title": "CQPI d'une branche", "cpnes": [
                  {"name": "CPNEFP textile", "idcc": "0018"}, {"name": "CPNEFP textile bis", "idcc": "0018"}]}""")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:cqp-suite:problem:validation"))
                .body("errors.rule", hasItem("min-branches"))
                .body("errors.field", hasItem("cpnes"));
    }

    @Test
    void codesOfTheWrongFormatOrUnknownBranchesAre400NamingEachField() {
        create(TestTokens.admin(), """
                {"kind": "CQP", "title": "Codes", "cpnes": [{"name": "A", "idcc": "18"}, {"name": "B", "idcc": "0001"}],
                 "nsfCodes": ["20r"], "romeCodes": ["H150"]}""")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("cpnes[0].idcc"))
                .body("errors.field", hasItem("cpnes[1].idcc"))
                .body("errors.rule", hasItem("unknown-branch"))
                .body("errors.field", hasItem("nsfCodes[0]"))
                .body("errors.field", hasItem("romeCodes[0]"));
    }

    @Test
    void malformedJsonWrongTypesAndUnknownFieldsAre400() {
        given().auth().oauth2(textileAndClothing()).contentType(ContentType.JSON).body("{\"kind\": \"CQPI\", ")
                .when().post("/certifications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:cqp-suite:problem:malformed-json"));
        create(textileAndClothing(), CQPI.replace("\"CQPI\"", "\"CQPX\""))
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("CQPI"));
        create(textileAndClothing(), CQPI.replace("\"title\"", "\"titel\""))
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("titel"))
                .body("errors[0].rule", equalTo("unknown-field"));
        given().auth().oauth2(textileAndClothing()).contentType(ContentType.TEXT).body("kind=CQP")
                .when().post("/certifications")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void writesNeedAValidTokenOfTheRightBranches() {
        String title = "Refusé " + java.util.UUID.randomUUID();
        String body = CQPI.replace("Opérateur qualité", title);
        given().contentType(ContentType.JSON).body(body).when().post("/certifications")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        create(TestTokens.expired("certifier", "0018", "0247"), body).statusCode(401)
                .contentType("application/problem+json");
        create(TestTokens.wrongSignature("certifier", "0018", "0247"), body).statusCode(401);
        create(TestTokens.certifier("0018"), body)
                .statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("0247"));
        create(TestTokens.registrar(), body).statusCode(403).contentType("application/problem+json");

        given().queryParam("q", title).when().get("/certifications")
                .then().statusCode(200).body("total", equalTo(0));
        create(TestTokens.admin(), body).statusCode(201);
    }

    @Test
    void anUpdateNeedsTheCurrentETag() {
        String id = createCqpi();
        String renamed = CQPI.replace("Opérateur qualité", "Opérateur qualité et méthodes");
        given().auth().oauth2(textileAndClothing()).contentType(ContentType.JSON).body(renamed)
                .when().put("/certifications/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(textileAndClothing()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(renamed).when().put("/certifications/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("title", equalTo("Opérateur qualité et méthodes"));
        given().auth().oauth2(textileAndClothing()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(CQPI).when().put("/certifications/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:cqp-suite:problem:stale-version"));
        given().when().get("/certifications/" + id)
                .then().body("title", equalTo("Opérateur qualité et méthodes")).header("ETag", "\"1\"");
    }

    @Test
    void aCertifierCannotMoveACertificationOutOfItsBranches() {
        String id = createCqpi();
        given().auth().oauth2(textileAndClothing()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(CQPI.replace("\"0247\"", "\"1580\"")).when().put("/certifications/" + id)
                .then().statusCode(403).body("detail", containsString("1580"));
        given().when().get("/certifications/" + id).then().body("carryingBranches", hasItem("0247"));
    }

    @Test
    void anUnknownCertificationIs404AndAMalformedIdIs400() {
        given().when().get("/certifications/7b3c9f5e-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/certifications/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void theListFiltersByBranchKindStatusAndTitle() {
        String id = createCqpi();
        given().queryParam("idcc", "0247").queryParam("size", 200).when().get("/certifications")
                .then().statusCode(200).body("items.id", hasItem(id))
                .body("items.carryingBranches", everyItem(hasItem("0247")));
        given().queryParam("kind", "CQP").queryParam("size", 200).when().get("/certifications")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().queryParam("status", "DRAFT").queryParam("q", "OPÉRATEUR").queryParam("size", 200)
                .when().get("/certifications")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().queryParam("status", "ACTIVE").when().get("/certifications")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }
}
