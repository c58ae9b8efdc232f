package org.cqpsuite.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cqpsuite.outbox.OutboxTestSupport.newKey;
import static org.cqpsuite.outbox.OutboxTestSupport.row;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.cqpsuite.testinfra.RealInfrastructureResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * After the relay failed on the database, the first commit ends its backoff: the events of a database outage go out
 * as soon as the database is back, not up to {@code cqp.outbox.max-backoff} later. The outage is the outbox table
 * being away (renamed), so that the relay's reads fail while the rest of the database works.
 */
@QuarkusTest
@TestProfile(OutboxDatabaseOutageTest.LongBackoff.class)
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "outbox_db_outage"))
class OutboxDatabaseOutageTest {

    /** A first backoff far longer than the publication the test waits for. */
    public static class LongBackoff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cqp.outbox.min-backoff", "20s", "cqp.outbox.max-backoff", "20s");
        }
    }

    @Inject
    CertificationWriter writer;
    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void theFirstCommitAfterADatabaseFailureEndsTheRelaysBackoff() throws Exception {
        OutboxEvent warmUp = writer.create(newKey("CQP-DB-WARMUP"), "avant la panne");
        await().atMost(Duration.ofSeconds(10)).until(() -> row(warmUp.id).isPublished());

        try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password);
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE outbox_event RENAME TO outbox_event_away");
            try {
                relay.wakeUp();
                // The relay's attempt fails and backs off for 20 s (its warning says so in the log).
                Thread.sleep(1_000);
            } finally {
                statement.execute("ALTER TABLE outbox_event_away RENAME TO outbox_event");
            }
        }

        long committed = System.nanoTime();
        OutboxEvent afterwards = writer.create(newKey("CQP-DB-AFTER"), "après la panne");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> row(afterwards.id).isPublished());
        Duration waited = Duration.ofNanos(System.nanoTime() - committed);

        assertThat(waited).as("published after the commit, not at the end of the 20 s backoff")
                .isLessThan(Duration.ofSeconds(5));
    }
}
