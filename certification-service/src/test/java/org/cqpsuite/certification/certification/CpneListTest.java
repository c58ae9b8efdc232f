package org.cqpsuite.certification.certification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The CPNEs named by certifications, with their branch. */
@QuarkusTest
class CpneListTest {

    @Test
    void theCpnesOfABranchAreListedWithTheirBranchAndCertifications() {
        Certifications.createCqpi();
        Certifications.createCqpi();
        given().queryParam("idcc", "0247").when().get("/cpnes")
                .then().statusCode(200)
                .body("idcc", everyItem(equalTo("0247")))
                .body("name", hasItem("CPNEFP habillement"))
                .body("find { it.name == 'CPNEFP habillement' }.certifications", greaterThanOrEqualTo(2));
        given().queryParam("q", "TEXTILE").when().get("/cpnes")
                .then().statusCode(200).body("name", hasItem("CPNEFP textile"))
                .body("find { it.name == 'CPNEFP textile' }.branchLabel", equalTo("Industrie textile"));
        given().queryParam("idcc", "18").when().get("/cpnes").then().statusCode(400)
                .body("errors[0].field", equalTo("idcc"));
    }
}
