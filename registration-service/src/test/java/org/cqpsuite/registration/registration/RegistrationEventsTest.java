package org.cqpsuite.registration.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cqpsuite.registration.registration.RegistrationApi.decision;
import static org.cqpsuite.registration.registration.RegistrationApi.newRncpCode;
import static org.cqpsuite.registration.registration.RegistrationApi.post;
import static org.cqpsuite.registration.registration.RegistrationApi.publishedCertification;
import static org.cqpsuite.registration.registration.RegistrationApi.registrar;
import static org.cqpsuite.registration.registration.RegistrationApi.requestedRncp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cqpsuite.events.registration.RegistrationEventSchema;
import org.cqpsuite.events.registration.RegistrationEvents;
import org.cqpsuite.registration.certification.CertificationServiceStub;
import org.cqpsuite.testinfra.KafkaTestClient;
import org.cqpsuite.testinfra.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What partners subscribed to cqp.registration.events see: each step in order, once, with the certification's full
 * registration state, valid against the published schema; and the expiry, once, the day after the end date.
 */
@QuarkusTest
@QuarkusTestResource(value = CertificationServiceStub.class, restrictToAnnotatedClass = true)
class RegistrationEventsTest {

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(RegistrationEventSchema.json(),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ExpiryJob expiry;

    @AfterEach
    void realTime() {
        MutableClock.reset();
    }

    @Test
    void eachStepIsPublishedOnceInOrderWithTheFullState() throws Exception {
        String certification = publishedCertification();
        String rid = requestedRncp(certification);
        String code = newRncpCode();
        post(registrar(), "/registrations/" + rid + "/decision", decision(code, 4)).statusCode(200);

        List<ConsumerRecord<String, String>> events = read(certification, 3);
        assertThat(events).extracting(r -> header(r, "ce_type")).containsExactly(
                "org.cqpsuite.registration.transmitted", "org.cqpsuite.registration.requested",
                "org.cqpsuite.registration.registered");
        assertThat(events).extracting(r -> org.cqpsuite.events.CloudEventHeaders.parseSequence(header(r, "ce_sequence")))
                .containsExactly(1L, 2L, 3L);
        for (ConsumerRecord<String, String> event : events) {
            assertThat(SCHEMA.validate(JSON.readTree(event.value()))).as(event.value()).isEmpty();
            assertThat(header(event, "ce_source")).isEqualTo(RegistrationEvents.SOURCE);
        }
        JsonNode registered = JSON.readTree(events.get(2).value());
        assertThat(registered.path("state").path("registrations").get(0).path("code").asText()).isEqualTo(code);
        assertThat(registered.path("state").path("transmissions").get(0).path("reference").asText())
                .isEqualTo("FC-2019-0001");
    }

    @Test
    void aRegistrationExpiresTheDayAfterItsEndDateOnceWithTwoInstancesAndARestart() throws Exception {
        String certification = publishedCertification();
        String rid = requestedRncp(certification);
        post(registrar(), "/registrations/" + rid + "/decision", decision(newRncpCode(), 4)).statusCode(200);

        MutableClock.today(LocalDate.parse("2024-06-14"));
        expiry.run();
        given().when().get("/registrations/" + rid).then().statusCode(200)
                .body("registration.status", org.hamcrest.Matchers.equalTo("REGISTERED"));

        MutableClock.today(LocalDate.parse("2024-06-15"));
        // Two instances running the job at the same moment, then a third run (a restart): one expiry, one event.
        var instances = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = instances.submit(expiry::run);
            var second = instances.submit(expiry::run);
            first.get();
            second.get();
        } finally {
            instances.shutdown();
        }
        expiry.run();
        given().when().get("/registrations/" + rid).then()
                .body("registration.status", org.hamcrest.Matchers.equalTo("EXPIRED"))
                .body("history.action", org.hamcrest.Matchers.hasItem("EXPIRE"));

        List<ConsumerRecord<String, String>> events = read(certification, 5);
        assertThat(events).extracting(r -> header(r, "ce_type"))
                .filteredOn(type -> type.endsWith(".expired")).hasSize(1);
        assertThat(events).hasSize(4);
        assertThat(SCHEMA.validate(JSON.readTree(events.get(3).value()))).isEmpty();
    }

    private static List<ConsumerRecord<String, String>> read(String certification, int atMost) {
        return new KafkaTestClient(TestInfrastructure.shared().kafkaBootstrapServers())
                .readKey(RegistrationEvents.TOPIC, certification, atMost, Duration.ofSeconds(atMost > 3 ? 15 : 30));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
