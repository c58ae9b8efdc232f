package org.cqpsuite.certification.certification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cqpsuite.events.certification.CertificationEvents;
import org.cqpsuite.testinfra.KafkaTestClient;
import org.cqpsuite.testinfra.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * With the broker down, writes still succeed (the events wait in the outbox); once it is back, every event reaches
 * the topic exactly once, in order per certification.
 */
@QuarkusTest
class BrokerOutageTest {

    @Test
    void changesMadeWhileTheBrokerIsDownArePublishedOnceInOrderWhenItReturns() {
        var broker = TestInfrastructure.shared().controllableBroker();
        assumeTrue(broker.isPresent(), "only the embedded broker can be stopped by a test");
        String token = Certifications.textileAndClothing();
        List<String> ids = new ArrayList<>();

        broker.get().kill();
        try {
            for (int i = 0; i < 5; i++) {
                String id = Certifications.createCqpi();
                ids.add(id);
                given().auth().oauth2(token).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                        .body(Certifications.CQPI.replace("Opérateur qualité", "Opérateur qualité " + i))
                        .when().put("/certifications/" + id).then().statusCode(200);
                Certifications.putFramework(token, id, "skills", Certifications.SKILLS).statusCode(201);
            }
        } finally {
            broker.get().restart();
        }

        KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.shared().kafkaBootstrapServers());
        Set<String> keys = Set.copyOf(ids);
        List<ConsumerRecord<String, String>> events = kafka.read(CertificationEvents.TOPIC,
                record -> keys.contains(record.key()), 15, Duration.ofSeconds(90));
        // Read a little longer: a duplicate would arrive after the fifteenth event.
        events = kafka.read(CertificationEvents.TOPIC, record -> keys.contains(record.key()), 16, Duration.ofSeconds(3));

        assertThat(events).hasSize(15);
        for (String id : ids) {
            assertThat(events.stream().filter(record -> record.key().equals(id))
                    .map(record -> header(record, "ce_type")).toList()).containsExactly(
                            "org.cqpsuite.certification.created",
                            "org.cqpsuite.certification.updated",
                            "org.cqpsuite.certification.framework-version-added");
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
