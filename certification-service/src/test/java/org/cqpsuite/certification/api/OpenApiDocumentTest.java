package org.cqpsuite.certification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What a developer reading the OpenAPI document expects (every operation documented: OperabilityContract). */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void everyEndpointIsInTheDocument() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(
                given().accept("application/json").when().get("/q/openapi").then().extract().asString()).path("paths");
        assertThat(paths.has("/certifications/{id}/frameworks/{framework}/versions/{number}")).isTrue();
        assertThat(paths.has("/branches/{idcc}")).isTrue();
        assertThat(paths.has("/cpnes")).isTrue();
    }

    @Test
    void writesDeclareTheirTokenAndErrorsTheirProblemDocument() throws Exception {
        JsonNode document = new ObjectMapper().readTree(
                given().accept("application/json").when().get("/q/openapi").then().extract().asString());
        JsonNode create = document.path("paths").path("/certifications").path("post");
        assertThat(create.path("security").toString()).contains("jwt");
        assertThat(create.path("responses").path("400").path("content").has("application/problem+json")).isTrue();
    }
}
