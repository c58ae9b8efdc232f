package org.cqpsuite.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every service test relies on: one server, a database per service, a broker that survives an outage. */
class SharedInfrastructureTest {

    private final TestInfrastructure infrastructure = TestInfrastructure.shared();

    @Test
    void eachServiceGetsItsOwnDatabaseOnTheSameServer() throws SQLException {
        execute("certification", "CREATE TABLE only_here (id INT)");

        assertThat(tables("certification")).contains("only_here");
        assertThat(tables("registration")).doesNotContain("only_here");
        assertThat(infrastructure.jdbcUrl("certification")).isEqualTo(infrastructure.jdbcUrl("certification"));
    }

    @Test
    void theEmbeddedBrokerKeepsItsMessagesAcrossAnOutage() {
        var broker = infrastructure.controllableBroker();
        org.junit.jupiter.api.Assumptions.assumeTrue(broker.isPresent(), "only the embedded broker is controllable");
        KafkaTestClient kafka = new KafkaTestClient(infrastructure.kafkaBootstrapServers());
        String key = UUID.randomUUID().toString();
        kafka.send("outage-probe", key, "before");

        broker.get().kill();
        broker.get().restart();

        kafka.send("outage-probe", key, "after");
        assertThat(kafka.readKey("outage-probe", key, 2, Duration.ofSeconds(60)))
                .extracting(r -> r.value()).containsExactly("before", "after");
    }

    private void execute(String database, String sql) throws SQLException {
        try (Connection connection = connect(database)) {
            connection.createStatement().execute(sql);
        }
    }

    private java.util.List<String> tables(String database) throws SQLException {
        try (Connection connection = connect(database);
                ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(infrastructure.jdbcUrl(database), infrastructure.username(),
                infrastructure.password());
    }
}
