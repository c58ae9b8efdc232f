package org.cqpsuite.testinfra;

import java.util.UUID;

/**
 * PostgreSQL and Kafka that already run somewhere, named by environment variables. Each test JVM creates its
 * databases with a unique suffix so that runs never see each other's data (topics are shared: tests that read
 * topics must filter on the keys they wrote).
 */
final class ExternalInfrastructure implements TestInfrastructure {

    private final PostgresDatabases databases;
    private final String username;
    private final String password;
    private final String kafka;
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    private ExternalInfrastructure(String pgUrl, String username, String password, String kafka) {
        this.databases = new PostgresDatabases(pgUrl, username, password);
        this.username = username;
        this.password = password;
        this.kafka = kafka;
    }

    static ExternalInfrastructure fromEnvironment() {
        String url = required(EXTERNAL_PG_URL);
        String kafka = required(EXTERNAL_KAFKA);
        String user = System.getenv().getOrDefault(EXTERNAL_PG_USER, "postgres");
        String password = System.getenv().getOrDefault(EXTERNAL_PG_PASSWORD, "");
        return new ExternalInfrastructure(url, user, password, kafka);
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(PROVIDER_VARIABLE + "=external needs the environment variable " + name);
        }
        return value;
    }

    @Override
    public String jdbcUrl(String database) {
        return databases.jdbcUrl(database + "_" + suffix);
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka;
    }

    @Override
    public String description() {
        return "external PostgreSQL and Kafka at " + kafka;
    }
}
