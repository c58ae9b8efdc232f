package org.cqpsuite.certification.certification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.cqpsuite.events.certification.CertificationEventSchema;
import org.cqpsuite.events.certification.CertificationEvents;
import org.cqpsuite.testinfra.KafkaTestClient;
import org.cqpsuite.testinfra.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * What a partner subscribed to cqp.certification.events sees: one CloudEvent per change, keyed by the certification,
 * in order, whose data is the full state after the change and validates against the published JSON Schema.
 */
@QuarkusTest
class CertificationEventsTest {

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(CertificationEventSchema.json(),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyChangeIsPublishedOnceInOrderWithItsFullState() throws Exception {
        String id = Certifications.publishedCqpi();
        given().auth().oauth2(Certifications.textileAndClothing()).when().post("/certifications/" + id + "/retirement")
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> events = kafka().readKey(CertificationEvents.TOPIC, id, 6,
                Duration.ofSeconds(30));

        assertThat(events).extracting(record -> header(record, "ce_type")).containsExactly(
                "org.cqpsuite.certification.created",
                "org.cqpsuite.certification.framework-version-added",
                "org.cqpsuite.certification.framework-version-added",
                "org.cqpsuite.certification.framework-version-added",
                "org.cqpsuite.certification.published",
                "org.cqpsuite.certification.retired");
        assertThat(events).extracting(record -> org.cqpsuite.events.CloudEventHeaders.parseSequence(header(record, "ce_sequence")))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(events).extracting(record -> header(record, "ce_id")).doesNotHaveDuplicates();
        assertThat(events).allSatisfy(record -> {
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_source")).isEqualTo(CertificationEvents.SOURCE);
            assertThat(header(record, "ce_subject")).isEqualTo(id);
            JsonNode data = JSON.readTree(record.value());
            assertThat(SCHEMA.validate(data)).as(record.value()).isEmpty();
            assertThat(data.path("certification").path("id").asText()).isEqualTo(id);
        });

        JsonNode published = JSON.readTree(events.get(4).value());
        assertThat(published.path("sequence").asLong()).isEqualTo(5);
        assertThat(published.path("certification").path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.path("certification").path("carryingBranches").toString()).isEqualTo("[\"0018\",\"0247\"]");
        assertThat(published.path("certification").path("frameworks").path("skills").path("blockCodes").toString())
                .isEqualTo("[\"BC01\"]");
        String etag = given().when().get("/certifications/" + id).then().extract().header("ETag");
        JsonNode retired = JSON.readTree(events.get(5).value());
        assertThat("\"" + retired.path("certification").path("version").asLong() + "\"").isEqualTo(etag);
    }

    @Test
    void aRefusedChangePublishesNothing() {
        String id = Certifications.createCqpi();
        given().auth().oauth2(Certifications.textileAndClothing()).header("If-Match", "\"7\"")
                .contentType(ContentType.JSON).body(Certifications.CQPI).when().put("/certifications/" + id)
                .then().statusCode(412);
        given().auth().oauth2(Certifications.textileAndClothing()).when().post("/certifications/" + id + "/publication")
                .then().statusCode(409);

        assertThat(kafka().readKey(CertificationEvents.TOPIC, id, 2, Duration.ofSeconds(5)))
                .extracting(record -> header(record, "ce_type"))
                .containsExactly("org.cqpsuite.certification.created");
    }

    private static KafkaTestClient kafka() {
        return new KafkaTestClient(TestInfrastructure.shared().kafkaBootstrapServers());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
