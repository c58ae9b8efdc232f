package org.cqpsuite.certification.framework;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.cqpsuite.testinfra.TestTokens;
import org.junit.jupiter.api.Test;

/** Each change of a framework is a new immutable version; earlier versions stay readable. */
@QuarkusTest
class FrameworkResourceTest {

    private static final String TOKEN = TestTokens.token("certifier", java.util.List.of("0018", "0247"),
            "marie.durand@cpne-textile.example", TestTokens.DEFAULT_TTL);
    private static final String SKILLS_V1 = """
            {"blocks": [{"code": "BC01", "title": "Contrôler", "skills": [{"label": "Appliquer un plan", "transversal": false}]}],
             "effectiveDate": "2026-01-01"}""";
    private static final String SKILLS_V2 = """
            {"blocks": [{"code": "BC01", "title": "Contrôler", "skills": [{"label": "Appliquer un plan", "transversal": false}]},
                        {"code": "BC02", "title": "Communiquer", "skills": [{"label": "Rendre compte", "transversal": true}]}],
             "effectiveDate": "2026-09-01"}""";

    @Test
    void versionsAreNumberedKeptAndServedByDate() {
        String id = certification();
        put(id, "skills", SKILLS_V1).statusCode(201)
                .header("Location", endsWith("/certifications/" + id + "/frameworks/skills/versions/1"))
                .body("number", equalTo(1))
                .body("author", equalTo("marie.durand@cpne-textile.example"))
                .body("effectiveDate", equalTo("2026-01-01"))
                .body("content.blocks[0].skills[0].transversal", equalTo(false));
        put(id, "skills", SKILLS_V2).statusCode(201).body("number", equalTo(2));

        given().when().get(path(id, "skills")).then().statusCode(200)
                .body("number", equalTo(2)).body("content.blocks", hasSize(2));
        given().queryParam("asOf", "2026-03-01").when().get(path(id, "skills")).then().statusCode(200)
                .body("number", equalTo(1));
        given().queryParam("asOf", "2025-12-31").when().get(path(id, "skills")).then().statusCode(404);
        given().when().get(path(id, "skills") + "/versions").then().statusCode(200)
                .body("number", equalTo(java.util.List.of(1, 2)));
        given().when().get(path(id, "skills") + "/versions/1").then().statusCode(200)
                .body("content.blocks", hasSize(1));
        given().when().get(path(id, "skills") + "/versions/3").then().statusCode(404);
        given().when().get("/certifications/" + id).then().body("frameworks.skills.number", equalTo(2));
    }

    @Test
    void aVersionMayNotTakeEffectBeforeThePreviousOne() {
        String id = certification();
        put(id, "skills", SKILLS_V2).statusCode(201);
        put(id, "skills", SKILLS_V1).statusCode(400)
                .body("errors[0].field", equalTo("effectiveDate"))
                .body("errors[0].rule", equalTo("effective-date-order"));
    }

    @Test
    void invalidFrameworksAre400NamingEachField() {
        String id = certification();
        put(id, "activities", "{\"activities\": [], \"targetedJobs\": [{\"title\": \"Opérateur\", \"romeCode\": \"H15\"}]}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("activities"))
                .body("errors.field", hasItem("targetedJobs[0].romeCode"));
        put(id, "skills", SKILLS_V1);
        put(id, "evaluation", "{\"items\": [{\"target\": \"BC09\", \"criteria\": [\"c\"], \"methods\": [\"m\"]}]}")
                .statusCode(400).body("errors[0].rule", equalTo("unknown-target"));
        put(id, "skills", "{\"blocks\": [{\"code\": \"BC01\", \"title\": \"t\", \"skills\": [{\"label\": \"l\", "
                + "\"transversal\": \"sometimes\"}]}]}")
                .statusCode(400).body("errors[0].field", equalTo("blocks[0].skills[0].transversal"));
        put(id, "skills", "{\"blocs\": []}").statusCode(400).body("errors[0].rule", equalTo("unknown-field"));
        put(id, "skills", "{\"blocks\": [], \"effectiveDate\": \"2026-02-30\"}").statusCode(400)
                .body("errors[0].field", equalTo("effectiveDate"));
        put(id, "methods", "{}").statusCode(404).body("detail", containsString("activities, skills or evaluation"));
        given().when().get(path(id, "skills") + "/versions").then().body("number", equalTo(java.util.List.of(1)));
    }

    private static String certification() {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("""
                {"kind": "CQPI", "title": "Opérateur qualité",
                 "cpnes": [{"name": "CPNEFP textile", "idcc": "0018"}, {"name": "CPNEFP habillement", "idcc": "0247"}]}""")
                .when().post("/certifications").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse put(String id, String framework, String body) {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body)
                .when().put(path(id, framework)).then();
    }

    private static String path(String id, String framework) {
        return "/certifications/" + id + "/frameworks/" + framework;
    }
}
