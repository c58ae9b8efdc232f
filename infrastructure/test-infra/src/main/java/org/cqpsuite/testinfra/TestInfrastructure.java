package org.cqpsuite.testinfra;

import java.util.Locale;
import java.util.Optional;

/**
 * The real PostgreSQL server and Kafka broker that a test JVM uses, whichever way they were obtained.
 *
 * <p>One instance per JVM (see {@link #shared()}): starting PostgreSQL and Kafka costs seconds, so every test class
 * of a module shares them, and each service gets its own database on that server.
 */
public interface TestInfrastructure {

    /** Environment variable (or system property {@code cqp.test.infra}) choosing the provider. */
    String PROVIDER_VARIABLE = "CQP_TEST_INFRA";

    /** A JDBC URL of the server without database, e.g. {@code jdbc:postgresql://db.example:5432/}. */
    String EXTERNAL_PG_URL = "CQP_TEST_PG_URL";
    String EXTERNAL_PG_USER = "CQP_TEST_PG_USER";
    String EXTERNAL_PG_PASSWORD = "CQP_TEST_PG_PASSWORD";
    /** Bootstrap servers of an existing Kafka broker, e.g. {@code kafka.example:9092}. */
    String EXTERNAL_KAFKA = "CQP_TEST_KAFKA_BOOTSTRAP";

    /** Creates (once) a database of this name and returns its JDBC URL. */
    String jdbcUrl(String database);

    String username();

    String password();

    String kafkaBootstrapServers();

    /** Which kind of infrastructure this is, for logs and test reports. */
    String description();

    /**
     * The embedded broker, when this JVM started it itself: fault tests stop and restart it. Empty for an external
     * broker or a container, which tests must not disturb.
     */
    default Optional<ControllableBroker> controllableBroker() {
        return Optional.empty();
    }

    /** A broker that a test may stop and start again (broker-outage tests). */
    interface ControllableBroker {
        /** Kills the broker process (SIGKILL), as a crash would. */
        void kill();

        /** Starts it again on the same port and data: topics and messages are kept. */
        void restart();
    }

    /** The infrastructure of this JVM, started on first use and stopped when the JVM exits. */
    static TestInfrastructure shared() {
        return SharedInfrastructure.get();
    }

    /** {@code embedded} (default), {@code external} or {@code testcontainers}. */
    static String requestedProvider() {
        String value = System.getProperty("cqp.test.infra", System.getenv(PROVIDER_VARIABLE));
        if (value == null || value.isBlank()) {
            return System.getenv(EXTERNAL_PG_URL) != null && System.getenv(EXTERNAL_KAFKA) != null ? "external" : "embedded";
        }
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
