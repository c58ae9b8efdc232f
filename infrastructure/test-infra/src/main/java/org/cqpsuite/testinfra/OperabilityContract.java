package org.cqpsuite.testinfra;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

/**
 * What an operator and an API user check first on every service, whatever it does: it is ready only with its
 * database and its broker, it exposes metrics and OpenAPI. Each service's test extends this class (as a
 * {@code @QuarkusTest} and again as a {@code @QuarkusIntegrationTest} against the packaged application).
 */
public abstract class OperabilityContract {

    /** The service's name as in quarkus.application.name. */
    protected abstract String serviceName();

    /** The topic the service publishes to or consumes from. */
    protected abstract String topic();

    @Test
    void theServicesBrokerRoundTripsAMessage() {
        KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.shared().kafkaBootstrapServers());
        String key = java.util.UUID.randomUUID().toString();
        kafka.send(topic(), key, "{\"probe\":\"" + key + "\"}");
        org.assertj.core.api.Assertions.assertThat(kafka.readKey(topic(), key, 1, java.time.Duration.ofSeconds(30)))
                .extracting(org.apache.kafka.clients.consumer.ConsumerRecord::value)
                .containsExactly("{\"probe\":\"" + key + "\"}");
    }

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.status", org.hamcrest.Matchers.everyItem(equalTo("UP")));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePublishedInPrometheusFormat() {
        given().accept("text/plain").when().get("/q/metrics")
                .then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("process_uptime_seconds"));
    }

    @Test
    void openApiDocumentDescribesTheService() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("info.title", containsString(serviceName()));
    }

    @Test
    void everyOperationHasASummaryADescriptionAndAnExample() throws Exception {
        com.fasterxml.jackson.databind.JsonNode document = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().asString());
        java.util.List<String> incomplete = new java.util.ArrayList<>();
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                com.fasterxml.jackson.databind.JsonNode op = operation.getValue();
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
        org.assertj.core.api.Assertions.assertThat(incomplete).isEmpty();
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .body(containsString("swagger-ui"));
    }
}
