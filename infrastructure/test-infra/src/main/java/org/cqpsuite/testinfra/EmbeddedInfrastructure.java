package org.cqpsuite.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.cqpsuite.infra.LocalKafka;
import org.cqpsuite.infra.LocalPostgres;

/**
 * A real PostgreSQL (embedded binaries) and a real single-node Kafka broker (child JVM) started by this test JVM,
 * with their logs under {@code target/test-infra/}. No Docker needed.
 */
final class EmbeddedInfrastructure implements TestInfrastructure, TestInfrastructure.ControllableBroker {

    private final LocalPostgres postgres;
    private final PostgresDatabases databases;
    private volatile LocalKafka kafka;

    private EmbeddedInfrastructure(LocalPostgres postgres, LocalKafka kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.databases = new PostgresDatabases(postgres.jdbcUrl(""), postgres.username(), postgres.password());
    }

    static EmbeddedInfrastructure start() {
        Path logs = Path.of("target", "test-infra").toAbsolutePath();
        try {
            Files.createDirectories(logs);
            LocalPostgres postgres = LocalPostgres.start(null, 0, logs.resolve("postgres.log"));
            LocalKafka kafka;
            try {
                kafka = LocalKafka.start(null, 0, logs.resolve("kafka.log"));
            } catch (IOException | RuntimeException e) {
                postgres.close();
                throw e;
            }
            EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(postgres, kafka);
            Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "cqp-test-infra-stop"));
            return infrastructure;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL and Kafka (logs in " + logs + ")", e);
        }
    }

    private void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }

    @Override
    public String jdbcUrl(String database) {
        return databases.jdbcUrl(database);
    }

    @Override
    public String username() {
        return postgres.username();
    }

    @Override
    public String password() {
        return postgres.password();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String description() {
        return "embedded PostgreSQL on port " + postgres.port() + " and Kafka at " + kafka.bootstrapServers();
    }

    @Override
    public Optional<ControllableBroker> controllableBroker() {
        return Optional.of(this);
    }

    @Override
    public synchronized void kill() {
        kafka.kill();
    }

    @Override
    public synchronized void restart() {
        try {
            kafka = kafka.restart();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restart the embedded Kafka broker", e);
        }
    }
}
