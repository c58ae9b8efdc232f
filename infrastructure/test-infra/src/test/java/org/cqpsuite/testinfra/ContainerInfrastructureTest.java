package org.cqpsuite.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The Testcontainers path, where a Docker engine runs; skipped cleanly where none does. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerInfrastructureTest {

    @Test
    void containersGiveADatabaseAndABroker() throws Exception {
        ContainerInfrastructure infrastructure = ContainerInfrastructure.start();
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl("certification"),
                infrastructure.username(), infrastructure.password());
                ResultSet rows = connection.createStatement().executeQuery("SELECT current_database()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("certification");
        }
        KafkaTestClient kafka = new KafkaTestClient(infrastructure.kafkaBootstrapServers());
        String key = UUID.randomUUID().toString();
        kafka.send("probe", key, "hello");
        assertThat(kafka.readKey("probe", key, 1, Duration.ofSeconds(30))).hasSize(1);
    }
}
