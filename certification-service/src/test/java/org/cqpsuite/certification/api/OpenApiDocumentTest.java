package org.cqpsuite.certification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a developer reading the OpenAPI document expects of every operation. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void everyOperationHasASummaryADescriptionAndAnExample() throws Exception {
        JsonNode document = new ObjectMapper().readTree(
                given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().asString());
        List<String> incomplete = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations++;
                JsonNode op = operation.getValue();
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                if (op.path("summary").asText().isBlank()) {
                    incomplete.add(name + ": no summary");
                }
                if (op.path("description").asText().isBlank()) {
                    incomplete.add(name + ": no description");
                }
                if (!op.toString().contains("\"examples\"") && !op.toString().contains("\"example\"")) {
                    incomplete.add(name + ": no example");
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(12);
        assertThat(incomplete).isEmpty();
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
