package org.cqpsuite.certification.branch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The branch API over the real Légifrance list, loaded into the real PostgreSQL at start. */
@QuarkusTest
class BranchResourceTest {

    @Test
    void everyRealBranchIsListed() {
        given().queryParam("size", 200).when().get("/branches")
                .then().statusCode(200)
                .body("total", equalTo(786))
                .body("items", hasSize(200))
                .body("items[0].idcc", equalTo("0014"));
        given().queryParam("size", 200).queryParam("page", 3).when().get("/branches")
                .then().statusCode(200).body("items", hasSize(186));
    }

    @Test
    void theInForceFilterKeepsOnlyAgreementsInForceOrOnlyThoseNoLongerInForce() {
        given().queryParam("inForce", true).when().get("/branches")
                .then().statusCode(200)
                .body("total", equalTo(BranchListTest.IN_FORCE))
                .body("items.inForce", everyItem(equalTo(true)));
        given().queryParam("inForce", false).when().get("/branches")
                .then().statusCode(200)
                .body("total", equalTo(BranchListTest.NOT_IN_FORCE))
                .body("items.inForce", everyItem(equalTo(false)));
    }

    @Test
    void searchIgnoresCaseAndAccentsAndMatchesCodes() {
        given().queryParam("q", "METALLURGIE").when().get("/branches")
                .then().statusCode(200)
                .body("items.label", everyItem(containsString("étallurgie")));
        given().queryParam("q", "001").when().get("/branches")
                .then().statusCode(200)
                .body("items.idcc", hasItem("0018"))
                .body("items.idcc", everyItem(startsWith("001")));
    }

    @Test
    void aBranchIsFoundByItsIdcc() {
        given().when().get("/branches/0018")
                .then().statusCode(200)
                .body("idcc", equalTo("0018"))
                .body("label", containsString("textile"))
                .body("legalStates", hasItem("VIGUEUR_ETEN"))
                .body("inForce", equalTo(true))
                .body("url", startsWith("https://www.legifrance.gouv.fr/"));
    }

    @Test
    void anUnknownIdccIs404ProblemJson() {
        given().when().get("/branches/0001")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("urn:cqp-suite:problem:not-found"))
                .body("detail", containsString("0001"))
                .body("instance", equalTo("/branches/0001"));
    }

    @Test
    void aMalformedIdccIs400NamingTheParameter() {
        given().when().get("/branches/18")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("idcc"))
                .body("errors[0].rule", equalTo("pattern"))
                .body("errors[0].message", containsString("4 digits"));
    }

    @Test
    void outOfRangePagingIs400NamingEachParameter() {
        given().queryParam("size", 0).queryParam("page", -1).when().get("/branches")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("size"))
                .body("errors.field", hasItem("page"))
                .body("errors.rule", everyItem(equalTo("min")));
    }

    @Test
    void aParameterOfTheWrongTypeIs400NamingIt() {
        given().queryParam("size", "many").when().get("/branches")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"))
                .body("errors[0].rule", equalTo("type"))
                .body("errors[0].message", containsString("integer"));
        given().queryParam("inForce", "maybe").when().get("/branches")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("inForce"))
                .body("errors[0].message", containsString("true or false"));
    }

    @Test
    void unknownPathsAndMethodsAreProblemJson() {
        given().when().get("/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body("{}").when().delete("/branches/0018")
                .then().statusCode(405).contentType("application/problem+json");
    }
}
