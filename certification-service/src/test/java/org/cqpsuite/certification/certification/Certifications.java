package org.cqpsuite.certification.certification;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.cqpsuite.testinfra.TestTokens;

/** Requests the certification tests share, as a client would write them. */
final class Certifications {

    static final String CQPI = """
            {"kind": "CQPI", "title": "Opérateur qualité",
             "cpnes": [{"name": "CPNEFP textile", "idcc": "0018"}, {"name": "CPNEFP habillement", "idcc": "0247"}],
             "nsfCodes": ["200r"], "romeCodes": ["H1502"]}""";
    static final String ACTIVITIES = """
            {"workSituations": ["Contrôle en cours de production"], "activities": ["Contrôler la conformité"],
             "targetedJobs": [{"title": "Opérateur qualité", "romeCode": "H1502"}]}""";
    static final String SKILLS = """
            {"blocks": [{"code": "BC01", "title": "Contrôler la qualité",
              "skills": [{"label": "Appliquer un plan de contrôle", "transversal": false},
                         {"label": "Communiquer un écart", "transversal": true}]}]}""";
    static final String EVALUATION = """
            {"items": [{"target": "BC01", "criteria": ["Les écarts sont détectés"],
              "methods": ["Mise en situation professionnelle"], "tests": "Contrôle d'un lot, 2 heures"}]}""";

    private Certifications() {
    }

    static String textileAndClothing() {
        return TestTokens.certifier("0018", "0247");
    }

    static ValidatableResponse create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/certifications").then();
    }

    /** Creates the CQPI of the example and returns its id. */
    static String createCqpi() {
        return create(textileAndClothing(), CQPI).statusCode(201).extract().path("id");
    }

    static ValidatableResponse putFramework(String token, String id, String framework, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/certifications/" + id + "/frameworks/" + framework).then();
    }

    /** A CQPI with its three frameworks, published. */
    static String publishedCqpi() {
        String id = createCqpi();
        putFramework(textileAndClothing(), id, "activities", ACTIVITIES).statusCode(201);
        putFramework(textileAndClothing(), id, "skills", SKILLS).statusCode(201);
        putFramework(textileAndClothing(), id, "evaluation", EVALUATION).statusCode(201);
        given().auth().oauth2(textileAndClothing()).when().post("/certifications/" + id + "/publication")
                .then().statusCode(200);
        return id;
    }
}
